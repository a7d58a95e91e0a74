import type { Migration } from './migration.ts';

/**
 * The IAF MD 1 site sample (issue 13): on the engagement the eligibility answers, whether sampling
 * suits these sites, whether the system proved effective (recertification), and the random draw's
 * seed and inputs hash; on each site its place in the sample and the reason when chosen. Older apps
 * read the file (new columns have defaults or are nullable); min reader stays 0.1.0.
 */
export const migration0010SiteSample: Migration = {
  version: 10,
  name: 'site sample: MD 1 answers, the draw, each site\'s place',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      ALTER TABLE engagement ADD COLUMN md1_one_system INTEGER;
      ALTER TABLE engagement ADD COLUMN md1_central_control INTEGER;
      ALTER TABLE engagement ADD COLUMN md1_internal_audits INTEGER;
      ALTER TABLE engagement ADD COLUMN md1_sampling_appropriate INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE engagement ADD COLUMN md1_proved_effective INTEGER;
      ALTER TABLE engagement ADD COLUMN md1_seed TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagement ADD COLUMN md1_inputs_hash TEXT NOT NULL DEFAULT '';
      ALTER TABLE site ADD COLUMN sample_basis TEXT NOT NULL DEFAULT 'none';
      ALTER TABLE site ADD COLUMN sample_reason TEXT NOT NULL DEFAULT '';
    `);
  },
};
