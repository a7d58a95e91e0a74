import fs from 'node:fs';
import path from 'node:path';
import { profileKey, type CbProfile } from '../../../shared/cb-profile/profile.ts';
import type { EngagementProfileView, ProfileImportView } from '../../../shared/contract/profile-views.ts';
import { StoreError } from '../../../shared/store-errors.ts';
import { writeFileDurably } from '../../platform/durable-write.ts';
import { ProfileImportError, ProfileLibrary, profileFileText, profileFromText, profileSummary, readProfileFile, shippedProfiles, type EngagementProfileRow } from '../../profiles/index.ts';
import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** The CB profile library (this computer's profiles) and each engagement's own copy of its profile. */
export function registerProfileHandlers(router: Router, deps: RouterDeps): void {
  const { service, platform } = deps;
  // Read on the first profile call, not while the app starts.
  let held: ProfileLibrary | null = null;
  const lib = (): ProfileLibrary => (held ??= new ProfileLibrary(platform.appDataDir, shippedProfiles()));

  /**
   * A profile as the renderer gets it: the CB's Word templates without their bytes (up to megabytes
   * of base64 each that no screen shows; exports read them in the main process).
   */
  const withoutTemplateBytes = (profile: CbProfile): CbProfile =>
    profile.templates ? { ...profile, templates: profile.templates.map((template) => ({ ...template, data: '' })) } : profile;

  const engagementProfileView = (row: EngagementProfileRow): EngagementProfileView => {
    let profile: CbProfile;
    try {
      profile = profileFromText(row.content);
    } catch {
      throw new StoreError('CORRUPT', 'The engagement\'s CB profile no longer reads as a profile');
    }
    if (profileKey(profile) !== profileKey({ id: row.profile_id, version: row.version })) throw new StoreError('CORRUPT', 'The engagement\'s CB profile does not match its record');
    const summary = profileSummary(profile);
    return { key: summary.key, profileId: row.profile_id, version: row.version, title: row.title, cbName: summary.cbName, sha256: row.sha256, addedAt: row.added_at, auditTimeRows: summary.auditTimeRows, profile: withoutTemplateBytes(profile) };
  };

  router.register('profiles:list', () => ({ profiles: lib().list(), unreadable: lib().unreadable }));

  router.register('profiles:get', ({ key }) => withoutTemplateBytes(lib().get(key).profile));

  router.register('profiles:import', ({ file }): ProfileImportView => {
    const source = platform.resolveFile(file, 'open', 'profile');
    if (!fs.existsSync(source)) throw new StoreError('FILE_NOT_FOUND', `${source} does not exist`, { path: platform.displayFile(source) });
    try {
      return lib().add(readProfileFile(source));
    } catch (error) {
      if (!(error instanceof ProfileImportError)) throw error;
      return { status: 'refused', fileName: path.basename(source), issues: error.issues };
    }
  });

  router.register('profiles:export', ({ key, file }) => {
    const { entry, profile } = lib().get(key);
    const destination = platform.resolveFile(file, 'save', 'profile');
    writeFileDurably(destination, profileFileText(profile));
    return { file: platform.displayFile(destination), sha256: entry.sha256 };
  });

  router.register('engagement:chooseProfile', async ({ engagementHandle, key }) => {
    const { entry, profile } = lib().get(key);
    const row = await service.change(engagementHandle, 'chooseProfile', {
      profileId: profile.id,
      version: profile.version,
      sha256: entry.sha256,
      title: entry.title,
      content: JSON.stringify(profile),
    });
    return engagementProfileView(row);
  });

  router.register('engagement:profile', async ({ engagementHandle }) => {
    const row = await service.call(engagementHandle, 'cbProfile');
    return row ? engagementProfileView(row) : null;
  });
}
