import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PopulationContentHash } from './population-content.ts';

const COLUMNS = [
  { name: 'Number', role: 'id' as const },
  { name: 'Priority', role: 'priority' as const },
];

const oneByOne = (texts: readonly string[]): string => {
  const hash = new PopulationContentHash(COLUMNS);
  for (const text of texts) hash.add(text);
  return hash.digest();
};

describe('the content hash of a population', () => {
  it('is the same whether the records come one by one or a batch at a time, whatever their texts and sizes', () => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: fc.constantFrom('变', '更', '😀', 'é', '"', '\\n'), maxLength: 40 }));
    fc.assert(
      fc.property(fc.array(fc.array(text, { maxLength: 60 }), { maxLength: 8 }), (batches) => {
        const batched = new PopulationContentHash(COLUMNS);
        for (const batch of batches) batched.addAll(batch);
        expect(batched.digest()).toBe(oneByOne(batches.flat()));
      }),
      { numRuns: 150 },
    );
  });

  it('takes a record larger than its buffer, and many that fill it several times, in order', () => {
    const big = `["${'x'.repeat(1_500_000)}"]`;
    const many = Array.from({ length: 20_000 }, (_, i) => `["INC${i}","变更 ${i}"]`);
    const texts = [...many.slice(0, 10), big, ...many];
    const batched = new PopulationContentHash(COLUMNS);
    batched.addAll(texts.slice(0, 5));
    batched.addAll(texts.slice(5));
    expect(batched.digest()).toBe(oneByOne(texts));
    expect(oneByOne(texts)).not.toBe(oneByOne([...texts].reverse()));
  });
});
