// The Draw panel's arithmetic: sizes, allocation preview and the job's input.
import { describe, expect, it } from 'vitest';
import { allocationPreview, drawInput, drawProblem, drawSize, initialDrawForm, judgmentSuggestion, statisticalSize } from './draw-inputs.ts';
import { POPULATION } from './test-fixtures.ts';

const JUDGMENT = { defaultMethod: 'judgment' as const, judgment: { minPerProcess: 3, maxPerProcess: 10 } };

describe('the sample size', () => {
  it('is 59 at 95 % confidence, 5 % tolerable and 0 % expected (binomial, no deviation allowed)', () => {
    const form = { ...initialDrawForm(POPULATION, null), sizing: 'statistical' as const };
    const size = statisticalSize(form, POPULATION.rowCount);
    expect(size).toMatchObject({ ok: true, size: 59, allowedDeviations: 0, model: 'binomial' });
    expect(drawSize(form, POPULATION, JUDGMENT)).toBe(59);
  });

  it('refuses an expected rate not below the tolerable one, by code', () => {
    const size = statisticalSize({ ...initialDrawForm(POPULATION, null), sizing: 'statistical', expectedPercent: 5 }, POPULATION.rowCount);
    expect(size).toMatchObject({ ok: false, code: 'EXPECTED_NOT_BELOW_TOLERABLE' });
  });

  it('suggests a judgment size within the profile’s range and asks for a justification', () => {
    expect(judgmentSuggestion(JUDGMENT, 100_000)).toMatchObject({ size: 10, min: 3, max: 10 });
    const form = initialDrawForm(POPULATION, 'plan-1');
    expect(drawProblem(form, POPULATION, JUDGMENT)).toBe('justification');
    expect(drawProblem({ ...form, justification: 'High volume, one earlier minor NC' }, POPULATION, JUDGMENT)).toBeNull();
    expect(drawProblem({ ...form, justification: 'x', seedMode: 'typed', seed: ' spaced' }, POPULATION, JUDGMENT)).toBe('seed');
  });
});

describe('the stratified allocation', () => {
  it('shares proportionally, or gives each stratum its minimum first', () => {
    const form = { ...initialDrawForm(POPULATION, null), method: 'stratified' as const };
    expect(allocationPreview(POPULATION.strata[0], 10, form)).toEqual([
      { name: '1 - Critical', count: 1_000, drawn: 0 },
      { name: '2 - High', count: 9_000, drawn: 1 },
      { name: '3 - Moderate', count: 90_000, drawn: 9 },
    ]);
    const minimum = allocationPreview(POPULATION.strata[0], 10, { ...form, allocation: 'minimum', minimumPerStratum: 2 });
    expect(Array.isArray(minimum) && minimum.map((share) => share.drawn)).toEqual([2, 2, 6]);
    expect(allocationPreview(POPULATION.strata[0], 5, { ...form, allocation: 'minimum', minimumPerStratum: 2 })).toMatchObject({ code: 'MINIMUM_EXCEEDS_SIZE' });
  });
});

describe('the draw job’s input', () => {
  it('records the statistical parameters and model, a typed seed, and the stratification', () => {
    const form = { ...initialDrawForm(POPULATION, 'plan-1'), sizing: 'statistical' as const, method: 'stratified' as const, seedMode: 'typed' as const, seed: 'a1b2' };
    expect(drawInput('h-1', POPULATION, form, 59)).toEqual({
      kind: 'sampling:draw',
      engagementHandle: 'h-1',
      populationId: 'pop-1',
      samplingPlan: 'plan-1',
      sizing: 'statistical',
      justification: '',
      confidence: 0.95,
      tolerableRate: 0.05,
      expectedRate: 0,
      statisticalModel: 'binomial',
      size: 59,
      method: 'stratified',
      stratifyBy: 'Priority',
      allocation: 'proportional',
      seed: 'a1b2',
    });
  });

  it('sends judgmental picks with their reasons and no seed', () => {
    const form = { ...initialDrawForm(POPULATION, null), method: 'judgmental' as const, justification: 'Major incidents', picks: [{ rowNo: 7, recordId: 'INC0007', reason: ' Major incident ' }] };
    expect(drawSize(form, POPULATION, JUDGMENT)).toBe(1);
    const input = drawInput('h-1', POPULATION, form, 1);
    expect(input.picks).toEqual([{ rowNo: 7, reason: 'Major incident' }]);
    expect(input.seed).toBeUndefined();
    expect(input.statisticalModel).toBe('');
  });
});
