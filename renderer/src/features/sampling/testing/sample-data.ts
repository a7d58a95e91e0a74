import type { FieldworkRecordsView } from '../../../../../shared/contract/fieldwork-views.ts';
import type { PopulationView, SampleAttributeRowView, SampleItemRowView, SampleRowView, SamplingStateView } from '../../../../../shared/contract/sampling-views.ts';
import type { RecordResult } from '../../../../../shared/fieldwork/fieldwork-kinds.ts';
import { resultFromAttributes } from '../../../../../shared/fieldwork/record-sampling.ts';
import type { EvaluatedItem } from '../../../../../shared/sampling/sample-evaluation.ts';
import { attributesByRecord, recordsById } from '../../../state/fieldwork-indexes.ts';

/** A sample with what the screen reads of it: its population, its items in draw order, its attributes in position order. */
export interface SampleParts {
  readonly sample: SampleRowView;
  readonly population: PopulationView | undefined;
  readonly items: readonly SampleItemRowView[];
  readonly attributes: readonly SampleAttributeRowView[];
}

/** The sample's parts per state object (the sampling state is replaced, never mutated, on every change). */
const cache = new WeakMap<object, unknown>();
function memoOn<K extends object, V>(key: K, build: (key: K) => V): V {
  if (cache.has(key)) return cache.get(key) as V;
  const value = build(key);
  cache.set(key, value);
  return value;
}

/** The sample's parts, the same object while the state is (so selectors and memos hold). */
export function sampleParts(state: SamplingStateView, sampleId: string): SampleParts | null {
  const byState = memoOn(state, () => new Map<string, SampleParts | null>());
  if (byState.has(sampleId)) return byState.get(sampleId)!;
  const sample = state.samples.find((row) => row.id === sampleId);
  const parts = sample
    ? {
        sample,
        population: state.populations.find((population) => population.id === sample.population_id),
        items: state.items.filter((item) => item.sample_id === sampleId).sort((a, b) => a.draw_seq - b.draw_seq || a.row_no - b.row_no),
        attributes: state.attributes.filter((attribute) => attribute.sample_id === sampleId).sort((a, b) => a.position - b.position || a.attribute.localeCompare(b.attribute)),
      }
    : null;
  byState.set(sampleId, parts);
  return parts;
}

/** One grid row's test results as the screen shows them. */
export interface ItemCells {
  readonly result: RecordResult;
  /** What the attributes say (the result differs when the auditor set it by hand). */
  readonly derived: RecordResult;
  readonly hasNote: boolean;
  readonly hasEvidence: boolean;
  readonly cells: readonly { readonly result: RecordResult; readonly hasNote: boolean }[];
}

const NOTHING: ItemCells = { result: 'not_tested', derived: 'not_tested', hasNote: false, hasEvidence: false, cells: [] };

/**
 * A row's results as one string, so a row re-renders only when its own results change (a selector
 * returning a fresh object would re-render every visible row on every keystroke).
 */
export function itemSignature(records: FieldworkRecordsView | null, recordId: string | null, attributeIds: readonly string[]): string {
  if (!records || !recordId) return '';
  const record = recordsById(records).get(recordId);
  if (!record) return '';
  const cells = attributesByRecord(records).get(recordId);
  const parts = attributeIds.map((id) => {
    const cell = cells?.get(id);
    return `${cell?.result ?? 'not_tested'}${cell?.note ? '*' : ''}`;
  });
  return [record.result, record.note ? 'n' : '', record.evidence_id ? 'e' : '', ...parts].join('|');
}

export function parseSignature(signature: string): ItemCells {
  if (!signature) return NOTHING;
  const [result, note, evidence, ...parts] = signature.split('|');
  const cells = parts.map((part) => ({ result: part.replace('*', '') as RecordResult, hasNote: part.endsWith('*') }));
  return { result: result as RecordResult, derived: resultFromAttributes(cells.map((cell) => cell.result)), hasNote: note === 'n', hasEvidence: evidence === 'e', cells };
}

/** The items with their results, for the evaluation (pure over the two stores' lists). */
export function evaluatedItems(records: FieldworkRecordsView | null, items: readonly SampleItemRowView[], attributeIds: readonly string[]): EvaluatedItem[] {
  if (!records) return items.map(() => ({ recordId: null, recordResult: 'not_tested', attributeResults: [] }));
  const seen = recordsById(records);
  const cells = attributesByRecord(records);
  return items.map((item) => {
    const record = item.record_id ? seen.get(item.record_id) : undefined;
    if (!record) return { recordId: null, recordResult: 'not_tested', attributeResults: [] };
    const byAttribute = cells.get(record.id);
    return { recordId: record.id, recordResult: record.result, attributeResults: attributeIds.map((id) => byAttribute?.get(id)?.result ?? 'not_tested') };
  });
}
