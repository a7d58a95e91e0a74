import type {
  PLAN_SESSION_AUDITEE_TABLE,
  PLAN_SESSION_MEMBER_TABLE,
  PLAN_SESSION_SERVICE_TABLE,
  PLAN_SESSION_TABLE,
  PLAN_SESSION_TOPIC_TABLE,
} from '../tables/plan-tables.ts';
import type { RowOf } from '../tables/table.ts';

/** The plan's rows: sessions and their link rows (live rows, as `rows:list` gives them). */
export type PlanSession = RowOf<typeof PLAN_SESSION_TABLE>;
export type PlanTopic = RowOf<typeof PLAN_SESSION_TOPIC_TABLE>;
export type PlanService = RowOf<typeof PLAN_SESSION_SERVICE_TABLE>;
export type PlanMember = RowOf<typeof PLAN_SESSION_MEMBER_TABLE>;
export type PlanAuditee = RowOf<typeof PLAN_SESSION_AUDITEE_TABLE>;

export interface PlanRows {
  readonly sessions: readonly PlanSession[];
  readonly topics: readonly PlanTopic[];
  readonly services: readonly PlanService[];
  readonly members: readonly PlanMember[];
  readonly auditees: readonly PlanAuditee[];
}

/** Sessions in plan order: by day, then start and end time (never a hand-made order). */
export function sessionOrder(a: PlanSession, b: PlanSession): number {
  return a.day.localeCompare(b.day) || a.start_time.localeCompare(b.start_time) || a.end_time.localeCompare(b.end_time) || a.id.localeCompare(b.id);
}

/**
 * The plan as planned: without the sessions added on the day (their outcome says 'added') and their
 * links. The plan's checks, its time and its documents read this; the As-it-ran view reads all.
 */
export function plannedRows(rows: PlanRows, added: ReadonlySet<string>): PlanRows {
  if (!added.size) return rows;
  const keep = <T extends { session_id: string }>(links: readonly T[]) => links.filter((link) => !added.has(link.session_id));
  return {
    sessions: rows.sessions.filter((session) => !added.has(session.id)),
    topics: keep(rows.topics),
    services: keep(rows.services),
    members: keep(rows.members),
    auditees: keep(rows.auditees),
  };
}

/** The sessions held on the day that the plan did not have. */
export const addedSessions = (outcomes: readonly { readonly session_id: string; readonly status: string }[]): Set<string> =>
  new Set(outcomes.filter((outcome) => outcome.status === 'added').map((outcome) => outcome.session_id));
