import type { Migration } from './migration.ts';

/**
 * What the merge engine needs (DESIGN.md "Merging team members' copies"):
 * - change_log.settles: a decision entry names the entries it settles ("replica:seq" list, hashed
 *   into the entry), so the lead's choice is itself part of the verifiable history;
 * - replica_knowledge: which entries of other replicas a replica had in its file from a given seq
 *   on; "y has seen x" is read from it, so concurrent edits can be told from later ones;
 * - conflict: open conflicts, a projection of the log (recomputed, never merged itself);
 * - import_record and member_copy: who imported or issued what, when (the Team section's history).
 */
export const migration0004Merge: Migration = {
  version: 4,
  name: 'merge: decisions, replica knowledge, conflicts, imports, member copies',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      ALTER TABLE change_log ADD COLUMN settles TEXT;

      CREATE TABLE replica_knowledge (
        replica_id TEXT NOT NULL,
        from_seq INTEGER NOT NULL,
        heads TEXT NOT NULL,
        PRIMARY KEY (replica_id, from_seq)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE conflict (
        entity TEXT NOT NULL,
        row_id TEXT NOT NULL,
        field TEXT NOT NULL,
        candidates TEXT NOT NULL,
        shown_replica_id TEXT NOT NULL,
        shown_seq INTEGER NOT NULL,
        PRIMARY KEY (entity, row_id, field)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE import_record (
        id TEXT PRIMARY KEY,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        source_kind TEXT NOT NULL,
        source_name TEXT NOT NULL,
        source_actor_id TEXT NOT NULL,
        source_actor_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        entries_added INTEGER NOT NULL,
        fields_changed INTEGER NOT NULL,
        conflicts_opened INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE member_copy (
        id TEXT PRIMARY KEY,
        member_id TEXT NOT NULL,
        member_name TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        issued_by TEXT NOT NULL,
        file_name TEXT NOT NULL,
        base_heads TEXT NOT NULL,
        sha256 TEXT NOT NULL
      ) STRICT;
    `);
  },
};
