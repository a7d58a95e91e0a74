import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../helpers/property.ts';
import { Sha256, sha256, toHex } from '../../../shared/sampling/sha256.ts';

const ascii = (text: string): Uint8Array => new Uint8Array([...text].map((c) => c.charCodeAt(0)));
const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('sha256 (FIPS 180-4)', () => {
  // NIST's examples (FIPS 180-2 appendix B and the "SHA-256 example" vectors of the CAVP).
  it.each([
    ['the empty message', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['"abc"', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'the 448-bit message',
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      'the 896-bit message',
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('hashes %s', (_name, message, expected) => {
    expect(toHex(sha256(ascii(message)))).toBe(expected);
  });

  it('hashes one million "a" (fed in uneven pieces, so the block buffering is exercised)', () => {
    const hasher = new Sha256();
    const piece = ascii('a'.repeat(997));
    let fed = 0;
    while (fed + piece.length <= 1_000_000) {
      hasher.update(piece);
      fed += piece.length;
    }
    hasher.update(ascii('a'.repeat(1_000_000 - fed)));
    expect(toHex(hasher.digest())).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('pads correctly around the block boundary (messages of 0 to 130 bytes)', () => {
    for (let length = 0; length <= 130; length++) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 37 + length) & 0xff);
      expect(toHex(sha256(bytes)), `length ${length}`).toBe(nodeSha256(bytes));
    }
  });

  it('agrees with node:crypto on any message, however it is split into updates', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat({ max: 600 }), { maxLength: 5 }), (bytes, cuts) => {
        const hasher = new Sha256();
        const points = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
        let from = 0;
        for (const point of [...points, bytes.length]) {
          hasher.update(bytes.subarray(from, point));
          from = point;
        }
        expect(toHex(hasher.digest())).toBe(nodeSha256(bytes));
      }),
      propertyRuns('sha256 against node:crypto', 300),
    );
  });

  it('refuses to be used after its digest', () => {
    const hasher = new Sha256().update(ascii('abc'));
    hasher.digest();
    expect(() => hasher.digest()).toThrow();
    expect(() => hasher.update(ascii('d'))).toThrow();
  });

  it('writes lowercase hexadecimal, two digits a byte', () => {
    expect(toHex(new Uint8Array([0, 1, 0x0f, 0x10, 0xab, 0xff]))).toBe('00010f10abff');
  });
});
