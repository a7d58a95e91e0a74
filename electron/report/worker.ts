/** What the engagement worker needs of this capability: its operations. */
export { reportCapability } from './report-capability.ts';
