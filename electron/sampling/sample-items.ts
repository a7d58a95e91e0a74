import { naturalRowId } from '../../shared/ids.ts';
import type { ItemSelection } from '../../shared/sampling/sampling-kinds.ts';
import type { EngagementStore } from '../store/engagement-store.ts';

/** A drawn or picked record about to become an item of a sample. */
export interface NewItem {
  readonly rowNo: number;
  readonly recordRef: string;
  readonly selection: ItemSelection;
  readonly stratum: string;
  readonly reason: string;
}

/** Items written per transaction: a sample of 10,000 is written in slices, so edits keep flowing. */
export const ITEMS_PER_SLICE = 250;

/**
 * Writes items of a sample from `firstSeq` on, each with the record seen that will hold its test
 * results (the population's process, the record id; filed under the sample's records-seen query
 * unless already seen on screen under another one): sampled records join audit trails and findings
 * like records seen on screen. One transaction per call.
 */
export function writeItems(store: EngagementStore, sample: { id: string; topic: string; queryId: string | null }, items: readonly NewItem[], firstSeq: number): void {
  const engagement_id = store.engagementId;
  store.db.transaction(() => {
    items.forEach((item, i) => {
      const seenId = naturalRowId(engagement_id, 'record_seen', [sample.topic, item.recordRef]);
      const seen = store.db.prepare('SELECT deleted FROM record_seen WHERE id = ?').get(seenId) as { deleted: number } | undefined;
      const recordId =
        seen && seen.deleted === 0
          ? seenId
          : store.createRow('record_seen', { engagement_id, topic: sample.topic, record_ref: item.recordRef, query_id: sample.queryId });
      store.createRow('sample_item', {
        engagement_id,
        sample_id: sample.id,
        row_no: item.rowNo,
        record_ref: item.recordRef,
        draw_seq: firstSeq + i,
        selection: item.selection,
        stratum: item.stratum,
        reason: item.reason,
        record_id: recordId,
      });
    });
  })();
}
