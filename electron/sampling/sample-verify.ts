import type { SelectionVerifiedView } from '../../shared/contract/sampling-views.ts';
import { recomputeSelection, type SampleSelection } from '../../shared/sampling/sample-draw.ts';
import { SeededPermutationError } from '../../shared/sampling/seeded-permutation.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { SAMPLE_TABLE } from '../../shared/tables/sampling-tables.ts';
import type { JobContext } from '../jobs/job-context.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { PopulationStore, type PopulationOrder } from '../store/population-store.ts';
import { typedRow } from '../store/typed-rows.ts';
import { populationWithRecords } from './populations-view.ts';
import { RecordIds } from './record-ids.ts';
import { itemsOfSelection, ordersOfSelection } from './sample-draw.ts';

const LISTED_DIFFERENCES = 20;

/**
 * aw-perm-1's population hash of an order, recomputed from the records' ids — after checking that the
 * order holds its rows in strictly ascending UTF-8 order of their ids, so a damaged or altered order
 * cannot pass (the sort itself is not redone: ascending and complete is the same thing). A population
 * missing a record's row has no order to hash.
 */
function orderHasher(ids: readonly (string | undefined)[]): (order: PopulationOrder) => string | null {
  let complete = true;
  for (let rowNo = 0; rowNo < ids.length; rowNo++) if (ids[rowNo] === undefined) complete = false;
  const bytes = complete ? RecordIds.of(ids as readonly string[]) : null;
  return (order) => {
    if (!bytes) return null;
    const rowNos = order.rowNos;
    for (let i = 0; i < rowNos.length; i++) {
      if (rowNos[i]! >= bytes.count) return null;
      if (i > 0 && bytes.compare(rowNos[i - 1]!, rowNos[i]!) >= 0) return null;
    }
    return bytes.hash(rowNos);
  };
}

/**
 * "Verify selection" (issue 20): the population's ids hashed again (every id of the file's records in
 * the canonical order; each stratum's for a stratified sample) and compared with what the sample
 * recorded; the selection recomputed from its recorded inputs alone (seed, sizes, hashes, extensions)
 * and compared; the items it gives compared, position by position, with the sample's items. Records
 * picked by judgment after the draw are counted, not recomputed.
 */
export async function verifySample(engagement: EngagementContext, context: JobContext, sampleId: string): Promise<SelectionVerifiedView> {
  const store = engagement.store();
  const row = store.getRow('sample', sampleId);
  if (row.deleted === 1) throw new StoreError('ROW_NOT_FOUND', 'This sample was deleted', { table: 'sample', id: sampleId });
  const sample = typedRow(SAMPLE_TABLE, row);
  const db = engagement.db();
  const { population, seq } = populationWithRecords(db, sample.population_id);
  const populations = new PopulationStore(db);
  let recorded: SampleSelection & { column?: string };
  try {
    recorded = JSON.parse(sample.selection) as SampleSelection & { column?: string };
  } catch {
    throw new StoreError('CORRUPT', "The sample's recorded selection cannot be read", { table: 'sample' });
  }

  context.progress(0, 3, 'population');
  const ids = populations.recordIds(seq, population.row_count);
  await context.checkpoint();
  const orders = ordersOfSelection(populations, seq, recorded);
  const hashOfOrder = orderHasher(ids);
  const recomputedPopulationHash = hashOfOrder(orders.whole) ?? '';
  let populationMatches = recomputedPopulationHash === sample.population_hash && recomputedPopulationHash === population.ids_hash;
  if (recorded.method === 'stratified') {
    for (const stratum of recorded.strata) {
      const order = orders.strata.get(stratum.name)!;
      if (hashOfOrder(order) !== stratum.populationHash) populationMatches = false;
    }
  } else if (recorded.populationHash !== recomputedPopulationHash) {
    populationMatches = false;
  }
  await context.checkpoint();

  context.progress(1, 3, 'selection');
  let recomputed: SampleSelection;
  try {
    recomputed = recomputeSelection(recorded);
  } catch (error) {
    if (error instanceof SeededPermutationError) {
      return { matches: false, populationMatches, recomputedPopulationHash, checkedItems: 0, differences: [{ drawSeq: 0, recorded: error.code, recomputed: '' }], judgmentalItems: 0 };
    }
    throw error;
  }
  // The rounds (how many items each extension added per stratum) ride along like the column: the draw order is rebuilt from them.
  if (recomputed.method === 'stratified' && recorded.method === 'stratified') {
    const rounds = new Map(recorded.strata.map((stratum) => [stratum.name, (stratum as { rounds?: number[] }).rounds]));
    recomputed = { ...recomputed, strata: recomputed.strata.map((stratum) => ({ ...stratum, rounds: rounds.get(stratum.name) })) };
  }
  const expected = itemsOfSelection({ ...recomputed, ...(recorded.column !== undefined ? { column: recorded.column } : {}) }, orders, (rowNo) => ids[rowNo] ?? '');

  context.progress(2, 3, 'items');
  const stored = db
    .prepare('SELECT row_no, record_ref, selection FROM sample_item WHERE sample_id = ? AND deleted = 0 ORDER BY draw_seq')
    .all(sampleId) as { row_no: number; record_ref: string; selection: string }[];
  const drawnRows = new Set(expected.map((item) => item.rowNo));
  const laterPicks = stored.filter((item) => item.selection === 'judgmental' && !drawnRows.has(item.row_no));
  const compared = stored.filter((item) => !(item.selection === 'judgmental' && !drawnRows.has(item.row_no)));
  const differences: SelectionVerifiedView['differences'][number][] = [];
  const length = Math.max(compared.length, expected.length);
  for (let i = 0; i < length && differences.length < LISTED_DIFFERENCES; i++) {
    const mine = compared[i];
    const theirs = expected[i];
    if (mine?.row_no !== theirs?.rowNo || mine?.record_ref !== theirs?.recordRef) {
      differences.push({ drawSeq: i + 1, recorded: mine?.record_ref ?? '', recomputed: theirs?.recordRef ?? '' });
    }
  }
  context.progress(3, 3, 'done');
  return {
    matches: populationMatches && differences.length === 0,
    populationMatches,
    recomputedPopulationHash,
    checkedItems: compared.length,
    differences,
    judgmentalItems: laterPicks.length + (recorded.method === 'judgmental' ? compared.length : 0),
  };
}
