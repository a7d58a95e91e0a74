/**
 * What a tested sample shows (issue 20): how many of its items are tested, how many deviate, the
 * deviation rate, and — in statistical mode only — the upper deviation limit at the sample's
 * confidence set against its tolerable rate. Pure. The evaluation never concludes that a sample
 * "supports reliance": every deviation is a candidate nonconformity
 * (../shared/reference/certification-audit-facts.md "Record sampling"); the limit is a number the
 * auditor weighs, no more.
 */
import type { RecordResult } from '../fieldwork/fieldwork-kinds.ts';
import type { SampleSizing, StatisticalModel } from './sampling-kinds.ts';
import { upperDeviationLimit, type UpperDeviationLimit } from './upper-deviation-limit.ts';
import type { SamplingRefusal } from './attribute-size.ts';

/** One item of the sample with its test results: the record seen's own result and its attributes' (in the sample's attribute order). */
export interface EvaluatedItem {
  /** The record seen holding its results (null: not linked yet, so not tested). */
  readonly recordId: string | null;
  readonly recordResult: RecordResult;
  readonly attributeResults: readonly RecordResult[];
}

export interface SampleEvaluationInput {
  readonly items: readonly EvaluatedItem[];
  readonly sizing: SampleSizing;
  readonly confidence: number | null;
  readonly tolerableRate: number | null;
  readonly statisticalModel: StatisticalModel;
  readonly populationSize: number;
}

export interface SampleEvaluation {
  readonly size: number;
  /** Items whose every attribute is set (pass, fail or not applicable); without attributes, whose record result is set. */
  readonly tested: number;
  /** Items with a failed attribute, or failed by hand. */
  readonly deviations: number;
  /** The record seen ids of the deviating items, in the items' order (the finding's evidence). */
  readonly deviatingRecordIds: readonly string[];
  /** Items known either way: tested, or deviating before every attribute is set. The rate's denominator. */
  readonly evaluated: number;
  /** deviations / evaluated; null while nothing is evaluated. */
  readonly deviationRate: number | null;
  /** Statistical mode with at least one item evaluated: the limit or why it cannot be computed; otherwise null. */
  readonly upperLimit: UpperDeviationLimit | SamplingRefusal | null;
  readonly tolerableRate: number | null;
  /** The upper limit exceeds the tolerable rate (null when either is missing). */
  readonly aboveTolerable: boolean | null;
}

const isSet = (result: RecordResult): boolean => result !== 'not_tested';

/** Whether an item deviates: any attribute failed, or the record itself failed (set by hand or followed). */
export function itemDeviates(item: EvaluatedItem): boolean {
  return item.recordResult === 'fail' || item.attributeResults.includes('fail');
}

/** Whether an item is tested: every attribute set; without attributes, its record result set. */
export function itemTested(item: EvaluatedItem): boolean {
  if (item.recordId === null) return false;
  return item.attributeResults.length ? item.attributeResults.every(isSet) : isSet(item.recordResult);
}

export function evaluateSample(input: SampleEvaluationInput): SampleEvaluation {
  let tested = 0;
  let evaluated = 0;
  const deviatingRecordIds: string[] = [];
  for (const item of input.items) {
    const done = itemTested(item);
    const deviates = item.recordId !== null && itemDeviates(item);
    if (done) tested++;
    if (done || deviates) evaluated++;
    if (deviates) deviatingRecordIds.push(item.recordId!);
  }
  const deviations = deviatingRecordIds.length;
  const statistical = input.sizing === 'statistical' && input.confidence !== null;
  const upperLimit =
    statistical && evaluated > 0
      ? upperDeviationLimit({
          sampleSize: evaluated,
          deviations,
          confidence: input.confidence!,
          ...(input.populationSize > 0 ? { populationSize: input.populationSize } : {}),
          ...(input.statisticalModel ? { model: input.statisticalModel } : {}),
        })
      : null;
  const tolerableRate = statistical ? input.tolerableRate : null;
  return {
    size: input.items.length,
    tested,
    deviations,
    deviatingRecordIds,
    evaluated,
    deviationRate: evaluated ? deviations / evaluated : null,
    upperLimit,
    tolerableRate,
    aboveTolerable: upperLimit?.ok && tolerableRate !== null ? upperLimit.limit > tolerableRate : null,
  };
}
