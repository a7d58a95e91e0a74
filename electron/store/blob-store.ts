import { createHash, type Hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { newRowId } from '../../shared/ids.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { utcInstant } from '../../shared/time.ts';
import { DOMAIN_TABLES } from '../../shared/tables/index.ts';

/** The largest chunk one write takes (DESIGN.md: the upload channel's chunks are ≤ 1 MiB). */
export const MAX_CHUNK_BYTES = 1024 * 1024;
/** A slice of bulk deletion: committed, then the worker serves other calls (DESIGN.md: ≤ 100 ms). */
const SLICE_MS = 50;
/**
 * Chunks are committed in batches of this many bytes: one transaction per 1 MiB chunk spent half the
 * time on journal creation and fsync (measured: 8.2 ms per MiB alone vs 4.0 ms batched by 8). What
 * is not yet committed when the app stops is lost with the rest of the interrupted upload anyway.
 */
const BATCH_BYTES = 8 * MAX_CHUNK_BYTES;
/** An upload untouched this long is taken for abandoned (the window closed, the laptop slept). */
const ABANDONED_MS = 30 * 60 * 1000;

export interface StoredBlob {
  readonly sha256: string;
  readonly byteSize: number;
  readonly mediaType: string;
}

export interface FinishedBlob extends StoredBlob {
  /** The same bytes were already stored: the upload's own chunks are discarded. */
  readonly existed: boolean;
}

interface Upload {
  readonly hash: Hash;
  /** Received, hashed, not yet written: at most BATCH_BYTES. */
  pending: { seq: number; offset: number; bytes: Buffer }[];
  pendingBytes: number;
  readonly head: Buffer[];
  bytes: number;
  seq: number;
  lastTouched: number;
  readonly mediaType: string;
}

const HEAD_BYTES = 64;

/**
 * The engagement's content store: bytes by SHA-256, in chunks, outside the change log (DESIGN.md,
 * "Evidence"). An upload writes committed chunks into a blob row marked incomplete, hashing as it
 * goes (memory does not grow with the file); `finish` makes it visible in ONE short transaction,
 * together with whatever the caller writes there (the row that names the blob and its change-log
 * entry). Leftovers of an interrupted upload are swept at open; the same bytes twice are stored once.
 */
export class BlobStore {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly db: Database.Database) {}

  /** Starts an upload: an incomplete blob row, nothing visible yet. */
  begin(mediaType: string): string {
    this.dropAbandoned();
    const id = newRowId();
    this.db.prepare('INSERT INTO blob (id, media_type, complete, started_at) VALUES (?, ?, 0, ?)').run(id, mediaType, utcInstant());
    this.uploads.set(id, { hash: createHash('sha256'), pending: [], pendingBytes: 0, head: [], bytes: 0, seq: 0, lastTouched: Date.now(), mediaType });
    return id;
  }

  /** Appends one chunk; chunks are committed in batches of 8 MiB (a slice of well under 100 ms). Returns the bytes received so far. */
  append(id: string, bytes: Uint8Array): number {
    const upload = this.upload(id);
    if (bytes.length > MAX_CHUNK_BYTES) throw new StoreError('INVALID_VALUE', `A chunk is at most ${MAX_CHUNK_BYTES} bytes`);
    if (bytes.length === 0) return upload.bytes;
    upload.pending.push({ seq: upload.seq, offset: upload.bytes, bytes: Buffer.from(bytes) });
    upload.pendingBytes += bytes.length;
    upload.hash.update(bytes);
    if (upload.bytes < HEAD_BYTES) upload.head.push(Buffer.from(bytes.subarray(0, HEAD_BYTES - upload.bytes)));
    upload.seq += 1;
    upload.bytes += bytes.length;
    upload.lastTouched = Date.now();
    if (upload.pendingBytes >= BATCH_BYTES) this.flush(id, upload);
    return upload.bytes;
  }

  /** Writes the pending chunks in one committed transaction. */
  private flush(id: string, upload: Upload): void {
    if (!upload.pending.length) return;
    const insert = this.db.prepare('INSERT INTO blob_chunk (blob_id, seq, byte_offset, bytes) VALUES (?, ?, ?, ?)');
    const pending = upload.pending;
    this.db.transaction(() => {
      for (const chunk of pending) insert.run(id, chunk.seq, chunk.offset, chunk.bytes);
    })();
    upload.pending = [];
    upload.pendingBytes = 0;
  }

  /** The bytes received so far and the first 64 of them (to tell the format from). */
  progress(id: string): { bytes: number; head: Buffer } {
    const upload = this.upload(id);
    return { bytes: upload.bytes, head: Buffer.concat(upload.head) };
  }

  /** The SHA-256 of what an upload received so far. */
  digest(id: string): string {
    return this.upload(id).hash.copy().digest('hex');
  }

  /** An upload's bytes as one buffer: only for what is read whole anyway (a photo, capped by the caller). */
  uploadBytes(id: string): Buffer {
    this.flush(id, this.upload(id));
    const chunks = this.db.prepare('SELECT bytes FROM blob_chunk WHERE blob_id = ? ORDER BY seq').pluck().all(id) as Buffer[];
    return Buffer.concat(chunks);
  }

  /** Stores bytes made here (a photo without its metadata, a report copy) as an upload to finish. */
  put(bytes: Uint8Array, mediaType: string): string {
    const id = this.begin(mediaType);
    for (let offset = 0; offset < bytes.length; offset += MAX_CHUNK_BYTES) {
      this.append(id, bytes.subarray(offset, offset + MAX_CHUNK_BYTES));
    }
    return id;
  }

  /**
   * Makes uploads visible and runs `inTransaction` in the same short transaction. An upload whose
   * bytes are already stored is not kept: its chunks are discarded afterwards, in slices.
   */
  finish<T>(ids: readonly string[], inTransaction: (blobs: FinishedBlob[]) => T): T {
    const uploads = ids.map((id) => ({ id, upload: this.upload(id) }));
    for (const { id, upload } of uploads) this.flush(id, upload);
    const digests = uploads.map(({ upload }) => upload.hash.copy().digest('hex'));
    const existing = this.db.prepare('SELECT id FROM blob WHERE sha256 = ? AND complete = 1').pluck();
    const complete = this.db.prepare('UPDATE blob SET sha256 = ?, byte_size = ?, complete = 1 WHERE id = ?');
    const duplicates: string[] = [];
    const result = this.db.transaction(() => {
      const blobs = uploads.map(({ id, upload }, index) => {
        const sha256 = digests[index]!;
        const existed = existing.get(sha256) !== undefined || digests.indexOf(sha256) < index;
        if (existed) duplicates.push(id);
        else complete.run(sha256, upload.bytes, id);
        return { sha256, byteSize: upload.bytes, mediaType: upload.mediaType, existed };
      });
      return inTransaction(blobs);
    })();
    for (const { id } of uploads) this.uploads.delete(id);
    for (const id of duplicates) void this.discard(id);
    return result;
  }

  /** Abandons an upload: nothing becomes visible; its chunks are deleted in slices. */
  abort(id: string): Promise<void> {
    this.uploads.delete(id);
    return this.discard(id);
  }

  has(sha256: string): boolean {
    return this.db.prepare('SELECT 1 FROM blob WHERE sha256 = ? AND complete = 1').get(sha256) !== undefined;
  }

  info(sha256: string): StoredBlob | null {
    const row = this.db.prepare('SELECT sha256, byte_size AS byteSize, media_type AS mediaType FROM blob WHERE sha256 = ? AND complete = 1').get(sha256);
    return (row as StoredBlob | undefined) ?? null;
  }

  /** Which of these hashes are stored. */
  present(hashes: Iterable<string>): Set<string> {
    const stored = new Set(this.db.prepare('SELECT sha256 FROM blob WHERE complete = 1').pluck().all() as string[]);
    return new Set([...hashes].filter((hash) => stored.has(hash)));
  }

  /** `length` bytes from `offset` of a stored blob (a preview reads it in ≤ 1 MiB pieces). */
  read(sha256: string, offset: number, length: number): Buffer {
    const id = this.blobId(sha256);
    const end = offset + Math.min(length, MAX_CHUNK_BYTES);
    const rows = this.db
      .prepare('SELECT byte_offset AS start, bytes FROM blob_chunk WHERE blob_id = ? AND byte_offset < ? AND byte_offset + length(bytes) > ? ORDER BY seq')
      .all(id, end, offset) as { start: number; bytes: Buffer }[];
    return Buffer.concat(rows.map(({ start, bytes }) => bytes.subarray(Math.max(0, offset - start), Math.min(bytes.length, end - start))));
  }

  /** A stored blob's chunks one by one (a package streams them; memory holds one chunk). */
  chunks(sha256: string): Generator<Buffer> {
    return chunksOf(this.db, this.blobId(sha256));
  }

  /**
   * At open: uploads an earlier session left unfinished, and stored bytes no live row names any
   * more (a removed file, once nobody can undo the removal). Returns what was dropped.
   */
  sweepAtOpen(): { incomplete: number; unreferenced: number } {
    const incomplete = this.db.prepare('SELECT id FROM blob WHERE complete = 0').pluck().all() as string[];
    const named = referencedHashes(this.db);
    const unreferenced = (this.db.prepare('SELECT id, sha256 FROM blob WHERE complete = 1').all() as { id: string; sha256: string }[])
      .filter((row) => !named.has(row.sha256))
      .map((row) => row.id);
    if (incomplete.length || unreferenced.length) {
      this.db.transaction(() => {
        for (const id of [...incomplete, ...unreferenced]) this.deleteBlob(id);
      })();
    }
    return { incomplete: incomplete.length, unreferenced: unreferenced.length };
  }

  private blobId(sha256: string): string {
    const id = this.db.prepare('SELECT id FROM blob WHERE sha256 = ? AND complete = 1').pluck().get(sha256) as string | undefined;
    if (!id) throw new StoreError('EVIDENCE_FILE_NOT_HERE', 'This file is not stored in this copy', { sha256, heldBy: '' });
    return id;
  }

  private upload(id: string): Upload {
    const upload = this.uploads.get(id);
    if (!upload) throw new StoreError('EVIDENCE_UPLOAD_GONE', 'This upload was cancelled or the engagement was reopened');
    return upload;
  }

  private dropAbandoned(): void {
    const now = Date.now();
    for (const [id, upload] of this.uploads) {
      if (now - upload.lastTouched > ABANDONED_MS) void this.abort(id);
    }
  }

  private deleteBlob(id: string): void {
    this.db.prepare('DELETE FROM blob_chunk WHERE blob_id = ?').run(id);
    this.db.prepare('DELETE FROM blob WHERE id = ?').run(id);
  }

  /** Deletes an incomplete blob's chunks in committed slices (secure_delete zeroes them), then its row. */
  private async discard(id: string): Promise<void> {
    // A finished blob is visible and named by rows: never discarded through its upload id.
    if (this.db.prepare('SELECT complete FROM blob WHERE id = ?').pluck().get(id) === 1) return;
    const batch = this.db.prepare('DELETE FROM blob_chunk WHERE rowid IN (SELECT rowid FROM blob_chunk WHERE blob_id = ? LIMIT ?)');
    let size = 8;
    for (;;) {
      const started = performance.now();
      const { changes } = batch.run(id, size);
      if (changes < size) break;
      const took = performance.now() - started;
      size = Math.max(1, Math.min(256, Math.round((size * SLICE_MS) / Math.max(took, 1))));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.db.prepare('DELETE FROM blob WHERE id = ? AND complete = 0').run(id);
  }
}

/**
 * The chunks of a blob row, in order, one statement per chunk: an open iterator would keep the
 * connection busy across the consumer's awaits. Also reads another file's store (a member's copy).
 */
export function* chunksOf(db: Database.Database, blobId: string): Generator<Buffer> {
  const chunk = db.prepare('SELECT bytes FROM blob_chunk WHERE blob_id = ? AND seq = ?').pluck();
  for (let seq = 0; ; seq += 1) {
    const bytes = chunk.get(blobId, seq) as Buffer | undefined;
    if (!bytes) return;
    yield bytes;
  }
}

/** Every hash a live row of a domain table names in a field of kind blob. */
export function referencedHashes(db: Database.Database): Set<string> {
  const named = new Set<string>();
  for (const table of DOMAIN_TABLES) {
    const live = table.class === 'mergeable' ? ' WHERE deleted = 0' : '';
    for (const field of table.fields.filter((f) => f.type.kind === 'blob')) {
      for (const hash of db.prepare(`SELECT ${field.name} FROM ${table.name}${live}`).pluck().all() as (string | null)[]) {
        if (hash) named.add(hash);
      }
    }
  }
  return named;
}
