/**
 * The evaluation of a statistical attribute sample: the upper deviation limit, the rate the population's
 * deviation rate stays under at the chosen confidence, set against the tolerable rate. Shown only in
 * statistical mode, and never read as "the sample supports reliance": every deviation found is still a
 * candidate nonconformity (../shared/reference/certification-audit-facts.md "Record sampling").
 *
 * - binomial (Clopper–Pearson, one-sided): the p with P(X ≤ d; n, p) = 1 − confidence, found by
 *   bisection on [0, 1] to 1e-9 (the bracket's upper end is returned, so the limit is never understated);
 *   d ≥ n gives 1.
 * - hypergeometric (a known population of N records): the largest count D of deviating records in the
 *   population that the sample does not rule out, P(X ≤ d; N, D, n) > 1 − confidence, searched over the
 *   integers; the limit is D / N. It is consistent with the size rule of attribute-size.ts: a sample
 *   that meets that rule with d ≤ k deviations has D < ceil(tolerable × N), so a limit below the
 *   tolerable rate.
 * The model is chosen as for the size (attribute-size.ts): hypergeometric when N is known and N ≤ 5,000
 * or n > 10% of N; binomial otherwise; or as the caller forces it.
 */
import {
  binomialCdf,
  checkConfidenceAndPopulation,
  HYPERGEOMETRIC_FRACTION,
  HYPERGEOMETRIC_MAX_POPULATION,
  hypergeometricCdf,
  type AttributeModel,
  type SamplingRefusal,
} from './attribute-size.ts';

export interface UpperDeviationLimitInput {
  readonly sampleSize: number;
  readonly deviations: number;
  /** e.g. 0.95. */
  readonly confidence: number;
  readonly populationSize?: number;
  readonly model?: AttributeModel;
}

export interface UpperDeviationLimit {
  readonly ok: true;
  /** The upper limit of the deviation rate, 0 … 1. */
  readonly limit: number;
  /** d / n, the rate the sample shows. */
  readonly sampleRate: number;
  readonly model: AttributeModel;
  /** Hypergeometric only: the largest count of deviating records not ruled out. */
  readonly populationDeviations?: number;
}

const BISECTION_TOLERANCE = 1e-9;

/** The model for a sample of n from a population of N (unknown: binomial). */
export function attributeModelFor(sampleSize: number, populationSize: number | undefined): AttributeModel {
  if (populationSize === undefined) return 'binomial';
  return populationSize <= HYPERGEOMETRIC_MAX_POPULATION || sampleSize > HYPERGEOMETRIC_FRACTION * populationSize ? 'hypergeometric' : 'binomial';
}

function clopperPearsonUpper(n: number, d: number, alpha: number): number {
  if (d >= n) return 1;
  let low = 0;
  let high = 1;
  while (high - low > BISECTION_TOLERANCE) {
    const middle = (low + high) / 2;
    if (binomialCdf(d, n, middle) > alpha) low = middle;
    else high = middle;
  }
  return high;
}

/** The largest D in [d, N − (n − d)] with P(X ≤ d; N, D, n) > alpha (D = d always qualifies: P = 1). */
function hypergeometricUpper(N: number, n: number, d: number, alpha: number): number {
  let low = d;
  let high = N - (n - d);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (hypergeometricCdf(d, N, middle, n) > alpha) low = middle;
    else high = middle - 1;
  }
  return low;
}

export function upperDeviationLimit(input: UpperDeviationLimitInput): UpperDeviationLimit | SamplingRefusal {
  const { sampleSize: n, deviations: d, confidence, populationSize: N } = input;
  const problem = checkConfidenceAndPopulation(confidence, N);
  if (problem) return problem;
  if (!Number.isSafeInteger(n) || n < 1 || (N !== undefined && n > N)) return { ok: false, code: 'SAMPLE_SIZE_INVALID', params: { sampleSize: n, populationSize: N ?? 'unknown' } };
  if (!Number.isSafeInteger(d) || d < 0 || d > n) return { ok: false, code: 'DEVIATIONS_INVALID', params: { deviations: d, sampleSize: n } };
  const model = input.model ?? attributeModelFor(n, N);
  if (model === 'hypergeometric' && N === undefined) return { ok: false, code: 'POPULATION_SIZE_INVALID', params: { populationSize: 'unknown' } };
  const alpha = 1 - confidence;
  if (model === 'binomial') return { ok: true, limit: clopperPearsonUpper(n, d, alpha), sampleRate: d / n, model };
  const D = hypergeometricUpper(N!, n, d, alpha);
  return { ok: true, limit: D / N!, sampleRate: d / n, model, populationDeviations: D };
}
