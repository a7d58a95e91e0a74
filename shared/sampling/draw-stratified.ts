/**
 * Stratified selection (docs/SAMPLING-RANDOM.md "Stratified"): the population split by a column (month,
 * priority, site, category) into strata; each stratum has its own canonical order and population hash
 * (built at import), and its own aw-perm-1 key K = inputs hash(seed, stratum name, stratum's P). The
 * size is shared by allocation.ts; stratum h's items are the first kₕ positions of its permutation, as
 * indexes into the stratum's canonical order. Strata are listed, and drawn, in the UTF-8 order of their
 * names. An extension shares the added count by allocation.ts's extension rule and takes the next
 * positions of each stratum's permutation, so every earlier item stays.
 */
import { allocateExtension, allocateStratified } from './allocation.ts';
import { checkPopulationSize, checkSampleSize, permutationPrefix } from './draw-random.ts';
import { compareUtf8, inputsHashOf, SEEDED_PERMUTATION_ALGORITHM, SeededPermutationError, utf8Bytes, type SeededPermutationAlgorithm } from './seeded-permutation.ts';

export interface StratumInput {
  /** The stratum's name as the column gives it (non-empty), e.g. 'P1', '2026-03'. */
  readonly name: string;
  readonly populationSize: number;
  /** The stratum's own P (its ids in canonical order), lowercase hex. */
  readonly populationHash: string;
}

export interface StratumDraw extends StratumInput {
  readonly inputsHash: string;
  /** Indexes into the stratum's canonical order, in draw order. */
  readonly indexes: readonly number[];
}

export interface StratifiedSelection {
  readonly method: 'stratified';
  readonly algorithm: SeededPermutationAlgorithm;
  readonly seed: string;
  /** 0: proportional allocation; m > 0: min(m, Nₕ) per stratum first, the rest proportionally. */
  readonly minimumPerStratum: number;
  readonly populationSize: number;
  readonly size: number;
  readonly extensions: readonly number[];
  /** In the UTF-8 order of their names. */
  readonly strata: readonly StratumDraw[];
}

export interface StratifiedDrawInput {
  readonly seed: string;
  readonly strata: readonly StratumInput[];
  readonly size: number;
  readonly minimumPerStratum?: number;
}

function sortedStrata(strata: readonly StratumInput[]): StratumInput[] {
  const sorted = strata.map((s) => {
    if (s.name.length === 0) throw new SeededPermutationError('STRATUM_NAME_EMPTY', {});
    utf8Bytes(s.name, 'stratum');
    checkPopulationSize(s.populationSize);
    return { name: s.name, populationSize: s.populationSize, populationHash: s.populationHash };
  });
  sorted.sort((a, b) => compareUtf8(a.name, b.name));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i - 1]!.name === sorted[i]!.name) throw new SeededPermutationError('STRATUM_DUPLICATE', { stratum: sorted[i]!.name });
  }
  return sorted;
}

function stratifiedSelection(input: StratifiedDrawInput, extensions: readonly number[]): StratifiedSelection {
  const strata = sortedStrata(input.strata);
  const populationSize = strata.reduce((sum, s) => sum + s.populationSize, 0);
  const minimumPerStratum = input.minimumPerStratum ?? 0;
  checkSampleSize(input.size, populationSize);
  const counts = allocateStratified(
    strata.map((s) => ({ name: s.name, size: s.populationSize })),
    input.size,
    minimumPerStratum,
  );
  for (const more of extensions) {
    if (!Number.isSafeInteger(more) || more < 1) throw new SeededPermutationError('EXTENSION_INVALID', { more });
    const added = allocateExtension(
      strata.map((s, i) => ({ name: s.name, size: s.populationSize, drawn: counts[i]! })),
      more,
    );
    added.forEach((a, i) => (counts[i]! += a));
  }
  return {
    method: 'stratified',
    algorithm: SEEDED_PERMUTATION_ALGORITHM,
    seed: input.seed,
    minimumPerStratum,
    populationSize,
    size: input.size,
    extensions,
    strata: strata.map((s, i) => {
      const inputsHash = inputsHashOf(input.seed, s.populationHash, { stratum: s.name });
      return { ...s, inputsHash, indexes: permutationPrefix(s.populationSize, inputsHash, counts[i]!) };
    }),
  };
}

export function drawStratified(input: StratifiedDrawInput): StratifiedSelection {
  return stratifiedSelection(input, []);
}

/** The sample extended by `more` (≥ 1): shared among the strata by what each still holds. */
export function extendStratified(selection: StratifiedSelection, more: number): StratifiedSelection {
  return stratifiedSelection(selection, [...selection.extensions, more]);
}
