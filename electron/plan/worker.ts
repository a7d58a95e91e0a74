/** What the engagement worker needs of the plan capability: its operations. */
export { planCapability } from './plan-capability.ts';
/** What the plan's documents read, for the closing meeting's documents too. */
export { readPlanSource } from './plan-source.ts';
