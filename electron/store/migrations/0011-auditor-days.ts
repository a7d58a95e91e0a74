import type { Migration } from './migration.ts';

/**
 * Auditor-days (issue 13): the effective personnel, the CB table's value for it, the CB's allocation
 * (on-site / remote) with its justification, and the adjustments with their reasons, for the
 * ISO/IEC 20000-6 check. Older apps read the file (new columns are nullable or have defaults).
 */
export const migration0011AuditorDays: Migration = {
  version: 11,
  name: 'auditor-days: personnel, table value, allocation, adjustments',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      ALTER TABLE engagement ADD COLUMN effective_personnel INTEGER;
      ALTER TABLE engagement ADD COLUMN table_auditor_days REAL;
      ALTER TABLE engagement ADD COLUMN allocated_onsite_days REAL;
      ALTER TABLE engagement ADD COLUMN allocated_remote_days REAL;
      ALTER TABLE engagement ADD COLUMN allocation_justification TEXT NOT NULL DEFAULT '';

      CREATE TABLE time_adjustment (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        reason TEXT NOT NULL DEFAULT '',
        unit TEXT NOT NULL,
        amount REAL NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX time_adjustment_by_engagement ON time_adjustment (engagement_id);
    `);
  },
};
