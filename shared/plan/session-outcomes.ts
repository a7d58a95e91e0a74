import type { EffectivenessRating, SessionMode, SessionOutcome } from '../fieldwork/fieldwork-kinds.ts';
import type { SESSION_OUTCOME_TABLE } from '../tables/fieldwork-records-tables.ts';
import type { RowOf } from '../tables/table.ts';
import { instantOf, minutesOf } from './local-time.ts';
import type { PlanSessionKind } from './plan-kinds.ts';

export type SessionOutcomeRow = RowOf<typeof SESSION_OUTCOME_TABLE>;

/** The outcomes whose reason goes into the report as a deviation from the plan (17021-1 9.4.8 g). */
export const REASON_REQUIRED: readonly SessionOutcome[] = ['moved', 'shortened', 'extended', 'cancelled'];
export const needsReason = (status: SessionOutcome): boolean => REASON_REQUIRED.includes(status);

/** Where a session's time was spent, as the actual time counts it. */
export type TimePlace = 'onSite' | 'remote' | 'offSite';

/** What the plan as it ran needs of an outcome row. */
export interface OutcomeFacts {
  readonly sessionId: string;
  readonly status: SessionOutcome;
  readonly actualDay: string | null;
  readonly actualStart: string | null;
  readonly actualEnd: string | null;
  readonly mode: SessionMode;
  readonly reason: string;
  readonly remoteEffectiveness: EffectivenessRating;
}

export const outcomeFacts = (row: SessionOutcomeRow): OutcomeFacts => ({
  sessionId: row.session_id,
  status: row.status,
  actualDay: row.actual_day,
  actualStart: row.actual_start,
  actualEnd: row.actual_end,
  mode: row.mode,
  reason: row.reason,
  remoteEffectiveness: row.remote_effectiveness,
});

/** A plan session as the plan as it ran reads it. */
export interface PlannedSession {
  readonly id: string;
  readonly day: string;
  readonly start: string;
  readonly end: string;
  readonly kind: PlanSessionKind;
  readonly remote: boolean;
}

/** Where the session's time went: the mode recorded, or the plan's (remote or on site) when "as planned". */
export function placeOf(session: Pick<PlannedSession, 'remote'>, mode: SessionMode): TimePlace {
  if (mode === 'on_site') return 'onSite';
  if (mode === 'remote') return 'remote';
  if (mode === 'off_site') return 'offSite';
  return session.remote ? 'remote' : 'onSite';
}

/**
 * The session as it actually ran — day, times, where — or null when it did not (cancelled) or
 * nothing is recorded yet ("planned"). Times not written on the outcome are the plan's: "held"
 * with no times is held as planned; an added session's own times are its actual times.
 */
export function ranAs(session: PlannedSession, outcome: OutcomeFacts | undefined): { day: string; start: string; end: string; place: TimePlace } | null {
  if (!outcome || outcome.status === 'planned' || outcome.status === 'cancelled') return null;
  return {
    day: outcome.actualDay ?? session.day,
    start: outcome.actualStart ?? session.start,
    end: outcome.actualEnd ?? session.end,
    place: placeOf(session, outcome.mode),
  };
}

/** Minutes between two local times of a day in a time zone (daylight saving counted); 0 when not a valid interval. */
export function sessionMinutes(day: string, start: string, end: string, timeZone: string): number {
  const from = instantOf(day, start, timeZone);
  const to = instantOf(day, end, timeZone);
  if (from === null || to === null || to <= from) return 0;
  return Math.round((to - from) / 60_000);
}

export const OUTCOME_ISSUE_CODES = ['REASON_MISSING', 'TIMES_INVALID', 'ENDS_BEFORE_START', 'NOT_MOVED', 'NOT_SHORTER', 'NOT_LONGER', 'HELD_AT_OTHER_TIMES', 'REMOTE_NOT_ASSESSED'] as const;
export type OutcomeIssueCode = (typeof OUTCOME_ISSUE_CODES)[number];

/**
 * What is wrong or missing in an outcome, for the auditor to fix before the report: the reason of a
 * deviation, times that are no times, a status that contradicts the times (shortened but not
 * shorter…), and a remote session's effectiveness (IAF MD 4) not assessed.
 */
export function outcomeIssues(session: PlannedSession, outcome: OutcomeFacts | undefined): OutcomeIssueCode[] {
  if (!outcome || outcome.status === 'planned') return [];
  const issues: OutcomeIssueCode[] = [];
  if (needsReason(outcome.status) && !outcome.reason.trim()) issues.push('REASON_MISSING');
  const ran = ranAs(session, outcome);
  if (!ran) return issues;
  const start = minutesOf(ran.start);
  const end = minutesOf(ran.end);
  if (start === null || end === null || !/^\d{4}-\d{2}-\d{2}$/.test(ran.day)) return [...issues, 'TIMES_INVALID'];
  if (end <= start) return [...issues, 'ENDS_BEFORE_START'];
  const plannedStart = minutesOf(session.start);
  const plannedEnd = minutesOf(session.end);
  if (plannedStart !== null && plannedEnd !== null) {
    const planned = plannedEnd - plannedStart;
    const actual = end - start;
    const samePlace = ran.day === session.day && start === plannedStart && end === plannedEnd;
    if (outcome.status === 'moved' && ran.day === session.day && start === plannedStart) issues.push('NOT_MOVED');
    if (outcome.status === 'shortened' && actual >= planned) issues.push('NOT_SHORTER');
    if (outcome.status === 'extended' && actual <= planned) issues.push('NOT_LONGER');
    if (outcome.status === 'held' && !samePlace) issues.push('HELD_AT_OTHER_TIMES');
  }
  if (ran.place === 'remote' && session.kind !== 'break' && outcome.remoteEffectiveness === 'not_assessed') issues.push('REMOTE_NOT_ASSESSED');
  return issues;
}

/**
 * The values an outcome row gets when its status is chosen: "held" and the deviations start from the
 * plan's day and times (the auditor then changes what differs), "cancelled" and "planned" have none.
 * Times already recorded are kept.
 */
export function outcomeValuesFor(status: SessionOutcome, session: PlannedSession, current: OutcomeFacts | undefined): Record<string, string | null> {
  if (status === 'cancelled' || status === 'planned') return { status, actual_day: null, actual_start: null, actual_end: null };
  if (status === 'held') return { status, actual_day: session.day, actual_start: session.start, actual_end: session.end };
  return {
    status,
    actual_day: current?.actualDay ?? session.day,
    actual_start: current?.actualStart ?? session.start,
    actual_end: current?.actualEnd ?? session.end,
  };
}

/**
 * What actual times say happened, for recording them fast: the plan's times are "held"; a shorter or
 * longer session "shortened" or "extended" (the time matters most to the report); the same length at
 * another day or time "moved". Null when the times are not valid.
 */
export function inferredStatus(session: PlannedSession, day: string, start: string, end: string): Extract<SessionOutcome, 'held' | 'moved' | 'shortened' | 'extended'> | null {
  const from = minutesOf(start);
  const to = minutesOf(end);
  const plannedFrom = minutesOf(session.start);
  const plannedTo = minutesOf(session.end);
  if (from === null || to === null || to <= from || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  if (plannedFrom === null || plannedTo === null) return 'moved';
  const actual = to - from;
  const planned = plannedTo - plannedFrom;
  if (actual < planned) return 'shortened';
  if (actual > planned) return 'extended';
  return day === session.day && from === plannedFrom ? 'held' : 'moved';
}
