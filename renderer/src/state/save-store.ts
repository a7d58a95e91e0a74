import { create } from 'zustand';
import type { EngagementFields } from '../../../shared/engagement.ts';
import type { Engagement } from '../../../shared/engagement.ts';
import { invoke } from '../contract/client.ts';
import { useAppStore } from './app-store.ts';
import { afterComposition } from './composition.ts';

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

/** A row edited through the row path (rows:update), with the fields changed since the last save. */
interface RowPatch {
  readonly table: string;
  readonly id: string;
  readonly patch: Record<string, string | number | null>;
}

interface SaveStore {
  state: SaveState;
  error: unknown;
  lastSavedAt: number | null;
  pending: Partial<EngagementFields>;
  /** Row edits waiting to be saved, by table and id. */
  rows: Record<string, RowPatch>;
  handle: string | null;
  queue(handle: string, patch: Partial<EngagementFields>): void;
  /** Queues an edit of a row (a site, a team member): saved with the engagement's, in order. */
  queueRow(handle: string, table: string, id: string, patch: RowPatch['patch']): void;
  flush(): Promise<Engagement | null>;
  reset(): void;
}

/** DESIGN.md: every edit is committed on blur, or 500 ms after the last keystroke; no Save button. */
export const AUTOSAVE_DELAY_MS = 500;
let timer: ReturnType<typeof setTimeout> | null = null;
let inFlight: Promise<Engagement | null> | null = null;
/** Bumped by reset(): a commit still in flight for the engagement that closed must not touch the next one. */
let generation = 0;

export const useSaveStore = create<SaveStore>((set, get) => ({
  state: 'saved',
  error: null,
  lastSavedAt: null,
  pending: {},
  rows: {},
  handle: null,

  queue(handle, patch) {
    set({ handle, pending: { ...get().pending, ...patch }, state: 'pending' });
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => afterComposition(() => void get().flush()), AUTOSAVE_DELAY_MS);
  },

  queueRow(handle, table, id, patch) {
    const key = `${table}:${id}`;
    const before = get().rows[key];
    set({ handle, rows: { ...get().rows, [key]: { table, id, patch: { ...before?.patch, ...patch } } }, state: 'pending' });
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => afterComposition(() => void get().flush()), AUTOSAVE_DELAY_MS);
  },

  async flush() {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (inFlight) await inFlight; // keep edits in order: one write at a time
    const { pending, rows, handle } = get();
    if (!handle || (!Object.keys(pending).length && !Object.keys(rows).length)) return null;
    set({ pending: {}, rows: {}, state: 'saving' });
    const waiting = (): boolean => Object.keys(get().pending).length > 0 || Object.keys(get().rows).length > 0;
    let rowsLeft = { ...rows };
    let engagementDone = false;
    const started = generation;
    const stale = (): boolean => generation !== started;
    inFlight = (async () => {
      const engagement = Object.keys(pending).length ? await invoke('engagement:update', { engagementHandle: handle, patch: pending }) : null;
      engagementDone = true;
      if (engagement && !stale()) useAppStore.getState().updateCurrent({ engagement });
      for (const [key, row] of Object.entries(rows)) {
        await invoke('rows:update', { engagementHandle: handle, table: row.table, id: row.id, patch: row.patch });
        const { [key]: _saved, ...rest } = rowsLeft;
        rowsLeft = rest;
      }
      return engagement;
    })()
      .then((engagement) => {
        if (!stale()) set({ state: waiting() ? 'pending' : 'saved', error: null, lastSavedAt: Date.now() });
        return engagement;
      })
      .catch((error: unknown) => {
        // The engagement closed meanwhile: its handle is gone, nothing to retry it with (and the
        // values must not reach the next engagement's patch).
        if (stale()) return null;
        // Keep the unsaved values so the next edit or blur retries them (newer edits win).
        const merged = { ...rowsLeft };
        for (const [key, row] of Object.entries(get().rows)) merged[key] = { ...row, patch: { ...merged[key]?.patch, ...row.patch } };
        set({ state: 'failed', error, pending: { ...(engagementDone ? {} : pending), ...get().pending }, rows: merged });
        return null;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  },

  reset() {
    if (timer) clearTimeout(timer);
    timer = null;
    generation += 1;
    set({ state: 'saved', error: null, pending: {}, rows: {}, handle: null, lastSavedAt: null });
  },
}));
