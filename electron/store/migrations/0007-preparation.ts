import type { Migration } from './migration.ts';

/**
 * Audit preparation (issue 13): the client's representative and contact, the Chinese report facts
 * (unified social credit code, business licence covers the scope), the audit language, a transfer
 * from another CB, combined / joint / integrated audits and the standards they cover, when the client
 * was told the team; per team member a registration number and the impartiality declaration.
 * Existing rows get empty texts, NULL for "not yet known", and 'single' for the combination. Older
 * apps read the file (every column has a default); min reader stays 0.1.0.
 */
export const migration0007Preparation: Migration = {
  version: 7,
  name: 'preparation: client contact, audit facts, team impartiality',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      ALTER TABLE engagement ADD COLUMN client_representative TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagement ADD COLUMN client_contact TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagement ADD COLUMN client_credit_code TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagement ADD COLUMN licence_covers_scope INTEGER;
      ALTER TABLE engagement ADD COLUMN audit_language TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagement ADD COLUMN transferred_from TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagement ADD COLUMN combination TEXT NOT NULL DEFAULT 'single';
      ALTER TABLE engagement ADD COLUMN other_standards TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagement ADD COLUMN team_notified_on TEXT;
      ALTER TABLE team_member ADD COLUMN registration_number TEXT NOT NULL DEFAULT '';
      ALTER TABLE team_member ADD COLUMN no_conflict INTEGER;
      ALTER TABLE team_member ADD COLUMN conflict_note TEXT NOT NULL DEFAULT '';
      ALTER TABLE team_member ADD COLUMN declared_on TEXT;
      ALTER TABLE team_member ADD COLUMN declared_by TEXT NOT NULL DEFAULT '';
    `);
  },
};
