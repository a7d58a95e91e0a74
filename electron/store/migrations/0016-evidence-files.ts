import type { Migration } from './migration.ts';

/**
 * Evidence files and photos (issue 16): the content store — blobs by SHA-256 in chunks of at most
 * 1 MiB, written in committed slices while `complete` = 0 and made visible by one short final
 * transaction — and `evidence_file`, the mergeable row that attaches a blob to an evidence reference.
 * Chunks are rows of an ordinary rowid table: SQLite keeps large values in overflow pages, which a
 * WITHOUT ROWID table would copy around. Older apps read the file (new tables only); min reader stays 0.1.0.
 */
export const migration0016EvidenceFiles: Migration = {
  version: 16,
  name: 'evidence files: the content store and files attached to evidence references',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      CREATE TABLE blob (
        id TEXT PRIMARY KEY,
        sha256 TEXT,
        byte_size INTEGER NOT NULL DEFAULT 0,
        media_type TEXT NOT NULL DEFAULT '',
        complete INTEGER NOT NULL DEFAULT 0,
        started_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX blob_by_sha256 ON blob (sha256) WHERE complete = 1;
      CREATE TABLE blob_chunk (
        blob_id TEXT NOT NULL REFERENCES blob (id),
        seq INTEGER NOT NULL,
        byte_offset INTEGER NOT NULL,
        bytes BLOB NOT NULL,
        PRIMARY KEY (blob_id, seq)
      ) STRICT;
      CREATE TABLE evidence_file (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        evidence_id TEXT NOT NULL REFERENCES evidence_item (id),
        sha256 TEXT NOT NULL,
        file_name TEXT NOT NULL,
        media_type TEXT NOT NULL DEFAULT '',
        byte_size INTEGER NOT NULL,
        file_kind TEXT NOT NULL DEFAULT 'file',
        width INTEGER,
        height INTEGER,
        metadata_policy TEXT NOT NULL DEFAULT 'none',
        metadata_removed TEXT NOT NULL DEFAULT '',
        report_sha256 TEXT,
        team_member_id TEXT REFERENCES team_member (id),
        captured_at TEXT NOT NULL DEFAULT '',
        capture_latitude REAL,
        capture_longitude REAL,
        photography_permitted_by TEXT NOT NULL DEFAULT '',
        caption TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX evidence_file_by_engagement ON evidence_file (engagement_id);
      CREATE INDEX evidence_file_by_evidence ON evidence_file (evidence_id);
    `);
  },
};
