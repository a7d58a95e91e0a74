import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { profileKey, type CbProfile, type LocalizedText } from '../../shared/cb-profile/profile.ts';
import type { LibraryProfileView, ProfileIssueView } from '../../shared/contract/profile-views.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { utcInstant } from '../../shared/time.ts';
import { writeFileDurably } from '../platform/durable-write.ts';
import { readLibraryFolder } from '../platform/library-folder.ts';
import { templateFileIssues } from '../templates/index.ts';
import { ProfileImportError, profileFileText, profileFromText, profileSha256 } from './profile-file.ts';

export type ProfileAddOutcome = { readonly status: 'imported' | 'already-present'; readonly profile: LibraryProfileView };

export const PROFILE_LIBRARY_FOLDER = 'cb-profiles';

const inDefault = (text: LocalizedText, profile: CbProfile): string => text[profile.defaultLanguage] ?? Object.values(text)[0] ?? '';

/** What the library shows of a profile: identity, the CB, how complete its audit-time table is. */
export function profileSummary(profile: CbProfile): Omit<LibraryProfileView, 'source' | 'sha256' | 'addedAt'> {
  return {
    key: profileKey(profile),
    id: profile.id,
    version: profile.version,
    title: inDefault(profile.title, profile),
    cbName: profile.certificationBody ? inDefault(profile.certificationBody.name, profile) : null,
    tableSource: profile.auditTime.tableSource,
    auditTimeRows: profile.auditTime.rows.length,
    grades: profile.grades.length,
  };
}

/**
 * The installation's CB profile library, as the checklist-pack library: the shipped default
 * (read-only, bundled) and the profiles a CB sent, one JSON file each in <app-data>/cb-profiles/.
 * Plain files, so the library survives a rebuilt app-data database, and a damaged file only hides
 * that one profile. Versioning: an id with a lower version than one held is refused; the same
 * version is accepted only with the same content; a newer version is added beside the older ones.
 */
export class ProfileLibrary {
  private readonly held = new Map<string, { entry: LibraryProfileView; profile: CbProfile }>();
  readonly unreadable: { file: string; codes: string[] }[] = [];
  private readonly folder: string;

  constructor(appDataDir: string, shipped: readonly CbProfile[]) {
    this.folder = path.join(appDataDir, PROFILE_LIBRARY_FOLDER);
    for (const profile of shipped) this.hold(profile, 'shipped', null);
    readLibraryFolder(
      this.folder,
      (text, modified) => {
        const profile = profileFromText(text);
        if (!this.held.has(profileKey(profile))) this.hold(profile, 'imported', modified.toISOString());
      },
      (file, error) => this.unreadable.push({ file, codes: error instanceof ProfileImportError ? [...new Set(error.issues.map((issue) => issue.code))] : ['CHECK_FAILED'] }),
    );
  }

  private hold(profile: CbProfile, source: LibraryProfileView['source'], addedAt: string | null): LibraryProfileView {
    const entry: LibraryProfileView = { ...profileSummary(profile), source, sha256: profileSha256(profile), addedAt };
    this.held.set(entry.key, { entry, profile });
    return entry;
  }

  /** The shipped ones first, then by title; each profile's versions together, newest first. */
  list(): LibraryProfileView[] {
    return [...this.held.values()]
      .map((held) => held.entry)
      .sort(
        (a, b) =>
          (a.source === b.source ? 0 : a.source === 'shipped' ? -1 : 1) ||
          (a.id === b.id ? semver.rcompare(a.version, b.version) : a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1)),
      );
  }

  get(key: string): { entry: LibraryProfileView; profile: CbProfile } {
    const held = this.held.get(key);
    if (!held) throw new StoreError('PROFILE_NOT_FOUND', `No CB profile ${key} in the library`, { key });
    return held;
  }

  /** Adds a checked profile under the versioning rules; a refusal is a ProfileImportError, nothing stored. */
  add(profile: CbProfile): ProfileAddOutcome {
    const key = profileKey(profile);
    const same = this.held.get(key);
    if (same) {
      if (same.entry.sha256 === profileSha256(profile)) return { status: 'already-present', profile: same.entry };
      throw refusal('SAME_VERSION_OTHER_CONTENT', { id: profile.id, version: profile.version });
    }
    const newest = [...this.held.values()].map((held) => held.entry).filter((entry) => entry.id === profile.id).sort((a, b) => semver.rcompare(a.version, b.version))[0];
    if (newest && semver.lt(profile.version, newest.version)) throw refusal('OLDER_THAN_LIBRARY', { id: profile.id, version: profile.version, held: newest.version });
    const unusable = unusableTemplates(profile);
    if (unusable.length) throw new ProfileImportError(unusable);
    fs.mkdirSync(this.folder, { recursive: true });
    writeFileDurably(path.join(this.folder, `${key}.json`), profileFileText(profile));
    return { status: 'imported', profile: this.hold(profile, 'imported', utcInstant()) };
  }
}

/**
 * Each Word template whose file the template check refuses (not a .docx, macros, encryption, remote
 * content, a zip bomb): a profile is refused whole, as for any other issue. Only the file is looked at
 * here (a few milliseconds); placeholders are checked before each fill.
 */
function unusableTemplates(profile: CbProfile): ProfileIssueView[] {
  return (profile.templates ?? []).flatMap((template, i) =>
    templateFileIssues(Buffer.from(template.data, 'base64')).map((issue) => ({
      code: 'TEMPLATE_UNUSABLE' as const,
      path: `/templates/${i}/data`,
      params: { ...issue.params, reason: issue.code, fileName: template.fileName },
    })),
  );
}

function refusal(code: ProfileIssueView['code'], params: ProfileIssueView['params']): ProfileImportError {
  return new ProfileImportError([{ code, path: '/version', params }]);
}
