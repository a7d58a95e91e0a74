import type { TeamRole } from '../engagement.ts';
import { minutesOf } from './local-time.ts';
import { MINUTES_PER_AUDITOR_DAY } from './plan-checks.ts';
import { placeOf, ranAs, sessionMinutes, type OutcomeFacts, type PlannedSession, type TimePlace } from './session-outcomes.ts';

/** Roles whose time is audit time (ISO/IEC 20000-6 9.1.4), as the plan's checks count it. */
export const COUNTED_ROLES: readonly TeamRole[] = ['lead', 'auditor'];

export interface ActualTimeInput {
  readonly timeZone: string;
  readonly sessions: readonly PlannedSession[];
  readonly members: readonly { readonly sessionId: string; readonly memberId: string }[];
  readonly team: readonly { readonly id: string; readonly role: TeamRole }[];
  readonly outcomes: readonly OutcomeFacts[];
  /** The CB's allocation in auditor-days; null when not recorded. */
  readonly allocation: { readonly onSite: number | null; readonly remote: number | null };
}

/** Minutes of auditor time by where it was spent. */
export interface TimeSplit {
  readonly onSite: number;
  readonly remote: number;
  readonly offSite: number;
}

/** The first start and the last end of a day's sessions ("HH:MM", local time). */
export interface DaySpan {
  readonly start: string;
  readonly end: string;
}

/** One team member on one day: planned against actual. */
export interface MemberDay {
  readonly memberId: string;
  readonly day: string;
  /** Lead and auditors: their time is audit time; the others' is shown but not counted. */
  readonly counted: boolean;
  readonly planned: TimeSplit;
  readonly actual: TimeSplit;
  readonly plannedSpan: DaySpan | null;
  readonly actualSpan: DaySpan | null;
  /** Sessions of this member planned on this day with nothing recorded yet: the actual time is not complete. */
  readonly pending: number;
}

/** One audit day: the counted members' time, and when the day's sessions began and ended. */
export interface DayTime {
  readonly day: string;
  readonly planned: TimeSplit;
  readonly actual: TimeSplit;
  readonly plannedSpan: DaySpan | null;
  readonly actualSpan: DaySpan | null;
  /** Working sessions planned on this day with nothing recorded yet. */
  readonly pending: number;
}

export interface ActualTime {
  /** By day, then in team order. */
  readonly members: readonly MemberDay[];
  readonly days: readonly DayTime[];
  /** Counted members only, in minutes. */
  readonly totals: { readonly planned: TimeSplit; readonly actual: TimeSplit };
  /** The allocation in minutes (null when not recorded). */
  readonly allocation: { readonly onSite: number | null; readonly remote: number | null };
  /** Working sessions of the plan with nothing recorded yet: their time is not in the actual figures. */
  readonly notRecorded: readonly string[];
}

const ZERO: TimeSplit = { onSite: 0, remote: 0, offSite: 0 };
const add = (split: TimeSplit, place: TimePlace, minutes: number): TimeSplit => ({ ...split, [place]: split[place] + minutes });
export const splitTotal = (split: TimeSplit): number => split.onSite + split.remote + split.offSite;

/** The wider of two spans (earliest start, latest end), by the clock. */
function widen(span: DaySpan | null, start: string, end: string): DaySpan {
  if (!span) return { start, end };
  return {
    start: (minutesOf(start) ?? 0) < (minutesOf(span.start) ?? 0) ? start : span.start,
    end: (minutesOf(end) ?? 0) > (minutesOf(span.end) ?? 0) ? end : span.end,
  };
}

/**
 * Planned against actual auditor time, per team member and day, on-site / remote / off-site, with
 * each day's first start and last end (Chinese CBs report them to CNCA). Breaks are not audit time;
 * meetings are. Planned time comes from the plan's sessions and the members in them (a session added
 * on the day has none); actual time from the outcomes: held as planned counts the plan's times, a
 * moved, shortened or extended session its actual times, a cancelled one nothing, an added one its
 * times. A session with nothing recorded counts nothing yet and is listed in `notRecorded`.
 * Totals count the lead and the auditors only, as the allocation does. Pure.
 */
export function actualTime(input: ActualTimeInput): ActualTime {
  const outcomeOf = new Map(input.outcomes.map((outcome) => [outcome.sessionId, outcome]));
  const roleOf = new Map(input.team.map((member) => [member.id, member.role]));
  const order = new Map(input.team.map((member, index) => [member.id, index]));
  // Each member once per session, however many link rows two copies made.
  const membersOf = new Map<string, Set<string>>();
  for (const link of input.members) {
    if (!roleOf.has(link.memberId)) continue;
    const set = membersOf.get(link.sessionId) ?? new Set<string>();
    set.add(link.memberId);
    membersOf.set(link.sessionId, set);
  }

  interface Cell {
    planned: TimeSplit;
    actual: TimeSplit;
    plannedSpan: DaySpan | null;
    actualSpan: DaySpan | null;
    pending: number;
  }
  const cells = new Map<string, Cell>();
  const cell = (memberId: string, day: string): Cell => {
    const key = `${day}\u0000${memberId}`;
    let found = cells.get(key);
    if (!found) {
      found = { planned: ZERO, actual: ZERO, plannedSpan: null, actualSpan: null, pending: 0 };
      cells.set(key, found);
    }
    return found;
  };
  const daySpans = new Map<string, { planned: DaySpan | null; actual: DaySpan | null; pending: number }>();
  const daySpan = (day: string) => {
    let found = daySpans.get(day);
    if (!found) {
      found = { planned: null, actual: null, pending: 0 };
      daySpans.set(day, found);
    }
    return found;
  };

  const notRecorded: string[] = [];
  for (const session of input.sessions) {
    if (session.kind === 'break') continue;
    const outcome = outcomeOf.get(session.id);
    const members = [...(membersOf.get(session.id) ?? [])];
    if (outcome?.status !== 'added') {
      const minutes = sessionMinutes(session.day, session.start, session.end, input.timeZone);
      if (minutes > 0) {
        const place = placeOf(session, 'as_planned');
        for (const memberId of members) {
          const target = cell(memberId, session.day);
          target.planned = add(target.planned, place, minutes);
          target.plannedSpan = widen(target.plannedSpan, session.start, session.end);
        }
        const span = daySpan(session.day);
        span.planned = widen(span.planned, session.start, session.end);
      }
    }
    if (!outcome || outcome.status === 'planned') {
      notRecorded.push(session.id);
      if (sessionMinutes(session.day, session.start, session.end, input.timeZone) > 0) {
        for (const memberId of members) cell(memberId, session.day).pending += 1;
        daySpan(session.day).pending += 1;
      }
      continue;
    }
    const ran = ranAs(session, outcome);
    if (!ran) continue;
    const minutes = sessionMinutes(ran.day, ran.start, ran.end, input.timeZone);
    if (minutes <= 0) continue;
    for (const memberId of members) {
      const target = cell(memberId, ran.day);
      target.actual = add(target.actual, ran.place, minutes);
      target.actualSpan = widen(target.actualSpan, ran.start, ran.end);
    }
    const span = daySpan(ran.day);
    span.actual = widen(span.actual, ran.start, ran.end);
  }

  const members: MemberDay[] = [...cells.entries()]
    .map(([key, value]) => {
      const [day, memberId] = key.split('\u0000') as [string, string];
      return { memberId, day, counted: COUNTED_ROLES.includes(roleOf.get(memberId)!), ...value };
    })
    .sort((a, b) => a.day.localeCompare(b.day) || order.get(a.memberId)! - order.get(b.memberId)!);

  const sum = (rows: readonly MemberDay[], part: 'planned' | 'actual'): TimeSplit =>
    rows.filter((row) => row.counted).reduce((total, row) => ({ onSite: total.onSite + row[part].onSite, remote: total.remote + row[part].remote, offSite: total.offSite + row[part].offSite }), ZERO);
  const days: DayTime[] = [...daySpans.keys()].sort().map((day) => {
    const ofDay = members.filter((row) => row.day === day);
    const spans = daySpans.get(day)!;
    return { day, planned: sum(ofDay, 'planned'), actual: sum(ofDay, 'actual'), plannedSpan: spans.planned, actualSpan: spans.actual, pending: spans.pending };
  });
  const minutesOfDays = (days: number | null): number | null => (days === null ? null : Math.round(days * MINUTES_PER_AUDITOR_DAY));

  return {
    members,
    days,
    totals: { planned: sum(members, 'planned'), actual: sum(members, 'actual') },
    allocation: { onSite: minutesOfDays(input.allocation.onSite), remote: minutesOfDays(input.allocation.remote) },
    notRecorded,
  };
}
