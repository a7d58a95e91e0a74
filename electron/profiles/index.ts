/** The CB profiles capability as other capabilities, the composition and the router see it. */
export { profilesCapability } from './profiles-capability.ts';
export type { EngagementProfileRow, ProfileToCopy } from './engagement-profiles.ts';
export { ProfileImportError, profileFileText, profileFromText, profileSha256, readProfileFile } from './profile-file.ts';
export { ProfileLibrary, profileSummary } from './profile-library.ts';
export { shippedProfiles } from './shipped-profiles.ts';
