import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HEADER_FIELDS,
  blobOf,
  bulkOf,
  craftPackage,
  craftedHeader,
  ignoringVisitor,
  makeEntries,
  pseudoRandomBytes,
  recordingVisitor,
  type CraftedFrame,
} from '../../../tests/helpers/package-v2.ts';
import { mulberry32 } from '../../../tests/helpers/prng.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { StoreError } from '../../../shared/store-errors.ts';
import { FRAME, SEALED_HEADER_BYTES, TAG_BYTES } from './format.ts';
import { readPackageV2, writePackageV2, type PackageV2Visitor } from './index.ts';

const PASSPHRASE = 'harbour-lights-42';

async function failure(file: string, passphrase: string | null, visitor: PackageV2Visitor = ignoringVisitor): Promise<StoreError | null> {
  try {
    await readPackageV2(file, passphrase, visitor);
    return null;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error; // a crash, not a clear message
    return error;
  }
}

function cutCopy(source: string, length: number, target: string): string {
  const bytes = fs.readFileSync(source);
  fs.writeFileSync(target, bytes.subarray(0, length));
  return target;
}

/** Where each sealed segment starts, and the file's end. */
function segmentStarts(bytes: Buffer): number[] {
  const starts: number[] = [];
  for (let at = SEALED_HEADER_BYTES; at < bytes.length; at += 4 + bytes.readUInt32BE(at) + TAG_BYTES) starts.push(at);
  return [...starts, bytes.length];
}

const BLOB = pseudoRandomBytes(400_000, 11);
const TEXT = Buffer.from('Sample of 25 changes from the CAB log, Q1. '.repeat(4_000));

async function writeSample(file: string, passphrase: string | null, options: { segmentSize?: number } = {}): Promise<void> {
  await writePackageV2(file, HEADER_FIELDS, makeEntries(40), [blobOf(TEXT, 'text/plain'), blobOf(BLOB, 'image/png')], [bulkOf(TEXT.subarray(0, 9_000), 'pop-1')], {
    passphrase,
    dataFrameSize: 32 * 1024,
    ...options,
  });
}

describe('return package v2: cut off', () => {
  it('plain: cut at any offset is MERGE_DAMAGED cut-off (the magic alone is not a package), and a cut blob never ends', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'whole.iso20k-return');
    await writeSample(file, null);
    const bytes = fs.readFileSync(file);
    const inBlob = bytes.indexOf(BLOB.subarray(200_000, 200_032));
    expect(inBlob).toBeGreaterThan(0); // random bytes sit as stored deflate blocks
    const random = mulberry32(20261124);
    const offsets = new Set<number>([0, 1, 7, 8, 9, 10, 20, bytes.length - 1, bytes.length - 4, bytes.length - 8, bytes.length - 9, inBlob - 1, inBlob, inBlob + 1]);
    for (let i = 0; i < 120; i++) offsets.add(9 + Math.floor(random() * (bytes.length - 9)));
    for (const length of [...offsets].sort((a, b) => a - b)) {
      const cut = cutCopy(file, length, path.join(dir, 'cut.iso20k-return'));
      const { visitor, recorded } = recordingVisitor();
      const error = await failure(cut, null, visitor);
      if (length < 8) expect(error?.code, `cut at ${length}`).toBe('MERGE_NOT_A_PACKAGE');
      else expect({ at: length, code: error?.code, params: error?.params }).toEqual({ at: length, code: 'MERGE_DAMAGED', params: { reason: 'cut-off' } });
      if (length <= inBlob + 1) expect(recorded.blobs.has(blobOf(BLOB).sha256)).toBe(false);
    }
  });

  it('sealed: cut at every segment boundary and one byte either side is MERGE_DAMAGED cut-off', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'whole.iso20k-return');
    await writeSample(file, PASSPHRASE, { segmentSize: 64 * 1024 });
    const bytes = fs.readFileSync(file);
    const starts = segmentStarts(bytes);
    expect(starts.length).toBeGreaterThan(5);
    expect(starts.at(-1)).toBe(bytes.length); // the segments tile the file exactly
    const offsets = new Set<number>([9, 10, 24, 25, SEALED_HEADER_BYTES - 1]);
    for (const start of starts) for (const delta of [-1, 0, 1, 2, 4, 5]) if (start + delta >= SEALED_HEADER_BYTES && start + delta < bytes.length) offsets.add(start + delta);
    offsets.add(bytes.length - TAG_BYTES);
    for (const length of [...offsets].sort((a, b) => a - b)) {
      const cut = cutCopy(file, length, path.join(dir, 'cut.iso20k-return'));
      const error = await failure(cut, PASSPHRASE);
      expect({ at: length, code: error?.code, params: error?.params }).toEqual({ at: length, code: 'MERGE_DAMAGED', params: { reason: 'cut-off' } });
    }
  });
});

describe('return package v2: altered bytes', () => {
  it('plain: a flipped byte inside a blob is blob-hash with that blob named; the blob is never ended', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'lee.iso20k-return');
    // Another 3 MB follow, so the decompressor cannot reach the gzip trailer's CRC first.
    const after = blobOf(pseudoRandomBytes(3 * 1024 * 1024, 12));
    await writePackageV2(file, HEADER_FIELDS, makeEntries(3), [blobOf(TEXT), blobOf(BLOB), after], [], { passphrase: null });
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf(BLOB.subarray(123_456, 123_488));
    bytes[at + 5]! ^= 0x20;
    fs.writeFileSync(file, bytes);
    const { visitor, recorded } = recordingVisitor();
    const error = await failure(file, null, visitor);
    expect(error?.code).toBe('MERGE_DAMAGED');
    expect(error?.params).toEqual({ reason: 'blob-hash', sha256: blobOf(BLOB).sha256 });
    expect([...recorded.blobs.keys()]).toEqual([blobOf(TEXT).sha256]);
  });

  it('plain: a flipped byte anywhere after the mode byte is MERGE_DAMAGED, or (gzip header fields no check covers) the same content', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'lee.iso20k-return');
    await writeSample(file, null);
    const original = fs.readFileSync(file);
    const { visitor: reference, recorded: expected } = recordingVisitor();
    await readPackageV2(file, null, reference);
    const random = mulberry32(7);
    const positions = new Set<number>([9, 10, 11, 12, 13, 17, 18, 19, 20, 21, original.length - 1, original.length - 5, original.length - 8]);
    for (let i = 0; i < 150; i++) positions.add(9 + Math.floor(random() * (original.length - 9)));
    const target = path.join(dir, 'flipped.iso20k-return');
    for (const at of positions) {
      const bytes = Buffer.from(original);
      bytes[at]! ^= 1 << Math.floor(random() * 8);
      fs.writeFileSync(target, bytes);
      const { visitor, recorded } = recordingVisitor();
      const error = await failure(target, null, visitor);
      if (error) expect({ at, code: error.code }).toEqual({ at, code: 'MERGE_DAMAGED' });
      else {
        expect(at, 'only the gzip header’s time, flags and OS bytes are outside every check').toBeLessThan(9 + 10);
        expect(recorded.entries).toEqual(expected.entries);
        expect(recorded.blobs).toEqual(expected.blobs);
        expect(recorded.bulk).toEqual(expected.bulk);
      }
    }
  });

  it('sealed: a flipped byte anywhere is never accepted (the first segment reads as a wrong passphrase)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'lee.iso20k-return');
    await writeSample(file, PASSPHRASE, { segmentSize: 64 * 1024 });
    const original = fs.readFileSync(file);
    const starts = segmentStarts(original);
    const random = mulberry32(99);
    const positions = new Set<number>([9, 24, 25, 31, 32, 35, 36, starts[1]! - 1, starts[1]!, starts[1]! + 4, original.length - 1]);
    for (let i = 0; i < 40; i++) positions.add(9 + Math.floor(random() * (original.length - 9)));
    const target = path.join(dir, 'flipped.iso20k-return');
    for (const at of positions) {
      const bytes = Buffer.from(original);
      bytes[at]! ^= 0x04;
      fs.writeFileSync(target, bytes);
      const error = await failure(target, PASSPHRASE);
      const expected = at < starts[1]! ? ['MERGE_WRONG_PASSPHRASE', 'MERGE_DAMAGED'] : ['MERGE_DAMAGED'];
      expect(expected, `flip at ${at} of ${original.length}: ${error?.code}`).toContain(error?.code);
    }
  });

  it('sealed: segments swapped, dropped, repeated or followed by bytes are MERGE_DAMAGED', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'lee.iso20k-return');
    await writeSample(file, PASSPHRASE, { segmentSize: 16 * 1024 });
    const bytes = fs.readFileSync(file);
    const starts = segmentStarts(bytes);
    const segment = (i: number): Buffer => bytes.subarray(starts[i]!, starts[i + 1]!);
    const n = starts.length - 1;
    const head = bytes.subarray(0, SEALED_HEADER_BYTES);
    const middle = Array.from({ length: n }, (_, i) => segment(i));
    const variants: Record<string, Buffer[]> = {
      swapped: [segment(0), segment(2), segment(1), ...middle.slice(3)],
      dropped: [segment(0), ...middle.slice(2)],
      repeated: [segment(0), segment(1), segment(1), ...middle.slice(2)],
      lastDropped: middle.slice(0, n - 1),
      lastRepeated: [...middle, segment(n - 1)],
      trailing: [...middle, Buffer.from('trailing bytes')],
      otherFile: [segment(0), segment(1)],
    };
    // A segment from another package with the same passphrase: its own salt and nonce prefix.
    const other = path.join(dir, 'other.iso20k-return');
    await writeSample(other, PASSPHRASE, { segmentSize: 16 * 1024 });
    const otherBytes = fs.readFileSync(other);
    const otherStarts = segmentStarts(otherBytes);
    variants.otherFile = [segment(0), otherBytes.subarray(otherStarts[1]!, otherStarts[2]!), ...middle.slice(2)];
    const target = path.join(dir, 'variant.iso20k-return');
    for (const [name, segments] of Object.entries(variants)) {
      fs.writeFileSync(target, Buffer.concat([head, ...segments]));
      const error = await failure(target, PASSPHRASE);
      expect({ name, code: error?.code }).toEqual({ name, code: 'MERGE_DAMAGED' });
      if (name === 'lastDropped') expect(error?.params.reason).toBe('cut-off');
    }
    // A length field claiming more than any segment may hold.
    const huge = Buffer.from(bytes);
    huge.writeUInt32BE(0x7fffffff, starts[1]!);
    fs.writeFileSync(target, huge);
    expect((await failure(target, PASSPHRASE))?.params).toMatchObject({ reason: 'corrupt' });
  });
});

describe('return package v2: what the writer never makes', () => {
  const dir = (): string => tempDir();
  const blob = blobOf(Buffer.from('evidence bytes'), 'text/plain');
  const blobSummary = { sha256: blob.sha256, size: blob.size, mediaType: 'text/plain' };
  const withBlob = craftedHeader({}, { entries: 0, blobs: [blobSummary], bulk: [] });

  async function crafted(frames: readonly CraftedFrame[], options: { end?: boolean; trailing?: Buffer } = {}, passphrase: string | null = null): Promise<StoreError | null> {
    const file = path.join(dir(), 'crafted.iso20k-return');
    craftPackage(file, frames, options);
    return failure(file, passphrase);
  }

  it('the crafted baseline reads (the frames below differ from it in one thing each)', async () => {
    expect(await crafted([[FRAME.header, withBlob], [FRAME.blobStart, blobSummary], [FRAME.data, Buffer.from('evidence bytes')], [FRAME.blobEnd, '']])).toBeNull();
  });

  it('a newer format version or frame kind is MERGE_NEWER_VERSION with the version it needs', async () => {
    const newer = await crafted([[FRAME.header, craftedHeader({ formatVersion: 3, minAppVersion: '2.1.0', chapters: [] })]]);
    expect(newer?.code).toBe('MERGE_NEWER_VERSION');
    expect(newer?.params).toEqual({ requiredVersion: '2.1.0' });
    const kind = await crafted([[FRAME.header, craftedHeader({ minAppVersion: '1.9.0' })], [0x51 /* Q */, { signatures: [] }]]);
    expect(kind?.code).toBe('MERGE_NEWER_VERSION');
    expect(kind?.params).toEqual({ requiredVersion: '1.9.0' });
    const file = path.join(dir(), 'mode.iso20k-return');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('AW20RPK2'), Buffer.from([2]), Buffer.alloc(40)]));
    expect((await failure(file, null))?.code).toBe('MERGE_NEWER_VERSION');
  });

  it('an unknown frame kind in a damaged stream is damage, not a newer version', async () => {
    const file = path.join(dir(), 'crafted.iso20k-return');
    craftPackage(file, [[FRAME.header, craftedHeader()], [0x51, 'x'.repeat(5_000)]]);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 6]! ^= 1; // the gzip CRC
    fs.writeFileSync(file, bytes);
    expect((await failure(file, null))?.code).toBe('MERGE_DAMAGED');
  });

  const damaged: Record<string, [frames: CraftedFrame[], reason: string, path?: string, end?: boolean, trailing?: Buffer]> = {
    'no header first': [[[FRAME.entries, []]], 'corrupt'],
    'entries after a blob': [[[FRAME.header, withBlob], [FRAME.blobStart, blobSummary], [FRAME.data, 'evidence bytes'], [FRAME.blobEnd, ''], [FRAME.entries, []]], 'corrupt'],
    'data outside a section': [[[FRAME.header, craftedHeader()], [FRAME.data, 'loose']], 'corrupt'],
    'a section left open': [[[FRAME.header, withBlob], [FRAME.blobStart, blobSummary], [FRAME.data, 'evidence bytes'], [FRAME.bulkEnd, '']], 'corrupt'],
    'a listed blob missing': [[[FRAME.header, withBlob]], 'corrupt'],
    'a blob not listed': [[[FRAME.header, craftedHeader()], [FRAME.blobStart, blobSummary], [FRAME.data, 'evidence bytes'], [FRAME.blobEnd, '']], 'content', 'sections.blobs.0'],
    'a blob longer than stated': [[[FRAME.header, withBlob], [FRAME.blobStart, blobSummary], [FRAME.data, 'evidence bytes!'], [FRAME.blobEnd, '']], 'blob-hash'],
    'a blob other than stated': [[[FRAME.header, withBlob], [FRAME.blobStart, blobSummary], [FRAME.data, 'evidence byteZ'], [FRAME.blobEnd, '']], 'blob-hash'],
    'a blob end with a payload': [[[FRAME.header, withBlob], [FRAME.blobStart, blobSummary], [FRAME.data, 'evidence bytes'], [FRAME.blobEnd, 'x']], 'corrupt'],
    'fewer entries than stated': [[[FRAME.header, craftedHeader({}, { entries: 3, blobs: [], bulk: [] })], [FRAME.entries, makeEntries(2)]], 'content', 'sections.entries'],
    'more entries than stated': [[[FRAME.header, craftedHeader({}, { entries: 1, blobs: [], bulk: [] })], [FRAME.entries, makeEntries(2)]], 'content', 'sections.entries'],
    'an entry that breaks the schema': [[[FRAME.header, craftedHeader({}, { entries: 2, blobs: [], bulk: [] })], [FRAME.entries, [makeEntries(1)[0], { ...makeEntries(1)[0], seq: 0 }]]], 'content', 'entries.1.seq'],
    'entries that are not a list': [[[FRAME.header, craftedHeader({}, { entries: 1, blobs: [], bulk: [] })], [FRAME.entries, { 0: makeEntries(1)[0] }]], 'content', 'entries'],
    'a header that is not JSON': [[[FRAME.header, '{"format":']], 'content', 'header'],
    'a header with a field too many': [[[FRAME.header, craftedHeader({ extra: true })]], 'content', ''],
    'a header with a wrong field': [[[FRAME.header, craftedHeader({ createdBy: { actorId: '', name: 'Lee', initials: 'LC' } })]], 'content', 'createdBy.actorId'],
    'a blob listed twice': [[[FRAME.header, craftedHeader({}, { entries: 0, blobs: [blobSummary, blobSummary], bulk: [] })]], 'content', 'sections.blobs.1'],
    'an end frame that does not match': [[[FRAME.header, craftedHeader()], [FRAME.end, { frames: 1, sha256: '0'.repeat(64) }]], 'corrupt', undefined, false],
    'bytes after the end frame': [[[FRAME.header, craftedHeader()]], 'corrupt', undefined, true, Buffer.from([FRAME.entries, 0, 0, 0, 2, 0x5b, 0x5d])],
    'no end frame': [[[FRAME.header, craftedHeader()]], 'cut-off', undefined, false],
  };
  for (const [name, [frames, reason, where, end, trailing]] of Object.entries(damaged)) {
    it(`${name}: MERGE_DAMAGED ${reason}${where !== undefined ? ` at ${where || 'the header'}` : ''}`, async () => {
      const error = await crafted(frames, { end: end ?? true, ...(trailing ? { trailing } : {}) });
      expect(error?.code).toBe('MERGE_DAMAGED');
      expect(error?.params.reason).toBe(reason);
      if (where !== undefined) expect(error?.params.path).toBe(where);
    });
  }

  it('a frame declaring more than its kind may hold is refused before it is buffered', async () => {
    const file = path.join(dir(), 'crafted.iso20k-return');
    craftPackage(file, [[FRAME.header, craftedHeader()]], { end: false });
    const { gunzipSync, gzipSync } = await import('node:zlib');
    const body = gunzipSync(fs.readFileSync(file).subarray(9));
    const huge = Buffer.from([FRAME.blobStart, 0x7f, 0xff, 0xff, 0xff]);
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(file).subarray(0, 9), gzipSync(Buffer.concat([body, huge]))]));
    expect((await failure(file, null))?.params).toMatchObject({ reason: 'corrupt' });
  });
});
