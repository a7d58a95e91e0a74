/**
 * Statistical attribute sampling: how many records to test so that, if the population's deviation rate
 * were at the tolerable rate, finding no more than the allowed deviations would happen with a
 * probability of at most 1 − confidence (the reference: ../shared/reference/certification-audit-facts.md
 * "Record sampling", and the AICPA attribute sampling tables it quotes).
 *
 * Rule: the smallest n such that P(X ≤ k) ≤ 1 − confidence, with k = ceil(n × expected rate) and
 * - binomial model: X ~ Binomial(n, tolerable rate) (a large or unknown population);
 * - hypergeometric model: X ~ Hypergeometric(N, D, n), D = ceil(tolerable × N): the fewest deviations
 *   that put the population's rate at or above the tolerable rate. Protecting against D protects
 *   against every larger D too (P(X ≤ k) falls as D grows).
 * The rule is not monotone in n when the expected rate is above 0: k steps up by one at some n, and
 * P(X ≤ k) jumps up with it (e.g. 95%, 5%, 1%: n = 100 holds with k = 1, n = 101 fails with k = 2). So
 * every n is tried from 1 upward and the first that holds is returned: never "the first failure, minus one".
 *
 * Model choice (documented for the report): hypergeometric when the population size is known and
 * either N ≤ 5,000 or the binomial n is more than 10% of N (the finite population then matters);
 * binomial otherwise. Hypergeometric n is never larger than binomial n for the same inputs.
 *
 * Pure arithmetic in log space (log-factorials), so n and N up to hundreds of thousands stay exact to
 * far better than the 1e-12 the comparison allows.
 */

export type AttributeModel = 'binomial' | 'hypergeometric';

/** The largest n tried for the binomial model (a sample of ten thousand records is not an audit sample). */
export const MAX_ATTRIBUTE_SAMPLE_SIZE = 10_000;
/** At or under this known population size the hypergeometric model is used. */
export const HYPERGEOMETRIC_MAX_POPULATION = 5_000;
/** Above this sampling fraction (binomial n / N) the hypergeometric model is used whatever N. */
export const HYPERGEOMETRIC_FRACTION = 0.1;
/** Slack for a probability compared with 1 − confidence (1 − 0.95 is 0.050000000000000044 in binary). */
const PROBABILITY_SLACK = 1e-12;
/** Slack for n × rate before ceil: 100 × 0.07 is 7.000000000000001 in binary, and k must be 7. */
const RATE_SLACK = 1e-9;

export const ATTRIBUTE_SIZE_ERROR_CODES = [
  'CONFIDENCE_OUT_OF_RANGE',
  'TOLERABLE_RATE_OUT_OF_RANGE',
  'EXPECTED_RATE_OUT_OF_RANGE',
  'EXPECTED_NOT_BELOW_TOLERABLE',
  'POPULATION_SIZE_INVALID',
  'SAMPLE_SIZE_INVALID',
  'DEVIATIONS_INVALID',
  'SIZE_EXCEEDS_POPULATION',
  'SIZE_ABOVE_SEARCH_BOUND',
] as const;
export type AttributeSizeErrorCode = (typeof ATTRIBUTE_SIZE_ERROR_CODES)[number];

/** A refusal the renderer translates from its code and parameters. */
export interface SamplingRefusal {
  readonly ok: false;
  readonly code: AttributeSizeErrorCode;
  readonly params: Readonly<Record<string, number | string>>;
}

export interface AttributeSizeInput {
  /** e.g. 0.95; strictly between 0 and 1. */
  readonly confidence: number;
  /** e.g. 0.05; strictly between 0 and 1. */
  readonly tolerableRate: number;
  /** e.g. 0.01; at least 0 and below the tolerable rate. */
  readonly expectedRate: number;
  /** The number of records in the population, when known (an integer ≥ 1). */
  readonly populationSize?: number;
  /** Forces a model (tests, or a CB that prescribes one); the documented choice otherwise. */
  readonly model?: AttributeModel;
}

export interface AttributeSize {
  readonly ok: true;
  readonly size: number;
  /** k = ceil(size × expected rate): deviations the sample may show and still meet the rule. */
  readonly allowedDeviations: number;
  readonly model: AttributeModel;
  /** Hypergeometric only: D = ceil(tolerable × N). */
  readonly populationDeviations?: number;
  /** P(X ≤ k) at the returned size: the risk actually reached (≤ 1 − confidence). */
  readonly risk: number;
}

// ---- log-space distributions (shared with upper-deviation-limit.ts) ----

const LOG_FACTORIAL_TABLE_SIZE = 1024;
const logFactorialTable = (() => {
  const table = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
  for (let i = 2; i < LOG_FACTORIAL_TABLE_SIZE; i++) table[i] = table[i - 1]! + Math.log(i);
  return table;
})();

/** ln(n!): a table below 1024, Stirling's series above (its error there is below 1e-17). */
export function logFactorial(n: number): number {
  if (n < LOG_FACTORIAL_TABLE_SIZE) return logFactorialTable[n]!;
  const inv = 1 / n;
  const inv2 = inv * inv;
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** Σ exp(logs[i]) without overflow or underflow: factor out the largest term. */
function sumOfExps(logs: readonly number[]): number {
  let max = -Infinity;
  for (const l of logs) if (l > max) max = l;
  if (max === -Infinity) return 0;
  let sum = 0;
  for (const l of logs) sum += Math.exp(l - max);
  return Math.min(1, Math.exp(max) * sum);
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n || p <= 0) return 1;
  if (p >= 1) return 0;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const logs: number[] = [];
  for (let i = 0; i <= k; i++) logs.push(logChoose(n, i) + i * logP + (n - i) * logQ);
  return sumOfExps(logs);
}

/** P(X ≤ k) for X the deviations in a sample of n drawn without replacement from N holding D. */
export function hypergeometricCdf(k: number, populationSize: number, populationDeviations: number, n: number): number {
  const N = populationSize;
  const D = populationDeviations;
  const low = Math.max(0, n - (N - D));
  const high = Math.min(k, D, n);
  if (high < low) return 0;
  if (k >= Math.min(D, n)) return 1;
  const logTotal = logChoose(N, n);
  const logs: number[] = [];
  for (let i = low; i <= high; i++) logs.push(logChoose(D, i) + logChoose(N - D, n - i) - logTotal);
  return sumOfExps(logs);
}

// ---- the size ----

/** k for a sample of n at the expected rate. */
export function allowedDeviationsFor(n: number, expectedRate: number): number {
  return Math.max(0, Math.ceil(n * expectedRate - RATE_SLACK));
}

/** D for a population of N at the tolerable rate. */
export function tolerableDeviationsFor(populationSize: number, tolerableRate: number): number {
  return Math.max(1, Math.ceil(populationSize * tolerableRate - RATE_SLACK));
}

/** Whether the size rule holds at n: P(X ≤ k) at the tolerable rate is at most 1 − confidence. */
export function attributeRiskAt(n: number, input: AttributeSizeInput, model: AttributeModel): { readonly k: number; readonly risk: number } {
  const k = allowedDeviationsFor(n, input.expectedRate);
  if (model === 'binomial') return { k, risk: binomialCdf(k, n, input.tolerableRate) };
  const N = input.populationSize!;
  return { k, risk: hypergeometricCdf(k, N, tolerableDeviationsFor(N, input.tolerableRate), n) };
}

function refuse(code: AttributeSizeErrorCode, params: SamplingRefusal['params'] = {}): SamplingRefusal {
  return { ok: false, code, params };
}

const isRate = (value: number): boolean => Number.isFinite(value) && value > 0 && value < 1;

/** The shared checks of confidence and population size (also used by upperDeviationLimit). */
export function checkConfidenceAndPopulation(confidence: number, populationSize: number | undefined): SamplingRefusal | null {
  if (!isRate(confidence)) return refuse('CONFIDENCE_OUT_OF_RANGE', { confidence });
  if (populationSize !== undefined && (!Number.isSafeInteger(populationSize) || populationSize < 1)) return refuse('POPULATION_SIZE_INVALID', { populationSize });
  return null;
}

/** The smallest n, from 1 to `bound`, at which the rule holds; null when none does. */
function smallestSize(input: AttributeSizeInput, model: AttributeModel, bound: number): { readonly n: number; readonly k: number; readonly risk: number } | null {
  const alpha = 1 - input.confidence;
  for (let n = 1; n <= bound; n++) {
    const { k, risk } = attributeRiskAt(n, input, model);
    if (risk <= alpha + PROBABILITY_SLACK) return { n, k, risk };
  }
  return null;
}

/**
 * The attribute sample size, or a coded refusal: a rate out of range, an expected rate not below the
 * tolerable rate, or a size that would exceed the population (the rule cannot hold below N) or the
 * search bound.
 */
export function attributeSampleSize(input: AttributeSizeInput): AttributeSize | SamplingRefusal {
  const { confidence, tolerableRate, expectedRate, populationSize: N } = input;
  const problem = checkConfidenceAndPopulation(confidence, N);
  if (problem) return problem;
  if (!isRate(tolerableRate)) return refuse('TOLERABLE_RATE_OUT_OF_RANGE', { tolerableRate });
  if (!Number.isFinite(expectedRate) || expectedRate < 0 || expectedRate >= 1) return refuse('EXPECTED_RATE_OUT_OF_RANGE', { expectedRate });
  if (expectedRate >= tolerableRate) return refuse('EXPECTED_NOT_BELOW_TOLERABLE', { expectedRate, tolerableRate });
  if (input.model === 'hypergeometric' && N === undefined) return refuse('POPULATION_SIZE_INVALID', { populationSize: 'unknown' });

  const hypergeometric = (populationSize: number): AttributeSize | SamplingRefusal => {
    const found = smallestSize(input, 'hypergeometric', Math.min(populationSize, MAX_ATTRIBUTE_SAMPLE_SIZE));
    if (!found) {
      return populationSize <= MAX_ATTRIBUTE_SAMPLE_SIZE ? refuse('SIZE_EXCEEDS_POPULATION', { populationSize }) : refuse('SIZE_ABOVE_SEARCH_BOUND', { bound: MAX_ATTRIBUTE_SAMPLE_SIZE });
    }
    return { ok: true, size: found.n, allowedDeviations: found.k, model: 'hypergeometric', populationDeviations: tolerableDeviationsFor(populationSize, tolerableRate), risk: found.risk };
  };

  if (N !== undefined && (input.model === 'hypergeometric' || (input.model === undefined && N <= HYPERGEOMETRIC_MAX_POPULATION))) return hypergeometric(N);
  const found = smallestSize(input, 'binomial', MAX_ATTRIBUTE_SAMPLE_SIZE);
  if (N !== undefined && input.model === undefined && (found === null || found.n > HYPERGEOMETRIC_FRACTION * N)) return hypergeometric(N);
  if (!found) return refuse('SIZE_ABOVE_SEARCH_BOUND', { bound: MAX_ATTRIBUTE_SAMPLE_SIZE });
  if (N !== undefined && found.n > N) return refuse('SIZE_EXCEEDS_POPULATION', { populationSize: N, size: found.n });
  return { ok: true, size: found.n, allowedDeviations: found.k, model: 'binomial', risk: found.risk };
}
