import type { TFunction } from 'i18next';
import type { FieldworkRow } from '../../../../shared/contract/fieldwork-views.ts';
import type { RecordResult } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { followedResult } from '../../../../shared/fieldwork/record-sampling.ts';
import { placeAt } from '../../../../shared/fieldwork/trails.ts';
import { showUndo } from '../../components/undo.tsx';
import { attributesByRecord, recordsById } from '../../state/fieldwork-indexes.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';

export type RecordSeen = FieldworkRow<'record_seen'>;
export type RecordQuery = FieldworkRow<'record_query'>;
export type RecordAttribute = FieldworkRow<'record_attribute'>;
export type AuditTrail = FieldworkRow<'audit_trail'>;
export type TrailStep = FieldworkRow<'audit_trail_step'>;
export type EvidenceItem = FieldworkRow<'evidence_item'>;

const store = () => useFieldworkRecords.getState();

/**
 * Writes of the records seen and trails, one after another: a cell typed twice quickly, or a range
 * added while a cell is written, reaches the file in the order typed, and each write reads the rows
 * as the one before left them.
 */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(work: () => Promise<T>, onError: (error: unknown) => void): Promise<T | undefined> {
  const next = queue.then(work).catch((error: unknown) => {
    onError(error);
    return undefined;
  });
  queue = next;
  return next;
}

/** The results of a record's attributes over `columns`, in column order (not tested where none is recorded). */
function resultsOver(recordId: string, columns: readonly string[]): RecordResult[] {
  const records = store().records;
  const byAttribute = records ? attributesByRecord(records).get(recordId) : undefined;
  return columns.map((column) => byAttribute?.get(column)?.result ?? 'not_tested');
}

/** The row of one attribute of a record, if any (through the index: a sample has tens of thousands). */
function attributeRow(recordId: string, attribute: string): RecordAttribute | undefined {
  const records = store().records;
  return records ? attributesByRecord(records).get(recordId)?.get(attribute) : undefined;
}

/**
 * What was seen of one attribute of a record; the record's result follows its attributes (a failing
 * attribute fails it) unless the auditor set it otherwise. `columns` are the attributes its grid shows.
 */
export function setAttribute(recordId: string, attribute: string, result: RecordResult, columns: readonly string[], onError: (error: unknown) => void): void {
  void serial(async () => {
    const before = resultsOver(recordId, columns);
    const existing = attributeRow(recordId, attribute);
    if (existing) store().edit('record_attribute', existing.id, { result });
    else await store().create('record_attribute', { record_id: recordId, attribute, result });
    const after = resultsOver(recordId, columns);
    const records = store().records;
    const record = records ? recordsById(records).get(recordId) : undefined;
    if (!record) return;
    const next = followedResult(record.result, before, after);
    if (next !== record.result) store().edit('record_seen', recordId, { result: next });
  }, onError);
}

/** The note on one attribute of a record (the attribute's row is made when there is none). */
export function setAttributeNote(recordId: string, attribute: string, note: string, onError: (error: unknown) => void): void {
  const existing = attributeRow(recordId, attribute);
  if (existing) store().edit('record_attribute', existing.id, { note });
  else void serial(() => store().create('record_attribute', { record_id: recordId, attribute, note }), onError);
}

/** Records seen for a process: new ids become rows of the query (natural key: the same row in every copy). */
export function addRecords(topic: string, queryId: string | null, ids: readonly string[], onError: (error: unknown) => void): Promise<unknown> {
  return serial(async () => {
    for (const record_ref of ids) await store().create('record_seen', { topic, record_ref, query_id: queryId });
  }, onError);
}

/** A record seen for a process, made if it is not there yet (a trail step or a typed id): its id. */
export async function ensureRecord(topic: string, recordRef: string): Promise<string> {
  const existing = store().records?.record_seen.find((row) => row.topic === topic && row.record_ref === recordRef);
  return existing ? existing.id : store().create('record_seen', { topic, record_ref: recordRef });
}

/** Deletes a row of the records screens and offers its undo. */
export async function removeWithUndo(table: 'record_seen' | 'record_query' | 'audit_trail' | 'audit_trail_step' | 'evidence_item', id: string, message: string, t: TFunction, onError: (error: unknown) => void): Promise<void> {
  try {
    await store().remove(table, id);
    showUndo(t, message, () => store().restore(table, id).catch(onError));
  } catch (error) {
    onError(error);
  }
}

/** Adds a step to a trail at `index` (the end by default), writing only its own position unless the trail must be renumbered. */
export function addTrailStep(trailId: string, recordId: string, linkNote: string, index: number | null, onError: (error: unknown) => void): Promise<unknown> {
  return serial(async () => {
    const steps = (store().records?.audit_trail_step ?? []).filter((step) => step.trail_id === trailId);
    const patches = placeAt(steps, index ?? steps.length, null);
    for (const patch of patches) if (patch.id !== null) store().edit('audit_trail_step', patch.id, { position: patch.position });
    const own = patches.find((patch) => patch.id === null)!;
    await store().create('audit_trail_step', { trail_id: trailId, record_id: recordId, position: own.position, link_note: linkNote });
  }, onError);
}
