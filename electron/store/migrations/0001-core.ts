import type { Migration } from './migration.ts';

/**
 * The file's identity, the replicas that wrote to it, the hash-chained change log with its values
 * stored beside it (so a purge can drop a value and keep the chain), and the engagement itself.
 */
export const migration0001Core: Migration = {
  version: 1,
  name: 'core: file identity, replicas, change log, engagement',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      CREATE TABLE file_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE replica (
        id TEXT PRIMARY KEY,
        actor_id TEXT NOT NULL,
        file_instance_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        shipped_seq INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE UNIQUE INDEX replica_by_actor_instance ON replica (actor_id, file_instance_id);

      CREATE TABLE change_log (
        replica_id TEXT NOT NULL REFERENCES replica (id),
        seq INTEGER NOT NULL,
        prev_hash TEXT NOT NULL,
        entity TEXT NOT NULL,
        row_id TEXT NOT NULL,
        field TEXT NOT NULL,
        old_hash TEXT NOT NULL,
        new_hash TEXT NOT NULL,
        hlc TEXT NOT NULL,
        wall_time TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        flags INTEGER NOT NULL DEFAULT 0,
        entry_hash TEXT NOT NULL,
        PRIMARY KEY (replica_id, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX change_log_by_field ON change_log (entity, row_id, field);

      CREATE TABLE change_value (
        replica_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        salt BLOB,
        old_value TEXT,
        new_value TEXT,
        PRIMARY KEY (replica_id, seq),
        FOREIGN KEY (replica_id, seq) REFERENCES change_log (replica_id, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE engagement (
        id TEXT PRIMARY KEY,
        client_name TEXT NOT NULL,
        client_address TEXT NOT NULL DEFAULT '',
        audit_type TEXT NOT NULL,
        standard_edition TEXT NOT NULL,
        certification_body TEXT NOT NULL DEFAULT '',
        criteria TEXT NOT NULL DEFAULT '',
        objectives TEXT NOT NULL DEFAULT '',
        scope TEXT NOT NULL DEFAULT '',
        time_zone TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `);
  },
};
