import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEADER_FIELDS, blobOf, bulkOf, makeEntries, recordingVisitor } from '../../../tests/helpers/package-v2.ts';
import { propertyRuns } from '../../../tests/helpers/property.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { StoreError } from '../../../shared/store-errors.ts';
import { readPackageV2, writePackageV2 } from './index.ts';

const bytesArb = (max: number): fc.Arbitrary<Buffer> =>
  fc.oneof(
    fc.uint8Array({ maxLength: max }).map((a) => Buffer.from(a)),
    // Compressible runs too, so gzip output and segment boundaries fall unlike the input's.
    fc.tuple(fc.string({ maxLength: 40 }), fc.nat({ max: 200 })).map(([word, times]) => Buffer.from(word.repeat(times))),
  );

const caseArb = fc.record({
  blobs: fc.uniqueArray(bytesArb(6_000), { maxLength: 5, selector: (b) => b.toString('hex') }),
  bulk: fc.array(bytesArb(3_000), { maxLength: 2 }),
  entries: fc.nat({ max: 30 }),
  sealed: fc.boolean(),
  segmentSize: fc.integer({ min: 1, max: 5_000 }),
  dataFrameSize: fc.integer({ min: 1, max: 4_096 }),
  entriesFrameBytes: fc.integer({ min: 1, max: 3_000 }),
  cutAt: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
});

describe('return package v2: properties', () => {
  it('any small set of blobs and bulk sections, any segment and frame sizes: everything comes back byte for byte, and any cut is cut-off', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const file = path.join(dir, 'case.iso20k-return');
        const passphrase = c.sealed ? 'p' : null;
        const blobs = c.blobs.map((bytes, i) => blobOf(bytes, i % 2 ? 'image/png' : 'text/plain', 1 + (i * 977) % 1_500));
        const bulk = c.bulk.map((bytes, i) => bulkOf(bytes, `population-${i}`, { index: i }));
        const entries = makeEntries(c.entries);
        await writePackageV2(file, HEADER_FIELDS, entries, blobs, bulk, {
          passphrase,
          segmentSize: c.segmentSize,
          dataFrameSize: c.dataFrameSize,
          entriesFrameBytes: c.entriesFrameBytes,
        });
        const { visitor, recorded } = recordingVisitor();
        const summary = await readPackageV2(file, passphrase, visitor);
        expect(summary.entries).toBe(c.entries);
        expect(recorded.entries).toEqual(entries);
        expect([...recorded.blobs.entries()]).toEqual(c.blobs.map((bytes, i) => [blobs[i]!.sha256, bytes]));
        expect([...recorded.bulk.values()].map((b) => b.bytes)).toEqual(c.bulk);

        const bytes = fs.readFileSync(file);
        const length = 9 + Math.floor(c.cutAt * (bytes.length - 9));
        fs.writeFileSync(file, bytes.subarray(0, length));
        const error = await readPackageV2(file, passphrase, recordingVisitor().visitor).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(StoreError);
        expect({ length, code: (error as StoreError).code, params: (error as StoreError).params }).toEqual({ length, code: 'MERGE_DAMAGED', params: { reason: 'cut-off' } });
      }),
      propertyRuns('package v2 round trip and cut', 60),
    );
  });
});
