import { createHash, randomBytes, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { StoreError } from '../../../shared/store-errors.ts';
import { renameDurably, sweepStaleParts, tempPathBeside } from '../../platform/durable-write.ts';
import { deriveKey } from '../package-file.ts';
import { PACKAGE_FORMAT, type PackageEntry } from '../package-schema.ts';
import { cancelled, writeError } from './errors.ts';
import {
  DATA_FRAME_SIZE,
  ENTRIES_FRAME_BYTES,
  FRAME,
  GZIP_CHUNK_SIZE,
  MAX_DATA_FRAME_SIZE,
  MAX_PAYLOAD,
  MAX_SEGMENT_SIZE,
  MODE_PASSPHRASE,
  MODE_PLAIN,
  NONCE_PREFIX_BYTES,
  PACKAGE_V2_FORMAT_VERSION,
  SALT_BYTES,
  SEGMENT_SIZE,
  V2_MAGIC,
  blobSummarySchema,
  bulkStartSchema,
  frameHeader,
  packageV2HeaderSchema,
  type BlobSummary,
  type BulkSummary,
  type FrameKind,
  type PackageV2Header,
  type PackageV2HeaderFields,
} from './format.ts';
import { sealSegments } from './segments.ts';

/*
 * RETURN PACKAGE, VERSION 2 — the file, byte by byte (integers are unsigned big-endian)
 *
 *   offset  size  field
 *   0       8     magic "AW20RPK2" (ASCII)
 *   8       1     mode: 0 = plain, 1 = protected by a passphrase
 *   mode 1 only:
 *   9       16    scrypt salt (N = 2^15, r = 8, p = 1, 32-byte key: deriveKey in package-file.ts, as v1)
 *   25      7     nonce prefix (random per file)
 *   then the body, to the end of the file:
 *   mode 0: one gzip stream (RFC 1952, one member) of the frames below.
 *   mode 1: that same gzip stream cut into segments of SEGMENT_SIZE (1 MiB) bytes, the last one
 *           shorter (0 … SEGMENT_SIZE bytes), each stored as
 *             u32 n | n bytes of AES-256-GCM ciphertext | 16-byte GCM tag
 *           with nonce = prefix (7) ‖ segment counter from 0 (u32) ‖ 1 for the last segment, else 0,
 *           and AAD = the file header (bytes 0 … 31). Nothing may follow the last segment.
 *
 * The frames (inside the gzip stream): kind (1 byte, ASCII) | u32 length | length bytes of payload.
 *   H  header: JSON, every field of a v1 ReturnPackage but `entries`, with formatVersion 2 and
 *      `sections` = { entries: count, blobs: [{sha256, size, mediaType}], bulk: [{kind, id, size, sha256}] }
 *   E  entries: a JSON array of change-log entries (v1's entry schema); as many frames as needed,
 *      each ≤ ENTRIES_FRAME_BYTES (4 MiB) of JSON unless one entry alone is larger
 *   B  blob start: JSON {sha256, size, mediaType}, equal to the next item of sections.blobs
 *   D  data: ≤ DATA_FRAME_SIZE (1 MiB) raw bytes of the current blob or bulk section
 *   b  blob end: empty
 *   U  bulk start: JSON {kind, id, size, sha256, meta}, matching the next item of sections.bulk
 *   u  bulk end: empty
 *   Z  end: JSON {frames, sha256}: how many frames precede it and the SHA-256 of all their bytes
 *      (kind, length and payload of each)
 * in the order H, E*, (B D* b)*, (U D* u)*, Z, and nothing after Z. Blobs and bulk sections appear in
 * the order of `sections`; each section's bytes must match its size and SHA-256. Any new frame kind
 * or meaning comes with a formatVersion above 2 (a reader refuses it as from a newer version).
 *
 * Why: a package of hundreds of MB streams in and out with a few MiB of memory (one JSON frame, one
 * segment, the compressor's window); a reader never acts on bytes whose tag has not checked; a file
 * cut off anywhere lacks the last segment (mode 1) or the gzip trailer and the Z frame (mode 0).
 */

/** The bytes of one blob or bulk section, read only when the writer reaches it; chunks are not reused. */
export type ByteSource = () => AsyncIterable<Buffer | Uint8Array> | Iterable<Buffer | Uint8Array>;

export interface BlobSource extends BlobSummary {
  readonly read: ByteSource;
}

export interface BulkSource extends BulkSummary {
  readonly meta: unknown;
  readonly read: ByteSource;
}

/** Entries whose number is known up front without holding them (a query's rows iterated). */
export interface CountedEntries extends Iterable<PackageEntry> {
  readonly count: number;
}

/** An array, a counted iterable, or any iterable (read into an array first: the header states the count). */
export type PackageV2Entries = readonly PackageEntry[] | CountedEntries | Iterable<PackageEntry>;

export interface WritePackageV2Options {
  readonly passphrase: string | null;
  readonly signal?: AbortSignal;
  /** In units of entries plus bytes of blobs and bulk sections. */
  readonly onProgress?: (done: number, total: number) => void;
  /** For tests; the defaults are SEGMENT_SIZE, DATA_FRAME_SIZE and ENTRIES_FRAME_BYTES. */
  readonly segmentSize?: number;
  readonly dataFrameSize?: number;
  readonly entriesFrameBytes?: number;
}

export interface WrittenPackage {
  readonly size: number;
  readonly sha256: string;
}

const EMPTY = Buffer.alloc(0);

const invalid = (what: string): StoreError => new StoreError('INVALID_VALUE', `Return package: ${what}`);

/** The engagement's own bytes do not match the hash it recorded for them: nothing is packaged. */
const sourceDamaged = (sha256: string, section: 'blob' | 'bulk', id: string): StoreError =>
  new StoreError('FILE_DAMAGED', `The bytes of ${section} ${id} do not match their fingerprint`, {
    reason: 'blob-hash',
    sha256,
    ...(section === 'bulk' ? { section, id } : {}),
  });

function headerOf(fields: PackageV2HeaderFields, entries: number, blobs: readonly BlobSource[], bulk: readonly BulkSource[]): PackageV2Header {
  const header: PackageV2Header = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_V2_FORMAT_VERSION,
    engagementId: fields.engagementId,
    clientName: fields.clientName,
    createdAt: fields.createdAt,
    createdBy: fields.createdBy,
    appVersion: fields.appVersion,
    minAppVersion: fields.minAppVersion,
    schemaVersion: fields.schemaVersion,
    sourceFileInstanceId: fields.sourceFileInstanceId,
    base: fields.base,
    replicas: fields.replicas,
    knowledge: fields.knowledge,
    sections: {
      entries,
      blobs: blobs.map(({ sha256, size, mediaType }) => ({ sha256, size, mediaType })),
      bulk: bulk.map(({ kind, id, size, sha256 }) => ({ kind, id, size, sha256 })),
    },
  };
  const parsed = packageV2HeaderSchema.safeParse(header);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return header;
}

function checkSources(blobs: readonly BlobSource[], bulk: readonly BulkSource[]): void {
  const seen = new Set<string>();
  for (const blob of blobs) {
    if (!blobSummarySchema.safeParse({ sha256: blob.sha256, size: blob.size, mediaType: blob.mediaType }).success) throw invalid(`blob ${blob.sha256} is not described properly`);
    if (seen.has(blob.sha256)) throw invalid(`blob ${blob.sha256} is listed twice`);
    seen.add(blob.sha256);
  }
  seen.clear();
  for (const section of bulk) {
    const { kind, id, size, sha256, meta } = section;
    if (!bulkStartSchema.safeParse({ kind, id, size, sha256, meta }).success) throw invalid(`bulk section ${kind} ${id} is not described properly`);
    const key = JSON.stringify([kind, id]);
    if (seen.has(key)) throw invalid(`bulk section ${kind} ${id} is listed twice`);
    seen.add(key);
  }
}

function entriesOf(entries: PackageV2Entries): { list: Iterable<PackageEntry>; count: number } {
  if (Array.isArray(entries)) return { list: entries as readonly PackageEntry[], count: entries.length };
  if (typeof (entries as Partial<CountedEntries>).count === 'number') return { list: entries, count: (entries as CountedEntries).count };
  const list = [...entries];
  return { list, count: list.length };
}

function checkSize(name: string, value: number, max: number): number {
  if (!(Number.isSafeInteger(value) && value >= 1 && value <= max)) throw new RangeError(`${name} ${value} outside 1..${max}`);
  return value;
}

interface FramePlan {
  readonly header: PackageV2Header;
  readonly entries: Iterable<PackageEntry>;
  readonly blobs: readonly BlobSource[];
  readonly bulk: readonly BulkSource[];
  readonly dataFrameSize: number;
  readonly entriesFrameBytes: number;
  readonly progress: (step: number) => void;
}

/** Every frame before Z goes through here: counted and hashed for the Z frame. */
class FrameLog {
  readonly hash: Hash = createHash('sha256');
  frames = 0;

  whole(kind: FrameKind, payload: Buffer): Buffer {
    // Larger than a reader accepts (a value of tens of MB escaped into JSON): refused, not written unreadable.
    if (payload.length > MAX_PAYLOAD[kind]) throw invalid(`a ${String.fromCharCode(kind)} frame of ${payload.length} bytes is more than a reader takes`);
    const head = frameHeader(kind, payload.length);
    this.hash.update(head);
    this.hash.update(payload);
    this.frames++;
    return payload.length ? Buffer.concat([head, payload], head.length + payload.length) : head;
  }

  /** A D frame whose payload pieces were already hashed in order after its header. */
  dataHeader(length: number): Buffer {
    const head = frameHeader(FRAME.data, length);
    this.hash.update(head);
    this.frames++;
    return head;
  }
}

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');

async function* entryFrames(plan: FramePlan, log: FrameLog): AsyncGenerator<Buffer> {
  const OPEN = Buffer.from('[');
  const COMMA = Buffer.from(',');
  const CLOSE = Buffer.from(']');
  let parts: Buffer[] = [];
  let bytes = 2;
  let count = 0;
  const frame = (): Buffer => {
    const list: Buffer[] = [OPEN];
    parts.forEach((part, i) => (i ? list.push(COMMA, part) : list.push(part)));
    list.push(CLOSE);
    const payload = Buffer.concat(list, bytes);
    plan.progress(parts.length);
    parts = [];
    bytes = 2;
    return log.whole(FRAME.entries, payload);
  };
  for (const entry of plan.entries) {
    const text = json(entry);
    if (parts.length && bytes + 1 + text.length > plan.entriesFrameBytes) yield frame();
    bytes += text.length + (parts.length ? 1 : 0);
    parts.push(text);
    count++;
  }
  if (parts.length) yield frame();
  if (count !== plan.header.sections.entries) throw invalid(`${count} entries were given where ${plan.header.sections.entries} were counted`);
}

/** A section's bytes in D frames of at most `dataFrameSize`, checked against its size and SHA-256. */
async function* dataFrames(plan: FramePlan, log: FrameLog, source: BlobSource | BulkSource, mismatch: () => StoreError): AsyncGenerator<Buffer> {
  const own = createHash('sha256');
  let seen = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  function* flush(): Generator<Buffer> {
    yield log.dataHeader(pendingBytes);
    for (const piece of pending) {
      log.hash.update(piece);
      yield piece;
    }
    plan.progress(pendingBytes);
    pending = [];
    pendingBytes = 0;
  }
  for await (const raw of source.read()) {
    let chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    seen += chunk.length;
    if (seen > source.size) throw mismatch();
    own.update(chunk);
    while (chunk.length) {
      const take = Math.min(plan.dataFrameSize - pendingBytes, chunk.length);
      pending.push(take === chunk.length ? chunk : chunk.subarray(0, take));
      pendingBytes += take;
      chunk = chunk.subarray(take);
      if (pendingBytes === plan.dataFrameSize) yield* flush();
    }
  }
  if (pendingBytes) yield* flush();
  if (seen !== source.size || own.digest('hex') !== source.sha256) throw mismatch();
}

async function* frames(plan: FramePlan): AsyncGenerator<Buffer> {
  const log = new FrameLog();
  yield log.whole(FRAME.header, json(plan.header));
  yield* entryFrames(plan, log);
  for (const blob of plan.blobs) {
    const { sha256, size, mediaType } = blob;
    yield log.whole(FRAME.blobStart, json({ sha256, size, mediaType }));
    yield* dataFrames(plan, log, blob, () => sourceDamaged(sha256, 'blob', sha256));
    yield log.whole(FRAME.blobEnd, EMPTY);
  }
  for (const section of plan.bulk) {
    const { kind, id, size, sha256, meta } = section;
    yield log.whole(FRAME.bulkStart, json({ kind, id, size, sha256, meta }));
    yield* dataFrames(plan, log, section, () => sourceDamaged(sha256, 'bulk', id));
    yield log.whole(FRAME.bulkEnd, EMPTY);
  }
  const end = json({ frames: log.frames, sha256: log.hash.digest('hex') });
  yield Buffer.concat([frameHeader(FRAME.end, end.length), end]);
}

/**
 * Writes a return package v2 at `destination`: into a temp file beside it, fsynced and renamed over
 * it, so the destination is the old file or the whole new one. Every blob and bulk section is
 * checked against its size and SHA-256 as it streams (FILE_DAMAGED if the engagement's bytes do
 * not match); memory stays at a few MiB whatever their sizes.
 */
export async function writePackageV2(
  destination: string,
  header: PackageV2HeaderFields,
  entries: PackageV2Entries,
  blobs: Iterable<BlobSource>,
  bulk: Iterable<BulkSource>,
  options: WritePackageV2Options,
): Promise<WrittenPackage> {
  const { passphrase, signal, onProgress } = options;
  if (signal?.aborted) throw cancelled(signal);
  const segmentSize = checkSize('segment size', options.segmentSize ?? SEGMENT_SIZE, MAX_SEGMENT_SIZE);
  const dataFrameSize = checkSize('data frame size', options.dataFrameSize ?? DATA_FRAME_SIZE, MAX_DATA_FRAME_SIZE);
  const entriesFrameBytes = checkSize('entries frame size', options.entriesFrameBytes ?? ENTRIES_FRAME_BYTES, 64 * 1024 * 1024);
  const blobList = [...blobs];
  const bulkList = [...bulk];
  checkSources(blobList, bulkList);
  const { list, count } = entriesOf(entries);
  const total = count + blobList.reduce((sum, b) => sum + b.size, 0) + bulkList.reduce((sum, b) => sum + b.size, 0);
  let done = 0;
  const plan: FramePlan = {
    header: headerOf(header, count, blobList, bulkList),
    entries: list,
    blobs: blobList,
    bulk: bulkList,
    dataFrameSize,
    entriesFrameBytes,
    progress: (step) => {
      done += step;
      onProgress?.(done, total);
    },
  };

  const sealed = passphrase !== null && passphrase !== '';
  let fileHeader = Buffer.concat([V2_MAGIC, Buffer.from([sealed ? MODE_PASSPHRASE : MODE_PLAIN])]);
  let seal: ((source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>) | null = null;
  if (sealed) {
    const salt = randomBytes(SALT_BYTES);
    const noncePrefix = randomBytes(NONCE_PREFIX_BYTES);
    fileHeader = Buffer.concat([fileHeader, salt, noncePrefix]);
    const keys = { key: deriveKey(passphrase, salt), noncePrefix, aad: fileHeader };
    seal = (source) => sealSegments(source, keys, segmentSize);
  }

  const fileHash = createHash('sha256');
  let size = 0;
  async function* onDisk(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    fileHash.update(fileHeader);
    size += fileHeader.length;
    yield fileHeader;
    for await (const chunk of source) {
      fileHash.update(chunk);
      size += chunk.length;
      yield chunk;
    }
  }

  sweepStaleParts(path.dirname(destination), path.basename(destination));
  const temp = tempPathBeside(destination);
  let out: Writable | null = null;
  try {
    out = fs.createWriteStream(temp, { flags: 'wx', flush: true });
    const gzip = createGzip({ chunkSize: GZIP_CHUNK_SIZE });
    const source = frames(plan);
    await (seal
      ? pipeline(source, gzip, seal, onDisk, out, signal ? { signal } : {})
      : pipeline(source, gzip, onDisk, out, signal ? { signal } : {}));
    await renameDurably(temp, destination);
    return { size, sha256: fileHash.digest('hex') };
  } catch (error) {
    if (out && !out.closed) await new Promise((resolve) => out!.once('close', resolve));
    fs.rmSync(temp, { force: true });
    if (signal?.aborted) throw cancelled(signal);
    throw writeError(error, destination);
  }
}
