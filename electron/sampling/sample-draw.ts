import type { ChecklistPack } from '../../shared/checklist/pack.ts';
import { randomBytes } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { SampleDrawnView, SampleItemRowView } from '../../shared/contract/sampling-views.ts';
import { drawRandom, type RandomSelection } from '../../shared/sampling/draw-random.ts';
import { drawStratified, type StratifiedSelection } from '../../shared/sampling/draw-stratified.ts';
import { allIndexes, drawSystematic, type SystematicSelection } from '../../shared/sampling/draw-systematic.ts';
import { drawJudgmental, extendSelection, type JudgmentalSelection, type SampleSelection } from '../../shared/sampling/sample-draw.ts';
import type { ItemSelection, SampleMethod, SampleSizing, StatisticalModel, StratumAllocation } from '../../shared/sampling/sampling-kinds.ts';
import { newSeed, SEEDED_PERMUTATION_ALGORITHM, SeededPermutationError, seedProblem } from '../../shared/sampling/seeded-permutation.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { utcInstant } from '../../shared/time.ts';
import { SAMPLE_TABLE } from '../../shared/tables/sampling-tables.ts';
import type { JobContext } from '../jobs/job-context.ts';
import { currentPack } from '../packs/worker.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import type { EngagementStore } from '../store/engagement-store.ts';
import { PopulationStore, type PopulationOrder } from '../store/population-store.ts';
import { typedRow } from '../store/typed-rows.ts';
import { populationWithRecords } from './populations-view.ts';
import { ITEMS_PER_SLICE, writeItems, type NewItem } from './sample-items.ts';

export interface DrawRequest {
  readonly populationId: string;
  readonly samplingPlan: string;
  readonly sizing: SampleSizing;
  readonly justification: string;
  readonly confidence: number | null;
  readonly tolerableRate: number | null;
  readonly expectedRate: number | null;
  readonly statisticalModel: StatisticalModel;
  readonly size: number;
  readonly method: SampleMethod;
  readonly stratifyBy?: string;
  readonly allocation?: StratumAllocation;
  readonly minimumPerStratum?: number;
  readonly seed?: string;
  readonly picks?: readonly { readonly rowNo: number; readonly reason: string }[];
}

/** The generator's refusals as the contract's errors (sizes, seeds, picks). */
function drawError(error: unknown): unknown {
  if (!(error instanceof SeededPermutationError)) return error;
  const code = error.code.startsWith('SEED_') ? 'SAMPLING_SEED_INVALID' : ['INDEX_INVALID', 'DUPLICATE_INDEX', 'REASON_EMPTY'].includes(error.code) ? 'SAMPLING_PICK_INVALID' : 'SAMPLING_SIZE_INVALID';
  return new StoreError(code, error.message, { ...error.params, reason: error.code });
}

/** Canonical index → row number, for the whole population or a stratum. */
const rowNoAt = (order: PopulationOrder, index: number): number => order.rowNos[index]!;

/** The population's order and, for a stratified sample, each stratum's (in the UTF-8 order of their names, as the draw). */
function ordersOf(populations: PopulationStore, seq: number, selection: SampleSelection): { whole: PopulationOrder; strata: Map<string, PopulationOrder> } {
  const whole = populations.order(seq, '', '');
  if (!whole) throw new StoreError('SAMPLING_ROWS_NOT_HERE', "This copy does not hold the population's order");
  const strata = new Map<string, PopulationOrder>();
  if (selection.method === 'stratified') {
    const column = stratifiedColumn(selection);
    for (const stratum of selection.strata) {
      const order = populations.order(seq, column, stratum.name);
      if (!order) throw new StoreError('SAMPLING_STRATUM_COLUMN', 'This stratum is not in the population', { column, stratum: stratum.name });
      strata.set(stratum.name, order);
    }
  }
  return { whole, strata };
}

/** The stratified selection's column rides along in the stored JSON (the shared record has no place for it). */
type StoredSelection = SampleSelection & { readonly column?: string };
const stratifiedColumn = (selection: StoredSelection): string => selection.column ?? '';

/** Each item of a selection from position `from` on (draw order), as row numbers with their stratum and how chosen. */
function itemsOf(selection: StoredSelection, orders: ReturnType<typeof ordersOf>, from: number, ids: (rowNo: number) => string, reasons: Map<number, string>): NewItem[] {
  const out: { rowNo: number; stratum: string; selection: ItemSelection }[] = [];
  if (selection.method === 'stratified') {
    // Draw order: the first draw stratum by stratum, then each extension stratum by stratum.
    const counts = [selection.size, ...selection.extensions];
    const taken = new Map<string, number>();
    counts.forEach((_, round) => {
      for (const stratum of selection.strata) {
        const order = orders.strata.get(stratum.name)!;
        const before = taken.get(stratum.name) ?? 0;
        const allocated = allocatedIn(selection, stratum.name, round);
        for (let i = before; i < before + allocated; i++) out.push({ rowNo: rowNoAt(order, stratum.indexes[i]!), stratum: stratum.name, selection: round === 0 ? 'stratified' : 'extension' });
        taken.set(stratum.name, before + allocated);
      }
    });
  } else {
    const first = selection.method === 'judgmental' || selection.method === 'systematic' ? selection.indexes.length : selection.size;
    const indexes = selection.method === 'random' ? selection.indexes : allIndexes(selection);
    indexes.forEach((index, i) => out.push({ rowNo: rowNoAt(orders.whole, index), stratum: '', selection: i < first ? selection.method : 'extension' }));
  }
  return out.slice(from).map((item) => ({ ...item, recordRef: ids(item.rowNo), reason: reasons.get(item.rowNo) ?? '' }));
}

/** How many items of a stratum a round (0 = the draw, then each extension) added, from the stratum's recorded counts. */
function allocatedIn(selection: StratifiedSelection, name: string, round: number): number {
  const stratum = selection.strata.find((s) => s.name === name)!;
  const perRound = (stratum as { rounds?: readonly number[] }).rounds;
  if (perRound) return perRound[round] ?? 0;
  return round === 0 ? stratum.indexes.length : 0;
}

/** The rounds of a stratified selection recorded per stratum, so the draw order can be rebuilt (the extension's allocation is in the indexes' lengths). */
function withRounds(previous: StratifiedSelection | null, next: StratifiedSelection): StratifiedSelection {
  return {
    ...next,
    strata: next.strata.map((stratum) => {
      const before = previous?.strata.find((s) => s.name === stratum.name);
      const rounds = [...((before as { rounds?: number[] } | undefined)?.rounds ?? [])];
      rounds.push(stratum.indexes.length - (before?.indexes.length ?? 0));
      return { ...stratum, rounds };
    }),
  };
}

/** A record's id by row number, one prepared statement for every lookup of a draw (a sample may have 10,000 items). */
function recordIdsOf(populations: PopulationStore, seq: number): (rowNo: number) => string {
  const get = populations.recordIdStatement();
  return (rowNo) => (get.get(seq, rowNo) as string | undefined) ?? '';
}

/** Writes the items in slices (yielding between them: a 10,000-item sample leaves the worker responsive). */
async function writeAll(store: EngagementStore, context: JobContext, sample: { id: string; topic: string; queryId: string | null }, items: readonly NewItem[], firstSeq: number): Promise<void> {
  for (let i = 0; i < items.length; i += ITEMS_PER_SLICE) {
    writeItems(store, sample, items.slice(i, i + ITEMS_PER_SLICE), firstSeq + i);
    context.progress(i + ITEMS_PER_SLICE, items.length, 'items');
    await yieldToEventLoop();
    context.resetSlice();
  }
}

const selectionText = (method: SampleMethod, size: number, seed: string | null): string =>
  seed ? `${method} sample of ${size}, ${SEEDED_PERMUTATION_ALGORITHM} seed ${seed}` : `${method} sample of ${size}`;

/**
 * Draws a sample (issue 20): the seeded draw over the population's canonical order (random,
 * systematic, stratified by a column's strata) or the auditor's picks with their reasons; the sample
 * row records sizing, method, seed, algorithm, population hash and the whole selection; a
 * records-seen query for the population's process; the pack's test attributes of `samplingPlan`;
 * then the items with their records seen, in slices.
 */
export async function drawSample(engagement: EngagementContext, context: JobContext, memberId: string, request: DrawRequest): Promise<SampleDrawnView> {
  const store = engagement.store();
  if (store.readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
  const db = engagement.db();
  const { population, seq } = populationWithRecords(db, request.populationId);
  const populations = new PopulationStore(db);
  const whole = populations.order(seq, '', '');
  if (!whole) throw new StoreError('SAMPLING_ROWS_NOT_HERE', "This copy does not hold the population's order", { name: population.name });
  if (request.seed !== undefined) {
    const problem = seedProblem(request.seed);
    if (problem) throw new StoreError('SAMPLING_SEED_INVALID', 'This seed cannot be used', { ...problem.params, reason: problem.code });
  }
  const seed = request.seed ?? newSeed(randomBytes(16));
  const reasons = new Map((request.picks ?? []).map((pick) => [pick.rowNo, pick.reason]));

  let selection: StoredSelection;
  try {
    if (request.method === 'judgmental') {
      if (!request.picks?.length) throw new StoreError('SAMPLING_PICK_INVALID', 'A judgmental sample needs the records picked, each with a reason', { reason: 'NO_PICKS' });
      const indexOf = new Map<number, number>();
      const wanted = new Set(request.picks.map((pick) => pick.rowNo));
      whole.rowNos.forEach((rowNo, index) => {
        if (wanted.has(rowNo)) indexOf.set(rowNo, index);
      });
      selection = drawJudgmental({
        populationSize: whole.rowCount,
        populationHash: whole.idsHash,
        picks: request.picks.map((pick) => ({ index: indexOf.get(pick.rowNo) ?? -1, reason: pick.reason })),
      });
    } else if (request.method === 'stratified') {
      const column = request.stratifyBy ?? '';
      const strata = populations.strata(seq).filter((entry) => entry.column === column);
      if (strata.length === 0) throw new StoreError('SAMPLING_STRATUM_COLUMN', 'The population cannot be stratified by this column', { column });
      const drawn = drawStratified({
        seed,
        strata: strata.map((entry) => ({ name: entry.stratum, populationSize: entry.rowCount, populationHash: entry.idsHash })),
        size: request.size,
        minimumPerStratum: request.allocation === 'minimum' ? (request.minimumPerStratum ?? 1) : 0,
      });
      selection = { ...withRounds(null, drawn), column };
    } else if (request.method === 'systematic') {
      selection = drawSystematic({ seed, populationSize: whole.rowCount, populationHash: whole.idsHash, size: request.size });
    } else {
      selection = drawRandom({ seed, populationSize: whole.rowCount, populationHash: whole.idsHash, size: request.size });
    }
  } catch (error) {
    throw drawError(error);
  }
  context.throwIfCancelled();
  const orders = ordersOf(populations, seq, selection);
  const items = itemsOf(selection, orders, 0, recordIdsOf(populations, seq), reasons);
  const size = items.length;

  const engagement_id = store.engagementId;
  const siteId = population.site_id && db.prepare('SELECT 1 FROM site WHERE id = ? AND deleted = 0').get(population.site_id) ? population.site_id : null;
  const randomSeed = request.method === 'judgmental' ? null : seed;
  const { sampleId, queryId } = db.transaction(() => {
    const queryId = store.createRow('record_query', {
      engagement_id,
      topic: population.topic,
      site_id: siteId,
      session_id: null,
      team_member_id: memberId,
      query: `${population.name} (${population.source_name})`,
      population_count: population.row_count,
      period_from: population.period_from,
      period_to: population.period_to,
      selection: selectionText(request.method, size, randomSeed),
      sampling_plan: request.samplingPlan,
      notes: '',
    });
    const sampleId = store.createRow('sample', {
      engagement_id,
      population_id: population.id,
      drawn_by: memberId,
      query_id: queryId,
      sampling_plan: request.samplingPlan,
      sizing: request.sizing,
      justification: request.justification,
      confidence: request.confidence,
      tolerable_rate: request.tolerableRate,
      expected_rate: request.expectedRate,
      statistical_model: request.statisticalModel,
      planned_size: request.size,
      method: request.method,
      stratify_by: request.method === 'stratified' ? (request.stratifyBy ?? '') : '',
      allocation: request.allocation ?? 'proportional',
      minimum_per_stratum: request.method === 'stratified' && request.allocation === 'minimum' ? (request.minimumPerStratum ?? 1) : null,
      algorithm: randomSeed ? SEEDED_PERMUTATION_ALGORITHM : '',
      seed: randomSeed ?? '',
      population_hash: population.ids_hash,
      selection: JSON.stringify(selection),
      drawn_at: utcInstant(Date.now()),
    });
    addPackAttributes(store, db, sampleId, request.samplingPlan);
    return { sampleId, queryId };
  })();
  await writeAll(store, context, { id: sampleId, topic: population.topic, queryId }, items, 0);
  context.progress(1, 1, 'done');
  return { sampleId, added: size, size };
}

/** The pack's test attributes of a sampling plan, as the sample's attributes (in the pack's order). */
function addPackAttributes(store: EngagementStore, db: ReturnType<EngagementContext['db']>, sampleId: string, samplingPlan: string): void {
  if (!samplingPlan) return;
  const packRow = currentPack(db);
  if (!packRow) return;
  const pack = JSON.parse(packRow.content) as ChecklistPack;
  const plan = pack.clauses.flatMap((clause) => clause.sampling ?? []).find((candidate) => candidate.id === samplingPlan);
  plan?.attributes.forEach((attribute, i) => {
    store.createRow('sample_attribute', { engagement_id: store.engagementId, sample_id: sampleId, attribute: attribute.id, label: '', position: i + 1 });
  });
}

function sampleRow(store: EngagementStore, sampleId: string) {
  const row = store.getRow('sample', sampleId);
  if (row.deleted === 1) throw new StoreError('ROW_NOT_FOUND', 'This sample was deleted', { table: 'sample', id: sampleId });
  return typedRow(SAMPLE_TABLE, row);
}

function storedSelection(json: string): StoredSelection {
  try {
    return JSON.parse(json) as StoredSelection;
  } catch {
    throw new StoreError('CORRUPT', "The sample's recorded selection cannot be read", { table: 'sample' });
  }
}

/** Existing items' count (draw positions continue after them). */
const itemCount = (store: EngagementStore, sampleId: string): number =>
  store.db.prepare('SELECT COUNT(*) FROM sample_item WHERE sample_id = ?').pluck().get(sampleId) as number;

/**
 * More items (every earlier item stays): random and stratified take the next items of the same
 * permutations; systematic and judgmental samples add random items from the rest with a new seed.
 */
export async function extendSample(engagement: EngagementContext, context: JobContext, sampleId: string, more: number): Promise<SampleDrawnView> {
  const store = engagement.store();
  if (store.readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
  const sample = sampleRow(store, sampleId);
  const { population, seq } = populationWithRecords(engagement.db(), sample.population_id);
  const populations = new PopulationStore(engagement.db());
  const before = storedSelection(sample.selection);
  let after: StoredSelection;
  try {
    const extended = extendSelection(before, more, before.method === 'systematic' || before.method === 'judgmental' ? newSeed(randomBytes(16)) : undefined);
    after = extended.method === 'stratified' ? { ...withRounds(before as StratifiedSelection, extended), column: stratifiedColumn(before) } : extended;
  } catch (error) {
    throw drawError(error);
  }
  const orders = ordersOf(populations, seq, after);
  // The items already drawn are not looked up again: only the added ones get their record ids.
  const previous = itemsOf(before, orders, 0, () => '', new Map()).length;
  const ids = recordIdsOf(populations, seq);
  const added = itemsOf(after, orders, previous, () => '', new Map()).map((item) => ({ ...item, recordRef: ids(item.rowNo) }));
  store.updateRow('sample', sampleId, { selection: JSON.stringify(after) });
  await writeAll(store, context, { id: sampleId, topic: population.topic, queryId: sample.query_id }, added, itemCount(store, sampleId));
  return { sampleId, added: added.length, size: previous + added.length };
}

/** A judgmental pick added to a sample, with its reason (the selection records it as a pick). */
export function pickItem(engagement: EngagementContext, sampleId: string, rowNo: number, reason: string): SampleItemRowView {
  const store = engagement.store();
  if (store.readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
  const sample = sampleRow(store, sampleId);
  const { population, seq } = populationWithRecords(engagement.db(), sample.population_id);
  const record = new PopulationStore(engagement.db()).records(seq, [rowNo])[0];
  if (!record) throw new StoreError('SAMPLING_PICK_INVALID', 'This row is not in the population', { rowNo, reason: 'INDEX_INVALID' });
  const existing = store.db.prepare('SELECT id FROM sample_item WHERE sample_id = ? AND row_no = ? AND deleted = 0').pluck().get(sampleId, rowNo) as string | undefined;
  if (existing) throw new StoreError('SAMPLING_PICK_INVALID', 'This record is already in the sample', { rowNo, reason: 'DUPLICATE_INDEX' });
  writeItems(store, { id: sampleId, topic: population.topic, queryId: sample.query_id }, [{ rowNo, recordRef: record.recordId, selection: 'judgmental', stratum: '', reason }], itemCount(store, sampleId));
  const id = store.db.prepare('SELECT id FROM sample_item WHERE sample_id = ? AND row_no = ?').pluck().get(sampleId, rowNo) as string;
  return store.getRow('sample_item', id) as unknown as SampleItemRowView;
}

export type { JudgmentalSelection, RandomSelection, SystematicSelection };

/** For verification: the orders a recorded selection draws from, and the items it gives (ids from the caller). */
export const ordersOfSelection = ordersOf;
export const itemsOfSelection = (selection: StoredSelection, orders: ReturnType<typeof ordersOf>, ids: (rowNo: number) => string): NewItem[] =>
  itemsOf(selection, orders, 0, ids, new Map());
