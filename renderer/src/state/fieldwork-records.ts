import { create } from 'zustand';
import type { FieldworkRecordsView } from '../../../shared/contract/fieldwork-views.ts';
import { invoke } from '../contract/client.ts';
import { rowListActions, type RowListActions } from './row-list.ts';

export type RecordTableName = keyof FieldworkRecordsView;
interface FieldworkRecordsStore extends RowListActions<RecordTableName> {
  handle: string | null;
  records: FieldworkRecordsView | null;
  error: unknown;
  /** Reads every fieldwork record table of the engagement in one round trip (again when asked). */
  load(handle: string): Promise<void>;
  reload(): Promise<void>;
}

/**
 * The fieldwork records of the open engagement, shared by the notebook, the records seen, the
 * evidence list, the conclusions and the plan as it ran: one copy in memory, edits shown at once
 * and written through the row path (creates and deletes at once, field edits with the autosave).
 */
export const useFieldworkRecords = create<FieldworkRecordsStore>((set, get) => ({
  handle: null,
  records: null,
  error: null,

  async load(handle) {
    if (get().handle !== handle) set({ handle, records: null, error: null });
    try {
      const records = await invoke('fieldwork:records', { engagementHandle: handle });
      if (get().handle === handle) set({ records, error: null });
    } catch (error) {
      if (get().handle === handle) set({ error });
    }
  },

  async reload() {
    const { handle } = get();
    if (handle) await get().load(handle);
  },

  ...rowListActions<FieldworkRecordsView, RecordTableName>({
    handle: () => get().handle,
    lists: () => get().records,
    setLists: (records) => set({ records }),
    listOf: (table) => table,
  }),
}));
