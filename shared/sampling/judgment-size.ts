/**
 * The size suggested for a judgment sample of one process's records, from the CB profile's
 * `recordSampling` (shared/cb-profile/profile.ts): in a certification audit an auditor typically looks
 * at 3–10 records per process, so the suggestion is a starting point the auditor changes with a
 * justification, never a rule.
 *
 * - Default method 'judgment': one record per doubling of the population, ceil(log2 N), kept within the
 *   profile's minPerProcess … maxPerProcess (with 3–10: 8 records → 3, 100 → 7, 1,000 and more → 10).
 * - Default method 'frequency-table': the table row whose populationMin ≤ N ≤ populationMax (no
 *   maximum: open-ended) gives the range sampleMin … sampleMax, and its sampleMin is suggested. When no
 *   row covers N the judgment rule applies and `tableRowMissing` says so.
 * Never more than the population: the range and the suggestion are cut at N (an empty population: 0).
 */
import type { RecordSampling } from '../cb-profile/profile.ts';

export interface JudgmentSizeSuggestion {
  /** How the suggestion was made: the profile's default method, or judgment when the table has no row. */
  readonly method: 'judgment' | 'frequency-table';
  readonly size: number;
  /** The range the auditor is pointed to (the profile's per-process range or the table row's). */
  readonly min: number;
  readonly max: number;
  /** The frequency table's row used (its index), when one was. */
  readonly rowIndex?: number;
  /** True when the profile's default is the table but no row covers this population size. */
  readonly tableRowMissing?: boolean;
}

export function judgmentSize(sampling: RecordSampling, populationSize: number): JudgmentSizeSuggestion {
  const N = Number.isSafeInteger(populationSize) && populationSize > 0 ? populationSize : 0;
  const cut = (value: number): number => Math.min(value, N);

  if (sampling.defaultMethod === 'frequency-table' && sampling.frequencyTable) {
    const rowIndex = sampling.frequencyTable.rows.findIndex((row) => row.populationMin <= N && (row.populationMax === null || N <= row.populationMax));
    const row = sampling.frequencyTable.rows[rowIndex];
    if (row) return { method: 'frequency-table', size: cut(row.sampleMin), min: cut(row.sampleMin), max: cut(row.sampleMax), rowIndex };
  }
  const { minPerProcess, maxPerProcess } = sampling.judgment;
  const byDoubling = N <= 1 ? N : Math.ceil(Math.log2(N));
  const size = cut(Math.min(maxPerProcess, Math.max(minPerProcess, byDoubling)));
  const missing = sampling.defaultMethod === 'frequency-table' ? { tableRowMissing: true } : {};
  return { method: 'judgment', size, min: cut(minPerProcess), max: cut(maxPerProcess), ...missing };
}
