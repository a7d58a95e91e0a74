import type Database from 'better-sqlite3';
import { entryHash, genesisHash, valueHashOfJson, type ChangeEntry } from './change-log.ts';

/**
 * Checks every replica's chain: sequence, links, entry hashes and the stored values against their
 * salted fingerprints. The values are checked from their stored JSON text, never parsed: damage
 * inside a value (which integrity_check does not see) is a mismatch, not a JSON error.
 */

export type ChainProblem = 'sequence_gap' | 'prev_hash_mismatch' | 'entry_hash_mismatch' | 'value_hash_mismatch';

export type ChainVerdict =
  | { readonly ok: true; readonly entries: number; readonly replicas: number }
  | {
      readonly ok: false;
      readonly replicaId: string;
      readonly seq: number;
      readonly reason: ChainProblem;
      /** The entry's table, row and field: what a person can look for. */
      readonly entity: string;
      readonly rowId: string;
      readonly field: string;
    };

export interface ChainProgress {
  readonly checked: number;
  readonly total: number;
}

type StoredEntry = ChangeEntry & { salt: unknown; old_value: unknown; new_value: unknown };

/** Entries per read: one keyset page per step (no statement stays open between slices); small enough
 * that a page of large values (~1 MB) is hashed well inside a slice, so an edit never waits long. */
const BATCH = 256;

/**
 * A stored value matches its fingerprint. A purge removes salt and both values together; a salt
 * missing beside a value is damage (or tampering), never a purge.
 */
function valuesMatch(row: StoredEntry): boolean {
  if (row.salt === null) return row.old_value === null && row.new_value === null;
  if (!Buffer.isBuffer(row.salt)) return false;
  const text = (value: unknown): string | null => (value === null ? 'null' : typeof value === 'string' ? value : null);
  const oldText = text(row.old_value);
  const newText = text(row.new_value);
  return (
    oldText !== null &&
    newText !== null &&
    valueHashOfJson(row.salt, 'old', oldText) === row.old_hash &&
    valueHashOfJson(row.salt, 'new', newText) === row.new_hash
  );
}

function problemOf(row: StoredEntry, expectedSeq: number, prev: string): ChainProblem | null {
  if (row.seq !== expectedSeq) return 'sequence_gap';
  if (row.prev_hash !== prev) return 'prev_hash_mismatch';
  if (entryHash(row) !== row.entry_hash) return 'entry_hash_mismatch';
  if (!valuesMatch(row)) return 'value_hash_mismatch';
  return null;
}

/**
 * Walks the chains one batch at a time, yielding progress between batches. Between two batches
 * the caller may let edits run: each batch re-reads the hash of the last entry it checked, since
 * an edit within the coalescing window may have replaced that chain head meanwhile.
 */
export function* walkChain(db: Database.Database): Generator<ChainProgress, ChainVerdict> {
  const heads = db.prepare('SELECT replica_id AS r, MAX(seq) AS s FROM change_log GROUP BY replica_id ORDER BY replica_id').all() as {
    r: string;
    s: number;
  }[];
  const total = heads.reduce((sum, head) => sum + head.s, 0);
  const page = db.prepare(`
    SELECT l.*, v.salt, v.old_value, v.new_value
    FROM change_log l LEFT JOIN change_value v USING (replica_id, seq)
    WHERE l.replica_id = ? AND l.seq > ? ORDER BY l.seq LIMIT ?`);
  const hashOf = db.prepare('SELECT entry_hash FROM change_log WHERE replica_id = ? AND seq = ?').pluck();
  let checked = 0;
  for (const { r: replicaId } of heads) {
    let lastSeq = 0;
    for (;;) {
      const prevHash = lastSeq === 0 ? genesisHash(replicaId) : (hashOf.get(replicaId, lastSeq) as string);
      const rows = page.all(replicaId, lastSeq, BATCH) as StoredEntry[];
      let prev = prevHash;
      for (const row of rows) {
        const reason = problemOf(row, lastSeq + 1, prev);
        if (reason) return { ok: false, replicaId, seq: row.seq, reason, entity: row.entity, rowId: row.row_id, field: row.field };
        prev = row.entry_hash;
        lastSeq = row.seq;
      }
      checked += rows.length;
      if (rows.length < BATCH) break;
      yield { checked, total };
    }
  }
  return { ok: true, entries: checked, replicas: heads.length };
}

/** The whole check at once (small files, received copies, tests). */
export function verifyChain(db: Database.Database): ChainVerdict {
  const walk = walkChain(db);
  for (;;) {
    const step = walk.next();
    if (step.done) return step.value;
  }
}
