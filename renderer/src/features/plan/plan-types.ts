/** The plan's rows as the renderer holds them (declared once in shared/plan/plan-rows.ts). */
export type { PlanAuditee, PlanMember, PlanRows, PlanService, PlanSession, PlanTopic } from '../../../../shared/plan/plan-rows.ts';
export { sessionOrder } from '../../../../shared/plan/plan-rows.ts';

/** The link tables of a session: each holds one row per linked thing. */
export type PlanLinkTable = 'plan_session_topic' | 'plan_session_service' | 'plan_session_member';
