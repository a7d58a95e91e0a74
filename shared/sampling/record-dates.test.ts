import { describe, expect, it } from 'vitest';
import { detectDayFirst, excelSerialDate, parseRecordDate } from './record-dates.ts';

const date = (iso: string) => ({ kind: 'date', iso });
const local = (iso: string) => ({ kind: 'local', iso });
const instant = (iso: string) => ({ kind: 'instant', iso });

describe('parseRecordDate', () => {
  it('reads ISO forms, with and without a zone', () => {
    expect(parseRecordDate('2026-03-01')).toEqual(date('2026-03-01'));
    expect(parseRecordDate('2026-03-01 14:05')).toEqual(local('2026-03-01T14:05:00'));
    expect(parseRecordDate('2026-03-01T14:05:09.123')).toEqual(local('2026-03-01T14:05:09'));
    expect(parseRecordDate('2026-03-01T14:05:09Z')).toEqual(instant('2026-03-01T14:05:09Z'));
    expect(parseRecordDate('2026-03-01T01:05:00+08:00')).toEqual(instant('2026-02-28T17:05:00Z'));
    expect(parseRecordDate('2026/3/5 14:05')).toEqual(local('2026-03-05T14:05:00'));
    expect(parseRecordDate('20260301')).toEqual(date('2026-03-01'));
  });

  it('reads day/month and month/day only as the caller says, unless a number over 12 decides', () => {
    expect(parseRecordDate('01/03/2026', { dayFirst: true })).toEqual(date('2026-03-01'));
    expect(parseRecordDate('01/03/2026', { dayFirst: false })).toEqual(date('2026-01-03'));
    expect(parseRecordDate('01/03/2026')).toBeNull();
    expect(parseRecordDate('25.03.2026')).toEqual(date('2026-03-25'));
    expect(parseRecordDate('3/25/2026 2:05:00 PM')).toEqual(local('2026-03-25T14:05:00'));
    expect(parseRecordDate('05/05/26', {})).toEqual(date('2026-05-05'));
    expect(parseRecordDate('12/31/2026', { dayFirst: true })).toBeNull();
  });

  it('reads month names (Jira) and Chinese forms', () => {
    expect(parseRecordDate('01/Mar/26 2:05 PM')).toEqual(local('2026-03-01T14:05:00'));
    expect(parseRecordDate('1 March 2026')).toEqual(date('2026-03-01'));
    expect(parseRecordDate('Mar 1, 2026 12:00 AM')).toEqual(local('2026-03-01T00:00:00'));
    expect(parseRecordDate('2026年3月1日')).toEqual(date('2026-03-01'));
    expect(parseRecordDate('2026年3月1日 14时05分')).toEqual(local('2026-03-01T14:05:00'));
    expect(parseRecordDate('2026年3月1日 下午2:05')).toEqual(local('2026-03-01T14:05:00'));
    expect(parseRecordDate('２０２６年３月１日')).toEqual(date('2026-03-01'));
  });

  it('refuses what is not a date', () => {
    for (const text of ['', 'n/a', '2026-02-29', '2026-13-01', '2026-03-01 25:00', '2026-03-01 foo', '31/04/2026', '13 Foo 2026', '1 2 3']) {
      expect(parseRecordDate(text, { dayFirst: true }), text).toBeNull();
    }
    expect(parseRecordDate('46082', { serials: false })).toBeNull();
  });

  it('reads Excel serial numbers, fractions as the time of day', () => {
    expect(parseRecordDate('46082')).toEqual(date('2026-03-01'));
    expect(parseRecordDate('46082.5')).toEqual(local('2026-03-01T12:00:00'));
    expect(excelSerialDate(46082.999999)).toEqual(local('2026-03-02T00:00:00')); // rounds to the next midnight
    expect(excelSerialDate(46082.25)).toEqual(local('2026-03-01T06:00:00'));
    expect(excelSerialDate(1)).toEqual(date('1900-01-01'));
    expect(excelSerialDate(59)).toEqual(date('1900-02-28'));
    expect(excelSerialDate(60)).toBeNull(); // Excel's 29 February 1900
    expect(excelSerialDate(61)).toEqual(date('1900-03-01'));
    expect(excelSerialDate(0, true)).toEqual(date('1904-01-01'));
    expect(excelSerialDate(44620, true)).toEqual(date('2026-03-01')); // 46082 − 1462;
    expect(excelSerialDate(2_958_465)).toEqual(date('9999-12-31'));
    expect(excelSerialDate(2_958_466)).toBeNull();
    expect(excelSerialDate(0)).toBeNull();
  });
});

describe('detectDayFirst', () => {
  it('decides from values with a number over 12', () => {
    expect(detectDayFirst(['01/03/2026', '25/03/2026', 'x'])).toEqual({ dayFirst: true, dayFirstValues: 1, monthFirstValues: 0 });
    expect(detectDayFirst(['03/25/2026 2:05 PM', '01/03/2026'])).toMatchObject({ dayFirst: false });
    expect(detectDayFirst(['01/03/2026', '02/03/2026']).dayFirst).toBeNull();
    expect(detectDayFirst(['25/03/2026', '03/25/2026']).dayFirst).toBeNull();
  });
});
