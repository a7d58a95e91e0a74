import fs from 'node:fs';
import { PROFILE_LIMITS, type CbProfile } from '../../shared/cb-profile/profile.ts';
import { parseProfileJson } from '../../shared/cb-profile/profile-validate.ts';
import type { ProfileIssueView } from '../../shared/contract/profile-views.ts';
import { contentSha256, schemaFileText } from '../platform/content-hash.ts';

/** An import refused: every issue found (codes, JSON Pointers, lines), nothing stored. */
export class ProfileImportError extends Error {
  constructor(readonly issues: readonly ProfileIssueView[]) {
    super(issues.map((issue) => `${issue.line !== undefined ? `line ${issue.line}, ` : ''}${issue.path || '/'}: ${issue.code}`).join('\n'));
    this.name = 'ProfileImportError';
  }
}

/** A profile's text checked whole; any issue refuses it. */
export function profileFromText(text: string): CbProfile {
  const result = parseProfileJson(text);
  if (!result.ok) throw new ProfileImportError(result.issues);
  return result.profile;
}

/** A profile file: bytes within the limit (UTF-8 takes at most 4 bytes a character), strict UTF-8, then the format's checks. */
export function readProfileFile(file: string): CbProfile {
  const bytes = fs.statSync(file).size;
  if (bytes > PROFILE_LIMITS.fileChars * 4) {
    throw new ProfileImportError([{ code: 'FILE_TOO_LARGE', path: '', params: { chars: bytes, maxChars: PROFILE_LIMITS.fileChars } }]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
  } catch {
    throw new ProfileImportError([{ code: 'NOT_JSON', path: '', params: { reason: 'not-utf8' } }]);
  }
  return profileFromText(text);
}

/** The profile's identity by content: what the library, the engagement copy and the merge compare. */
export const profileSha256 = (profile: CbProfile): string => contentSha256(profile);

/** The schema file of each format (format 1's stays published as it was). */
const SCHEMA_FILES = { 1: 'cb-profile.schema.json', 2: 'cb-profile-2.schema.json' } as const;

/** The export format: the profile as a readable JSON file that validates against its format's schema (a format 1 profile stays format 1). */
export const profileFileText = (profile: CbProfile): string => schemaFileText(profile, SCHEMA_FILES[profile.formatVersion]);
