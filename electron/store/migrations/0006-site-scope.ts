import type { Migration } from './migration.ts';

/**
 * Sites as a certification body records them for the multi-site sample (issue 12): whether each is
 * in the scope of certification (the sample is drawn from those in scope; sites outside are
 * recorded so the report can say why) and its headcount (audit time and sampling weigh by it).
 * Existing sites count as in scope, with the headcount unknown (NULL) until someone enters it.
 * Older apps read the file (the columns come with defaults); min reader stays 0.1.0.
 */
export const migration0006SiteScope: Migration = {
  version: 6,
  name: 'sites: in scope, headcount',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      ALTER TABLE site ADD COLUMN in_scope INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE site ADD COLUMN headcount INTEGER;
    `);
  },
};
