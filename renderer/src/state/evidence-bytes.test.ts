// Bytes ↔ base64 in pieces, as the evidence channels carry them: any bytes survive the trip, the
// text is exactly the standard base64 of the whole, and a file's pieces cover it once, in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE64_STEP_BYTES, base64ToBytes, bytesToBase64, chunkRanges } from './evidence-bytes.ts';

/** Sizes around the step boundary (where a wrong join would show) and a few larger ones. */
const sizes = fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: BASE64_STEP_BYTES - 4, max: BASE64_STEP_BYTES + 4 }), fc.integer({ min: 0, max: 3 * BASE64_STEP_BYTES + 7 }));
/** The oracle: btoa over the whole array as one binary string, built a character at a time (slow, obviously right). */
const wholeBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};
const byteArrays = sizes.chain((length) => fc.uint8Array({ minLength: length, maxLength: length }));

describe('base64 in pieces', () => {
  it('is the standard base64 of the whole array, whatever its length', () => {
    fc.assert(
      fc.property(byteArrays, (bytes) => {
        expect(bytesToBase64(bytes)).toBe(wholeBase64(bytes));
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips any byte array to the same bytes', () => {
    fc.assert(
      fc.property(byteArrays, (bytes) => {
        expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
      }),
      { numRuns: 150 },
    );
  });

  it('decodes standard base64 of more than one decoding step', () => {
    const bytes = new Uint8Array(1024 * 1024 + 5).map((_, i) => (i * 7919) % 256);
    expect(base64ToBytes(wholeBase64(bytes))).toEqual(bytes);
    expect(base64ToBytes('')).toEqual(new Uint8Array(0));
  });

  it('encodes a full 1 MiB chunk without overflowing the call stack', () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0xff);
    expect(bytesToBase64(chunk).length).toBe(Math.ceil(chunk.length / 3) * 4);
  });
});

describe('the pieces a file is sent in', () => {
  it('cover the file once, in order from seq 0, none larger than the chunk', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4_000_000 }).chain((chunk) => fc.tuple(fc.integer({ min: 0, max: chunk * 300 + 5 }), fc.constant(chunk))), ([size, chunk]) => {
        const ranges = chunkRanges(size, chunk);
        expect(ranges.length).toBe(Math.ceil(size / chunk));
        let at = 0;
        ranges.forEach((range, index) => {
          expect(range.seq).toBe(index);
          expect(range.start).toBe(at);
          expect(range.end - range.start).toBeGreaterThan(0);
          expect(range.end - range.start).toBeLessThanOrEqual(chunk);
          at = range.end;
        });
        expect(at).toBe(size);
      }),
    );
  });

  it('refuses a chunk size that is not a positive integer', () => {
    expect(() => chunkRanges(10, 0)).toThrow(RangeError);
    expect(() => chunkRanges(10, 1.5)).toThrow(RangeError);
  });
});
