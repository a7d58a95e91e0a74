/** What the engagement worker needs of the team capability: its operations (see packs/worker.ts). */
export { teamCapability } from './team-capability.ts';
