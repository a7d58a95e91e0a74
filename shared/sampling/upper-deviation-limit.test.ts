import { describe, expect, it } from 'vitest';
import { attributeSampleSize, binomialCdf, hypergeometricCdf } from './attribute-size.ts';
import { attributeModelFor, upperDeviationLimit, type UpperDeviationLimitInput } from './upper-deviation-limit.ts';

const limit = (input: UpperDeviationLimitInput) => {
  const result = upperDeviationLimit(input);
  if (!result.ok) throw new Error(result.code);
  return result;
};

describe('upper deviation limit', () => {
  it('pins the known binomial values (Clopper–Pearson, one-sided)', () => {
    expect(limit({ sampleSize: 59, deviations: 0, confidence: 0.95 }).limit).toBeCloseTo(1 - 0.05 ** (1 / 59), 6); // 4.95%
    expect(limit({ sampleSize: 59, deviations: 0, confidence: 0.95 }).limit).toBeCloseTo(0.049508, 5);
    expect(limit({ sampleSize: 93, deviations: 1, confidence: 0.95 }).limit).toBeCloseTo(0.049994, 5); // ≈ 5.0%
    const two = limit({ sampleSize: 100, deviations: 2, confidence: 0.9 });
    expect(binomialCdf(2, 100, two.limit)).toBeCloseTo(0.1, 6);
    expect(limit({ sampleSize: 5, deviations: 5, confidence: 0.95 }).limit).toBe(1);
  });

  it('stays below the tolerable rate for every sample that meets the size rule', () => {
    for (const [confidence, tolerableRate, expectedRate] of [[0.95, 0.05, 0.01], [0.95, 0.05, 0.02], [0.9, 0.08, 0]] as const) {
      const n = attributeSampleSize({ confidence, tolerableRate, expectedRate });
      if (!n.ok) throw new Error(n.code);
      expect(limit({ sampleSize: n.size, deviations: n.allowedDeviations, confidence }).limit).toBeLessThanOrEqual(tolerableRate);
      expect(limit({ sampleSize: n.size, deviations: n.allowedDeviations + 1, confidence }).limit).toBeGreaterThan(tolerableRate);
    }
  });

  it('has a hypergeometric variant for a small known population: the largest D not ruled out, over N', () => {
    const result = limit({ sampleSize: 45, deviations: 0, confidence: 0.95, populationSize: 100 });
    expect(result).toMatchObject({ model: 'hypergeometric', populationDeviations: 4, limit: 0.04 });
    expect(hypergeometricCdf(0, 100, 4, 45)).toBeGreaterThan(0.05);
    expect(hypergeometricCdf(0, 100, 5, 45)).toBeLessThanOrEqual(0.05);
    expect(limit({ sampleSize: 100, deviations: 3, confidence: 0.95, populationSize: 100 })).toMatchObject({ limit: 0.03 }); // all tested: exact
    expect(attributeModelFor(500, 1_000_000)).toBe('binomial');
    expect(attributeModelFor(500, 4000)).toBe('hypergeometric');
    expect(attributeModelFor(1000, 9000)).toBe('hypergeometric');
  });

  it('refuses impossible inputs', () => {
    const code = (input: UpperDeviationLimitInput) => {
      const r = upperDeviationLimit(input);
      return r.ok ? 'ok' : r.code;
    };
    expect(code({ sampleSize: 0, deviations: 0, confidence: 0.95 })).toBe('SAMPLE_SIZE_INVALID');
    expect(code({ sampleSize: 10, deviations: 11, confidence: 0.95 })).toBe('DEVIATIONS_INVALID');
    expect(code({ sampleSize: 10, deviations: 0, confidence: 0 })).toBe('CONFIDENCE_OUT_OF_RANGE');
    expect(code({ sampleSize: 101, deviations: 0, confidence: 0.95, populationSize: 100 })).toBe('SAMPLE_SIZE_INVALID');
    expect(code({ sampleSize: 10, deviations: 0, confidence: 0.95, model: 'hypergeometric' })).toBe('POPULATION_SIZE_INVALID');
  });
});
