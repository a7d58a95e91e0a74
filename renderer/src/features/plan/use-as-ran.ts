import type { TFunction } from 'i18next';
import { useEffect, useMemo } from 'react';
import type { SessionOutcome } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { actualTime } from '../../../../shared/plan/actual-time.ts';
import { cancelledGaps } from '../../../../shared/plan/cancelled-coverage.ts';
import { packOutline, packSurveillanceClauses } from '../../../../shared/plan/plan-check-input.ts';
import { surveillanceSelection } from '../../../../shared/plan/plan-coverage.ts';
import { outcomeFacts, outcomeIssues, outcomeValuesFor, type PlannedSession, type SessionOutcomeRow } from '../../../../shared/plan/session-outcomes.ts';
import { showUndo } from '../../components/undo.tsx';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import type { PlanSession } from './plan-types.ts';
import type { Plan } from './use-plan.ts';

/** A plan session as the plan as it ran reads it. */
export const plannedOf = (session: PlanSession): PlannedSession => ({ id: session.id, day: session.day, start: session.start_time, end: session.end_time, kind: session.kind, remote: session.remote === 1 });

/** The fields of an outcome row a status change or its undo writes. */
const OUTCOME_FIELDS = ['status', 'actual_day', 'actual_start', 'actual_end', 'mode', 'reason', 'remote_effectiveness', 'remote_note'] as const;

/**
 * The plan as it ran: the outcomes recorded for the plan's sessions (from the fieldwork records
 * store), planned against actual time, what each outcome still lacks, and what cancellations leave
 * uncovered — all recomputed from the rows after each change (pure functions, a few ms).
 */
export function useAsRan(plan: Plan) {
  const { handle, rows, team, engagement, pack } = plan;
  const load = useFieldworkRecords((s) => s.load);
  const records = useFieldworkRecords((s) => s.records);
  const loadedHandle = useFieldworkRecords((s) => s.handle);
  useEffect(() => {
    void load(handle);
  }, [handle, load]);
  const ready = records !== null && loadedHandle === handle;

  const live = useMemo(() => new Set(rows.sessions.map((session) => session.id)), [rows.sessions]);
  const outcomes = useMemo(() => (ready ? records.session_outcome.filter((row) => live.has(row.session_id)) : []), [ready, records, live]);
  const outcomeOf = useMemo(() => new Map(outcomes.map((row) => [row.session_id, row])), [outcomes]);
  const attendance = useMemo(() => (ready ? records.attendance.filter((row) => live.has(row.session_id)) : []), [ready, records, live]);
  const points = useMemo(() => (ready ? records.meeting_point.filter((row) => live.has(row.session_id)) : []), [ready, records, live]);

  const time = useMemo(
    () =>
      actualTime({
        timeZone: engagement.time_zone,
        sessions: rows.sessions.map(plannedOf),
        members: rows.members.map((link) => ({ sessionId: link.session_id, memberId: link.team_member_id })),
        team: team.map((member) => ({ id: member.id, role: member.role })),
        outcomes: outcomes.map(outcomeFacts),
        allocation: { onSite: engagement.allocated_onsite_days, remote: engagement.allocated_remote_days },
      }),
    [engagement, rows, team, outcomes],
  );
  const gaps = useMemo(
    () =>
      cancelledGaps({
        auditType: engagement.audit_type,
        pack: packOutline(pack),
        surveillanceClauses: surveillanceSelection(engagement.surveillance_clauses, packSurveillanceClauses(pack)),
        sessions: rows.sessions,
        topics: rows.topics.map((link) => ({ sessionId: link.session_id, kind: link.kind, topic: link.topic })),
        cancelled: new Set(outcomes.filter((row) => row.status === 'cancelled').map((row) => row.session_id)),
      }),
    [engagement, pack, rows, outcomes],
  );
  const issues = useMemo(() => {
    const found = new Map<string, ReturnType<typeof outcomeIssues>>();
    for (const session of rows.sessions) {
      const outcome = outcomeOf.get(session.id);
      const list = session.kind === 'break' ? [] : outcomeIssues(plannedOf(session), outcome ? outcomeFacts(outcome) : undefined);
      if (list.length) found.set(session.id, list);
    }
    return found;
  }, [rows.sessions, outcomeOf]);

  return { ready, outcomes, outcomeOf, attendance, points, time, gaps, issues };
}

export type AsRan = ReturnType<typeof useAsRan>;

/** The status shown for a session: its outcome's, else "planned" (nothing recorded). */
export const statusOf = (asRan: AsRan, sessionId: string): SessionOutcome => asRan.outcomeOf.get(sessionId)?.status ?? 'planned';

/**
 * Writes an outcome (created, or revived with these values when the session had one: the natural
 * key is the session) and offers an undo that puts back what was there before — a quick key
 * pressed on the wrong row costs nothing.
 */
export async function recordOutcome(
  sessionId: string,
  values: Record<string, string | number | null>,
  previous: SessionOutcomeRow | undefined,
  undo: { readonly t: TFunction; readonly message: string } | null,
): Promise<void> {
  const store = useFieldworkRecords.getState();
  const id = await store.create('session_outcome', { session_id: sessionId, ...values });
  if (!undo) return;
  showUndo(undo.t, undo.message, async () => {
    if (!previous) {
      await useFieldworkRecords.getState().remove('session_outcome', id);
      return;
    }
    const before = Object.fromEntries(OUTCOME_FIELDS.map((field) => [field, previous[field]]));
    await useFieldworkRecords.getState().create('session_outcome', { session_id: sessionId, ...before });
  });
}

/** The values of a status chosen for a session: the plan's times when held, kept times for a deviation, none when cancelled. */
export function statusValues(status: SessionOutcome, session: PlanSession, previous: SessionOutcomeRow | undefined): Record<string, string | null> {
  return outcomeValuesFor(status, plannedOf(session), previous ? outcomeFacts(previous) : undefined);
}
