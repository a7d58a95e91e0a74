import type { Migration } from '../migrations/migration.ts';

/** The app-data store's own schema steps: ordered and append-only, like the engagement file's. */
export const APP_DATA_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'installation, recent engagements, clean closes, backups',
    minReaderVersion: '0.1.0',
    up(db) {
      db.exec(`
        CREATE TABLE installation (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        CREATE TABLE recent_engagement (
          path TEXT PRIMARY KEY,
          engagement_id TEXT NOT NULL,
          client_name TEXT NOT NULL,
          audit_type TEXT NOT NULL,
          start_date TEXT NOT NULL,
          end_date TEXT NOT NULL,
          last_opened_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE clean_close (
          realpath TEXT PRIMARY KEY,
          size INTEGER NOT NULL,
          mtime_ms REAL NOT NULL,
          closed_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE backup (
          id TEXT PRIMARY KEY,
          engagement_id TEXT NOT NULL,
          client_name TEXT NOT NULL,
          source_path TEXT NOT NULL,
          backup_path TEXT NOT NULL,
          reason TEXT NOT NULL,
          created_at TEXT NOT NULL,
          size INTEGER NOT NULL,
          sha256 TEXT NOT NULL
        ) STRICT;
        CREATE INDEX backup_by_engagement ON backup (engagement_id, created_at);
      `);
    },
  },
  {
    version: 2,
    name: 'file instances seen by this installation',
    minReaderVersion: '0.1.0',
    up(db) {
      // Where each engagement file instance was last opened: a second path for the same instance
      // means the file was copied outside the app, and the copy must become a new instance.
      db.exec(`
        CREATE TABLE file_instance (
          file_instance_id TEXT PRIMARY KEY,
          engagement_id TEXT NOT NULL,
          realpath TEXT NOT NULL,
          last_seen_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 3,
    name: 'checklist pack usage per engagement',
    minReaderVersion: '0.1.0',
    up(db) {
      // Which engagement audits against which pack version, as last seen on this computer: the
      // library screen shows it. Rebuilt as engagements are opened, so losing it costs nothing.
      db.exec(`
        CREATE TABLE pack_usage (
          engagement_id TEXT PRIMARY KEY,
          path TEXT NOT NULL,
          client_name TEXT NOT NULL,
          pack_key TEXT NOT NULL,
          pack_title TEXT NOT NULL,
          recorded_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
];
