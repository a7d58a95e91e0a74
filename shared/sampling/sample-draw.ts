/**
 * A recorded record sample, whatever its method, and how anyone checks it: what a draw returns is what
 * is stored (algorithm, seed, per stratum the population hash and inputs hash, indexes in draw order),
 * and recomputeSelection() rebuilds it from the recorded inputs alone (seed, sizes, hashes, extension
 * counts and seeds) for verifySelection() to compare, naming the first difference.
 *
 * The methods: random (draw-random.ts), systematic (draw-systematic.ts), stratified
 * (draw-stratified.ts), and judgmental here: records the auditor picked, each with a reason, with no
 * randomness (recorded as such: no seed, no algorithm). Extensions keep every earlier item: random and
 * stratified take the next positions of the same permutations; systematic and judgmental add random
 * items from the rest, each extension with its own seed (draw-random.ts randomFromRest).
 * The caller has already checked the population: PopulationHasher over the rows' ids must give the
 * recorded population hash(es) before a selection is verified.
 */
import { drawRandom, extendRandom, randomFromRest, type PopulationRef, type RandomSelection, type RestExtension } from './draw-random.ts';
import { drawStratified, extendStratified, type StratifiedSelection } from './draw-stratified.ts';
import { allIndexes, drawSystematic, extendSystematic, type SystematicSelection } from './draw-systematic.ts';
import { SeededPermutationError } from './seeded-permutation.ts';

export interface JudgmentalPick {
  /** Canonical index of the record. */
  readonly index: number;
  /** Why the auditor chose it (e.g. 'major incident', 'emergency change'); required. */
  readonly reason: string;
}

export interface JudgmentalSelection extends PopulationRef {
  readonly method: 'judgmental';
  /** No randomness: the picks are the auditor's. */
  readonly algorithm: null;
  readonly picks: readonly JudgmentalPick[];
  readonly indexes: readonly number[];
  readonly extensions: readonly RestExtension[];
}

export type SampleSelection = RandomSelection | SystematicSelection | StratifiedSelection | JudgmentalSelection;

export interface JudgmentalDrawInput extends PopulationRef {
  readonly picks: readonly JudgmentalPick[];
}

/** Checks the picks (in bounds, each once, each with a reason) and records them in the order given. */
export function drawJudgmental(input: JudgmentalDrawInput): JudgmentalSelection {
  const seen = new Set<number>();
  const picks = input.picks.map((pick) => {
    if (!Number.isSafeInteger(pick.index) || pick.index < 0 || pick.index >= input.populationSize) {
      throw new SeededPermutationError('INDEX_INVALID', { index: pick.index, available: input.populationSize });
    }
    if (seen.has(pick.index)) throw new SeededPermutationError('DUPLICATE_INDEX', { index: pick.index });
    if (pick.reason.trim().length === 0) throw new SeededPermutationError('REASON_EMPTY', { index: pick.index });
    seen.add(pick.index);
    return { index: pick.index, reason: pick.reason };
  });
  return {
    method: 'judgmental',
    algorithm: null,
    populationSize: input.populationSize,
    populationHash: input.populationHash,
    picks,
    indexes: picks.map((p) => p.index),
    extensions: [],
  };
}

export function extendJudgmental(selection: JudgmentalSelection, seed: string, more: number): JudgmentalSelection {
  return { ...selection, extensions: [...selection.extensions, randomFromRest(selection, seed, allIndexes(selection), more)] };
}

/**
 * Extends any sample by `more`, keeping every earlier item. `seed` is required for systematic and
 * judgmental samples (the new random items' own seed) and ignored for random and stratified ones.
 */
export function extendSelection(selection: SampleSelection, more: number, seed?: string): SampleSelection {
  switch (selection.method) {
    case 'random':
      return extendRandom(selection, more);
    case 'stratified':
      return extendStratified(selection, more);
    case 'systematic':
    case 'judgmental':
      if (seed === undefined) throw new SeededPermutationError('SEED_EMPTY', {});
      return selection.method === 'systematic' ? extendSystematic(selection, seed, more) : extendJudgmental(selection, seed, more);
  }
}

/** The canonical indexes drawn, in draw order (stratified: stratum by stratum, each into its own order). */
export function selectionSize(selection: SampleSelection): number {
  if (selection.method === 'stratified') return selection.strata.reduce((sum, s) => sum + s.indexes.length, 0);
  if (selection.method === 'random') return selection.indexes.length;
  return allIndexes(selection).length;
}

function replayRest<T extends SystematicSelection | JudgmentalSelection>(base: T, recorded: readonly RestExtension[]): T {
  let selection = base;
  for (const extension of recorded) {
    selection = { ...selection, extensions: [...selection.extensions, randomFromRest(selection, extension.seed, allIndexes(selection), extension.indexes.length)] };
  }
  return selection;
}

/**
 * The selection recomputed from what the record states as inputs: seed, population size and hash (per
 * stratum), sizes, allocation rule, extension counts and seeds; judgmental picks are re-checked. Throws
 * SeededPermutationError when the recorded inputs themselves are refused.
 */
export function recomputeSelection(recorded: SampleSelection): SampleSelection {
  switch (recorded.method) {
    case 'random': {
      let selection = drawRandom({ seed: recorded.seed, populationSize: recorded.populationSize, populationHash: recorded.populationHash, size: recorded.size, algorithm: recorded.algorithm });
      for (const more of recorded.extensions) selection = extendRandom(selection, more);
      return selection;
    }
    case 'systematic':
      return replayRest(drawSystematic({ seed: recorded.seed, populationSize: recorded.populationSize, populationHash: recorded.populationHash, size: recorded.size }), recorded.extensions);
    case 'stratified': {
      const strata = recorded.strata.map((s) => ({ name: s.name, populationSize: s.populationSize, populationHash: s.populationHash }));
      let selection = drawStratified({ seed: recorded.seed, strata, size: recorded.size, minimumPerStratum: recorded.minimumPerStratum });
      for (const more of recorded.extensions) selection = extendStratified(selection, more);
      return selection;
    }
    case 'judgmental':
      return replayRest(drawJudgmental(recorded), recorded.extensions);
  }
}

export interface SelectionDifference {
  /** Where, e.g. 'strata[2].indexes[17]' or 'inputsHash'. */
  readonly path: string;
  readonly recorded: unknown;
  readonly recomputed: unknown;
}

function firstDifference(recorded: unknown, recomputed: unknown, path: string): SelectionDifference | null {
  if (Array.isArray(recorded) && Array.isArray(recomputed)) {
    const common = Math.min(recorded.length, recomputed.length);
    for (let i = 0; i < common; i++) {
      const found = firstDifference(recorded[i], recomputed[i], `${path}[${i}]`);
      if (found) return found;
    }
    if (recorded.length !== recomputed.length) return { path: `${path}.length`, recorded: recorded.length, recomputed: recomputed.length };
    return null;
  }
  if (recorded !== null && recomputed !== null && typeof recorded === 'object' && typeof recomputed === 'object' && !Array.isArray(recorded) && !Array.isArray(recomputed)) {
    const a = recorded as Record<string, unknown>;
    const b = recomputed as Record<string, unknown>;
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const key of keys) {
      const found = firstDifference(a[key], b[key], path === '' ? key : `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return Object.is(recorded, recomputed) ? null : { path: path === '' ? '(selection)' : path, recorded, recomputed };
}

/**
 * "Verify selection": null when the recomputed selection equals the recorded one field for field,
 * else the first difference (fields in the recorded order, arrays item by item). With one argument it
 * recomputes the selection itself; a recorded input the generator refuses is reported at '(inputs)'.
 */
export function verifySelection(recorded: SampleSelection, recomputed?: SampleSelection): SelectionDifference | null {
  let other = recomputed;
  if (other === undefined) {
    try {
      other = recomputeSelection(recorded);
    } catch (error) {
      if (error instanceof SeededPermutationError) return { path: '(inputs)', recorded: error.code, recomputed: error.params };
      throw error;
    }
  }
  return firstDifference(recorded, other, '');
}
