import type { StoredSelection } from '../../shared/report/review-samples.ts';
import type { EngagementContext } from '../store/engagement-context.ts';

/**
 * The samples' selection records as the draws stored them (issue 20), for the technical-review
 * package: the selection JSON is read here, apart from the report's input, since only the package
 * carries it whole.
 */
export function readStoredSelections(engagement: EngagementContext): StoredSelection[] {
  return engagement
    .store()
    .listRows('sample')
    .map((row) => ({
      sampleId: String(row.id),
      method: String(row.method ?? ''),
      algorithm: String(row.algorithm ?? ''),
      seed: String(row.seed ?? ''),
      populationHash: String(row.population_hash ?? ''),
      selection: String(row.selection ?? ''),
    }));
}
