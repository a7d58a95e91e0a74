import type { SampleItemRowView } from '../../../../../shared/contract/sampling-views.ts';
import type { RecordResult } from '../../../../../shared/fieldwork/fieldwork-kinds.ts';
import { recordsById } from '../../../state/fieldwork-indexes.ts';
import { useFieldworkRecords } from '../../../state/fieldwork-records.ts';
import { useSampling } from '../../../state/sampling.ts';
import { ensureRecord, setAttribute, setAttributeNote } from '../../fieldwork/records-actions.ts';

/** Whether the item's record seen is in the store (through the index: a key must not scan 10,000 records). */
function hasRecord(item: SampleItemRowView): boolean {
  const records = useFieldworkRecords.getState().records;
  return item.record_id !== null && records !== null && recordsById(records).has(item.record_id);
}

/**
 * Test results of a sample's items. They are records seen and their attributes (fieldwork), so a
 * sampled record joins trails and findings like one seen on screen; the draw links each item to its
 * record seen. An item whose record seen is missing here (deleted, or not yet arrived with a merge)
 * gets one again — the natural key (topic, record id) revives the same row — and is linked to it.
 */
async function recordOf(item: SampleItemRowView, topic: string): Promise<string> {
  if (hasRecord(item)) return item.record_id!;
  const id = await ensureRecord(topic, item.record_ref);
  if (item.record_id !== id) useSampling.getState().edit('sample_item', item.id, { record_id: id });
  return id;
}

/** One attribute of one item; the record's result follows its attributes as in the records seen (followedResult). */
export function setItemAttribute(item: SampleItemRowView, topic: string, attribute: string, result: RecordResult, attributeIds: readonly string[], onError: (error: unknown) => void): void {
  if (hasRecord(item)) {
    setAttribute(item.record_id!, attribute, result, attributeIds, onError);
    return;
  }
  recordOf(item, topic).then((recordId) => setAttribute(recordId, attribute, result, attributeIds, onError), onError);
}

/** The item's own result (the auditor's call, kept when the attributes change unless it was what they said). */
export function setItemResult(item: SampleItemRowView, topic: string, result: RecordResult, onError: (error: unknown) => void): void {
  recordOf(item, topic).then((recordId) => useFieldworkRecords.getState().edit('record_seen', recordId, { result }), onError);
}

export function setItemAttributeNote(recordId: string, attribute: string, note: string, onError: (error: unknown) => void): void {
  setAttributeNote(recordId, attribute, note, onError);
}

/** The item's record seen, made when missing, for the drawer. */
export function itemRecord(item: SampleItemRowView, topic: string): Promise<string> {
  return recordOf(item, topic);
}
