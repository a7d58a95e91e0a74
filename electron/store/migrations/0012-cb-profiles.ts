import type { Migration } from './migration.ts';

/**
 * The certification body's profile inside the engagement (issue 13): the profile chosen for the audit
 * is copied in whole, so an app update or a library change never changes an audit.
 * - cb_profile: immutable; the id is UUIDv5(engagement id, "cb_profile:" + sha256), so two auditors
 *   who add the same profile make the same row, and the merge compares id and hash only.
 * - engagement.cb_profile_id: which profile the engagement uses; a mergeable field, so two auditors
 *   choosing different profiles is an ordinary conflict for the lead to decide.
 */
export const migration0012CbProfiles: Migration = {
  version: 12,
  name: 'CB profiles copied into the engagement',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      CREATE TABLE cb_profile (
        id TEXT PRIMARY KEY,
        profile_id TEXT NOT NULL,
        version TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        title TEXT NOT NULL,
        content TEXT NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL
      ) STRICT;

      ALTER TABLE engagement ADD COLUMN cb_profile_id TEXT;
    `);
  },
};
