/** What the engagement worker needs of the team capability: its operations (see packs/worker.ts). */
export { teamCapability } from './team-capability.ts';
/** Whether a file is a member's copy, for a capability that reads another engagement (the next audit). */
export { memberCopyMeta } from './package-build.ts';
