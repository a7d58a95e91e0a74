import { describe, expect, it } from 'vitest';
import { instantOf, minutesOf } from './local-time.ts';

describe('local day and time in a time zone', () => {
  it('names the instant of an ordinary time, in winter and summer', () => {
    expect(new Date(instantOf('2026-12-07', '09:00', 'Europe/London')!).toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(new Date(instantOf('2027-06-07', '09:00', 'Europe/London')!).toISOString()).toBe('2027-06-07T08:00:00.000Z');
    expect(new Date(instantOf('2026-12-07', '09:00', 'Asia/Shanghai')!).toISOString()).toBe('2026-12-07T01:00:00.000Z');
  });

  it('has no instant for a time in the hour skipped on the last Sunday of March (Europe/London)', () => {
    expect(instantOf('2027-03-28', '01:30', 'Europe/London')).toBeNull();
    // 00:30 to 03:30 that morning is two hours, not three.
    expect((instantOf('2027-03-28', '03:30', 'Europe/London')! - instantOf('2027-03-28', '00:30', 'Europe/London')!) / 3_600_000).toBe(2);
  });

  it('takes the first of the two 01:30s on the last Sunday of October', () => {
    expect(new Date(instantOf('2027-10-31', '01:30', 'Europe/London')!).toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect((instantOf('2027-10-31', '03:00', 'Europe/London')! - instantOf('2027-10-31', '00:00', 'Europe/London')!) / 3_600_000).toBe(4);
  });

  it('refuses what is not a day or a time', () => {
    expect(instantOf('2027-02-30x', '09:00', 'UTC')).toBeNull();
    expect(instantOf('2027-02-03', '24:00', 'UTC')).toBeNull();
    expect(minutesOf('9:00')).toBeNull();
    expect(minutesOf('23:59')).toBe(1439);
  });
});
