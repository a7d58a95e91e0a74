/**
 * What the engagement worker needs of the profiles capability: its operations. Kept apart from
 * index.ts, whose library and shipped profile the worker must not load.
 */
export { profilesCapability } from './profiles-capability.ts';
/** Copying a profile into an engagement, for a capability that starts an engagement from another (the next audit). */
export { chooseProfile, currentProfile } from './engagement-profiles.ts';
