import type Database from 'better-sqlite3';
import { naturalRowId } from '../../shared/ids.ts';
import { utcInstant } from '../../shared/time.ts';
import { CB_PROFILE_TABLE } from '../../shared/tables/profile-tables.ts';
import type { RowOf } from '../../shared/tables/table.ts';
import type { EngagementStore, Row } from '../store/engagement-store.ts';
import { typedRow } from '../store/typed-rows.ts';

/** A profile as the engagement holds it: the row of cb_profile (content is the profile's JSON). */
export type EngagementProfileRow = RowOf<typeof CB_PROFILE_TABLE>;

export interface ProfileToCopy {
  readonly profileId: string;
  readonly version: string;
  readonly sha256: string;
  readonly title: string;
  /** The profile's JSON text, checked by the caller. */
  readonly content: string;
}

/**
 * Copies a profile into the engagement (once per content: the id is UUIDv5 of the engagement and the
 * content hash, so two auditors make the same row) and makes it the engagement's profile.
 */
export function chooseProfile(store: EngagementStore, profile: ProfileToCopy, actorId: string, now: number): EngagementProfileRow {
  const id = naturalRowId(store.engagementId, 'cb_profile', [profile.sha256]);
  store.addImmutable('cb_profile', id, {
    profile_id: profile.profileId,
    version: profile.version,
    sha256: profile.sha256,
    title: profile.title,
    content: profile.content,
    added_at: utcInstant(now),
    added_by: actorId,
  });
  store.updateRow('engagement', store.engagementId, { cb_profile_id: id });
  return currentProfile(store.db)!;
}

/** The engagement's profile (the one its engagement row names), with its content; null before one is chosen. */
export function currentProfile(db: Database.Database): EngagementProfileRow | null {
  const row = db.prepare('SELECT p.* FROM cb_profile p JOIN engagement e ON e.cb_profile_id = p.id LIMIT 1').get() as Row | undefined;
  return row ? typedRow(CB_PROFILE_TABLE, row) : null;
}
