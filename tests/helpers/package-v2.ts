import { createCipheriv, createHash } from 'node:crypto';
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { FRAME, V2_MAGIC, frameHeader, type BlobSummary, type BulkStart, type FrameKind, type PackageV2Header, type PackageV2HeaderFields } from '../../electron/team/package-v2/format.ts';
import type { PackageV2Visitor } from '../../electron/team/package-v2/read.ts';
import type { BlobSource, BulkSource } from '../../electron/team/package-v2/write.ts';
import type { PackageEntry } from '../../electron/team/package-schema.ts';

/** Test fixtures for return packages v2: header fields, entries, deterministic bytes, a recording visitor. */

export const HEADER_FIELDS: PackageV2HeaderFields = {
  engagementId: '0190a6a4-0000-7000-8000-00000000e001',
  clientName: 'Northwind Managed Services — 北风',
  createdAt: '2026-11-24T16:05:00.000Z',
  createdBy: { actorId: '0190a6a4-0000-7000-8000-00000000001e', name: 'Lee Chen', initials: 'LC' },
  appVersion: '1.4.0',
  minAppVersion: '1.4.0',
  schemaVersion: 16,
  sourceFileInstanceId: '0190a6a4-0000-7000-8000-0000000f1e01',
  base: { 'replica-lead': 412 },
  replicas: [{ id: 'replica-lee', actor_id: '0190a6a4-0000-7000-8000-00000000001e', file_instance_id: '0190a6a4-0000-7000-8000-0000000f1e01', created_at: '2026-11-20T08:00:00.000Z' }],
  knowledge: [{ replica_id: 'replica-lee', from_seq: 1, heads: '{"replica-lead":412}' }],
};

const hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** `count` change-log entries that pass the entry schema; `valueChars` pads each new value. */
export function makeEntries(count: number, valueChars = 40): PackageEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    replica_id: 'replica-lee',
    seq: i + 1,
    prev_hash: hex(`prev ${i}`),
    entity: 'finding',
    row_id: `0190a6a4-0000-7000-8000-${String(i).padStart(12, '0')}`,
    field: 'statement',
    old_hash: hex(`old ${i}`),
    new_hash: hex(`new ${i}`),
    hlc: `${String(1_795_000_000_000 + i).padStart(15, '0')}:0000:replica-lee`,
    wall_time: '2026-11-24T15:00:00.000Z',
    actor_id: '0190a6a4-0000-7000-8000-00000000001e',
    flags: 0,
    settles: null,
    entry_hash: hex(`entry ${i}`),
    salt: i % 3 ? null : Buffer.from(`salt${i}`).toString('base64'),
    old_value: i % 2 ? null : JSON.stringify(`was ${i}`),
    new_value: JSON.stringify(`Change ${i}: approval recorded after deployment — 变更 ${i} `.padEnd(valueChars, '·')),
  }));
}

/** Deterministic pseudo-random bytes (AES-256-CTR keystream of `seed`), generated in chunks, never held. */
export function* pseudoRandomChunks(size: number, seed: number, chunkSize = 256 * 1024): Generator<Buffer> {
  const cipher = createCipheriv('aes-256-ctr', createHash('sha256').update(`seed ${seed}`).digest(), Buffer.alloc(16));
  const zeros = Buffer.alloc(Math.min(chunkSize, Math.max(size, 1)));
  for (let left = size; left > 0; left -= chunkSize) yield cipher.update(left >= chunkSize ? zeros : zeros.subarray(0, left));
}

export function pseudoRandomBytes(size: number, seed: number): Buffer {
  return Buffer.concat([...pseudoRandomChunks(size, seed)], size);
}

export function sha256Of(chunks: Iterable<Buffer>): string {
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}

/** A blob held in memory, handed to the writer in uneven chunks (as a store's rows would be). */
export function blobOf(bytes: Buffer, mediaType = 'application/octet-stream', chunk = 100_003): BlobSource {
  return {
    sha256: sha256Of([bytes]),
    size: bytes.length,
    mediaType,
    *read() {
      for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk);
    },
  };
}

export function bulkOf(bytes: Buffer, id: string, meta: unknown = { columns: ['ref', 'date', 'approved'], rows: 3 }): BulkSource {
  return {
    kind: 'population',
    id,
    sha256: sha256Of([bytes]),
    size: bytes.length,
    meta,
    async *read() {
      for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
    },
  };
}

export interface Recorded {
  header: PackageV2Header | null;
  entries: PackageEntry[] | null;
  blobs: Map<string, Buffer>;
  bulk: Map<string, { section: BulkStart; bytes: Buffer }>;
  /** Every call, in order, by name (data calls folded). */
  calls: string[];
}

/** A visitor that keeps everything it is given; `decide` picks store or skip per blob. */
export function recordingVisitor(decide: (blob: BlobSummary) => 'store' | 'skip' = () => 'store'): { visitor: PackageV2Visitor; recorded: Recorded } {
  const recorded: Recorded = { header: null, entries: null, blobs: new Map(), bulk: new Map(), calls: [] };
  let chunks: Buffer[] = [];
  const call = (name: string): void => {
    if (recorded.calls.at(-1) !== name || !name.endsWith('Data')) recorded.calls.push(name);
  };
  const visitor: PackageV2Visitor = {
    header: (header) => {
      call('header');
      recorded.header = header;
    },
    entries: (list) => {
      call('entries');
      recorded.entries = list;
    },
    blobStart: async (blob) => {
      call('blobStart');
      chunks = [];
      return decide(blob);
    },
    blobData: (chunk) => {
      call('blobData');
      chunks.push(chunk);
    },
    blobEnd: (blob) => {
      call('blobEnd');
      recorded.blobs.set(blob.sha256, Buffer.concat(chunks));
    },
    bulkStart: () => {
      call('bulkStart');
      chunks = [];
      return 'store';
    },
    bulkData: async (chunk) => {
      call('bulkData');
      chunks.push(chunk);
    },
    bulkEnd: (section) => {
      call('bulkEnd');
      recorded.bulk.set(section.id, { section, bytes: Buffer.concat(chunks) });
    },
  };
  return { visitor, recorded };
}

/** A visitor that takes nothing (every blob skipped): for tests that only look at errors. */
export const ignoringVisitor: PackageV2Visitor = {
  header: () => undefined,
  entries: () => undefined,
  blobStart: () => 'skip',
  blobData: () => undefined,
  blobEnd: () => undefined,
  bulkStart: () => 'skip',
  bulkData: () => undefined,
  bulkEnd: () => undefined,
};

export type CraftedFrame = readonly [kind: FrameKind | number, payload: Buffer | string | object];

/**
 * A plain package written by hand from a list of frames (an independent reading of the format in
 * write.ts), for files the writer would never make: a newer version, an unknown frame, wrong order.
 * The Z frame is appended (with the right count and hash) unless `end` is false, then `trailing`.
 */
export function craftPackage(file: string, frames: readonly CraftedFrame[], options: { end?: boolean; trailing?: Buffer } = {}): void {
  const bytes: Buffer[] = [];
  for (const [kind, payload] of frames) {
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload));
    const head = Buffer.alloc(5);
    head[0] = kind;
    head.writeUInt32BE(body.length, 1);
    bytes.push(head, body);
  }
  if (options.end !== false) {
    const end = Buffer.from(JSON.stringify({ frames: frames.length, sha256: sha256Of(bytes) }));
    bytes.push(frameHeader(FRAME.end, end.length), end);
  }
  if (options.trailing) bytes.push(options.trailing);
  fs.writeFileSync(file, Buffer.concat([V2_MAGIC, Buffer.from([0]), gzipSync(Buffer.concat(bytes))]));
}

/** A v2 header as the writer would make it for these sections. */
export function craftedHeader(overrides: Record<string, unknown> = {}, sections = { entries: 0, blobs: [] as BlobSummary[], bulk: [] as unknown[] }): Record<string, unknown> {
  return { format: 'audit-workbench-return-package', formatVersion: 2, ...HEADER_FIELDS, sections, ...overrides };
}
