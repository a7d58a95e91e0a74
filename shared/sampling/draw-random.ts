/**
 * Simple random selection of record indexes with aw-perm-1 (docs/SAMPLING-RANDOM.md), without the ids.
 *
 * A population of a million records is never permuted whole: the draw needs only n, the population hash
 * computed at import, and the seed. permutationPrefix() runs the first k steps of step 6's Fisher–Yates
 * over the positions 0 … n − 1 of the canonical order, remembering only the positions a swap moved (a
 * sparse map): O(k) time and memory. Position i of the result is the canonical index of the record
 * seededPermutation(ids, seed).order[i] names: the caller maps an index to its row.
 */
import { hashBytes, inputsHashOf, SEEDED_PERMUTATION_ALGORITHM, SeededPermutationError, WordStream, type SeededPermutationAlgorithm } from './seeded-permutation.ts';

/** n ≤ 2³² keeps every U(m) of step 5 defined. */
const MAX_POPULATION = 0x1_0000_0000;

export function checkPopulationSize(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_POPULATION) throw new SeededPermutationError('POPULATION_SIZE_INVALID', { count: n });
}

export function checkSampleSize(k: number, available: number): void {
  if (!Number.isSafeInteger(k) || k < 0 || k > available) throw new SeededPermutationError('SAMPLE_SIZE_INVALID', { k, available });
}

/** Step 6 walked one position at a time over 0 … n − 1; next() is the value at the next position. */
export class PermutationWalker {
  private readonly moved = new Map<number, number>();
  private readonly stream: WordStream;
  private position = 0;
  readonly n: number;

  constructor(n: number, inputsHash: string) {
    checkPopulationSize(n);
    this.n = n;
    this.stream = new WordStream(hashBytes(inputsHash));
  }

  /** Positions already walked. */
  get walked(): number {
    return this.position;
  }

  next(): number {
    const i = this.position;
    if (i >= this.n) throw new SeededPermutationError('SAMPLE_SIZE_INVALID', { k: i + 1, available: this.n });
    this.position++;
    const atI = this.moved.get(i) ?? i;
    if (i + 1 >= this.n) return atI; // the last position: step 6 draws no word for it
    const j = i + this.stream.below(this.n - i);
    if (j === i) return atI;
    const atJ = this.moved.get(j) ?? j;
    this.moved.set(j, atI);
    this.moved.delete(i); // position i is never read again
    return atJ;
  }
}

/** The first k positions of aw-perm-1 over 0 … n − 1 with the key `inputsHash` (hex). */
export function permutationPrefix(n: number, inputsHash: string, k: number): number[] {
  const walker = new PermutationWalker(n, inputsHash);
  checkSampleSize(k, n);
  const out = new Array<number>(k);
  for (let i = 0; i < k; i++) out[i] = walker.next();
  return out;
}

/** The population a draw is made from: its size and hash as computed at import. */
export interface PopulationRef {
  readonly populationSize: number;
  /** P of docs/SAMPLING-RANDOM.md step 2, lowercase hex. */
  readonly populationHash: string;
}

export interface RandomSelection extends PopulationRef {
  readonly method: 'random';
  readonly algorithm: SeededPermutationAlgorithm;
  readonly seed: string;
  readonly inputsHash: string;
  /** The size first drawn. */
  readonly size: number;
  /** Each extension's count, in order: the next items of the same permutation. */
  readonly extensions: readonly number[];
  /** Canonical indexes in draw order: size + Σ extensions of them. */
  readonly indexes: readonly number[];
}

export interface RandomDrawInput extends PopulationRef {
  readonly seed: string;
  readonly size: number;
  readonly algorithm?: string;
}

function randomSelection(input: RandomDrawInput, extensions: readonly number[]): RandomSelection {
  checkPopulationSize(input.populationSize);
  const inputsHash = inputsHashOf(input.seed, input.populationHash, { algorithm: input.algorithm ?? SEEDED_PERMUTATION_ALGORITHM });
  const total = input.size + extensions.reduce((sum, m) => sum + m, 0);
  checkSampleSize(input.size, input.populationSize);
  for (const m of extensions) if (!Number.isSafeInteger(m) || m < 1) throw new SeededPermutationError('EXTENSION_INVALID', { more: m });
  checkSampleSize(total, input.populationSize);
  return {
    method: 'random',
    algorithm: SEEDED_PERMUTATION_ALGORITHM,
    seed: input.seed,
    populationSize: input.populationSize,
    populationHash: input.populationHash,
    inputsHash,
    size: input.size,
    extensions,
    indexes: permutationPrefix(input.populationSize, inputsHash, total),
  };
}

/** A simple random sample of `size`: the first `size` positions of the permutation. */
export function drawRandom(input: RandomDrawInput): RandomSelection {
  return randomSelection(input, []);
}

/** The same sample extended by `more`: the next positions; every earlier item stays where it was. */
export function extendRandom(selection: RandomSelection, more: number): RandomSelection {
  return randomSelection({ ...selection, algorithm: selection.algorithm }, [...selection.extensions, more]);
}

/**
 * Random items from the rest of a population (the extension of a systematic or judgmental sample, which
 * has no permutation of its own to continue): walk aw-perm-1 over 0 … n − 1 with this extension's own
 * seed (stratum ''), skip every index already in the sample, take the first `more` others. The walk
 * restricted to the records not yet drawn is a uniformly random order of them.
 */
export interface RestExtension {
  readonly algorithm: SeededPermutationAlgorithm;
  /** A new seed for each extension (reusing the sample's seed would tie the new items to its start). */
  readonly seed: string;
  readonly inputsHash: string;
  /** Canonical indexes added, in draw order. */
  readonly indexes: readonly number[];
}

export function randomFromRest(population: PopulationRef, seed: string, taken: readonly number[], more: number): RestExtension {
  checkPopulationSize(population.populationSize);
  const inputsHash = inputsHashOf(seed, population.populationHash);
  const already = new Set(taken);
  if (!Number.isSafeInteger(more) || more < 1) throw new SeededPermutationError('EXTENSION_INVALID', { more });
  checkSampleSize(more, population.populationSize - already.size);
  const walker = new PermutationWalker(population.populationSize, inputsHash);
  const indexes: number[] = [];
  while (indexes.length < more) {
    const index = walker.next();
    if (!already.has(index)) indexes.push(index);
  }
  return { algorithm: SEEDED_PERMUTATION_ALGORITHM, seed, inputsHash, indexes };
}
