/** What the engagement worker needs of the next-audit capability: its operations. */
export { nextAuditCapability } from './next-audit-capability.ts';
