import type { Migration } from './migration.ts';

/**
 * Fieldwork begins (issue 15): the checklist answered, one row per (question, team member), its id
 * derived from both so copies merge without collisions. Older apps read the file (a new table);
 * min reader stays 0.1.0.
 */
export const migration0014ChecklistAnswers: Migration = {
  version: 14,
  name: 'checklist answers per question and team member',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      CREATE TABLE checklist_answer (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        question_id TEXT NOT NULL,
        team_member_id TEXT NOT NULL REFERENCES team_member (id),
        result TEXT NOT NULL DEFAULT 'not_audited',
        notes TEXT NOT NULL DEFAULT '',
        na_reason TEXT NOT NULL DEFAULT '',
        session_id TEXT REFERENCES plan_session (id),
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX checklist_answer_by_engagement ON checklist_answer (engagement_id);
    `);
  },
};
