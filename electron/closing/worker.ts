/** What the engagement worker needs of this capability: its operations. */
export { closingCapability } from './closing-capability.ts';
/** Remote auditing as it ran (IAF MD 4), for the audit report. */
export { remoteFacts } from './closing-view.ts';
