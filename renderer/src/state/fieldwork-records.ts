import { create } from 'zustand';
import type { FieldworkRecordsView } from '../../../shared/contract/fieldwork-views.ts';
import { invoke } from '../contract/client.ts';
import { useSaveStore } from './save-store.ts';

export type RecordTableName = keyof FieldworkRecordsView;
type Row = Record<string, unknown> & { id: string };

interface FieldworkRecordsStore {
  handle: string | null;
  records: FieldworkRecordsView | null;
  error: unknown;
  /** Reads every fieldwork record table of the engagement in one round trip (again when asked). */
  load(handle: string): Promise<void>;
  reload(): Promise<void>;
  /**
   * Adds a row (pending edits saved first, so it follows them in the change log) and shows it at
   * once; resolves the row's id. Tables with a natural key return the existing row's id when it
   * is already there (the store revives it).
   */
  create(table: RecordTableName, values: Record<string, unknown>): Promise<string>;
  /** Shows an edit at once and queues it with the autosave (500 ms after the last keystroke, or on blur). */
  edit(table: RecordTableName, id: string, patch: Record<string, string | number | null>): void;
  /** Tombstones a row (the caller offers undo through `restore`). */
  remove(table: RecordTableName, id: string): Promise<void>;
  restore(table: RecordTableName, id: string): Promise<void>;
}

const withRow = (records: FieldworkRecordsView, table: RecordTableName, row: Row): FieldworkRecordsView => {
  const list = records[table] as unknown as Row[];
  const index = list.findIndex((existing) => existing.id === row.id);
  const next = index === -1 ? [...list, row] : list.map((existing, i) => (i === index ? { ...existing, ...row } : existing));
  return { ...records, [table]: next };
};

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

  async create(table, values) {
    const handle = get().handle;
    if (!handle) throw new Error('No engagement is open');
    await useSaveStore.getState().flush();
    const row = (await invoke('rows:create', { engagementHandle: handle, table, values } as never)) as Row;
    const records = get().records;
    if (records && get().handle === handle) set({ records: withRow(records, table, row) });
    return row.id;
  },

  edit(table, id, patch) {
    const { handle, records } = get();
    if (!handle) return;
    if (records) set({ records: withRow(records, table, { id, ...patch }) });
    useSaveStore.getState().queueRow(handle, table, id, patch);
  },

  async remove(table, id) {
    const { handle } = get();
    if (!handle) return;
    await useSaveStore.getState().flush();
    await invoke('rows:delete', { engagementHandle: handle, table, id });
    const records = get().records;
    if (records) set({ records: { ...records, [table]: (records[table] as unknown as Row[]).filter((row) => row.id !== id) } });
  },

  async restore(table, id) {
    const { handle } = get();
    if (!handle) return;
    const row = (await invoke('rows:restore', { engagementHandle: handle, table, id })) as Row;
    const records = get().records;
    if (records) set({ records: withRow(records, table, row) });
  },
}));
