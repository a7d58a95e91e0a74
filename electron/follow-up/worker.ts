/** What the engagement worker needs of this capability: its operations. */
export { followUpCapability } from './follow-up-capability.ts';
