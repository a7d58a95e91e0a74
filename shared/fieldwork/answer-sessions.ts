import { instantOf } from '../plan/local-time.ts';
import type { PlanSession } from '../plan/plan-rows.ts';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function dayIn(instant: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Whether the session is on at `now` (from its start, before its end, in the engagement's time zone). */
export function sessionRunning(session: Pick<PlanSession, 'day' | 'start_time' | 'end_time'>, now: number, timeZone: string): boolean {
  const start = instantOf(session.day, session.start_time, timeZone);
  const end = instantOf(session.day, session.end_time, timeZone);
  return start !== null && end !== null && start <= now && now < end;
}

/**
 * The session an answer given now is recorded under unless the auditor picks another: among the
 * sessions planned to cover the question (in plan order), the one running now, else the first of
 * today, else none (an answer outside the plan's days names no session).
 */
export function defaultSession(covering: readonly Pick<PlanSession, 'id' | 'day' | 'start_time' | 'end_time'>[], now: number, timeZone: string): string | null {
  const running = covering.find((session) => sessionRunning(session, now, timeZone));
  if (running) return running.id;
  const today = dayIn(now, timeZone);
  return covering.find((session) => session.day === today)?.id ?? null;
}
