/**
 * The record-sample draws over canonical indexes (draw-random, draw-systematic, draw-stratified,
 * allocation, sample-draw): equal to aw-perm-1 over the ids, pinned known answers, properties, and a
 * uniformity check.
 *
 * Measured (Node 22, this machine, vitest): permutationPrefix(1,000,000, K, 500) ≈ 1.2 ms; a stratified
 * draw of 500 over 12 strata totalling 1,000,000 records ≈ 6–12 ms (12 keys, 500 Fisher–Yates steps).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { allocateExtension, allocateStratified, largestRemainder } from './allocation.ts';
import { drawRandom, extendRandom, permutationPrefix, randomFromRest } from './draw-random.ts';
import { drawStratified, extendStratified, type StratumInput } from './draw-stratified.ts';
import { allIndexes, drawSystematic, extendSystematic } from './draw-systematic.ts';
import { drawJudgmental, extendJudgmental, extendSelection, recomputeSelection, selectionSize, verifySelection, type SampleSelection } from './sample-draw.ts';
import { compareUtf8, inputsHashOf, PopulationHasher, SeededPermutationError, seededPermutation, utf8Bytes } from './seeded-permutation.ts';
import { sha256, toHex } from './sha256.ts';

const SEED = 'c0ffee00c0ffee00c0ffee00c0ffee00';
const INC = Array.from({ length: 100 }, (_, i) => `INC-${String(i + 1).padStart(4, '0')}`);
const INC_P = '672d59a9d4f1c5fe5648e706a732664380dc924720c5b2d76c3b6e642dc40d99';
const INC_POP = { populationSize: 100, populationHash: INC_P };
const hashOf = (ids: readonly string[]): string => {
  const sorted = [...ids].sort(compareUtf8);
  const hasher = new PopulationHasher(sorted.length);
  for (const id of sorted) hasher.add(id);
  return hasher.digest();
};
const STRATA_IDS: Record<string, string[]> = {
  P3: Array.from({ length: 30 }, (_, i) => `PRB-${i}`),
  P1: ['INC-0001', 'INC-0002', 'INC-0003', 'INC-0004'],
  P2: Array.from({ length: 16 }, (_, i) => `CHG-${i}`),
};
const STRATA: StratumInput[] = Object.entries(STRATA_IDS).map(([name, ids]) => ({ name, populationSize: ids.length, populationHash: hashOf(ids) }));
const code = (f: () => unknown): string => {
  try {
    f();
    return 'ok';
  } catch (error) {
    return error instanceof SeededPermutationError ? error.code : String(error);
  }
};

const idList = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme' }), { minLength: 0, maxLength: 40 });
const seedText = fc.stringMatching(/^[a-z0-9][a-z0-9 -]{0,20}[a-z0-9]$/u);

describe('the population and inputs hashes without the ids in memory', () => {
  it('PopulationHasher and inputsHashOf give seededPermutation’s hashes', () => {
    const run = propertyRuns('hashes equal seededPermutation', 100);
    fc.assert(
      fc.property(idList, seedText, fc.constantFrom('', 'P1 critical', '2026-03'), (ids, seed, stratum) => {
        const permutation = seededPermutation(ids, seed, { stratum });
        expect(hashOf(ids)).toBe(permutation.populationHash);
        expect(inputsHashOf(seed, permutation.populationHash, { stratum })).toBe(permutation.inputsHash);
      }),
      run,
    );
    expect(hashOf(INC)).toBe(INC_P);
  });

  it('PopulationHasher refuses ids out of order, repeated, or a wrong count', () => {
    expect(code(() => new PopulationHasher(2).add('b').add('a'))).toBe('ID_OUT_OF_ORDER');
    expect(code(() => new PopulationHasher(2).add('a').add('a'))).toBe('DUPLICATE_ID');
    expect(code(() => new PopulationHasher(1).add('a').add('b'))).toBe('ID_COUNT_MISMATCH');
    expect(code(() => new PopulationHasher(2).add('a').digest())).toBe('ID_COUNT_MISMATCH');
    // UTF-8 order, not UTF-16: U+FF5E comes before U+20000.
    expect(code(() => new PopulationHasher(2).add('～').add('𠀀'))).toBe('ok');
    expect(code(() => inputsHashOf(SEED, 'ABC'))).toBe('HASH_INVALID');
  });
});

describe('permutationPrefix', () => {
  it('is the first k positions of seededPermutation, mapped to canonical indexes', () => {
    const run = propertyRuns('permutationPrefix equals seededPermutation', 200);
    fc.assert(
      fc.property(idList, seedText, fc.nat(), (ids, seed, kSeed) => {
        const permutation = seededPermutation(ids, seed);
        const canonical = [...ids].sort(compareUtf8);
        const k = ids.length === 0 ? 0 : kSeed % (ids.length + 1);
        const prefix = permutationPrefix(ids.length, permutation.inputsHash, k);
        expect(prefix.map((i) => canonical[i])).toEqual(permutation.order.slice(0, k));
      }),
      run,
    );
  });

  it('passes the rejection vector of docs/SAMPLING-RANDOM.md (200,000 records, two words discarded)', () => {
    const P = 'd061b3657bcfda3cd0fb70e7a8fa34b79bd757e06fa0aba63a7f597ac3caf800';
    const K = inputsHashOf('rejection-1', P);
    expect(K).toBe('1b8f69a6965d77056c1916597efe119c75fd37242eebd18050921bdb21b13bbc');
    const ids = permutationPrefix(200_000, K, 200_000).map((i) => `R-${String(i + 1).padStart(6, '0')}`);
    expect(ids.slice(0, 3)).toEqual(['R-045143', 'R-083424', 'R-184262']);
    expect(ids.slice(-3)).toEqual(['R-011751', 'R-013936', 'R-021052']);
    expect(toHex(sha256(utf8Bytes(ids.join('\n'))))).toBe('e6c2112ff1be4fce5e2302689d1bf7514f388b6ffbe2226b9737aa6b0d0211ed');
  });

  it('refuses k above n', () => {
    expect(code(() => permutationPrefix(3, '0'.repeat(64), 4))).toBe('SAMPLE_SIZE_INVALID');
  });
});

describe('known-answer vectors (pinned: a later version must give the same indexes)', () => {
  it('random: INC-0001 … INC-0100, 8 then extended by 4', () => {
    const drawn = drawRandom({ ...INC_POP, seed: SEED, size: 8 });
    expect(drawn.inputsHash).toBe('12d2ef441b1793ed389484717df680d2724ef4ba060b23b083efe3c5d9af715e');
    expect(drawn.indexes).toEqual([49, 52, 28, 9, 59, 47, 31, 81]);
    expect(drawn.indexes.slice(0, 3).map((i) => INC[i])).toEqual(['INC-0050', 'INC-0053', 'INC-0029']);
    const extended = extendRandom(drawn, 4);
    expect(extended.indexes).toEqual([49, 52, 28, 9, 59, 47, 31, 81, 61, 84, 32, 73]);
    expect(extended).toMatchObject({ size: 8, extensions: [4] });
  });

  it('systematic: 7 of 100 (interval 14, start 9), extended by 3 from the rest with seed extension-1', () => {
    const drawn = drawSystematic({ ...INC_POP, seed: SEED, size: 7 });
    expect(drawn).toMatchObject({ interval: 14, start: 9, indexes: [9, 23, 37, 51, 65, 79, 93] });
    const extended = extendSystematic(drawn, 'extension-1', 3);
    expect(extended.extensions).toEqual([
      { algorithm: 'aw-perm-1', seed: 'extension-1', inputsHash: '7401daacb8d6056d73d40f72d3d47434fb35ae032f93ed58c9fd9a453020c6cd', indexes: [46, 94, 22] },
    ]);
  });

  it('stratified: 10 over P1 (4), P2 (16), P3 (30), at least 2 each, then extended by 5', () => {
    const drawn = drawStratified({ seed: 'strata-1', strata: STRATA, size: 10, minimumPerStratum: 2 });
    expect(drawn.strata.map((s) => s.indexes.length)).toEqual([2, 3, 5]);
    const extended = extendStratified(drawn, 5);
    expect(extended.strata.map((s) => [s.name, s.populationHash, s.inputsHash, s.indexes])).toEqual([
      ['P1', '56fc5b37094fb25a13573bc2c3d2d8ee16ea95dad70ae114492e55afcdb545f1', '14ec4f602f69f995d7f144210e00806f6b8897bf8a9e355b1079abbbe445017f', [1, 3]],
      ['P2', 'a18ab90dcbff3d12155e7d6d1ac9238dc0177b68d16d32aba6a4d78d5bd394e1', 'aa1f274c7af1df8ecdbdadc34eea86ab01ac382d69244303ef84f42475886c19', [11, 7, 3, 8, 4]],
      ['P3', '23e59b45315ad0cf2b1288e2d4533ed899b9fe30c79002e277afae8d90de362c', '5f136a6b2abff398193cb0c77f8bd8b7c19e868f99a74cfc52f64d7ce4dcb4eb', [20, 2, 23, 3, 14, 0, 26, 22]],
    ]);
    // Each stratum's draw is aw-perm-1 over its ids with the stratum's name.
    for (const stratum of extended.strata) {
      const permutation = seededPermutation(STRATA_IDS[stratum.name]!, 'strata-1', { stratum: stratum.name });
      const canonical = [...STRATA_IDS[stratum.name]!].sort(compareUtf8);
      expect(stratum.indexes.map((i) => canonical[i])).toEqual(permutation.order.slice(0, stratum.indexes.length));
    }
  });

  it('judgmental: two picks with reasons, no randomness; extended by 3 with seed extension-2', () => {
    const drawn = drawJudgmental({ ...INC_POP, picks: [{ index: 3, reason: 'major incident' }, { index: 41, reason: 'breached SLA' }] });
    expect(drawn).toMatchObject({ method: 'judgmental', algorithm: null, indexes: [3, 41], extensions: [] });
    expect(extendJudgmental(drawn, 'extension-2', 3).extensions[0]!.indexes).toEqual([27, 33, 31]);
  });
});

describe('allocation', () => {
  it('shares by largest remainder, ties by the names’ UTF-8 order', () => {
    expect(largestRemainder(10, [10, 10, 10], ['b', 'a', 'c'])).toEqual([3, 4, 3]);
    expect(largestRemainder(2, [5, 5, 5], ['𠀀', '～', 'z'])).toEqual([0, 1, 1]);
    expect(allocateStratified([{ name: 'A', size: 2 }, { name: 'B', size: 98 }], 10)).toEqual([0, 10]);
    expect(allocateStratified([{ name: 'A', size: 2 }, { name: 'B', size: 98 }], 10, 3)).toEqual([2, 8]);
    expect(code(() => allocateStratified([{ name: 'A', size: 5 }, { name: 'B', size: 5 }], 5, 3))).toBe('MINIMUM_EXCEEDS_SIZE');
  });

  it('sums to k and never asks a stratum for more than it has (new and extension)', () => {
    const run = propertyRuns('allocation sums and capacities', 300);
    const strata = fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 8 }).map((sizes) => sizes.map((size, i) => ({ name: `S${i}`, size })));
    fc.assert(
      fc.property(strata, fc.nat(), fc.nat({ max: 5 }), fc.nat(), (list, kSeed, minimum, moreSeed) => {
        const total = list.reduce((s, x) => s + x.size, 0);
        const floor = list.reduce((s, x) => s + Math.min(minimum, x.size), 0);
        const k = floor + (kSeed % (total - floor + 1));
        const counts = allocateStratified(list, k, minimum);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(k);
        counts.forEach((c, i) => expect(c).toBeGreaterThanOrEqual(Math.min(minimum, list[i]!.size)));
        counts.forEach((c, i) => expect(c).toBeLessThanOrEqual(list[i]!.size));
        const more = moreSeed % (total - k + 1);
        const added = allocateExtension(list.map((s, i) => ({ ...s, drawn: counts[i]! })), more);
        expect(added.reduce((a, b) => a + b, 0)).toBe(more);
        added.forEach((a, i) => expect(counts[i]! + a).toBeLessThanOrEqual(list[i]!.size));
      }),
      run,
    );
  });
});

describe('properties of every method', () => {
  const population = fc.record({ n: fc.integer({ min: 1, max: 300 }), seed: seedText, hash: fc.stringMatching(/^[0-9a-f]{64}$/u) });

  it('no duplicates, within bounds, reproducible; an extension keeps every earlier item', () => {
    const run = propertyRuns('draws: distinct, bounded, reproducible, extension keeps', 150);
    fc.assert(
      fc.property(population, fc.nat(), fc.nat(), fc.constantFrom('random', 'systematic', 'stratified', 'judgmental'), ({ n, seed, hash }, kSeed, moreSeed, method) => {
        const k = 1 + (kSeed % n);
        const pop = { populationSize: n, populationHash: hash };
        const cut = Math.floor(n / 3);
        const strata: StratumInput[] = [
          { name: 'a', populationSize: cut, populationHash: hash },
          { name: 'b', populationSize: n - cut, populationHash: hash },
        ];
        const drawn: SampleSelection =
          method === 'random'
            ? drawRandom({ ...pop, seed, size: k })
            : method === 'systematic'
              ? drawSystematic({ ...pop, seed, size: k })
              : method === 'stratified'
                ? drawStratified({ seed, strata, size: k })
                : drawJudgmental({ ...pop, picks: Array.from({ length: Math.min(k, 5) }, (_, i) => ({ index: (i * 7) % n, reason: 'r' })).filter((p, i, all) => all.findIndex((q) => q.index === p.index) === i) });
        const flat = (s: SampleSelection): string[] =>
          s.method === 'stratified' ? s.strata.flatMap((x) => x.indexes.map((i) => `${x.name}:${i}`)) : (s.method === 'random' ? s.indexes : allIndexes(s)).map(String);
        const bounded = (s: SampleSelection): boolean =>
          s.method === 'stratified' ? s.strata.every((x) => x.indexes.every((i) => i >= 0 && i < x.populationSize)) : flat(s).every((i) => Number(i) >= 0 && Number(i) < n);
        expect(new Set(flat(drawn)).size).toBe(flat(drawn).length);
        expect(bounded(drawn)).toBe(true);
        expect(recomputeSelection(drawn)).toEqual(drawn);
        expect(verifySelection(drawn)).toBeNull();
        const left = n - selectionSize(drawn);
        if (left === 0) return;
        const more = 1 + (moreSeed % left);
        const extended = extendSelection(drawn, more, `${seed}-more`);
        expect(selectionSize(extended)).toBe(selectionSize(drawn) + more);
        expect(new Set(flat(extended)).size).toBe(flat(extended).length);
        expect(bounded(extended)).toBe(true);
        if (extended.method === 'stratified') {
          extended.strata.forEach((x, i) => expect(x.indexes.slice(0, (drawn as typeof extended).strata[i]!.indexes.length)).toEqual((drawn as typeof extended).strata[i]!.indexes));
        } else {
          expect(flat(extended).slice(0, flat(drawn).length)).toEqual(flat(drawn));
        }
        expect(verifySelection(extended)).toBeNull();
      }),
      run,
    );
  });

  it('draws 1 of 10 uniformly: chi-square of 20,000 seeds below the 99.9% critical value', () => {
    const hash = hashOf(Array.from({ length: 10 }, (_, i) => `R-${i}`));
    const counts = new Array<number>(10).fill(0);
    const draws = 20_000;
    for (let s = 0; s < draws; s++) counts[permutationPrefix(10, inputsHashOf(`chi-${s}`, hash), 1)[0]!]!++;
    const expected = draws / 10;
    const chiSquare = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(27.877); // χ²(9 degrees of freedom) at 0.999
  });

  it('systematic draws: an interval of 1 draws no word, and every start is reachable', () => {
    expect(drawSystematic({ ...INC_POP, seed: SEED, size: 60 })).toMatchObject({ interval: 1, start: 0 });
    const starts = new Set(Array.from({ length: 200 }, (_, s) => drawSystematic({ ...INC_POP, seed: `s-${s}`, size: 20 }).start));
    expect([...starts].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('verifySelection', () => {
  const drawn = extendStratified(drawStratified({ seed: 'strata-1', strata: STRATA, size: 10 }), 5);

  it('names the first difference', () => {
    expect(verifySelection(drawn)).toBeNull();
    const tampered = { ...drawn, strata: drawn.strata.map((s, i) => (i === 2 ? { ...s, indexes: [...s.indexes.slice(0, 3), 29, ...s.indexes.slice(4)] } : s)) };
    expect(verifySelection(tampered)).toMatchObject({ path: 'strata[2].indexes[3]', recorded: 29 });
    const otherPopulation = { ...drawn, strata: drawn.strata.map((s, i) => (i === 0 ? { ...s, populationHash: 'f'.repeat(64) } : s)) };
    expect(verifySelection(otherPopulation)?.path).toBe('strata[0].inputsHash');
    const random = drawRandom({ ...INC_POP, seed: SEED, size: 5 });
    expect(verifySelection({ ...random, indexes: random.indexes.slice(0, 4) })).toMatchObject({ path: 'indexes.length', recorded: 4, recomputed: 5 });
    expect(verifySelection({ ...random, seed: ' bad' })).toMatchObject({ path: '(inputs)', recorded: 'SEED_SURROUNDING_SPACE' });
    expect(verifySelection(random, drawRandom({ ...INC_POP, seed: 'other', size: 5 }))?.path).toBe('seed');
  });

  it('refuses bad judgmental picks and extensions', () => {
    expect(code(() => drawJudgmental({ ...INC_POP, picks: [{ index: 100, reason: 'x' }] }))).toBe('INDEX_INVALID');
    expect(code(() => drawJudgmental({ ...INC_POP, picks: [{ index: 1, reason: 'x' }, { index: 1, reason: 'y' }] }))).toBe('DUPLICATE_INDEX');
    expect(code(() => drawJudgmental({ ...INC_POP, picks: [{ index: 1, reason: ' ' }] }))).toBe('REASON_EMPTY');
    expect(code(() => randomFromRest(INC_POP, SEED, [1, 2], 99))).toBe('SAMPLE_SIZE_INVALID');
    expect(code(() => extendRandom(drawRandom({ ...INC_POP, seed: SEED, size: 5 }), 0))).toBe('EXTENSION_INVALID');
    expect(code(() => drawStratified({ seed: SEED, strata: [STRATA[0]!, STRATA[0]!], size: 1 }))).toBe('STRATUM_DUPLICATE');
    expect(code(() => extendSelection(drawSystematic({ ...INC_POP, seed: SEED, size: 5 }), 1))).toBe('SEED_EMPTY');
  });
});
