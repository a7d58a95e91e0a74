import { describe, expect, it } from 'vitest';
import { auditDayOf, daysBetween, isCalendarDate, isIanaTimeZone, utcInstant } from './time.ts';

describe('audit days and instants', () => {
  it('accepts real calendar dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('7.12.2026')).toBe(false);
  });

  it('accepts IANA time zones and refuses abbreviations and junk', () => {
    expect(isIanaTimeZone('Europe/Berlin')).toBe(true);
    expect(isIanaTimeZone('Asia/Shanghai')).toBe(true);
    expect(isIanaTimeZone('Mars/Olympus')).toBe(false);
    expect(isIanaTimeZone('')).toBe(false);
    expect(isIanaTimeZone(' Europe/Berlin')).toBe(false);
  });

  it('puts an instant on the audit day of the engagement time zone, not of UTC', () => {
    const lateEveningUtc = Date.UTC(2026, 11, 7, 23, 30);
    expect(auditDayOf(lateEveningUtc, 'UTC')).toBe('2026-12-07');
    expect(auditDayOf(lateEveningUtc, 'Europe/Berlin')).toBe('2026-12-08');
    expect(auditDayOf(lateEveningUtc, 'America/New_York')).toBe('2026-12-07');
  });

  it('stores instants as UTC ISO strings and counts calendar days across DST', () => {
    expect(utcInstant(Date.UTC(2026, 0, 2, 3, 4, 5, 6))).toBe('2026-01-02T03:04:05.006Z');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-09', '2026-12-07')).toBe(-2);
  });
});
