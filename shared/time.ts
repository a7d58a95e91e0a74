/**
 * Audit days are calendar dates in the engagement's IANA time zone; events are UTC instants.
 * Keeping the two apart stops a report written in another time zone from shifting audit days.
 */

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isIanaTimeZone(value: string): boolean {
  if (!value || value !== value.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A UTC instant as stored: ISO 8601 with milliseconds and Z. */
export function utcInstant(ms: number = Date.now()): string {
  return new Date(ms).toISOString();
}

/** The calendar date an instant falls on in a time zone: which audit day an event belongs to. */
export function auditDayOf(instantMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole days from one calendar date to another (end inclusive counts are the caller's choice). */
export function daysBetween(from: string, to: string): number {
  const toMs = (d: string): number => {
    const m = CALENDAR_DATE.exec(d);
    if (!m) throw new Error(`Not a calendar date: ${d}`);
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  };
  return Math.round((toMs(to) - toMs(from)) / 86_400_000);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const dayOf = (date: Date): string => `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;

/**
 * The calendar date `days` days after `day` (before, when negative). Pure date arithmetic in UTC: a
 * deadline is a date in the engagement's time zone, so daylight saving never moves it.
 */
export function addDays(day: string, days: number): string {
  const match = CALENDAR_DATE.exec(day);
  if (!match) throw new Error(`Not a calendar date: ${day}`);
  return dayOf(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days)));
}

/** The day `months` calendar months after `day` (the 31st of a shorter month becomes its last day: 31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(day: string, months: number): string {
  const match = CALENDAR_DATE.exec(day);
  if (!match) throw new Error(`Not a calendar date: ${day}`);
  const index = Number(match[1]) * 12 + (Number(match[2]) - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad2(month)}-${pad2(Math.min(Number(match[3]), last))}`;
}
