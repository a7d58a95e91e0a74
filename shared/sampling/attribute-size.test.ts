import { describe, expect, it } from 'vitest';
import { attributeRiskAt, attributeSampleSize, binomialCdf, hypergeometricCdf, logFactorial, type AttributeSizeInput } from './attribute-size.ts';

const size = (input: AttributeSizeInput) => {
  const result = attributeSampleSize(input);
  if (!result.ok) throw new Error(result.code);
  return result;
};

describe('attribute sample size', () => {
  it('agrees with the six AICPA rows of the reference', () => {
    const rows: [number, number, number, number, number][] = [
      // confidence, tolerable, expected → n, allowed deviations
      [0.95, 0.05, 0, 59, 0],
      [0.95, 0.1, 0, 29, 0],
      [0.9, 0.05, 0, 45, 0],
      [0.95, 0.05, 0.01, 93, 1],
      [0.95, 0.05, 0.02, 181, 4],
      [0.9, 0.08, 0, 28, 0],
    ];
    for (const [confidence, tolerableRate, expectedRate, n, k] of rows) {
      const result = size({ confidence, tolerableRate, expectedRate });
      expect([result.size, result.allowedDeviations, result.model]).toEqual([n, k, 'binomial']);
      expect(result.risk).toBeLessThanOrEqual(1 - confidence);
    }
  });

  it('is not monotone in n: searches every n and returns the smallest that holds', () => {
    const input = { confidence: 0.95, tolerableRate: 0.05, expectedRate: 0.01 };
    // n = 100 holds with k = 1; n = 101 fails, because k steps up to 2 and P(X ≤ k) jumps.
    expect(attributeRiskAt(100, input, 'binomial')).toMatchObject({ k: 1 });
    expect(attributeRiskAt(100, input, 'binomial').risk).toBeLessThan(0.05);
    expect(attributeRiskAt(101, input, 'binomial')).toMatchObject({ k: 2 });
    expect(attributeRiskAt(101, input, 'binomial').risk).toBeGreaterThan(0.05);
    // Stepping back from the first failure above 93 would answer 100; the smallest holding n is 93.
    expect(attributeRiskAt(92, input, 'binomial').risk).toBeGreaterThan(0.05);
    for (let n = 1; n < 93; n++) expect(attributeRiskAt(n, input, 'binomial').risk).toBeGreaterThan(0.05);
    expect(size(input).size).toBe(93);
  });

  it('uses the hypergeometric model for a small known population, giving a smaller n', () => {
    const small = size({ confidence: 0.95, tolerableRate: 0.05, expectedRate: 0, populationSize: 100 });
    expect(small).toMatchObject({ model: 'hypergeometric', populationDeviations: 5, size: 45 });
    expect(small.size).toBeLessThan(59);
    expect(size({ confidence: 0.95, tolerableRate: 0.05, expectedRate: 0.01, populationSize: 100 })).toMatchObject({ model: 'hypergeometric', size: 65 });
    // A large known population: binomial, n far below 10% of N.
    expect(size({ confidence: 0.95, tolerableRate: 0.05, expectedRate: 0.01, populationSize: 1_000_000 })).toMatchObject({ model: 'binomial', size: 93 });
    // Above 5,000 but the binomial n would be more than 10% of N: hypergeometric.
    expect(size({ confidence: 0.95, tolerableRate: 0.02, expectedRate: 0.015 }).size).toBeGreaterThan(600);
    expect(size({ confidence: 0.95, tolerableRate: 0.02, expectedRate: 0.015, populationSize: 6000 }).model).toBe('hypergeometric');
  });

  it('refuses with a code', () => {
    const code = (input: AttributeSizeInput) => {
      const r = attributeSampleSize(input);
      return r.ok ? 'ok' : r.code;
    };
    expect(code({ confidence: 1, tolerableRate: 0.05, expectedRate: 0 })).toBe('CONFIDENCE_OUT_OF_RANGE');
    expect(code({ confidence: 0.95, tolerableRate: 0, expectedRate: 0 })).toBe('TOLERABLE_RATE_OUT_OF_RANGE');
    expect(code({ confidence: 0.95, tolerableRate: 0.05, expectedRate: -0.01 })).toBe('EXPECTED_RATE_OUT_OF_RANGE');
    expect(code({ confidence: 0.95, tolerableRate: 0.05, expectedRate: 0.05 })).toBe('EXPECTED_NOT_BELOW_TOLERABLE');
    expect(code({ confidence: 0.95, tolerableRate: 0.05, expectedRate: 0, populationSize: 0 })).toBe('POPULATION_SIZE_INVALID');
    // Ten records, 1% expected: even testing all ten cannot meet the rule.
    expect(code({ confidence: 0.95, tolerableRate: 0.05, expectedRate: 0.01, populationSize: 10 })).toBe('SIZE_EXCEEDS_POPULATION');
    expect(code({ confidence: 0.99, tolerableRate: 0.011, expectedRate: 0.01 })).toBe('SIZE_ABOVE_SEARCH_BOUND');
  });

  it('computes its distributions stably', () => {
    expect(Math.exp(logFactorial(10))).toBeCloseTo(3628800, 3);
    expect(logFactorial(2000)).toBeCloseTo(logFactorial(1023) + Array.from({ length: 977 }, (_, i) => Math.log(1024 + i)).reduce((a, b) => a + b), 8);
    expect(binomialCdf(0, 59, 0.05)).toBeCloseTo(0.95 ** 59, 14);
    expect(binomialCdf(3000, 5000, 0.5)).toBeCloseTo(1, 12);
    expect(binomialCdf(40, 4000, 0.02)).toBeGreaterThan(0); // terms of e^-80 and below stay finite
    // C(95, 45) / C(100, 45), directly.
    let direct = 1;
    for (let i = 0; i < 45; i++) direct *= (95 - i) / (100 - i);
    expect(hypergeometricCdf(0, 100, 5, 45)).toBeCloseTo(direct, 14);
    expect(hypergeometricCdf(5, 100, 5, 45)).toBe(1);
  });
});
