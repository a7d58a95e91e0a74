import type { FieldworkRecordsView } from '../../../shared/contract/fieldwork-views.ts';
import { listIndex } from './list-index.ts';

type RecordSeen = FieldworkRecordsView['record_seen'][number];
type RecordAttribute = FieldworkRecordsView['record_attribute'][number];

/**
 * Lookups over the fieldwork store's records seen and their attributes, followed from version to
 * version (`list-index.ts`): the sample grid reads each visible row's cells and a typed result reads
 * the record's attributes without scanning tens of thousands of rows per keystroke.
 */
const seenIndex = listIndex<RecordSeen, Map<string, RecordSeen>>({
  create: () => new Map(),
  add: (index, row) => void index.set(row.id, row),
  remove: (index, row) => {
    if (index.get(row.id) === row) index.delete(row.id);
  },
});

const attributeIndex = listIndex<RecordAttribute, Map<string, Map<string, RecordAttribute>>>({
  create: () => new Map(),
  add: (index, row) => {
    let byAttribute = index.get(row.record_id);
    if (!byAttribute) index.set(row.record_id, (byAttribute = new Map()));
    byAttribute.set(row.attribute, row);
  },
  remove: (index, row) => {
    const byAttribute = index.get(row.record_id);
    if (byAttribute?.get(row.attribute) !== row) return;
    byAttribute.delete(row.attribute);
    if (byAttribute.size === 0) index.delete(row.record_id);
  },
});

/** Record seen id → its row. */
export const recordsById = (records: FieldworkRecordsView): ReadonlyMap<string, RecordSeen> => seenIndex(records.record_seen);

/** Record seen id → attribute id → its row. */
export const attributesByRecord = (records: FieldworkRecordsView): ReadonlyMap<string, ReadonlyMap<string, RecordAttribute>> => attributeIndex(records.record_attribute);
