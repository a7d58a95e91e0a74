import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, timeZoneOffsetText, utcOffsetText, formatDateWithWeekday, formatDuration, formatInstant, formatNumber, joinList, pageNumberParts } from './format.ts';

describe('document formats', () => {
  it('writes a time zone as its offset from UTC on the day', () => {
    expect(timeZoneOffsetText('Europe/London', '2026-12-07')).toBe('UTC+0');
    expect(timeZoneOffsetText('Europe/London', '2026-07-07')).toBe('UTC+1');
    expect(timeZoneOffsetText('Asia/Shanghai', '2026-12-07')).toBe('UTC+8');
    expect(timeZoneOffsetText('America/New_York', '2026-12-07')).toBe('UTC-5');
    expect(utcOffsetText(330)).toBe('UTC+5:30');
  });

  it('writes a range of dates with the shared parts once', () => {
    expect(formatDateRange('2026-12-07', '2026-12-10', 'en')).toBe('7–10 Dec 2026');
    expect(formatDateRange('2026-12-07', '2026-12-10', 'zh-Hans')).toBe('2026年12月7日至10日');
    expect(formatDateRange('2026-11-30', '2026-12-02', 'en')).toBe('30 Nov – 2 Dec 2026');
    expect(formatDateRange('2026-11-30', '2026-12-02', 'zh-Hans')).toBe('2026年11月30日至12月2日');
    expect(formatDateRange('2026-12-29', '2027-01-02', 'en')).toBe('29 Dec 2026 – 2 Jan 2027');
    expect(formatDateRange('2026-12-29', '2027-01-02', 'zh-Hans')).toBe('2026年12月29日至2027年1月2日');
    expect(formatDateRange('2026-12-07', '2026-12-07', 'en')).toBe('7 Dec 2026');
    expect(formatDateRange('2026-12-07', '', 'zh-Hans')).toBe('2026年12月7日');
  });

  it('writes dates the way each language does', () => {
    expect(formatDate('2026-12-07', 'en')).toBe('7 Dec 2026');
    expect(formatDate('2026-12-07', 'zh-Hans')).toBe('2026年12月7日');
    expect(formatDateWithWeekday('2026-12-07', 'en')).toBe('Monday 7 Dec 2026');
    expect(formatDateWithWeekday('2026-12-07', 'zh-Hans')).toBe('2026年12月7日（星期一）');
    expect(() => formatDate('2026-13', 'en')).toThrow();
  });

  it('shows an instant in the engagement time zone, across a daylight-saving change', () => {
    expect(formatInstant('2026-11-23T08:15:00.000Z', 'Asia/Shanghai', 'zh-Hans')).toBe('2026年11月23日 16:15');
    expect(formatInstant('2026-03-29T00:30:00.000Z', 'Europe/London', 'en')).toBe('29 Mar 2026 00:30');
    expect(formatInstant('2026-03-29T01:30:00.000Z', 'Europe/London', 'en')).toBe('29 Mar 2026 02:30');
  });

  it('writes durations, numbers and lists', () => {
    expect(formatDuration(90, 'en')).toBe('1 h 30 min');
    expect(formatDuration(120, 'zh-Hans')).toBe('2小时');
    expect(formatDuration(45, 'en')).toBe('45 min');
    expect(formatNumber(1.5)).toBe('1.5');
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(0.333333)).toBe('0.33');
    expect(joinList(['a', 'b'], 'en')).toBe('a, b');
    expect(joinList(['甲', '乙'], 'zh-Hans')).toBe('甲、乙');
  });

  it('splits the page-number text around its fields', () => {
    expect(pageNumberParts('Page {page} of {pages}')).toEqual(['Page ', { field: 'page' }, ' of ', { field: 'pages' }]);
    expect(pageNumberParts('第 {page} 页，共 {pages} 页')).toEqual(['第 ', { field: 'page' }, ' 页，共 ', { field: 'pages' }, ' 页']);
  });
});
