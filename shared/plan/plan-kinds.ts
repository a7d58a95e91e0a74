/** What a session of the plan is. Appended to, never reordered or renamed: stored values stay readable. */
export const PLAN_SESSION_KINDS = ['audit', 'opening', 'closing', 'break', 'other'] as const;
export type PlanSessionKind = (typeof PLAN_SESSION_KINDS)[number];

/** What a session covers: a process of the checklist pack (clause 8) or a clause (4–7, 9, 10, or any). */
export const PLAN_TOPIC_KINDS = ['process', 'clause'] as const;
export type PlanTopicKind = (typeof PLAN_TOPIC_KINDS)[number];
