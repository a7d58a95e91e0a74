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
