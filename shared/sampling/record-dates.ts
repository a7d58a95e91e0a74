/**
 * A date cell of a client's export as ISO text, whatever the tool wrote: ISO forms, numeric dates in
 * day/month or month/day order (never guessed per cell: the caller says `dayFirst`, helped by
 * detectDayFirst over the column's values), month names (Jira's 01/Mar/26 2:05 PM), Chinese forms
 * (2026年3月1日 14时05分, 下午), compact 20260301, and Excel serial numbers (with a fraction for the time).
 *
 * Three results, never silently mixed: a calendar date; a local date-time (no zone in the cell: the
 * export's zone is the tool's setting, which the caller knows, not this code); an instant (the cell
 * carried Z or an offset), normalized to UTC. Pure: no Date parsing of free text (engines differ).
 */

export type RecordDate =
  | { readonly kind: 'date'; readonly iso: string } // 2026-03-01
  | { readonly kind: 'local'; readonly iso: string } // 2026-03-01T14:05:00
  | { readonly kind: 'instant'; readonly iso: string }; // 2026-03-01T06:05:00Z

export interface DateReadOptions {
  /** For numeric d/m/y vs m/d/y: true = day first, false = month first, null/undefined = only unambiguous values (day > 12, or day = month). */
  readonly dayFirst?: boolean | null;
  /** Read a plain number in Excel's range as a serial date (default true: the caller maps a date column). */
  readonly serials?: boolean;
  /** The workbook's 1904 date system (old Mac Excel). */
  readonly date1904?: boolean;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function fullYear(text: string): number {
  const y = Number(text);
  if (text.length !== 2) return y;
  return y <= 68 ? 2000 + y : 1900 + y;
}

interface Time {
  h: number;
  min: number;
  s: number;
  /** Minutes east of UTC; null = no zone written. */
  offset: number | null;
}

const TIME = /^(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,]\d+)?)?|时(\d{1,2})分(?:(\d{1,2})秒)?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?$/i;

/** The time after a date: "14:05", "2:05 PM", "14:05:09.123+08:00", "14时05分", "下午2:05"; '' is midnight with no time. */
function parseTime(text: string): Time | null | 'none' {
  let t = text.trim();
  if (t === '') return 'none';
  let meridiem: 'am' | 'pm' | null = null;
  if (t.startsWith('上午')) {
    meridiem = 'am';
    t = t.slice(2).trim();
  } else if (t.startsWith('下午') || t.startsWith('晚上')) {
    meridiem = 'pm';
    t = t.slice(2).trim();
  }
  const m = TIME.exec(t);
  if (!m) return null;
  if (m[2] === undefined && m[4] === undefined && m[6] === undefined) return null; // a lone number is not a time
  let h = Number(m[1]);
  const min = Number(m[2] ?? m[4] ?? 0);
  const s = Number(m[3] ?? m[5] ?? 0);
  const ampm = m[6]?.toLowerCase().replaceAll('.', '');
  if (ampm) meridiem = ampm as 'am' | 'pm';
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (h > 23 || min > 59 || s > 59) return null;
  let offset: number | null = null;
  const zone = m[7]?.toLowerCase();
  if (zone) {
    if (zone === 'z' || zone === 'utc' || zone === 'gmt') offset = 0;
    else {
      const digits = zone.replace(':', '');
      const oh = Number(digits.slice(1, 3));
      const om = Number(digits.slice(3, 5) || '0');
      if (oh > 14 || om > 59) return null;
      offset = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
    }
  }
  return { h, min, s, offset };
}

function build(y: number, mo: number, d: number, time: Time | 'none'): RecordDate | null {
  if (!validDate(y, mo, d)) return null;
  const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  if (time === 'none') return { kind: 'date', iso: date };
  if (time.offset === null) return { kind: 'local', iso: `${date}T${pad(time.h)}:${pad(time.min)}:${pad(time.s)}` };
  const ms = Date.UTC(y, mo - 1, d, time.h, time.min, time.s) - time.offset * 60_000;
  return { kind: 'instant', iso: `${new Date(ms).toISOString().slice(0, 19)}Z` };
}

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(.*))?$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?\s*(.*)$/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[T\s,]+(.*))?$/;
const DAY_MONTHNAME = /^(\d{1,2})[-/\s.]([a-z]{3,9})\.?[-/\s.,]+(\d{4}|\d{2})(?:[T\s,]+(.*))?$/i;
const MONTHNAME_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[T\s,]+(.*))?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;

export function parseRecordDate(text: string, options: DateReadOptions = {}): RecordDate | null {
  const t = text.normalize('NFKC').trim();
  if (t === '') return null;
  let m = YEAR_FIRST.exec(t) ?? CHINESE.exec(t);
  if (m) return withTime(Number(m[1]), Number(m[2]), Number(m[3]), m[4]);
  m = COMPACT.exec(t);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), 'none');
  m = NUMERIC.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3]!);
    let dayFirst = options.dayFirst;
    if (dayFirst === undefined || dayFirst === null) {
      if (a > 12 && b <= 12) dayFirst = true;
      else if (b > 12 && a <= 12) dayFirst = false;
      else if (a === b) dayFirst = true;
      else return null; // ambiguous: the caller must choose
    }
    return dayFirst ? withTime(year, b, a, m[4]) : withTime(year, a, b, m[4]);
  }
  m = DAY_MONTHNAME.exec(t);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? withTime(fullYear(m[3]!), month, Number(m[1]), m[4]) : null;
  }
  m = MONTHNAME_DAY.exec(t);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month ? withTime(Number(m[3]), month, Number(m[2]), m[4]) : null;
  }
  if (options.serials !== false && SERIAL.test(t)) return excelSerialDate(Number(t), options.date1904 ?? false);
  return null;
}

function withTime(y: number, mo: number, d: number, rest: string | undefined): RecordDate | null {
  const time = parseTime(rest ?? '');
  return time === null ? null : build(y, mo, d, time);
}

/** The last serial Excel shows as a date: 9999-12-31. */
const MAX_SERIAL = 2_958_465;

/**
 * An Excel serial as a date (whole) or a local date-time (with a fraction, to the nearest second).
 * 1900 system: serial 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was (serial 60,
 * refused); from 61 on the day is 1899-12-30 plus the serial. 1904 system: 1904-01-01 plus the serial.
 */
export function excelSerialDate(serial: number, date1904 = false): RecordDate | null {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial > MAX_SERIAL) return null;
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds === 86_400) {
    days += 1;
    seconds = 0;
  }
  if (!date1904 && days === 60) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const iso = new Date(epoch + days * 86_400_000 + seconds * 1000).toISOString();
  return serial === Math.floor(serial) ? { kind: 'date', iso: iso.slice(0, 10) } : { kind: 'local', iso: iso.slice(0, 19) };
}

export interface DayFirstGuess {
  /** true / false when the values say so; null when none decides or they contradict each other. */
  readonly dayFirst: boolean | null;
  /** Values with a first number over 12 (day first) and with a second number over 12 (month first). */
  readonly dayFirstValues: number;
  readonly monthFirstValues: number;
}

/** The order of a column's numeric dates from its values: 25/03/2026 says day first, 03/25/2026 month first. */
export function detectDayFirst(samples: readonly string[]): DayFirstGuess {
  let dayFirstValues = 0;
  let monthFirstValues = 0;
  for (const sample of samples) {
    const m = NUMERIC.exec(sample.normalize('NFKC').trim());
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && a <= 31 && b <= 12) dayFirstValues++;
    else if (b > 12 && b <= 31 && a <= 12) monthFirstValues++;
  }
  const dayFirst = dayFirstValues > 0 && monthFirstValues === 0 ? true : monthFirstValues > 0 && dayFirstValues === 0 ? false : null;
  return { dayFirst, dayFirstValues, monthFirstValues };
}
