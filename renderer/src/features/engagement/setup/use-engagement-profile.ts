import { useEffect, useState } from 'react';
import type { EngagementProfileView } from '../../../../../shared/contract/profile-views.ts';
import type { ReportField } from '../../../../../shared/cb-profile/profile.ts';
import { invoke } from '../../../contract/client.ts';
import { useAppStore } from '../../../state/app-store.ts';

/**
 * The CB profile the engagement holds (its own copy), reloaded when the engagement chooses another:
 * the cards that follow the certification body's rules read it from here.
 */
export function useEngagementProfile(handle: string): EngagementProfileView | null {
  const profileId = useAppStore((s) => s.current?.engagement?.cb_profile_id ?? null);
  const [profile, setProfile] = useState<EngagementProfileView | null>(null);
  useEffect(() => {
    let current = true;
    invoke('engagement:profile', { engagementHandle: handle }).then(
      (view) => current && setProfile(view),
      () => current && setProfile(null),
    );
    return () => {
      current = false;
    };
  }, [handle, profileId]);
  return profile;
}

/** Whether the engagement's CB requires a field in its reports (no profile: nothing is required). */
export function requires(profile: EngagementProfileView | null, field: ReportField): boolean {
  return profile?.profile.requiredReportFields.includes(field) ?? false;
}
