import { describe, expect, it } from 'vitest';
import type { RecordResult } from '../fieldwork/fieldwork-kinds.ts';
import { evaluateSample, itemDeviates, itemTested, type EvaluatedItem, type SampleEvaluationInput } from './sample-evaluation.ts';
import { upperDeviationLimit } from './upper-deviation-limit.ts';

const item = (recordId: string | null, attributes: RecordResult[], recordResult: RecordResult = 'not_tested'): EvaluatedItem => ({ recordId, recordResult, attributeResults: attributes });
const judgment = (items: EvaluatedItem[]): SampleEvaluationInput => ({ items, sizing: 'judgment', confidence: null, tolerableRate: null, statisticalModel: '', populationSize: 1000 });

describe('the evaluation of a tested sample', () => {
  it('counts an item tested only when every attribute is set', () => {
    expect(itemTested(item('r1', ['pass', 'not_applicable']))).toBe(true);
    expect(itemTested(item('r1', ['pass', 'not_tested']))).toBe(false);
    expect(itemTested(item(null, ['pass']))).toBe(false);
    // Without attributes, the record's own result says it.
    expect(itemTested(item('r1', [], 'pass'))).toBe(true);
    expect(itemTested(item('r1', []))).toBe(false);
  });

  it('counts a deviation for a failed attribute or a record failed by hand', () => {
    expect(itemDeviates(item('r1', ['pass', 'fail']))).toBe(true);
    expect(itemDeviates(item('r1', ['pass', 'pass'], 'fail'))).toBe(true);
    expect(itemDeviates(item('r1', ['pass', 'not_applicable'], 'pass'))).toBe(false);
  });

  it('gives the counts, the deviating records in order and the rate over the items evaluated', () => {
    const result = evaluateSample(
      judgment([
        item('r1', ['pass', 'pass'], 'pass'),
        item('r2', ['fail', 'pass'], 'fail'),
        item('r3', ['pass', 'not_tested']),
        // A deviation already seen though an attribute is still open: it counts.
        item('r4', ['fail', 'not_tested'], 'fail'),
        item('r5', ['pass', 'pass'], 'fail'),
        item(null, []),
      ]),
    );
    expect(result).toMatchObject({ size: 6, tested: 3, deviations: 3, evaluated: 4, deviatingRecordIds: ['r2', 'r4', 'r5'] });
    expect(result.deviationRate).toBe(0.75);
  });

  it('has no rate while nothing is evaluated', () => {
    const result = evaluateSample(judgment([item('r1', ['not_tested']), item('r2', ['not_tested'])]));
    expect(result).toMatchObject({ tested: 0, deviations: 0, evaluated: 0, deviationRate: null, upperLimit: null });
  });

  it('never computes an upper deviation limit in judgment mode', () => {
    const result = evaluateSample(judgment([item('r1', ['pass'], 'pass'), item('r2', ['fail'], 'fail')]));
    expect(result.upperLimit).toBeNull();
    expect(result.tolerableRate).toBeNull();
    expect(result.aboveTolerable).toBeNull();
  });

  it('in statistical mode gives the upper deviation limit at the confidence, against the tolerable rate', () => {
    const items = Array.from({ length: 59 }, (_, i) => item(`r${i}`, ['pass'], 'pass'));
    const clean = evaluateSample({ items, sizing: 'statistical', confidence: 0.95, tolerableRate: 0.05, statisticalModel: 'binomial', populationSize: 100_000 });
    expect(clean.upperLimit).toEqual(upperDeviationLimit({ sampleSize: 59, deviations: 0, confidence: 0.95, populationSize: 100_000, model: 'binomial' }));
    expect(clean.upperLimit?.ok && clean.upperLimit.limit).toBeLessThan(0.05);
    expect(clean.aboveTolerable).toBe(false);

    const failed = evaluateSample({ items: [...items.slice(1), item('bad', ['fail'], 'fail')], sizing: 'statistical', confidence: 0.95, tolerableRate: 0.05, statisticalModel: 'binomial', populationSize: 100_000 });
    expect(failed.deviations).toBe(1);
    expect(failed.upperLimit?.ok && failed.upperLimit.limit).toBeGreaterThan(0.05);
    expect(failed.aboveTolerable).toBe(true);
  });

  it('uses the hypergeometric model when the sample recorded it, and passes refusals through', () => {
    const items = Array.from({ length: 20 }, (_, i) => item(`r${i}`, ['pass'], 'pass'));
    const small = evaluateSample({ items, sizing: 'statistical', confidence: 0.9, tolerableRate: 0.1, statisticalModel: 'hypergeometric', populationSize: 200 });
    expect(small.upperLimit?.ok && small.upperLimit.model).toBe('hypergeometric');
    // More items evaluated than the population holds: the limit is refused, not invented.
    const refused = evaluateSample({ items, sizing: 'statistical', confidence: 0.9, tolerableRate: 0.1, statisticalModel: 'hypergeometric', populationSize: 10 });
    expect(refused.upperLimit?.ok).toBe(false);
    expect(refused.aboveTolerable).toBeNull();
  });
});
