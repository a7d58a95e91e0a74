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
