import { hash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { HybridClock } from '../../shared/hlc.ts';
import { encodeValue } from '../../shared/tables/field-rules.ts';
import { utcInstant } from '../../shared/time.ts';

/**
 * The change log: one hash chain per replica. Entries hold salted hashes of the old and new value;
 * the values and salts live beside the chain in change_value, so a purge can remove them and the
 * chain still verifies, while nothing left in the file lets anyone guess the purged value.
 */

export interface ChangeEntry {
  readonly replica_id: string;
  readonly seq: number;
  readonly prev_hash: string;
  readonly entity: string;
  readonly row_id: string;
  readonly field: string;
  readonly old_hash: string;
  readonly new_hash: string;
  readonly hlc: string;
  readonly wall_time: string;
  readonly actor_id: string;
  readonly flags: number;
  /** A decision's settled entries ("replica:seq", JSON array); null for every other entry. */
  readonly settles: string | null;
  readonly entry_hash: string;
}

/** Consecutive edits of one field within this window, not yet shipped, replace the chain head. */
export const COALESCE_WINDOW_MS = 60_000;
export const FLAG_CLOCK_AHEAD = 1;

// One-shot hash: an import verifies three hashes per entry, and createHash's object costs more than the hashing.
const sha256 = (data: string | Buffer): string => hash('sha256', data, 'hex');

/** {replicaId: highest seq} of every other replica's entries in this file, as canonical JSON. */
export function otherReplicaHeads(db: Database.Database, replicaId: string): string {
  const rows = db
    .prepare('SELECT replica_id AS r, MAX(seq) AS s FROM change_log WHERE replica_id != ? GROUP BY replica_id ORDER BY replica_id')
    .all(replicaId) as { r: string; s: number }[];
  return JSON.stringify(Object.fromEntries(rows.map((row) => [row.r, row.s])));
}

/** A replica's chain as it stands: its last entry's number and hash. */
export interface ChainHead {
  readonly replica: string;
  readonly seq: number;
  readonly hash: string;
}

/**
 * Every replica's chain head, ordered by replica id: the "engagement state" a signed report names
 * (DESIGN, merge model) — anyone holding the file can check that state is in it.
 */
export function chainHeads(db: Database.Database): ChainHead[] {
  return db
    .prepare(
      `SELECT c.replica_id AS replica, c.seq AS seq, c.entry_hash AS hash FROM change_log c
       JOIN (SELECT replica_id, MAX(seq) AS seq FROM change_log GROUP BY replica_id) h ON h.replica_id = c.replica_id AND h.seq = c.seq
       ORDER BY c.replica_id`,
    )
    .all() as ChainHead[];
}

export function genesisHash(replicaId: string): string {
  return sha256(`iso20k-chain-genesis:${replicaId}`);
}

export function entryHash(entry: Omit<ChangeEntry, 'entry_hash' | 'settles'> & { settles?: string | null }): string {
  const fields: unknown[] = [
      entry.prev_hash,
      entry.replica_id,
      entry.seq,
      entry.entity,
      entry.row_id,
      entry.field,
      entry.old_hash,
      entry.new_hash,
      entry.hlc,
      entry.wall_time,
      entry.actor_id,
      entry.flags,
  ];
  // Appended only when present, so entries written before decisions existed keep their hash.
  if (entry.settles) fields.push(entry.settles);
  return sha256(JSON.stringify(fields));
}

export function valueHash(salt: Buffer, role: 'old' | 'new', value: unknown): string {
  return valueHashOfJson(salt, role, encodeValue(value));
}

// Salt + "role:json" for the fingerprint, written into one reused buffer (an import checks two per entry).
const fingerprintInput = Buffer.allocUnsafe(16 * 1024);

/** The same fingerprint from the stored JSON text (as change_value keeps it), without re-parsing. */
export function valueHashOfJson(salt: Buffer, role: 'old' | 'new', json: string): string {
  const text = `${role}:${json}`;
  const room = salt.length + text.length * 3; // UTF-8 takes at most 3 bytes per UTF-16 unit
  if (room > fingerprintInput.length) return sha256(Buffer.concat([salt, Buffer.from(text, 'utf8')]));
  salt.copy(fingerprintInput, 0);
  const length = salt.length + fingerprintInput.write(text, salt.length, 'utf8');
  return sha256(fingerprintInput.subarray(0, length));
}

interface HeadRow {
  seq: number;
  entry_hash: string;
  entity: string;
  row_id: string;
  field: string;
  wall_time: string;
  prev_hash: string;
  old_hash: string;
  flags: number;
  salt: Buffer | null;
}

export interface ReplicaIdentity {
  readonly id: string;
  readonly actorId: string;
}

/** Writes entries for one replica; call inside the transaction that makes the change. */
export class ChangeLogWriter {
  private readonly head: Database.Statement<[string], HeadRow>;
  private readonly insertEntry: Database.Statement;
  private readonly insertValue: Database.Statement;
  private readonly shippedSeq: Database.Statement<[string], { shipped_seq: number }>;

  constructor(
    private readonly db: Database.Database,
    private readonly replica: ReplicaIdentity,
    private readonly clock: HybridClock,
    private readonly now: () => number = Date.now,
  ) {
    this.head = db.prepare(`
      SELECT l.seq, l.entry_hash, l.entity, l.row_id, l.field, l.wall_time, l.prev_hash, l.old_hash, l.flags, v.salt
      FROM change_log l LEFT JOIN change_value v USING (replica_id, seq)
      WHERE l.replica_id = ? ORDER BY l.seq DESC LIMIT 1`);
    this.insertEntry = db.prepare(`
      INSERT INTO change_log (replica_id, seq, prev_hash, entity, row_id, field, old_hash, new_hash, hlc, wall_time, actor_id, flags, settles, entry_hash)
      VALUES (@replica_id, @seq, @prev_hash, @entity, @row_id, @field, @old_hash, @new_hash, @hlc, @wall_time, @actor_id, @flags, @settles, @entry_hash)`);
    this.insertValue = db.prepare(
      'INSERT INTO change_value (replica_id, seq, salt, old_value, new_value) VALUES (?, ?, ?, ?, ?)',
    );
    this.shippedSeq = db.prepare('SELECT shipped_seq FROM replica WHERE id = ?');
  }

  private knowledgeCurrent = false;

  /** Other replicas' entries arrived (an import): the next entry records what this replica has seen. */
  invalidateKnowledge(): void {
    this.knowledgeCurrent = false;
  }

  /** Writes a replica_knowledge row when the other replicas' heads in this file changed. */
  private recordKnowledge(seq: number): void {
    if (this.knowledgeCurrent) return;
    this.knowledgeCurrent = true;
    const heads = otherReplicaHeads(this.db, this.replica.id);
    const latest = this.db
      .prepare('SELECT heads FROM replica_knowledge WHERE replica_id = ? ORDER BY from_seq DESC LIMIT 1')
      .pluck()
      .get(this.replica.id) as string | undefined;
    if (heads !== (latest ?? '{}')) {
      this.db.prepare('INSERT INTO replica_knowledge (replica_id, from_seq, heads) VALUES (?, ?, ?)').run(this.replica.id, seq, heads);
    }
  }

  /** Records one field change and returns the HLC stamped on it (the row's new updated_at). */
  record(entity: string, rowId: string, field: string, oldValue: unknown, newValue: unknown, settles: string[] | null = null): string {
    const nowMs = this.now();
    const hlc = this.clock.tick();
    const wallTime = utcInstant(nowMs);
    const head = this.head.get(this.replica.id);
    const shipped = this.shippedSeq.get(this.replica.id)?.shipped_seq ?? 0;

    if (
      !settles &&
      this.knowledgeCurrent &&
      head &&
      head.salt &&
      head.seq > shipped &&
      head.entity === entity &&
      head.row_id === rowId &&
      head.field === field &&
      nowMs - Date.parse(head.wall_time) <= COALESCE_WINDOW_MS
    ) {
      // Replace the head: it has not left the file, so nobody can hold the version we overwrite.
      const newHash = valueHash(head.salt, 'new', newValue);
      const entry = {
        replica_id: this.replica.id,
        seq: head.seq,
        prev_hash: head.prev_hash,
        entity,
        row_id: rowId,
        field,
        old_hash: head.old_hash,
        new_hash: newHash,
        hlc,
        wall_time: wallTime,
        actor_id: this.replica.actorId,
        flags: head.flags,
      };
      this.db
        .prepare('UPDATE change_log SET new_hash = ?, hlc = ?, wall_time = ?, entry_hash = ? WHERE replica_id = ? AND seq = ?')
        .run(newHash, hlc, wallTime, entryHash(entry), this.replica.id, head.seq);
      this.db
        .prepare('UPDATE change_value SET new_value = ? WHERE replica_id = ? AND seq = ?')
        .run(encodeValue(newValue), this.replica.id, head.seq);
      return hlc;
    }

    const salt = randomBytes(16);
    const entryWithoutHash = {
      replica_id: this.replica.id,
      seq: (head?.seq ?? 0) + 1,
      prev_hash: head?.entry_hash ?? genesisHash(this.replica.id),
      entity,
      row_id: rowId,
      field,
      old_hash: valueHash(salt, 'old', oldValue),
      new_hash: valueHash(salt, 'new', newValue),
      hlc,
      wall_time: wallTime,
      actor_id: this.replica.actorId,
      flags: 0,
      settles: settles ? JSON.stringify([...settles].sort()) : null,
    };
    this.recordKnowledge(entryWithoutHash.seq);
    this.insertEntry.run({ ...entryWithoutHash, entry_hash: entryHash(entryWithoutHash) });
    this.insertValue.run(
      this.replica.id,
      entryWithoutHash.seq,
      salt,
      encodeValue(oldValue),
      encodeValue(newValue),
    );
    return hlc;
  }
}

/** Marks every entry written so far by this replica as having left the file (no more coalescing). */
export function markShipped(db: Database.Database): void {
  db.prepare(
    'UPDATE replica SET shipped_seq = (SELECT COALESCE(MAX(seq), 0) FROM change_log WHERE replica_id = replica.id)',
  ).run();
}

/**
 * Removes the stored values and salts of every entry that touched one field. The chain stays valid
 * (it covers hashes, not values) and, with the salt gone, the hashes no longer reveal the value.
 * The caller overwrites the current value in the same transaction; secure_delete zeroes the pages.
 */
export function purgeFieldHistory(db: Database.Database, entity: string, rowId: string, field: string): number {
  return db
    .prepare(`
      UPDATE change_value SET salt = NULL, old_value = NULL, new_value = NULL
      WHERE (replica_id, seq) IN (SELECT replica_id, seq FROM change_log WHERE entity = ? AND row_id = ? AND field = ?)`)
    .run(entity, rowId, field).changes;
}
