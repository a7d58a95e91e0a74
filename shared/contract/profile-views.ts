import type { CbProfile, TableSource } from '../cb-profile/profile.ts';
import type { IssueParams, ProfileIssueCode } from '../cb-profile/profile-issues.ts';

/** What the library's profile section and an engagement's profile card see. */

export interface LibraryProfileView {
  /** "id@version". */
  readonly key: string;
  readonly id: string;
  readonly version: string;
  /** The title in the profile's default language. */
  readonly title: string;
  /** The certification body's name in the profile's default language; null in a template (the shipped default). */
  readonly cbName: string | null;
  readonly source: 'shipped' | 'imported';
  readonly sha256: string;
  readonly addedAt: string | null;
  readonly tableSource: TableSource;
  /** Rows of the audit-time table (0: the CB's table still has to be imported). */
  readonly auditTimeRows: number;
  readonly grades: number;
}

export interface ProfileLibraryView {
  readonly profiles: readonly LibraryProfileView[];
  /** Files in the library folder that no longer read as profiles (damaged, edited by hand). */
  readonly unreadable: readonly { readonly file: string; readonly codes: readonly string[] }[];
}

/**
 * Refusals of the library's import, beside the format's own codes: its versioning rules, and a Word
 * template whose file the template check refuses (`reason`: the template check's code, with its params).
 */
export const PROFILE_LIBRARY_ISSUE_CODES = ['SAME_VERSION_OTHER_CONTENT', 'OLDER_THAN_LIBRARY', 'TEMPLATE_UNUSABLE'] as const;
export type ProfileLibraryIssueCode = (typeof PROFILE_LIBRARY_ISSUE_CODES)[number];

/** One reason a profile file was refused: a code the renderer words, the JSON Pointer, its line. */
export interface ProfileIssueView {
  readonly code: ProfileIssueCode | ProfileLibraryIssueCode;
  readonly path: string;
  readonly params: IssueParams;
  readonly line?: number;
}

export type ProfileImportView =
  | { readonly status: 'imported' | 'already-present'; readonly profile: LibraryProfileView }
  | { readonly status: 'refused'; readonly fileName: string; readonly issues: readonly ProfileIssueView[] };

export interface EngagementProfileView {
  readonly key: string;
  readonly profileId: string;
  readonly version: string;
  readonly title: string;
  readonly cbName: string | null;
  readonly sha256: string;
  readonly addedAt: string;
  readonly auditTimeRows: number;
  /** The profile as the engagement holds it (its own copy, never the library's). */
  readonly profile: CbProfile;
}
