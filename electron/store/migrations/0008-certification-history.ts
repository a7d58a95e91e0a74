import type { Migration } from './migration.ts';

/**
 * The client's certification history (issue 13), entered by hand when there is no earlier engagement
 * file: the current certificate (number, decision date, expiry: the Overview counts down to it) and
 * the earlier audits with what each covered. `earlier_audit` rows are mergeable like sites.
 * Older apps read the file (new columns are nullable or have defaults); min reader stays 0.1.0.
 */
export const migration0008CertificationHistory: Migration = {
  version: 8,
  name: 'certification history: certificate, earlier audits',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      ALTER TABLE engagement ADD COLUMN certificate_number TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagement ADD COLUMN certification_decision_on TEXT;
      ALTER TABLE engagement ADD COLUMN certificate_expires_on TEXT;

      CREATE TABLE earlier_audit (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        audit_type TEXT NOT NULL,
        start_date TEXT,
        end_date TEXT,
        certification_body TEXT NOT NULL DEFAULT '',
        covered_clauses TEXT NOT NULL DEFAULT '',
        covered_processes TEXT NOT NULL DEFAULT '',
        covered_sites TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX earlier_audit_by_engagement ON earlier_audit (engagement_id);
    `);
  },
};
