import { defineCapability } from '../store/capability.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { chooseProfile, currentProfile, type EngagementProfileRow, type ProfileToCopy } from './engagement-profiles.ts';

/** The engagement's own copy of a certification body's profile: chosen from the library, read back whole. */
export const profilesCapability = defineCapability({
  name: 'profiles',
  calls: (engagement: EngagementContext) => ({
    /** Copies a checked profile into the engagement and makes it the engagement's profile. */
    chooseProfile(profile: ProfileToCopy): EngagementProfileRow {
      const store = engagement.store();
      return chooseProfile(store, profile, store.context.actorId, Date.now());
    },
    /** The engagement's profile with its JSON, or null before one is chosen. */
    cbProfile: (): EngagementProfileRow | null => currentProfile(engagement.db()),
  }),
  jobs: () => ({}),
});
