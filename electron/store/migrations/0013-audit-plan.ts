import type { Migration } from './migration.ts';

const MERGE_COLUMNS = `
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0`;

/**
 * The audit plan (issue 14): sessions by day and local time in the engagement's time zone, and what
 * each covers as link rows (processes and clauses, services, team members, auditees), so two
 * auditors planning in their own copies merge without conflicts; the surveillance selection the
 * lead edits (clause numbers; empty = the pack's selection); the register of exported documents
 * (revision, SHA-256: immutable rows, so an export is recorded once in the change log). Older apps read the file (new tables,
 * a column with a default); min reader stays 0.1.0.
 */
export const migration0013AuditPlan: Migration = {
  version: 13,
  name: 'the audit plan: sessions and what they cover; exported documents',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      ALTER TABLE engagement ADD COLUMN surveillance_clauses TEXT NOT NULL DEFAULT '';

      CREATE TABLE plan_session (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        day TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'audit',
        title TEXT NOT NULL DEFAULT '',
        site_id TEXT REFERENCES site (id),
        remote INTEGER NOT NULL DEFAULT 0,
        remote_tool TEXT NOT NULL DEFAULT '',
        identity_check TEXT NOT NULL DEFAULT '',
        remote_fallback TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX plan_session_by_engagement ON plan_session (engagement_id);

      CREATE TABLE plan_session_topic (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        session_id TEXT NOT NULL REFERENCES plan_session (id),
        kind TEXT NOT NULL,
        topic TEXT NOT NULL,${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX plan_session_topic_by_engagement ON plan_session_topic (engagement_id);

      CREATE TABLE plan_session_service (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        session_id TEXT NOT NULL REFERENCES plan_session (id),
        service_id TEXT NOT NULL REFERENCES service (id),${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX plan_session_service_by_engagement ON plan_session_service (engagement_id);

      CREATE TABLE plan_session_member (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        session_id TEXT NOT NULL REFERENCES plan_session (id),
        team_member_id TEXT NOT NULL REFERENCES team_member (id),${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX plan_session_member_by_engagement ON plan_session_member (engagement_id);

      CREATE TABLE plan_session_auditee (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        session_id TEXT NOT NULL REFERENCES plan_session (id),
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX plan_session_auditee_by_engagement ON plan_session_auditee (engagement_id);

      CREATE TABLE document_export (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        revision INTEGER NOT NULL,
        format TEXT NOT NULL,
        language TEXT NOT NULL,
        template TEXT NOT NULL DEFAULT '',
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_by_name TEXT NOT NULL DEFAULT ''
      ) STRICT;
    `);
  },
};
