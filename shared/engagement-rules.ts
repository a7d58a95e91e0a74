import { daysBetween, isCalendarDate } from './time.ts';

/** Calendar days the audit spans, first and last day included (0 when the dates are not usable). */
export function auditDayCount(start: string, end: string): number {
  if (!isCalendarDate(start) || !isCalendarDate(end)) return 0;
  const days = daysBetween(start, end) + 1;
  return days > 0 ? days : 0;
}

/** The last audit day may not come before the first. Shown as a warning while both are edited. */
export function auditDatesInOrder(start: string, end: string): boolean {
  return !isCalendarDate(start) || !isCalendarDate(end) || daysBetween(start, end) >= 0;
}

/** Setup fields the audit plan and the report need; empty ones are the next thing to do. */
export const SETUP_FIELDS_FOR_REPORT = ['client_address', 'certification_body', 'criteria', 'objectives', 'scope'] as const;
