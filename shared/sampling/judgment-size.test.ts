import { describe, expect, it } from 'vitest';
import type { RecordSampling } from '../cb-profile/profile.ts';
import { judgmentSize } from './judgment-size.ts';

const label = { en: 'x' };
const table: RecordSampling['frequencyTable'] = {
  rows: [
    { label, populationMin: 1, populationMax: 1, sampleMin: 1, sampleMax: 1 },
    { label, populationMin: 5, populationMax: 12, sampleMin: 2, sampleMax: 5 },
    { label, populationMin: 366, populationMax: null, sampleMin: 25, sampleMax: 60 },
  ],
};
const judgment: RecordSampling = { defaultMethod: 'judgment', judgment: { minPerProcess: 3, maxPerProcess: 10 }, frequencyTable: table };
const byTable: RecordSampling = { ...judgment, defaultMethod: 'frequency-table' };

describe('judgment size suggestion', () => {
  it('suggests one record per doubling of the population within the per-process range', () => {
    expect([2, 8, 100, 1000, 1_000_000].map((n) => judgmentSize(judgment, n).size)).toEqual([2, 3, 7, 10, 10]);
    expect(judgmentSize(judgment, 100)).toEqual({ method: 'judgment', size: 7, min: 3, max: 10 });
  });

  it('never suggests more than the population', () => {
    expect(judgmentSize(judgment, 2)).toEqual({ method: 'judgment', size: 2, min: 2, max: 2 });
    expect(judgmentSize(judgment, 0)).toMatchObject({ size: 0, max: 0 });
    expect(judgmentSize(byTable, 1)).toEqual({ method: 'frequency-table', size: 1, min: 1, max: 1, rowIndex: 0 });
  });

  it('uses the frequency table row when the profile defaults to the table', () => {
    expect(judgmentSize(byTable, 12)).toEqual({ method: 'frequency-table', size: 2, min: 2, max: 5, rowIndex: 1 });
    expect(judgmentSize(byTable, 1_000_000)).toEqual({ method: 'frequency-table', size: 25, min: 25, max: 60, rowIndex: 2 });
    // 100 falls between rows: judgment, and the gap is said.
    expect(judgmentSize(byTable, 100)).toEqual({ method: 'judgment', size: 7, min: 3, max: 10, tableRowMissing: true });
  });
});
