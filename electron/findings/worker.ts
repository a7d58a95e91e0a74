/** What the engagement worker needs of this capability: its operations. */
export { findingsCapability } from './findings-capability.ts';
