import type { CbProfile } from '../cb-profile/profile.ts';
import { channel } from './channel.ts';
import type { EngagementProfileView, ProfileImportView, ProfileLibraryView } from './profile-views.ts';
import { empty, fileRefSchema, handleSchema, packKeySchema, withHandle } from './schemas.ts';
import { z } from 'zod';

/** The CB profile library on this computer and the engagement's own copy of a profile. */
export const PROFILE_CHANNELS = {
  'profiles:list': channel<ProfileLibraryView>()(empty),
  'profiles:get': channel<CbProfile>()(z.object({ key: packKeySchema }).strict()),
  'profiles:import': channel<ProfileImportView>()(z.object({ file: fileRefSchema }).strict()),
  'profiles:export': channel<{ file: string; sha256: string }>()(z.object({ key: packKeySchema, file: fileRefSchema }).strict()),
  'engagement:chooseProfile': channel<EngagementProfileView>()(z.object({ engagementHandle: handleSchema, key: packKeySchema }).strict()),
  'engagement:profile': channel<EngagementProfileView | null>()(withHandle),
} as const;
