/**
 * Systematic selection (docs/SAMPLING-RANDOM.md "Systematic"): interval = floor(n / k); the random start
 * s is the first position of aw-perm-1 over the candidate starts 0 … interval − 1, keyed with the
 * population's own inputs hash K (seed, stratum '', population hash): s = U(interval) from K's word
 * stream, or 0 when interval = 1 (no word is drawn). The sample is s, s + interval, …, s + (k − 1) ×
 * interval: k canonical indexes, all below n because k × interval ≤ n.
 * Using the population's K (rather than a permutation of the starts written as ids) keeps the start tied
 * to the seed and to the population hash, so the start cannot be recomputed for another population.
 * An extension adds random items from the rest (draw-random.ts randomFromRest), each with a new seed.
 */
import { checkPopulationSize, checkSampleSize, permutationPrefix, randomFromRest, type PopulationRef, type RestExtension } from './draw-random.ts';
import { inputsHashOf, SEEDED_PERMUTATION_ALGORITHM, SeededPermutationError, type SeededPermutationAlgorithm } from './seeded-permutation.ts';

export interface SystematicSelection extends PopulationRef {
  readonly method: 'systematic';
  readonly algorithm: SeededPermutationAlgorithm;
  readonly seed: string;
  readonly inputsHash: string;
  readonly size: number;
  readonly interval: number;
  /** The random start, a canonical index in 0 … interval − 1. */
  readonly start: number;
  /** start, start + interval, …: `size` canonical indexes. */
  readonly indexes: readonly number[];
  readonly extensions: readonly RestExtension[];
}

export interface SystematicDrawInput extends PopulationRef {
  readonly seed: string;
  /** At least 1. */
  readonly size: number;
}

export function drawSystematic(input: SystematicDrawInput): SystematicSelection {
  checkPopulationSize(input.populationSize);
  checkSampleSize(input.size, input.populationSize);
  if (input.size < 1) throw new SeededPermutationError('SAMPLE_SIZE_INVALID', { k: input.size, available: input.populationSize });
  const inputsHash = inputsHashOf(input.seed, input.populationHash);
  const interval = Math.floor(input.populationSize / input.size);
  const start = permutationPrefix(interval, inputsHash, 1)[0]!;
  const indexes = Array.from({ length: input.size }, (_, j) => start + j * interval);
  return {
    method: 'systematic',
    algorithm: SEEDED_PERMUTATION_ALGORITHM,
    seed: input.seed,
    populationSize: input.populationSize,
    populationHash: input.populationHash,
    inputsHash,
    size: input.size,
    interval,
    start,
    indexes,
    extensions: [],
  };
}

/** Every index of a sample with rest extensions: the base items, then each extension's, in order. */
export function allIndexes(selection: { readonly indexes: readonly number[]; readonly extensions: readonly RestExtension[] }): number[] {
  return [...selection.indexes, ...selection.extensions.flatMap((e) => e.indexes)];
}

/** The systematic sample extended by `more` random items from the rest, drawn with `seed`. */
export function extendSystematic(selection: SystematicSelection, seed: string, more: number): SystematicSelection {
  return { ...selection, extensions: [...selection.extensions, randomFromRest(selection, seed, allIndexes(selection), more)] };
}
