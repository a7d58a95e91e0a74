import type { JobInput } from '../../../../shared/contract/jobs.ts';
import type { PopulationStrataView, PopulationView, SamplingStateView } from '../../../../shared/contract/sampling-views.ts';
import { allocateStratified } from '../../../../shared/sampling/allocation.ts';
import { attributeSampleSize, type AttributeSize, type SamplingRefusal } from '../../../../shared/sampling/attribute-size.ts';
import { judgmentSize, type JudgmentSizeSuggestion } from '../../../../shared/sampling/judgment-size.ts';
import type { SampleMethod, SampleSizing, StratumAllocation } from '../../../../shared/sampling/sampling-kinds.ts';
import { SeededPermutationError, seedProblem } from '../../../../shared/sampling/seeded-permutation.ts';

/** The confidence levels offered (the AICPA tables' columns). */
export const CONFIDENCES = [0.9, 0.95, 0.99] as const;

/** A judgmental pick: a record chosen in the browser, with the reason it was chosen. */
export interface Pick {
  readonly rowNo: number;
  readonly recordId: string;
  readonly reason: string;
}

/** What the Draw panel holds while the auditor fills it in. Rates are in percent as typed (5 = 5 %). */
export interface DrawForm {
  readonly sizing: SampleSizing;
  /** The judgment size as typed; null until changed (the suggestion is used). */
  readonly size: number | null;
  readonly justification: string;
  readonly confidence: number;
  readonly tolerablePercent: number;
  readonly expectedPercent: number;
  readonly method: SampleMethod;
  readonly stratifyBy: string | null;
  readonly allocation: StratumAllocation;
  readonly minimumPerStratum: number;
  readonly seedMode: 'generate' | 'typed';
  readonly seed: string;
  readonly samplingPlan: string | null;
  readonly picks: readonly Pick[];
}

export const initialDrawForm = (population: PopulationView, samplingPlan: string | null): DrawForm => ({
  sizing: 'judgment',
  size: null,
  justification: '',
  confidence: 0.95,
  tolerablePercent: 5,
  expectedPercent: 0,
  method: 'random',
  stratifyBy: population.strata[0]?.column ?? null,
  allocation: 'proportional',
  minimumPerStratum: 1,
  seedMode: 'generate',
  seed: '',
  samplingPlan,
  picks: [],
});

/** The CB profile's judgment range as `sampling:state` gives it, applied to this population (the profile's per-process range, one record per doubling). */
export const judgmentSuggestion = (judgment: SamplingStateView['recordSampling'], populationSize: number): JudgmentSizeSuggestion =>
  judgmentSize(judgment, populationSize);

/** The statistical size for the form's confidence and rates over this population (the model chosen as documented in attribute-size.ts). */
export const statisticalSize = (form: DrawForm, populationSize: number): AttributeSize | SamplingRefusal =>
  attributeSampleSize({ confidence: form.confidence, tolerableRate: form.tolerablePercent / 100, expectedRate: form.expectedPercent / 100, populationSize });

/** The size the draw asks for: the picks (judgmental), the statistical size, or the judgment size typed or suggested. */
export function drawSize(form: DrawForm, population: PopulationView, judgment: SamplingStateView['recordSampling']): number | null {
  if (form.method === 'judgmental') return form.picks.length || null;
  if (form.sizing === 'statistical') {
    const size = statisticalSize(form, population.rowCount);
    return size.ok ? size.size : null;
  }
  return form.size ?? judgmentSuggestion(judgment, population.rowCount).size;
}

export interface StratumShare {
  readonly name: string;
  readonly count: number;
  readonly drawn: number;
}

/** How a stratified sample of `size` is shared among the strata (the worker uses the same allocation), or the refusal's code. */
export function allocationPreview(strata: PopulationStrataView | undefined, size: number, form: DrawForm): StratumShare[] | { readonly code: string; readonly params: Record<string, unknown> } {
  if (!strata) return { code: 'NO_STRATA', params: {} };
  const capacities = strata.strata.map((stratum) => ({ name: stratum.name, size: stratum.count }));
  try {
    const counts = allocateStratified(capacities, size, form.allocation === 'minimum' ? form.minimumPerStratum : 0);
    return capacities.map((stratum, i) => ({ name: stratum.name, count: stratum.size, drawn: counts[i]! }));
  } catch (error) {
    if (error instanceof SeededPermutationError) return { code: error.code, params: error.params };
    throw error;
  }
}

export type DrawProblem = 'noSize' | 'tooLarge' | 'justification' | 'seed' | 'noPicks' | 'pickReason' | 'strata' | 'notHere';

/** Why the Draw button is not offered yet, the first reason only (each is also shown at its field). */
export function drawProblem(form: DrawForm, population: PopulationView, judgment: SamplingStateView['recordSampling']): DrawProblem | null {
  if (!population.rowsHere) return 'notHere';
  if (form.method === 'judgmental') {
    if (!form.picks.length) return 'noPicks';
    if (form.picks.some((pick) => !pick.reason.trim())) return 'pickReason';
  }
  const size = drawSize(form, population, judgment);
  if (!size || size < 1) return 'noSize';
  if (size > population.rowCount) return 'tooLarge';
  if (form.sizing === 'judgment' && !form.justification.trim()) return 'justification';
  if (form.method === 'stratified' && !Array.isArray(allocationPreview(population.strata.find((s) => s.column === form.stratifyBy), size, form))) return 'strata';
  if (form.method !== 'judgmental' && form.seedMode === 'typed' && seedProblem(form.seed)) return 'seed';
  return null;
}

/** The `sampling:draw` job's input. */
export function drawInput(handle: string, population: PopulationView, form: DrawForm, size: number): JobInput<'sampling:draw'> & { kind: 'sampling:draw' } {
  const statistical = form.sizing === 'statistical' ? statisticalSize(form, population.rowCount) : null;
  return {
    kind: 'sampling:draw' as const,
    engagementHandle: handle,
    populationId: population.id,
    samplingPlan: form.samplingPlan ?? '',
    sizing: form.sizing,
    justification: form.justification.trim(),
    confidence: statistical ? form.confidence : null,
    tolerableRate: statistical ? form.tolerablePercent / 100 : null,
    expectedRate: statistical ? form.expectedPercent / 100 : null,
    statisticalModel: statistical?.ok ? statistical.model : '',
    size,
    method: form.method,
    ...(form.method === 'stratified' && form.stratifyBy
      ? { stratifyBy: form.stratifyBy, allocation: form.allocation, ...(form.allocation === 'minimum' ? { minimumPerStratum: form.minimumPerStratum } : {}) }
      : {}),
    ...(form.method !== 'judgmental' && form.seedMode === 'typed' ? { seed: form.seed } : {}),
    ...(form.method === 'judgmental' ? { picks: form.picks.map((pick) => ({ rowNo: pick.rowNo, reason: pick.reason.trim() })) } : {}),
  };
}
