import type { Migration } from './migration.ts';

/**
 * Storage fixes found by the benchmark (BENCHMARKS.md):
 * - change_value becomes a rowid table: as WITHOUT ROWID, an entry's old+new values (often > 1 KB)
 *   spilled into a mostly empty overflow page each, making 80 % of a large file air.
 * - an index on change_log(hlc): the newest clock value is read at open and on the first edit,
 *   and scanning the whole log for it took ~70 ms on a 500 MB file.
 */
export const migration0003ChangeLogStorage: Migration = {
  version: 3,
  name: 'change log storage: rowid change_value, index on hlc',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      CREATE TABLE change_value_v3 (
        replica_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        salt BLOB,
        old_value TEXT,
        new_value TEXT,
        UNIQUE (replica_id, seq),
        FOREIGN KEY (replica_id, seq) REFERENCES change_log (replica_id, seq)
      ) STRICT;
      INSERT INTO change_value_v3 (replica_id, seq, salt, old_value, new_value)
        SELECT replica_id, seq, salt, old_value, new_value FROM change_value ORDER BY replica_id, seq;
      DROP TABLE change_value;
      ALTER TABLE change_value_v3 RENAME TO change_value;
      CREATE INDEX change_log_by_hlc ON change_log (hlc);
    `);
  },
};
