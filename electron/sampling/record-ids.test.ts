import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareUtf8, PopulationHasher, SeededPermutationError } from '../../shared/sampling/seeded-permutation.ts';
import { canonicalRowOrder } from './population-orders.ts';
import { RecordIds } from './record-ids.ts';

const exactHash = (ids: readonly string[]): string => {
  const hasher = new PopulationHasher(ids.length);
  for (const id of ids) hasher.add(id);
  return hasher.digest();
};

/** Ids as exports hold them: ASCII numbers, accents, Chinese, emoji (outside the BMP), U+E000–U+FFFF. */
const anyCharacter = fc
  .integer({ min: 0, max: 0x10ffff })
  .filter((code) => code < 0xd800 || code > 0xdfff)
  .map((code) => String.fromCodePoint(code));
const anyId = fc.string({ unit: fc.oneof(fc.constantFrom('I', 'N', 'C', '0', '1', '9', '-', 'é', '变', '更', '😀', '\uFF21', '\uE000'), anyCharacter), minLength: 1, maxLength: 12 });

describe('record ids as UTF-8 bytes', () => {
  it('keeps the first of equal ids and refuses the rest, in any order, with the row numbers of the kept', () => {
    fc.assert(
      fc.property(fc.array(anyId, { maxLength: 300 }), (ids) => {
        const store = new RecordIds();
        const kept: string[] = [];
        for (const id of ids) {
          const rowNo = store.addUnique(id);
          if (kept.includes(id)) expect(rowNo).toBe(-1);
          else {
            expect(rowNo).toBe(kept.length);
            kept.push(id);
          }
        }
        expect(store.count).toBe(kept.length);
        kept.forEach((id, rowNo) => expect(store.idAt(rowNo)).toBe(id));
      }),
      { numRuns: 200 },
    );
  });

  it('orders as UTF-8 byte order and hashes as aw-perm-1 (PopulationHasher, the reference)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyId, { maxLength: 200 }), (ids) => {
        const store = RecordIds.of(ids);
        const order = canonicalRowOrder(store);
        const sorted = [...ids].sort(compareUtf8);
        expect([...order].map((rowNo) => ids[rowNo])).toEqual(sorted);
        expect(store.hash(order)).toBe(exactHash(sorted));
      }),
      { numRuns: 200 },
    );
  });

  it('stays exact across its growth: 300,000 ids, every tenth a duplicate, ids longer than the first buffer', () => {
    const store = new RecordIds();
    const long = 'L'.repeat(100_000);
    expect(store.addUnique(long)).toBe(0);
    let refused = 0;
    for (let i = 0; i < 300_000; i++) if (store.addUnique(`INC${String(i % 10 === 9 ? i - 1 : i).padStart(7, '0')}`) === -1) refused++;
    expect(refused).toBe(30_000);
    expect(store.count).toBe(1 + 270_000);
    expect(store.addUnique(long)).toBe(-1);
    expect(store.idAt(0)).toBe(long);
    expect(store.idAt(store.count - 1)).toBe('INC0299998');
  });

  it('refuses an id that is not Unicode (a lone surrogate UTF-8 cannot hold) as aw-perm-1 does', () => {
    for (const id of ['INC\uD800', '\uDC00x', 'a\uDBFF']) {
      const error = (() => {
        try {
          new RecordIds().addUnique(id);
        } catch (thrown) {
          return thrown;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(SeededPermutationError);
      expect((error as SeededPermutationError).code).toBe('NOT_UNICODE');
    }
    // A pair is one character and fine.
    expect(new RecordIds().addUnique('INC😀')).toBe(0);
  });
});
