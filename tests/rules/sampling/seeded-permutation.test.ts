import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../helpers/property.ts';
import {
  MAX_SEED_LENGTH,
  SEEDED_PERMUTATION_ALGORITHM,
  SeededPermutationError,
  WordStream,
  compareUtf8,
  extend,
  newSeed,
  randomStart,
  sampleOf,
  seedProblem,
  seededPermutation,
  stratified,
  utf8Bytes,
} from '../../../shared/sampling/seeded-permutation.ts';
import { sha256, toHex } from '../../../shared/sampling/sha256.ts';

/**
 * A second implementation of docs/SAMPLING-RANDOM.md, written from the document with Node's own
 * tools (node:crypto, Buffer, BigInt) and nothing from the module: the module must agree with it.
 * The known-answer vectors below were also recomputed by the Python reference in the document.
 */
function referencePermutation(ids: readonly string[], seed: string, stratum = ''): { populationHash: string; inputsHash: string; order: string[] } {
  const utf8 = (text: string): Buffer => {
    if (new TextDecoder().decode(new TextEncoder().encode(text)) !== text) throw new Error('not well-formed');
    return Buffer.from(text, 'utf8');
  };
  const u32 = (value: number): Buffer => {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(value);
    return bytes;
  };
  const F = (text: string): Buffer => Buffer.concat([u32(utf8(text).length), utf8(text)]);
  const a = [...ids].sort((x, y) => Buffer.compare(utf8(x), utf8(y)));
  const P = createHash('sha256')
    .update(Buffer.concat([u32(a.length), ...a.map(F)]))
    .digest();
  const K = createHash('sha256')
    .update(Buffer.concat([F('aw-perm-1'), F(seed), F(stratum), P]))
    .digest();
  let block = 0;
  let words: number[] = [];
  const word = (): number => {
    if (words.length === 0) {
      const digest = createHash('sha256')
        .update(Buffer.concat([K, u32(block++)]))
        .digest();
      words = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => digest.readUInt32BE(4 * i));
    }
    return words.shift()!;
  };
  const U = (m: number): number => {
    const limit = 2n ** 32n - (2n ** 32n % BigInt(m));
    for (;;) {
      const w = BigInt(word());
      if (w < limit) return Number(w % BigInt(m));
    }
  };
  for (let i = 0; i < a.length - 1; i++) {
    const j = i + U(a.length - i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return { populationHash: P.toString('hex'), inputsHash: K.toString('hex'), order: a };
}

// Characters chosen to make UTF-8 and UTF-16 orders disagree, plus any code point at all.
const idUnit = fc.oneof(
  fc.constantFrom('a', 'b', 'A', '-', '0', 'é', 'ä', '中', '場', '～', '\uE000', '\uFFFD', '\uFFFF', '𠀀', '😀', '\u{10FFFF}'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const idArb = fc.string({ unit: idUnit, minLength: 1, maxLength: 6 });
const idsArb = (minLength = 0, maxLength = 30) => fc.uniqueArray(idArb, { minLength, maxLength });
const seedArb = fc.oneof(
  fc.uint8Array({ minLength: 16, maxLength: 16 }).map(newSeed),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => seedProblem(s) === null),
);
const errorCode = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof SeededPermutationError) return error.code;
    throw error;
  }
  return undefined;
};

describe('canonical order: UTF-8 bytes, not JavaScript string order', () => {
  it("differs from Array.prototype.sort for characters outside the BMP against U+E000–U+FFFF", () => {
    // U+FF5E is EF BD 9E in UTF-8 and FF5E in UTF-16; U+20000 is F0 A0 80 80 and D840 DC00.
    const ids = ['𠀀-site', '～-site', '\uE000-site', 'z-site'];
    expect([...ids].sort()).toEqual(['z-site', '𠀀-site', '\uE000-site', '～-site']);
    expect([...ids].sort(compareUtf8)).toEqual(['z-site', '\uE000-site', '～-site', '𠀀-site']);
  });

  it('encodes UTF-8 exactly as the platform does, for every code point', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (text) => {
        expect(Buffer.from(utf8Bytes(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
      }),
      propertyRuns('utf8Bytes against Buffer', 500),
    );
    expect([...utf8Bytes('a\u00e9\u4e2d\u{20000}')]).toEqual([0x61, 0xc3, 0xa9, 0xe4, 0xb8, 0xad, 0xf0, 0xa0, 0x80, 0x80]);
    expect([...utf8Bytes('\u007f\u0080\u07ff\u0800\uffff\u{10000}\u{10ffff}')]).toEqual([
      0x7f, 0xc2, 0x80, 0xdf, 0xbf, 0xe0, 0xa0, 0x80, 0xef, 0xbf, 0xbf, 0xf0, 0x90, 0x80, 0x80, 0xf4, 0x8f, 0xbf, 0xbf,
    ]);
  });

  it('orders like Buffer.compare on the UTF-8 bytes, which is code point order', () => {
    const codePoints = (text: string): number[] => [...text].map((c) => c.codePointAt(0)!);
    fc.assert(
      fc.property(idArb, idArb, (a, b) => {
        const expected = Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
        expect(Math.sign(compareUtf8(a, b))).toBe(expected);
        const [x, y] = [codePoints(a), codePoints(b)];
        const firstDiff = x.findIndex((cp, i) => cp !== y[i]);
        const byCodePoint = firstDiff === -1 ? Math.sign(x.length - y.length) : firstDiff >= y.length ? 1 : Math.sign(x[firstDiff]! - y[firstDiff]!);
        expect(expected).toBe(byCodePoint);
      }),
      propertyRuns('compareUtf8 against Buffer.compare', 500),
    );
  });

  it('refuses a lone surrogate (it has no UTF-8 form), in an id, a seed or a stratum name', () => {
    expect(errorCode(() => utf8Bytes('a\uD800'))).toBe('NOT_UNICODE');
    expect(errorCode(() => utf8Bytes('\uDC00a'))).toBe('NOT_UNICODE');
    expect(errorCode(() => utf8Bytes('\uD800\uD800'))).toBe('NOT_UNICODE');
    expect(errorCode(() => seededPermutation(['ok', 'bad\uDFFF'], 'seed'))).toBe('NOT_UNICODE');
    expect(seedProblem('seed\uD83D')).toEqual({ code: 'NOT_UNICODE', params: { what: 'seed', position: 4 } });
    expect(errorCode(() => stratified({ 'bad\uD800': ['a'] }, 'seed'))).toBe('NOT_UNICODE');
  });
});

describe('the seed', () => {
  it('is made from exactly 16 caller-supplied random bytes as 32 lowercase hex digits', () => {
    expect(newSeed(new Uint8Array(16).map((_, i) => i * 17))).toBe('00112233445566778899aabbccddeeff');
    expect(errorCode(() => newSeed(new Uint8Array(15)))).toBe('RANDOM_BYTES_LENGTH');
    expect(errorCode(() => newSeed(new Uint8Array(17)))).toBe('RANDOM_BYTES_LENGTH');
  });

  it('may be typed, in any script, but not empty, too long, padded with spaces or with control characters', () => {
    expect(seedProblem('2026 第一次监督审核')).toBeNull();
    expect(seedProblem('x'.repeat(MAX_SEED_LENGTH))).toBeNull();
    expect(seedProblem('')?.code).toBe('SEED_EMPTY');
    expect(seedProblem('x'.repeat(MAX_SEED_LENGTH + 1))?.code).toBe('SEED_TOO_LONG');
    expect(seedProblem(' seed')?.code).toBe('SEED_SURROUNDING_SPACE');
    expect(seedProblem('seed\u3000')?.code).toBe('SEED_SURROUNDING_SPACE');
    expect(seedProblem('se\ted')).toEqual({ code: 'SEED_CONTROL_CHARACTER', params: { position: 2 } });
    expect(seedProblem('seed\u0085x')?.code).toBe('SEED_CONTROL_CHARACTER');
    expect(errorCode(() => seededPermutation(['a'], ' seed'))).toBe('SEED_SURROUNDING_SPACE');
    expect(errorCode(() => stratified({}, ''))).toBe('SEED_EMPTY');
  });
});

describe('seeded permutation aw-perm-1: known-answer vectors (also recomputed by the Python reference in docs/SAMPLING-RANDOM.md)', () => {
  const HEX_SEED = '000102030405060708090a0b0c0d0e0f';
  const vectors: { name: string; ids: string[]; seed: string; stratum?: string; populationHash: string; inputsHash: string; order: string[] }[] = [
    {
      name: 'the empty list',
      ids: [],
      seed: HEX_SEED,
      populationHash: 'df3f619804a92fdb4057192dc43dd748ea778adc52bc498ce80524c014b81119',
      inputsHash: '104a02e82d047de7264e22f1366212ac9c845dd262f0dad8885c424b408b26fe',
      order: [],
    },
    {
      name: 'one id',
      ids: ['central-office'],
      seed: 'one',
      populationHash: 'fa9d0a830220bc90496b466126d162349f55b5438165cac5917b41c38f4cdf0d',
      inputsHash: '6dc5ce4ba94558271b344fdb921de6afe654c2f2cded5384d36a999380b6a1ca',
      order: ['central-office'],
    },
    {
      name: 'three ids',
      ids: ['site-C', 'site-A', 'site-B'],
      seed: '9f86d081884c7d659a2feaa0c55ad015',
      populationHash: '5b3559ed4bbb0799415e88c90110556f6b257eff212e6692592e12f8693232d5',
      inputsHash: 'e629fbeadcfa34096032f188c0f2001774865e24356e8dc5c27e85d922e7f773',
      order: ['site-C', 'site-B', 'site-A'],
    },
    {
      name: 'the worked example of the document (CJK and outside the BMP)',
      ids: ['site-B', 'site-A', '場所-3', '𠀀-site'],
      seed: HEX_SEED,
      populationHash: 'd937641f383bb92b17d3e273c13f669910e436eaae1b29247b86523a673af1f2',
      inputsHash: 'a8c53e921b25da66df35e48a23f7294e87b77f307c741f69c56e1d8d2088902a',
      order: ['𠀀-site', 'site-A', 'site-B', '場所-3'],
    },
    {
      name: 'Chinese site names with a typed Chinese seed',
      ids: ['北京总部', '上海数据中心', '深圳机房', '广州办公室', '成都研发中心', '杭州客服中心', '武汉灾备中心'],
      seed: '2026 第一次监督审核',
      populationHash: '23e861875729f0795a3b441c32da048170849948ed37241a8c25222853e9d2e5',
      inputsHash: 'a1481d415938771b9d69d280f9e0bd4c9fb593c666289f649fd7d8e5a5c3d1b4',
      order: ['武汉灾备中心', '成都研发中心', '广州办公室', '上海数据中心', '杭州客服中心', '深圳机房', '北京总部'],
    },
    {
      name: 'ids outside the BMP, private use, fullwidth, accents and case',
      ids: ['𠀀-site', '～-site', '\uE000-private', 'Zürich', 'zurich', 'ｚ', 'a', 'A', 'ä', '😀-emoji'],
      seed: 'non-BMP',
      populationHash: '7ffd46ad8109371161f022fc93ba608050df37d2ed35f60ee6d46a837cf180aa',
      inputsHash: '7469fce0bb3033b23787d7739c0c3047560dc49398ff7586ea532faa8ee45359',
      order: ['😀-emoji', 'A', '\uE000-private', 'Zürich', 'zurich', 'ｚ', '～-site', 'ä', 'a', '𠀀-site'],
    },
    {
      name: '100 ids',
      ids: Array.from({ length: 100 }, (_, i) => `INC-${String(i + 1).padStart(4, '0')}`),
      seed: 'c0ffee00c0ffee00c0ffee00c0ffee00',
      populationHash: '672d59a9d4f1c5fe5648e706a732664380dc924720c5b2d76c3b6e642dc40d99',
      inputsHash: '12d2ef441b1793ed389484717df680d2724ef4ba060b23b083efe3c5d9af715e',
      order: [
        'INC-0050', 'INC-0053', 'INC-0029', 'INC-0010', 'INC-0060', 'INC-0048', 'INC-0032', 'INC-0082', 'INC-0062', 'INC-0085',
        'INC-0033', 'INC-0074', 'INC-0094', 'INC-0058', 'INC-0016', 'INC-0031', 'INC-0013', 'INC-0073', 'INC-0070', 'INC-0025',
        'INC-0069', 'INC-0002', 'INC-0065', 'INC-0026', 'INC-0078', 'INC-0008', 'INC-0084', 'INC-0020', 'INC-0011', 'INC-0037',
        'INC-0045', 'INC-0095', 'INC-0043', 'INC-0047', 'INC-0024', 'INC-0056', 'INC-0046', 'INC-0038', 'INC-0086', 'INC-0066',
        'INC-0090', 'INC-0055', 'INC-0099', 'INC-0017', 'INC-0100', 'INC-0019', 'INC-0041', 'INC-0067', 'INC-0044', 'INC-0071',
        'INC-0009', 'INC-0072', 'INC-0027', 'INC-0057', 'INC-0088', 'INC-0079', 'INC-0080', 'INC-0075', 'INC-0005', 'INC-0042',
        'INC-0089', 'INC-0083', 'INC-0054', 'INC-0081', 'INC-0077', 'INC-0087', 'INC-0068', 'INC-0098', 'INC-0021', 'INC-0022',
        'INC-0076', 'INC-0059', 'INC-0012', 'INC-0040', 'INC-0092', 'INC-0064', 'INC-0039', 'INC-0014', 'INC-0049', 'INC-0061',
        'INC-0097', 'INC-0001', 'INC-0034', 'INC-0003', 'INC-0007', 'INC-0004', 'INC-0052', 'INC-0023', 'INC-0091', 'INC-0093',
        'INC-0030', 'INC-0051', 'INC-0035', 'INC-0028', 'INC-0015', 'INC-0006', 'INC-0018', 'INC-0036', 'INC-0063', 'INC-0096',
      ],
    },
    {
      name: 'one stratum of a stratified sample',
      ids: ['CHG-1', 'CHG-2', 'CHG-3', 'CHG-4', 'CHG-5'],
      seed: 'strata',
      stratum: 'P1 critical',
      populationHash: '1748cef26c6c63125149a67663eff3f0d6dc553cb6b5287b8d962b928474ff0c',
      inputsHash: 'b8e225e2b444035115e70357da69f8f970101daf6351696292d0238ae514e169',
      order: ['CHG-5', 'CHG-4', 'CHG-2', 'CHG-3', 'CHG-1'],
    },
  ];

  it.each(vectors)('$name', ({ ids, seed, stratum, populationHash, inputsHash, order }) => {
    const permutation = seededPermutation(ids, seed, stratum === undefined ? {} : { stratum });
    expect(permutation).toEqual({ algorithm: 'aw-perm-1', seed, stratum: stratum ?? '', populationHash, inputsHash, order });
    // The pinned values are the document's algorithm, not only this module's output.
    expect(referencePermutation(ids, seed, stratum)).toEqual({ populationHash, inputsHash, order });
  });

  it('200 000 ids, where rejection sampling discards two words (at positions 55 517 and 77 902)', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `R-${String(i + 1).padStart(6, '0')}`);
    const permutation = seededPermutation(ids, 'rejection-1');
    expect(permutation.populationHash).toBe('d061b3657bcfda3cd0fb70e7a8fa34b79bd757e06fa0aba63a7f597ac3caf800');
    expect(permutation.inputsHash).toBe('1b8f69a6965d77056c1916597efe119c75fd37242eebd18050921bdb21b13bbc');
    expect(permutation.order.slice(0, 10)).toEqual(['R-045143', 'R-083424', 'R-184262', 'R-142015', 'R-028976', 'R-155222', 'R-000599', 'R-132581', 'R-045710', 'R-184878']);
    expect(permutation.order.slice(-3)).toEqual(['R-011751', 'R-013936', 'R-021052']);
    expect(toHex(sha256(utf8Bytes(permutation.order.join('\n'))))).toBe('e6c2112ff1be4fce5e2302689d1bf7514f388b6ffbe2226b9737aa6b0d0211ed');
  });

  it('is the algorithm of new samples and refuses one it does not know', () => {
    expect(SEEDED_PERMUTATION_ALGORITHM).toBe('aw-perm-1');
    expect(seededPermutation(['a', 'b'], 's', { algorithm: 'aw-perm-1' })).toEqual(seededPermutation(['a', 'b'], 's'));
    expect(errorCode(() => seededPermutation(['a'], 's', { algorithm: 'aw-perm-2' }))).toBe('UNKNOWN_ALGORITHM');
    expect(errorCode(() => stratified({ A: ['a'] }, 's', { algorithm: 'mt19937' }))).toBe('UNKNOWN_ALGORITHM');
  });
});

describe('the word stream and the rejection rule', () => {
  const key = sha256(utf8Bytes('a key'));
  const referenceWords = (count: number): number[] => {
    const words: number[] = [];
    for (let block = 0; words.length < count; block++) {
      const input = Buffer.concat([Buffer.from(key), Buffer.from([block >>> 24, (block >>> 16) & 0xff, (block >>> 8) & 0xff, block & 0xff])]);
      const digest = createHash('sha256').update(input).digest();
      for (let i = 0; i < 8; i++) words.push(digest.readUInt32BE(i * 4));
    }
    return words.slice(0, count);
  };

  it('reads blocks SHA-256(K ‖ u32be(b)) as big-endian words, block after block', () => {
    const stream = new WordStream(key);
    expect(Array.from({ length: 20 }, () => stream.word())).toEqual(referenceWords(20));
  });

  it('discards a word at or above 2³² − (2³² mod m) and takes the next one', () => {
    // m = 3·2³⁰: the limit is 3·2³⁰ itself, so a quarter of the words are discarded.
    const m = 3 * 2 ** 30;
    const words = referenceWords(64);
    const expected: number[] = [];
    let rejected = 0;
    for (const w of words) {
      if (w >= m) rejected++;
      else expected.push(w % m);
    }
    expect(rejected).toBeGreaterThan(0);
    const stream = new WordStream(key);
    expect(Array.from({ length: expected.length }, () => stream.below(m))).toEqual(expected);
  });

  it('discards a word equal to the limit itself', () => {
    // With m = w for a word w > 2³¹, the limit 2³² − (2³² mod m) is exactly w: that word must be discarded.
    const words = referenceWords(64);
    const at = words.findIndex((w) => w > 2 ** 31);
    const m = words[at]!;
    expect(0x1_0000_0000 - (0x1_0000_0000 % m)).toBe(m);
    const stream = new WordStream(key);
    for (let i = 0; i < at; i++) stream.word();
    const next = words.slice(at + 1).find((w) => w < m)!;
    expect(stream.below(m)).toBe(next % m);
  });

  it('keeps every word for a power of two', () => {
    const stream = new WordStream(key);
    expect(Array.from({ length: 16 }, () => stream.below(2 ** 20))).toEqual(referenceWords(16).map((w) => w % 2 ** 20));
  });
});

describe('seeded permutation: properties', () => {
  it('agrees with the reference implementation of the document', () => {
    fc.assert(
      fc.property(idsArb(), seedArb, fc.option(idArb, { nil: undefined }), (ids, seed, stratum) => {
        const permutation = seededPermutation(ids, seed, stratum === undefined ? {} : { stratum });
        const reference = referencePermutation(ids, seed, stratum);
        expect({ populationHash: permutation.populationHash, inputsHash: permutation.inputsHash, order: permutation.order }).toEqual(reference);
      }),
      propertyRuns('aw-perm-1 against the reference', 300),
    );
  });

  it('is reproducible and a permutation of the ids, whatever their input order', () => {
    fc.assert(
      fc.property(
        idsArb().chain((ids) => fc.tuple(fc.constant(ids), fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }))),
        seedArb,
        ([ids, shuffled], seed) => {
          const permutation = seededPermutation(ids, seed);
          expect(seededPermutation(ids, seed)).toEqual(permutation);
          expect(seededPermutation(shuffled, seed)).toEqual(permutation);
          expect(new Set(permutation.order).size).toBe(ids.length);
          expect([...permutation.order].sort(compareUtf8)).toEqual([...ids].sort(compareUtf8));
        },
      ),
      propertyRuns('aw-perm-1 reproducible permutation'),
    );
  });

  it('gives every prefix within bounds, and an extension continues the same order', () => {
    fc.assert(
      fc.property(
        idsArb(1).chain((ids) => fc.tuple(fc.constant(ids), fc.nat({ max: ids.length }), fc.nat({ max: ids.length }))),
        seedArb,
        ([ids, a, b], seed) => {
          const permutation = seededPermutation(ids, seed);
          const [k, more] = [Math.min(a, b), Math.max(a, b) - Math.min(a, b)];
          const sample = sampleOf(permutation, k);
          expect(sample).toHaveLength(k);
          expect(sample.every((id) => ids.includes(id))).toBe(true);
          expect(new Set(sample).size).toBe(k);
          expect([...sample, ...extend(permutation, k, more)]).toEqual(sampleOf(permutation, k + more));
          expect(randomStart(permutation)).toBe(permutation.order[0]);
        },
      ),
      propertyRuns('aw-perm-1 prefixes'),
    );
  });

  it('gives different orders for different seeds (n ≥ 8: at least 8! = 40 320 orders)', () => {
    fc.assert(
      fc.property(idsArb(8, 30), seedArb, seedArb, (ids, seed1, seed2) => {
        fc.pre(seed1 !== seed2);
        const [one, two] = [seededPermutation(ids, seed1), seededPermutation(ids, seed2)];
        expect(one.inputsHash).not.toBe(two.inputsHash);
        expect(one.populationHash).toBe(two.populationHash);
        expect(one.order).not.toEqual(two.order);
      }),
      propertyRuns('aw-perm-1 seeds differ'),
    );
  });

  it('puts each id in each position about equally often over 6 000 fixed seeds (chi-square, 16 degrees of freedom)', () => {
    const ids = ['s1', 's2', 's3', 's4', 's5'];
    const runs = 6_000;
    const counts = ids.map(() => ids.map(() => 0));
    for (let r = 0; r < runs; r++) {
      const order = seededPermutation(ids, `uniformity-${r}`).order;
      order.forEach((id, position) => counts[ids.indexOf(id)]![position]!++);
    }
    const expected = runs / ids.length;
    const chiSquare = counts.flat().reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    // The 99.9999% point of chi-square(16) is about 55; the seeds are fixed, so this cannot flake.
    expect(chiSquare).toBeLessThan(55);
    // And each first position alone: within 15% of its expectation.
    for (const row of counts) expect(Math.abs(row[0]! - expected)).toBeLessThan(expected * 0.15);
  });
});

describe('refused input and bounds', () => {
  it('refuses duplicate ids instead of dropping one (the population would silently shrink)', () => {
    expect(errorCode(() => seededPermutation(['a', 'b', 'a'], 'seed'))).toBe('DUPLICATE_ID');
    expect(() => seededPermutation(['x', '𠀀', 'y', '𠀀'], 'seed')).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID', params: { id: '𠀀' } }));
    // Different code points that look alike are different ids (no normalisation).
    expect(seededPermutation(['\u00e9', 'e\u0301'], 'seed').order).toHaveLength(2);
  });

  it('refuses an empty id', () => {
    expect(errorCode(() => seededPermutation(['a', ''], 'seed'))).toBe('ID_EMPTY');
  });

  it('refuses a sample larger than the population, negative or fractional', () => {
    const permutation = seededPermutation(['a', 'b', 'c'], 'seed');
    expect(sampleOf(permutation, 0)).toEqual([]);
    expect(sampleOf(permutation, 3)).toHaveLength(3);
    for (const k of [4, -1, 1.5, Number.NaN]) expect(errorCode(() => sampleOf(permutation, k))).toBe('SAMPLE_SIZE_INVALID');
    expect(extend(permutation, 3, 0)).toEqual([]);
    expect(errorCode(() => extend(permutation, 2, 2))).toBe('SAMPLE_SIZE_INVALID');
    expect(errorCode(() => extend(permutation, 4, 0))).toBe('SAMPLE_SIZE_INVALID');
    expect(errorCode(() => randomStart(seededPermutation([], 'seed')))).toBe('EMPTY_POPULATION');
  });
});

describe('stratified', () => {
  const strata = { 'P1 critical': ['CHG-1', 'CHG-2', 'CHG-3', 'CHG-4', 'CHG-5'], 'P2 high': ['CHG-6', 'CHG-7', 'CHG-8'], P3: [] };

  it('permutes each stratum on its own, with its name in the inputs, strata in UTF-8 order of their names', () => {
    const result = stratified(strata, 'strata');
    expect(result.algorithm).toBe('aw-perm-1');
    expect(result.strata.map((s) => s.stratum)).toEqual(['P1 critical', 'P2 high', 'P3']);
    expect(result.strata[0]!.order).toEqual(['CHG-5', 'CHG-4', 'CHG-2', 'CHG-3', 'CHG-1']);
    for (const stratum of result.strata) {
      expect(stratum).toEqual(seededPermutation(strata[stratum.stratum as keyof typeof strata], 'strata', { stratum: stratum.stratum }));
    }
  });

  it('draws the same ids differently in a differently named stratum and outside any stratum', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `R-${i}`);
    const a = stratified({ A: ids }, 'seed').strata[0]!;
    const b = stratified({ B: ids }, 'seed').strata[0]!;
    const plain = seededPermutation(ids, 'seed');
    expect(a.populationHash).toBe(plain.populationHash);
    expect(new Set([a.inputsHash, b.inputsHash, plain.inputsHash]).size).toBe(3);
    expect(a.order).not.toEqual(b.order);
    expect(a.order).not.toEqual(plain.order);
  });

  it('refuses an empty stratum name and an id in two strata', () => {
    expect(errorCode(() => stratified({ '': ['a'] }, 'seed'))).toBe('STRATUM_NAME_EMPTY');
    expect(errorCode(() => stratified({ A: ['a', 'b'], B: ['b'] }, 'seed'))).toBe('ID_IN_TWO_STRATA');
    expect(errorCode(() => stratified({ A: ['a', 'a'] }, 'seed'))).toBe('DUPLICATE_ID');
  });
});
