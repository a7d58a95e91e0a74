/** What the engagement worker needs of the plan capability: its operations. */
export { planCapability } from './plan-capability.ts';
