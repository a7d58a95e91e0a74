import { create } from 'zustand';
import type { SamplingStateView } from '../../../shared/contract/sampling-views.ts';
import { invoke } from '../contract/client.ts';
import { rowListActions, type RowListActions } from './row-list.ts';

/** The sampling tables the screens edit through the row path. */
export type SamplingTableName = 'sample' | 'sample_item' | 'sample_attribute';
type ListKey = 'samples' | 'items' | 'attributes';

const LIST_OF: Record<SamplingTableName, ListKey> = { sample: 'samples', sample_item: 'items', sample_attribute: 'attributes' };

interface SamplingStore extends RowListActions<SamplingTableName> {
  handle: string | null;
  state: SamplingStateView | null;
  error: unknown;
  /** Reads the populations, samples, items and attributes in one round trip (again when asked). */
  load(handle: string): Promise<void>;
  reload(): Promise<void>;
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

  ...rowListActions<SamplingStateView, SamplingTableName>({
    handle: () => get().handle,
    lists: () => get().state,
    setLists: (state) => set({ state }),
    listOf: (table) => LIST_OF[table],
  }),
}));
