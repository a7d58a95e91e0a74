import type Database from 'better-sqlite3';
import { DEFAULT_FINDINGS_PROFILE, type FindingsProfile } from '../../shared/findings/default-scale.ts';
import { currentProfile } from '../profiles/worker.ts';

/**
 * The grading scale, finding numbering and recommendation wordings of this engagement: its CB
 * profile's (validated when it was chosen), or the shipped default's before one is chosen. Every
 * capability of issue 17 reads grades here, so "is this a nonconformity" has one answer.
 */
export function findingsProfileOf(db: Database.Database): { readonly profile: FindingsProfile; readonly fromProfile: boolean } {
  const row = currentProfile(db);
  if (!row) return { profile: DEFAULT_FINDINGS_PROFILE, fromProfile: false };
  const { grades, findingNumbering, recommendations } = JSON.parse(row.content) as FindingsProfile;
  return { profile: { grades, findingNumbering, recommendations }, fromProfile: true };
}

/** The grade keys that count as nonconformities on this engagement's scale. */
export function nonconformityGrades(profile: FindingsProfile): ReadonlySet<string> {
  return new Set(profile.grades.filter((grade) => grade.isNonconformity).map((grade) => grade.key));
}
