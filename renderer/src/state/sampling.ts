import { create } from 'zustand';
import type { SamplingStateView } from '../../../shared/contract/sampling-views.ts';
import { invoke } from '../contract/client.ts';
import { useSaveStore } from './save-store.ts';

/** The sampling tables the screens edit through the row path. */
export type SamplingTableName = 'sample' | 'sample_item' | 'sample_attribute';
type ListKey = 'samples' | 'items' | 'attributes';
type Row = Record<string, unknown> & { id: string };

const LIST_OF: Record<SamplingTableName, ListKey> = { sample: 'samples', sample_item: 'items', sample_attribute: 'attributes' };

const withRow = (state: SamplingStateView, table: SamplingTableName, row: Row): SamplingStateView => {
  const key = LIST_OF[table];
  const list = state[key] as unknown as Row[];
  const index = list.findIndex((existing) => existing.id === row.id);
  const next = index === -1 ? [...list, row] : list.map((existing, i) => (i === index ? { ...existing, ...row } : existing));
  return { ...state, [key]: next };
};

interface SamplingStore {
  handle: string | null;
  state: SamplingStateView | null;
  error: unknown;
  /** Reads the populations, samples, items and attributes in one round trip (again when asked). */
  load(handle: string): Promise<void>;
  reload(): Promise<void>;
  /** Adds a row and shows it at once; resolves its id (a natural key revives an existing row). */
  create(table: SamplingTableName, values: Record<string, unknown>): Promise<string>;
  /** Shows an edit at once and queues it with the autosave. */
  edit(table: SamplingTableName, id: string, patch: Record<string, string | number | null>): void;
  /** Tombstones a row (the caller offers undo through `restore`). */
  remove(table: SamplingTableName, id: string): Promise<void>;
  restore(table: SamplingTableName, id: string): Promise<void>;
}

/**
 * The open engagement's sampling (issue 20): populations (immutable), samples, their items and test
 * attributes. The test results are records seen and their attributes: `useFieldworkRecords`.
 */
export const useSampling = create<SamplingStore>((set, get) => ({
  handle: null,
  state: null,
  error: null,

  async load(handle) {
    if (get().handle !== handle) set({ handle, state: null, error: null });
    try {
      const state = await invoke('sampling:state', { engagementHandle: handle });
      if (get().handle === handle) set({ state, error: null });
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
    const state = get().state;
    if (state && get().handle === handle) set({ state: withRow(state, table, row) });
    return row.id;
  },

  edit(table, id, patch) {
    const { handle, state } = get();
    if (!handle) return;
    if (state) set({ state: withRow(state, table, { id, ...patch }) });
    useSaveStore.getState().queueRow(handle, table, id, patch);
  },

  async remove(table, id) {
    const { handle } = get();
    if (!handle) return;
    await useSaveStore.getState().flush();
    await invoke('rows:delete', { engagementHandle: handle, table, id });
    const state = get().state;
    const key = LIST_OF[table];
    if (state) set({ state: { ...state, [key]: (state[key] as unknown as Row[]).filter((row) => row.id !== id) } });
  },

  async restore(table, id) {
    const { handle } = get();
    if (!handle) return;
    const row = (await invoke('rows:restore', { engagementHandle: handle, table, id })) as Row;
    const state = get().state;
    if (state) set({ state: withRow(state, table, row) });
  },
}));
