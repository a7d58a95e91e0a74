import type { Migration } from './migration.ts';

const MERGE_COLUMNS = `
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0`;

/**
 * Record sampling from the client's exports (issue 20).
 * - population: immutable, one change-log entry per import (the row), merged by id and content hash.
 * - population_data: this copy's storage of a population's records, outside the change log: a local
 *   sequence number (rows are keyed by it, not by a 36-character id repeated a million times),
 *   `complete` 0 while an import or a received package is still writing (swept at open), and the
 *   canonical order built at import (`population_order`: row numbers in the UTF-8 byte order of the
 *   record ids, for the whole population and per stratum of each stratifiable column).
 * - population_row: the kept cells of each record (JSON array in the population's column order),
 *   its record id and the line it started on in the export. WITHOUT ROWID on (population, row): the
 *   rows are appended in key order, and nothing else indexes them.
 * - sample, sample_item, sample_attribute: mergeable.
 * Older apps read the file (new tables only); min reader stays 0.1.0.
 */
export const migration0018Sampling: Migration = {
  version: 18,
  name: 'record sampling: populations imported from exports, samples, items and test attributes',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      CREATE TABLE population (
        id TEXT PRIMARY KEY,
        topic TEXT NOT NULL,
        name TEXT NOT NULL,
        period_from TEXT,
        period_to TEXT,
        site_id TEXT NOT NULL DEFAULT '',
        source_name TEXT NOT NULL DEFAULT '',
        source_format TEXT NOT NULL DEFAULT 'csv',
        source_encoding TEXT NOT NULL DEFAULT '',
        source_delimiter TEXT NOT NULL DEFAULT '',
        source_sheet TEXT NOT NULL DEFAULT '',
        columns TEXT NOT NULL DEFAULT '',
        row_count INTEGER NOT NULL,
        skipped_rows INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        ids_hash TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL
      ) STRICT;
      CREATE TABLE population_data (
        seq INTEGER PRIMARY KEY,
        population_id TEXT NOT NULL,
        content_hash TEXT NOT NULL DEFAULT '',
        complete INTEGER NOT NULL DEFAULT 0,
        started_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX population_data_complete ON population_data (population_id) WHERE complete = 1;
      CREATE TABLE population_row (
        population_seq INTEGER NOT NULL,
        row_no INTEGER NOT NULL,
        line INTEGER NOT NULL,
        record_id TEXT NOT NULL,
        cells TEXT NOT NULL,
        PRIMARY KEY (population_seq, row_no)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE population_order (
        population_seq INTEGER NOT NULL,
        column_name TEXT NOT NULL,
        stratum TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        ids_hash TEXT NOT NULL,
        row_nos BLOB NOT NULL,
        PRIMARY KEY (population_seq, column_name, stratum)
      ) STRICT;
      CREATE TABLE sample (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        population_id TEXT NOT NULL REFERENCES population (id),
        drawn_by TEXT NOT NULL REFERENCES team_member (id),
        query_id TEXT REFERENCES record_query (id),
        sampling_plan TEXT NOT NULL DEFAULT '',
        sizing TEXT NOT NULL DEFAULT 'judgment',
        justification TEXT NOT NULL DEFAULT '',
        confidence REAL,
        tolerable_rate REAL,
        expected_rate REAL,
        statistical_model TEXT NOT NULL DEFAULT '',
        planned_size INTEGER NOT NULL,
        method TEXT NOT NULL DEFAULT 'random',
        stratify_by TEXT NOT NULL DEFAULT '',
        allocation TEXT NOT NULL DEFAULT 'proportional',
        minimum_per_stratum INTEGER,
        algorithm TEXT NOT NULL DEFAULT '',
        seed TEXT NOT NULL DEFAULT '',
        population_hash TEXT NOT NULL DEFAULT '',
        selection TEXT NOT NULL DEFAULT '',
        drawn_at TEXT NOT NULL,${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX sample_by_engagement ON sample (engagement_id);
      CREATE TABLE sample_item (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        sample_id TEXT NOT NULL REFERENCES sample (id),
        row_no INTEGER NOT NULL,
        record_ref TEXT NOT NULL,
        draw_seq INTEGER NOT NULL,
        selection TEXT NOT NULL DEFAULT 'random',
        stratum TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        record_id TEXT REFERENCES record_seen (id),${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX sample_item_by_engagement ON sample_item (engagement_id);
      CREATE INDEX sample_item_by_sample ON sample_item (sample_id);
      CREATE TABLE sample_attribute (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        sample_id TEXT NOT NULL REFERENCES sample (id),
        attribute TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        position REAL NOT NULL,${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX sample_attribute_by_engagement ON sample_attribute (engagement_id);
    `);
  },
};
