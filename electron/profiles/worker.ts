/**
 * What the engagement worker needs of the profiles capability: its operations. Kept apart from
 * index.ts, whose library and shipped profile the worker must not load.
 */
export { profilesCapability } from './profiles-capability.ts';
