import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER_FIELDS, blobOf, bulkOf, ignoringVisitor, makeEntries, pseudoRandomBytes, recordingVisitor } from '../../../tests/helpers/package-v2.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { StoreError } from '../../../shared/store-errors.ts';
import { encodePackage } from '../package-file.ts';
import { PACKAGE_FORMAT, type ReturnPackage } from '../package-schema.ts';
import { readPackageV2, sniffPackageVersion, writePackageV2, type BlobSource, type BulkSource } from './index.ts';

const PASSPHRASE = 'Kursk-ferry-7 变更';
const text = (size: number, word: string): Buffer => Buffer.from(`${word} `.repeat(Math.ceil(size / (word.length + 1)))).subarray(0, size);

function blobSets(): Record<string, BlobSource[]> {
  return {
    none: [],
    one: [blobOf(text(12_345, 'CAB-minutes'), 'text/plain')],
    three: [
      blobOf(pseudoRandomBytes(5 * 1024 * 1024, 1), 'image/jpeg'),
      blobOf(text(300_000, 'incident-INC-2291'), 'application/pdf'),
      blobOf(pseudoRandomBytes(1, 2), 'application/octet-stream'),
    ],
  };
}

async function expectStoreError(promise: Promise<unknown>, code: string, params: Record<string, unknown> = {}): Promise<StoreError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
  expect((error as StoreError).params).toMatchObject(params);
  return error as StoreError;
}

describe('return package v2: round trip', () => {
  for (const passphrase of [null, PASSPHRASE]) {
    for (const [name, blobs] of Object.entries(blobSets())) {
      it(`${passphrase ? 'encrypted' : 'plain'}, ${name} blob(s), a bulk section: everything back, byte for byte`, async () => {
        const file = path.join(tempDir(), 'lee.iso20k-return');
        const entries = makeEntries(250);
        const bulk: BulkSource[] = [bulkOf(text(70_000, 'CHG-1042,2026-03-01,yes'), 'population-changes-q1')];
        const progress: number[][] = [];
        const written = await writePackageV2(file, HEADER_FIELDS, entries, blobs, bulk, {
          passphrase,
          onProgress: (done, total) => progress.push([done, total]),
        });
        const bytes = fs.readFileSync(file);
        expect(written.size).toBe(bytes.length);
        expect(written.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(bytes.subarray(0, 9).toString('latin1')).toBe(`AW20RPK2${passphrase ? '\u0001' : '\u0000'}`);
        const total = entries.length + blobs.reduce((s, b) => s + b.size, 0) + 70_000;
        expect(progress.at(-1)).toEqual([total, total]);
        expect(fs.readdirSync(path.dirname(file))).toEqual(['lee.iso20k-return']); // no temp file left

        const { visitor, recorded } = recordingVisitor();
        const summary = await readPackageV2(file, passphrase, visitor);
        expect(summary).toMatchObject({ encrypted: passphrase !== null, entries: 250, blobs: { stored: blobs.length, skipped: 0 }, bulk: { stored: 1, skipped: 0 } });
        expect(summary.size).toBe(written.size);
        expect(summary.sha256).toBe(written.sha256);
        expect(recorded.entries).toEqual(entries);
        expect(recorded.header).toEqual({
          format: PACKAGE_FORMAT,
          formatVersion: 2,
          ...HEADER_FIELDS,
          sections: {
            entries: 250,
            blobs: blobs.map(({ sha256, size, mediaType }) => ({ sha256, size, mediaType })),
            bulk: [{ kind: 'population', id: 'population-changes-q1', size: 70_000, sha256: bulk[0]!.sha256 }],
          },
        });
        expect([...recorded.blobs.keys()]).toEqual(blobs.map((b) => b.sha256));
        for (const blob of blobs) expect(recorded.blobs.get(blob.sha256)!.equals(Buffer.concat([...(blob.read() as Iterable<Buffer>)]))).toBe(true);
        expect(recorded.bulk.get('population-changes-q1')!.bytes.equals(text(70_000, 'CHG-1042,2026-03-01,yes'))).toBe(true);
        expect(recorded.bulk.get('population-changes-q1')!.section.meta).toEqual({ columns: ['ref', 'date', 'approved'], rows: 3 });
        const sections = blobs.length ? ['blobStart', 'blobData', 'blobEnd'] : [];
        expect(recorded.calls).toEqual(['header', 'entries', ...Array.from({ length: blobs.length }, () => sections).flat(), 'bulkStart', 'bulkData', 'bulkEnd']);
      });
    }
  }

  it('a skipped blob is read and verified but not handed over', async () => {
    const file = path.join(tempDir(), 'lee.iso20k-return');
    const blobs = [blobOf(text(2_000, 'kept')), blobOf(text(3_000, 'skipped'))];
    await writePackageV2(file, HEADER_FIELDS, makeEntries(3), blobs, [], { passphrase: null });
    const { visitor, recorded } = recordingVisitor((blob) => (blob.sha256 === blobs[1]!.sha256 ? 'skip' : 'store'));
    const summary = await readPackageV2(file, null, visitor);
    expect(summary.blobs).toEqual({ stored: 1, skipped: 1 });
    expect([...recorded.blobs.keys()]).toEqual([blobs[0]!.sha256]);
    expect(recorded.calls).toEqual(['header', 'entries', 'blobStart', 'blobData', 'blobEnd', 'blobStart']);
  });

  it('no entries, no blobs, no bulk: a header and an end, read back as an empty list', async () => {
    const file = path.join(tempDir(), 'empty.iso20k-return');
    await writePackageV2(file, HEADER_FIELDS, [], [], [], { passphrase: PASSPHRASE });
    const { visitor, recorded } = recordingVisitor();
    const summary = await readPackageV2(file, PASSPHRASE, visitor);
    expect(summary.entries).toBe(0);
    expect(recorded.entries).toEqual([]);
    expect(recorded.calls).toEqual(['header', 'entries']);
  });

  it('entries from a counted iterable or a generator; many E frames when they exceed the frame size', async () => {
    const entries = makeEntries(400, 2_000);
    const dir = tempDir();
    const counted = { count: entries.length, [Symbol.iterator]: () => entries[Symbol.iterator]() };
    function* generated(): Generator<(typeof entries)[number]> {
      yield* entries;
    }
    for (const [name, source] of [['counted', counted], ['generator', generated()]] as const) {
      const file = path.join(dir, `${name}.iso20k-return`);
      await writePackageV2(file, HEADER_FIELDS, source, [], [], { passphrase: null, entriesFrameBytes: 64 * 1024 });
      const { visitor, recorded } = recordingVisitor();
      await readPackageV2(file, null, visitor);
      expect(recorded.entries).toEqual(entries);
    }
    // A counted iterable that yields another number of entries than it states is refused.
    const file = path.join(dir, 'miscounted.iso20k-return');
    await expectStoreError(writePackageV2(file, HEADER_FIELDS, { count: 5, [Symbol.iterator]: () => entries[Symbol.iterator]() }, [], [], { passphrase: null }), 'INVALID_VALUE');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('one entry larger than the entries frame size travels alone in its frame', async () => {
    const file = path.join(tempDir(), 'big-entry.iso20k-return');
    const entries = makeEntries(3);
    entries[1] = { ...entries[1]!, new_value: JSON.stringify('x'.repeat(300_000)) };
    await writePackageV2(file, HEADER_FIELDS, entries, [], [], { passphrase: null, entriesFrameBytes: 4_096 });
    const { visitor, recorded } = recordingVisitor();
    await readPackageV2(file, null, visitor);
    expect(recorded.entries).toEqual(entries);
  });

  it('an existing destination is replaced whole; a failed write leaves it as it was and no temp file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'lee.iso20k-return');
    fs.writeFileSync(file, 'the previous package');
    await writePackageV2(file, HEADER_FIELDS, makeEntries(2), [], [], { passphrase: null });
    expect(await sniffPackageVersion(file)).toBe(2);
    const before = fs.readFileSync(file);

    const liar: BlobSource = { ...blobOf(text(5_000, 'evidence')), read: () => [text(5_000, 'tampered')] };
    await expectStoreError(writePackageV2(file, HEADER_FIELDS, makeEntries(2), [liar], [], { passphrase: null }), 'FILE_DAMAGED', { reason: 'blob-hash', sha256: liar.sha256 });
    const short: BlobSource = { ...blobOf(text(5_000, 'evidence')), read: () => [text(4_999, 'evidence')] };
    await expectStoreError(writePackageV2(file, HEADER_FIELDS, [], [short], [], { passphrase: PASSPHRASE }), 'FILE_DAMAGED', { reason: 'blob-hash' });
    const long: BulkSource = { ...bulkOf(text(5_000, 'rows'), 'pop-1'), read: () => [text(5_001, 'rows')] };
    await expectStoreError(writePackageV2(file, HEADER_FIELDS, [], [], [long], { passphrase: null }), 'FILE_DAMAGED', { reason: 'blob-hash', section: 'bulk', id: 'pop-1' });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['lee.iso20k-return']);
  });

  it('a destination folder that does not exist is IO_ERROR naming it', async () => {
    const file = path.join(tempDir(), 'no-such-folder', 'lee.iso20k-return');
    await expectStoreError(writePackageV2(file, HEADER_FIELDS, [], [], [], { passphrase: null }), 'IO_ERROR', { path: file, failure: 'ENOENT' });
  });

  it('a blob listed twice, described wrongly or too large a frame is refused; nothing is left', async () => {
    const file = path.join(tempDir(), 'lee.iso20k-return');
    const blob = blobOf(text(10, 'x'));
    await expectStoreError(writePackageV2(file, HEADER_FIELDS, [], [blob, blob], [], { passphrase: null }), 'INVALID_VALUE');
    await expectStoreError(writePackageV2(file, HEADER_FIELDS, [], [{ ...blob, mediaType: '' }], [], { passphrase: null }), 'INVALID_VALUE');
    await expectStoreError(writePackageV2(file, { ...HEADER_FIELDS, engagementId: '' }, [], [], [], { passphrase: null }), 'INVALID_VALUE');
    // A frame larger than a reader accepts (bulk meta: 16 MiB) is refused rather than written unreadable.
    await expectStoreError(writePackageV2(file, HEADER_FIELDS, [], [], [bulkOf(text(10, 'r'), 'pop-1', 'm'.repeat(17 * 1024 * 1024))], { passphrase: null }), 'INVALID_VALUE');
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });

  it('a cancelled write stops with JOB_CANCELLED and leaves nothing; a cancelled read stops too', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'lee.iso20k-return');
    const controller = new AbortController();
    const blob = blobOf(pseudoRandomBytes(3 * 1024 * 1024, 9));
    await expectStoreError(
      writePackageV2(file, HEADER_FIELDS, [], [blob], [], {
        passphrase: null,
        signal: controller.signal,
        onProgress: (done) => done > 1024 * 1024 && controller.abort(),
      }),
      'JOB_CANCELLED',
    );
    expect(fs.readdirSync(dir)).toEqual([]);

    await writePackageV2(file, HEADER_FIELDS, [], [blob], [], { passphrase: null, dataFrameSize: 64 * 1024 });
    const reading = new AbortController();
    const { visitor } = recordingVisitor();
    await expectStoreError(readPackageV2(file, null, { ...visitor, blobData: () => reading.abort() }, { signal: reading.signal }), 'JOB_CANCELLED');
  });

  it("the visitor's own failure comes out unchanged", async () => {
    const file = path.join(tempDir(), 'lee.iso20k-return');
    await writePackageV2(file, HEADER_FIELDS, makeEntries(1), [blobOf(text(100, 'a'))], [], { passphrase: null });
    const refusal = new StoreError('MERGE_OTHER_ENGAGEMENT', 'another engagement', { clientName: 'Contoso' });
    await expect(readPackageV2(file, null, { ...ignoringVisitor, header: () => Promise.reject(refusal) })).rejects.toBe(refusal);
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    await expect(readPackageV2(file, null, { ...ignoringVisitor, blobStart: () => 'store', blobData: () => { throw full; } })).rejects.toBe(full);
  });

  it('reports read progress in bytes of the file', async () => {
    const file = path.join(tempDir(), 'lee.iso20k-return');
    await writePackageV2(file, HEADER_FIELDS, makeEntries(10), [blobOf(pseudoRandomBytes(2_500_000, 3))], [], { passphrase: null });
    const seen: [number, number][] = [];
    await readPackageV2(file, null, ignoringVisitor, { onProgress: (done, total) => seen.push([done, total]) });
    const size = fs.statSync(file).size;
    expect(seen.at(-1)).toEqual([size, size]);
    expect(seen.every(([done], i) => i === 0 || done > seen[i - 1]![0])).toBe(true);
  });
});

describe('return package v2: opening', () => {
  it('sniffs v1, v2 and anything else', async () => {
    const dir = tempDir();
    const v1: ReturnPackage = { format: PACKAGE_FORMAT, formatVersion: 1, ...HEADER_FIELDS, entries: makeEntries(2) };
    const files = {
      v1: [encodePackage(v1, null), 1],
      v1Sealed: [encodePackage(v1, PASSPHRASE), 1],
      v2: [null, 2],
      sqlite: [Buffer.from('SQLite format 3\u0000 and the rest'), null],
      empty: [Buffer.alloc(0), null],
      short: [Buffer.from('AW20'), null],
    } as const;
    for (const [name, [bytes, version]] of Object.entries(files)) {
      const file = path.join(dir, name);
      if (bytes) fs.writeFileSync(file, bytes);
      else await writePackageV2(file, HEADER_FIELDS, [], [], [], { passphrase: null });
      expect(await sniffPackageVersion(file), name).toBe(version);
    }
    await expectStoreError(sniffPackageVersion(path.join(dir, 'missing')), 'FILE_NOT_FOUND');
  });

  it('a v1 package, a missing file, a folder and another file are refused with their codes', async () => {
    const dir = tempDir();
    const v1 = path.join(dir, 'v1.iso20k-return');
    fs.writeFileSync(v1, encodePackage({ format: PACKAGE_FORMAT, formatVersion: 1, ...HEADER_FIELDS, entries: [] }, null));
    await expectStoreError(readPackageV2(v1, null, ignoringVisitor), 'MERGE_NOT_A_PACKAGE');
    await expectStoreError(readPackageV2(path.join(dir, 'nothing-here'), null, ignoringVisitor), 'FILE_NOT_FOUND');
    await expectStoreError(readPackageV2(dir, null, ignoringVisitor), 'NOT_A_FILE');
    const other = path.join(dir, 'notes.txt');
    fs.writeFileSync(other, 'Opening meeting 09:00');
    await expectStoreError(readPackageV2(other, null, ignoringVisitor), 'MERGE_NOT_A_PACKAGE');
  });

  it('a sealed package asks for its passphrase and refuses a wrong one on the first segment', async () => {
    const file = path.join(tempDir(), 'lee.iso20k-return');
    await writePackageV2(file, HEADER_FIELDS, makeEntries(5), [blobOf(pseudoRandomBytes(3_000_000, 4))], [], { passphrase: PASSPHRASE });
    await expectStoreError(readPackageV2(file, null, ignoringVisitor), 'MERGE_PASSPHRASE_REQUIRED');
    await expectStoreError(readPackageV2(file, '', ignoringVisitor), 'MERGE_PASSPHRASE_REQUIRED');
    const calls: string[] = [];
    await expectStoreError(readPackageV2(file, 'kursk-ferry-7 变更', { ...ignoringVisitor, header: () => void calls.push('header') }), 'MERGE_WRONG_PASSPHRASE');
    expect(calls).toEqual([]);
    // The passphrase is normalised (NFC), as in v1: the same words typed on another keyboard open it.
    const decomposed = 'Caf\u0065\u0301';
    await writePackageV2(file, HEADER_FIELDS, [], [], [], { passphrase: decomposed });
    await readPackageV2(file, 'Caf\u00e9', ignoringVisitor);
  });

  it('a plain package opens whatever passphrase is given', async () => {
    const file = path.join(tempDir(), 'lee.iso20k-return');
    await writePackageV2(file, HEADER_FIELDS, makeEntries(1), [], [], { passphrase: null });
    expect((await readPackageV2(file, 'unused', ignoringVisitor)).encrypted).toBe(false);
  });
});
