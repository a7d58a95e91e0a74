/** What the engagement worker needs of the evidence capability: its operations. */
export { evidenceCapability } from './evidence-capability.ts';
