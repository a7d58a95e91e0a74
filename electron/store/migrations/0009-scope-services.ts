import type { Migration } from './migration.ts';

/**
 * Scope and services (issue 13): the SMS scope statement and the certificate wording (a second
 * language when the CB prints two); the services in scope, the services × processes matrix as link
 * rows, and the other parties of 8.2.3 with what they operate and how control is kept. Older apps
 * read the file (new columns have defaults); min reader stays 0.1.0.
 */
export const migration0009ScopeServices: Migration = {
  version: 9,
  name: 'scope and services: certificate wording, services, process coverage, other parties',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      ALTER TABLE engagement ADD COLUMN sms_scope TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagement ADD COLUMN certificate_wording TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagement ADD COLUMN certificate_wording_second TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagement ADD COLUMN certificate_second_language TEXT NOT NULL DEFAULT '';

      CREATE TABLE service (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        customers TEXT NOT NULL DEFAULT '',
        locations TEXT NOT NULL DEFAULT '',
        categories TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX service_by_engagement ON service (engagement_id);

      CREATE TABLE service_process (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        service_id TEXT NOT NULL REFERENCES service (id),
        process_key TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX service_process_by_engagement ON service_process (engagement_id);

      CREATE TABLE other_party (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        operates_element TEXT NOT NULL,
        operates TEXT NOT NULL DEFAULT '',
        service_id TEXT REFERENCES service (id),
        control TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX other_party_by_engagement ON other_party (engagement_id);
    `);
  },
};
