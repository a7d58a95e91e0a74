import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { z } from 'zod';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { StoreError, isStoreError } from '../../../shared/store-errors.ts';
import { deriveKey } from '../package-file.ts';
import { PACKAGE_FORMAT, parsePackageEntry, type PackageEntry } from '../package-schema.ts';
import { blobMismatch, cancelled, content, corrupt, cutOff, fileError, newerVersion, parseJson, schemaError } from './errors.ts';
import { FrameReader, type FrameEvent } from './frames.ts';
import {
  FRAME,
  GZIP_CHUNK_SIZE,
  MODE_PASSPHRASE,
  MODE_PLAIN,
  NONCE_PREFIX_BYTES,
  PACKAGE_V2_FORMAT_VERSION,
  PLAIN_HEADER_BYTES,
  SALT_BYTES,
  SEALED_HEADER_BYTES,
  V2_MAGIC,
  blobSummarySchema,
  bulkStartSchema,
  endFrameSchema,
  packageV2HeaderSchema,
  type BlobSummary,
  type BulkStart,
  type BulkSummary,
  type PackageV2Header,
} from './format.ts';
import { openSegments, type SegmentKeys } from './segments.ts';

/**
 * What a reader does with a package as it streams by. Every call is awaited before the next byte is
 * read. The package as a whole is verified only when readPackageV2 resolves: until then, treat what
 * the visitor received as provisional (all-or-nothing imports keep it aside). `blobEnd` and `bulkEnd`
 * come only for sections whose bytes matched their size and SHA-256; a section that was started and
 * did not end is the caller's to discard when readPackageV2 rejects.
 */
export interface PackageV2Visitor {
  header(header: PackageV2Header): void | Promise<void>;
  /** Once, with every entry of the package (none: an empty list), before the first blob. */
  entries(list: PackageEntry[]): void | Promise<void>;
  /** 'skip': the bytes are still read and verified, but not handed over (a blob the lead already has). */
  blobStart(blob: BlobSummary): 'store' | 'skip' | Promise<'store' | 'skip'>;
  /** The chunk is a fresh buffer the visitor may keep. */
  blobData(chunk: Buffer): void | Promise<void>;
  blobEnd(blob: BlobSummary): void | Promise<void>;
  bulkStart(section: BulkStart): 'store' | 'skip' | Promise<'store' | 'skip'>;
  bulkData(chunk: Buffer): void | Promise<void>;
  bulkEnd(section: BulkStart): void | Promise<void>;
}

export interface ReadPackageV2Options {
  readonly signal?: AbortSignal;
  /** In bytes of the file read. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface PackageV2Summary {
  readonly header: PackageV2Header;
  readonly encrypted: boolean;
  readonly entries: number;
  readonly blobs: { readonly stored: number; readonly skipped: number };
  readonly bulk: { readonly stored: number; readonly skipped: number };
  /** The whole file's size and SHA-256 (the import record's), computed while it streamed. */
  readonly size: number;
  readonly sha256: string;
}

/** Read chunk of the file: big enough that the per-chunk work is noise. */
const READ_CHUNK = 1024 * 1024;

type Phase = 'start' | 'entries' | 'blobs' | 'bulk' | 'done';

interface OpenSection {
  readonly section: 'blob' | 'bulk';
  readonly summary: BlobSummary | BulkStart;
  readonly store: boolean;
  readonly hash: Hash;
  seen: number;
}

const sameBlob = (a: BlobSummary, b: BlobSummary): boolean => a.sha256 === b.sha256 && a.size === b.size && a.mediaType === b.mediaType;
const sameBulk = (a: BulkSummary, b: BulkSummary): boolean => a.kind === b.kind && a.id === b.id && a.size === b.size && a.sha256 === b.sha256;

/** The frame sequence H, E*, (B D* b)*, (U D* u)*, Z, checked as it streams and handed to the visitor. */
class PackageStream {
  private phase: Phase = 'start';
  private header: PackageV2Header | null = null;
  private entries: PackageEntry[] = [];
  private blobIndex = 0;
  private bulkIndex = 0;
  private open: OpenSection | null = null;
  readonly counts = { blobsStored: 0, blobsSkipped: 0, bulkStored: 0, bulkSkipped: 0 };
  /** Set by a frame kind this version does not know; what follows is only drained. */
  newer = false;
  readonly frames = new FrameReader();
  /** What the visitor threw: passed on as it is, never taken for damage. */
  readonly visitorErrors = new WeakSet<object>();

  constructor(private readonly visitor: PackageV2Visitor) {}

  get result(): { header: PackageV2Header; entries: number } {
    return { header: this.header!, entries: this.entries.length };
  }

  /** The visitor's own failures pass through untouched (a full disk while storing is not damage). */
  private async visit<T>(call: () => T | Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (typeof error === 'object' && error !== null) this.visitorErrors.add(error);
      throw error;
    }
  }

  async consume(source: AsyncIterable<Buffer>): Promise<void> {
    for await (const chunk of source) {
      if (this.newer) continue; // drained: the gzip check at its end tells a newer file from damage
      for (const event of this.frames.feed(chunk)) await this.handle(event);
    }
    if (this.newer) throw newerVersion(this.header?.minAppVersion ?? '');
    if (!this.frames.complete) throw cutOff();
  }

  private async handle(event: FrameEvent): Promise<void> {
    switch (event.type) {
      case 'unknown':
        this.newer = true;
        return;
      case 'data-start':
        if (!this.open) throw corrupt('data outside a blob or bulk section');
        return;
      case 'data':
        return this.data(event.chunk);
      case 'frame':
        return this.frame(event.kind, event.payload);
    }
  }

  private async data(chunk: Buffer): Promise<void> {
    const open = this.open!;
    open.seen += chunk.length;
    if (open.seen > open.summary.size) throw this.mismatch(open);
    open.hash.update(chunk);
    if (!open.store) return;
    const visitor = this.visitor;
    await this.visit(() => (open.section === 'blob' ? visitor.blobData(chunk) : visitor.bulkData(chunk)));
  }

  private mismatch(open: OpenSection): StoreError {
    return open.section === 'blob' ? blobMismatch(open.summary.sha256, 'blob') : blobMismatch(open.summary.sha256, 'bulk', (open.summary as BulkStart).id);
  }

  private async frame(kind: number, payload: Buffer): Promise<void> {
    if (this.open) {
      const end = this.open.section === 'blob' ? FRAME.blobEnd : FRAME.bulkEnd;
      if (kind !== end) throw corrupt(`an unfinished ${this.open.section} section is followed by frame ${String.fromCharCode(kind)}`);
      return this.closeSection();
    }
    if (this.phase === 'start') {
      if (kind !== FRAME.header) throw corrupt('it does not begin with its header');
      return this.readHeader(payload);
    }
    if (kind === FRAME.entries) {
      if (this.phase !== 'entries') throw corrupt('entries come after a blob or bulk section');
      return this.readEntries(payload);
    }
    if (this.phase === 'entries') await this.endEntries();
    const header = this.header!;
    if (kind === FRAME.blobStart) {
      if (this.phase !== 'blobs') throw corrupt('a blob follows a bulk section');
      const summary = this.parse(payload, `blobs.${this.blobIndex}`, blobSummarySchema);
      const expected = header.sections.blobs[this.blobIndex];
      if (!expected || !sameBlob(summary, expected)) throw content(`sections.blobs.${this.blobIndex}`, 'does not match the blob that follows');
      this.blobIndex++;
      const decision = await this.visit(() => this.visitor.blobStart(summary));
      return this.startSection('blob', summary, decision);
    }
    if (kind === FRAME.bulkStart) {
      this.phase = 'bulk';
      const section: BulkStart = this.parse(payload, `bulk.${this.bulkIndex}`, bulkStartSchema);
      const expected = header.sections.bulk[this.bulkIndex];
      if (!expected || !sameBulk(section, expected)) throw content(`sections.bulk.${this.bulkIndex}`, 'does not match the bulk section that follows');
      this.bulkIndex++;
      const decision = await this.visit(() => this.visitor.bulkStart(section));
      return this.startSection('bulk', section, decision);
    }
    if (kind === FRAME.end) return this.end(payload);
    throw corrupt(`frame ${String.fromCharCode(kind)} is out of place`);
  }

  private parse<T>(payload: Buffer, path: string, schema: z.ZodType<T>): T {
    const parsed = schema.safeParse(parseJson(payload, path));
    if (!parsed.success) throw schemaError(path, parsed.error);
    return parsed.data;
  }

  private async readHeader(payload: Buffer): Promise<void> {
    const json = parseJson(payload, 'header') as Record<string, unknown> | null;
    if (
      typeof json === 'object' &&
      json !== null &&
      json.format === PACKAGE_FORMAT &&
      typeof json.formatVersion === 'number' &&
      json.formatVersion > PACKAGE_V2_FORMAT_VERSION
    ) {
      throw newerVersion(typeof json.minAppVersion === 'string' ? json.minAppVersion : '');
    }
    const parsed = packageV2HeaderSchema.safeParse(json);
    if (!parsed.success) throw schemaError('', parsed.error);
    const header = parsed.data;
    const blobs = new Set<string>();
    header.sections.blobs.forEach((blob, i) => {
      if (blobs.has(blob.sha256)) throw content(`sections.blobs.${i}`, 'the same blob is listed twice');
      blobs.add(blob.sha256);
    });
    const bulk = new Set<string>();
    header.sections.bulk.forEach((section, i) => {
      const key = JSON.stringify([section.kind, section.id]);
      if (bulk.has(key)) throw content(`sections.bulk.${i}`, 'the same bulk section is listed twice');
      bulk.add(key);
    });
    this.header = header;
    this.phase = 'entries';
    await this.visit(() => this.visitor.header(header));
  }

  private readEntries(payload: Buffer): void {
    const list = parseJson(payload, 'entries');
    if (!Array.isArray(list)) throw content('entries', 'an entries frame is not a list');
    const declared = this.header!.sections.entries;
    for (const item of list) {
      const index = this.entries.length;
      if (index >= declared) throw content('sections.entries', `more than the ${declared} entries it declares`);
      const parsed = parsePackageEntry(item);
      if (!parsed.success) throw schemaError(`entries.${index}`, parsed.error);
      this.entries.push(parsed.data);
    }
  }

  private async endEntries(): Promise<void> {
    const declared = this.header!.sections.entries;
    if (this.entries.length !== declared) throw content('sections.entries', `${this.entries.length} entries where it declares ${declared}`);
    this.phase = 'blobs';
    await this.visit(() => this.visitor.entries(this.entries));
  }

  private startSection(section: 'blob' | 'bulk', summary: BlobSummary | BulkStart, decision: unknown): void {
    if (decision !== 'store' && decision !== 'skip') throw new TypeError(`${section}Start must answer 'store' or 'skip', not ${String(decision)}`);
    this.open = { section, summary, store: decision === 'store', hash: createHash('sha256'), seen: 0 };
  }

  private async closeSection(): Promise<void> {
    const open = this.open!;
    this.open = null;
    if (open.seen !== open.summary.size || open.hash.digest('hex') !== open.summary.sha256) throw this.mismatch(open);
    if (open.section === 'blob') this.counts[open.store ? 'blobsStored' : 'blobsSkipped']++;
    else this.counts[open.store ? 'bulkStored' : 'bulkSkipped']++;
    if (!open.store) return;
    if (open.section === 'blob') await this.visit(() => this.visitor.blobEnd(open.summary as BlobSummary));
    else await this.visit(() => this.visitor.bulkEnd(open.summary as BulkStart));
  }

  private end(payload: Buffer): void {
    const stated = this.parse(payload, 'end', endFrameSchema);
    const actual = this.frames.beforeEnd!;
    if (stated.frames !== actual.frames || stated.sha256 !== actual.sha256) throw corrupt('its content does not match the fingerprint at its end');
    const header = this.header!;
    if (this.blobIndex !== header.sections.blobs.length || this.bulkIndex !== header.sections.bulk.length) {
      throw corrupt('sections listed in its header are missing');
    }
    this.phase = 'done';
  }
}

interface Opened {
  readonly handle: FileHandle;
  readonly size: number;
  readonly prefix: Buffer;
  readonly keys: SegmentKeys | null;
}

/** The file header: which mode, and for a sealed package the key (scrypt) and nonce prefix. */
async function openPackage(source: string, passphrase: string | null): Promise<Opened> {
  let handle: FileHandle | null = null;
  try {
    handle = await fs.promises.open(source, 'r');
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(SEALED_HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const prefix = buffer.subarray(0, bytesRead);
    if (prefix.length < V2_MAGIC.length || !prefix.subarray(0, V2_MAGIC.length).equals(V2_MAGIC)) {
      throw new StoreError('MERGE_NOT_A_PACKAGE', 'This file is not a return package');
    }
    if (prefix.length < PLAIN_HEADER_BYTES) throw cutOff();
    const mode = prefix[V2_MAGIC.length];
    if (mode === MODE_PLAIN) return { handle, size, prefix: prefix.subarray(0, PLAIN_HEADER_BYTES), keys: null };
    // A mode this version does not know is a newer way of protecting the package.
    if (mode !== MODE_PASSPHRASE) throw newerVersion('');
    if (prefix.length < SEALED_HEADER_BYTES) throw cutOff();
    if (!passphrase) throw new StoreError('MERGE_PASSPHRASE_REQUIRED', 'This package is protected by a passphrase');
    const salt = prefix.subarray(PLAIN_HEADER_BYTES, PLAIN_HEADER_BYTES + SALT_BYTES);
    const noncePrefix = prefix.subarray(PLAIN_HEADER_BYTES + SALT_BYTES, PLAIN_HEADER_BYTES + SALT_BYTES + NONCE_PREFIX_BYTES);
    return { handle, size, prefix, keys: { key: deriveKey(passphrase, salt), noncePrefix, aad: prefix } };
  } catch (error) {
    await handle?.close();
    throw fileError(error, source);
  }
}

/** A failure of the streams as the package's error: the compressed stream cut off or damaged. */
function streamError(error: unknown, source: string): unknown {
  if (isStoreError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'Z_BUF_ERROR') return cutOff();
  if (typeof code === 'string' && code.startsWith('Z_')) return corrupt('its compressed content cannot be read');
  return fileError(error, source);
}

/**
 * Reads a return package v2 from `source`, streaming: the file's bytes, then (mode 1) segments
 * opened one at a time, the gzip stream, the frames. Every check is made as the bytes pass: the
 * header and entries against the schemas, each section against its size and SHA-256, the Z frame
 * against everything before it. Memory stays at a few MiB plus the entries.
 */
export async function readPackageV2(
  source: string,
  passphrase: string | null,
  visitor: PackageV2Visitor,
  options: ReadPackageV2Options = {},
): Promise<PackageV2Summary> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw cancelled(signal);
  const opened = await openPackage(source, passphrase);
  const fileHash = createHash('sha256').update(opened.prefix);
  let read = opened.prefix.length;
  async function* counted(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of stream) {
      fileHash.update(chunk);
      read += chunk.length;
      onProgress?.(read, opened.size);
      yield chunk;
    }
  }
  const reading = new PackageStream(visitor);
  const file = fs.createReadStream('', { fd: opened.handle, start: opened.prefix.length, highWaterMark: READ_CHUNK });
  const gunzip = createGunzip({ chunkSize: GZIP_CHUNK_SIZE });
  const consume = (stream: AsyncIterable<Buffer>): Promise<void> => reading.consume(stream);
  const keys = opened.keys;
  const streamOptions = signal ? { signal } : {};
  try {
    await (keys
      ? pipeline(file, counted, (stream: AsyncIterable<Buffer>) => openSegments(stream, keys), gunzip, consume, streamOptions)
      : pipeline(file, counted, gunzip, consume, streamOptions));
  } catch (error) {
    if (typeof error === 'object' && error !== null && reading.visitorErrors.has(error)) throw error;
    if (signal?.aborted) throw cancelled(signal);
    throw streamError(error, source);
  }
  const { header, entries } = reading.result;
  const { blobsStored, blobsSkipped, bulkStored, bulkSkipped } = reading.counts;
  return {
    header,
    encrypted: keys !== null,
    entries,
    blobs: { stored: blobsStored, skipped: blobsSkipped },
    bulk: { stored: bulkStored, skipped: bulkSkipped },
    size: read,
    sha256: fileHash.digest('hex'),
  };
}
