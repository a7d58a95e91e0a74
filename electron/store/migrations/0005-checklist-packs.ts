import type { Migration } from './migration.ts';

/**
 * Checklist packs inside the engagement (issue 6): the pack chosen for the audit is copied in whole,
 * so an audit in progress never changes under an app update or a library change.
 * - checklist_pack: immutable; the id is UUIDv5(engagement id, "checklist_pack:" + sha256), so two
 *   auditors who add the same pack make the same row, and the merge compares id and hash only.
 *   One change-log entry per added pack carries the row (entity checklist_pack, field "*").
 * - engagement.checklist_pack_id: which pack the engagement audits against; a mergeable field, so
 *   two auditors choosing different packs is an ordinary conflict for the lead to decide.
 */
export const migration0005ChecklistPacks: Migration = {
  version: 5,
  name: 'checklist packs copied into the engagement',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      CREATE TABLE checklist_pack (
        id TEXT PRIMARY KEY,
        pack_id TEXT NOT NULL,
        version TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        title TEXT NOT NULL,
        content TEXT NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL
      ) STRICT;

      ALTER TABLE engagement ADD COLUMN checklist_pack_id TEXT;
    `);
  },
};
