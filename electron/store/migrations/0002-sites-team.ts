import type { Migration } from './migration.ts';

/** Sites and the audit team, each row mergeable (UUIDv7 id, HLC, tombstone). */
export const migration0002SitesTeam: Migration = {
  version: 2,
  name: 'sites and audit team',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      CREATE TABLE site (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        name TEXT NOT NULL,
        address TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL,
        activities TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX site_by_engagement ON site (engagement_id);

      CREATE TABLE team_member (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        actor_id TEXT,
        name TEXT NOT NULL,
        initials TEXT NOT NULL,
        role TEXT NOT NULL,
        email TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX team_member_by_engagement ON team_member (engagement_id);
    `);
  },
};
