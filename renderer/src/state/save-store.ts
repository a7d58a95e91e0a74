import { create } from 'zustand';
import type { EngagementFields } from '../../../shared/engagement.ts';
import type { Engagement } from '../../../shared/engagement.ts';
import { invoke } from '../contract/client.ts';
import { useAppStore } from './app-store.ts';

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

interface SaveStore {
  state: SaveState;
  error: unknown;
  lastSavedAt: number | null;
  pending: Partial<EngagementFields>;
  handle: string | null;
  queue(handle: string, patch: Partial<EngagementFields>): void;
  flush(): Promise<Engagement | null>;
  reset(): void;
}

/** DESIGN.md: every edit is committed on blur, or 500 ms after the last keystroke; no Save button. */
export const AUTOSAVE_DELAY_MS = 500;
let timer: ReturnType<typeof setTimeout> | null = null;
let inFlight: Promise<Engagement | null> | null = null;

export const useSaveStore = create<SaveStore>((set, get) => ({
  state: 'saved',
  error: null,
  lastSavedAt: null,
  pending: {},
  handle: null,

  queue(handle, patch) {
    set({ handle, pending: { ...get().pending, ...patch }, state: 'pending' });
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void get().flush(), AUTOSAVE_DELAY_MS);
  },

  async flush() {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (inFlight) await inFlight; // keep edits in order: one write at a time
    const { pending, handle } = get();
    if (!handle || !Object.keys(pending).length) return null;
    set({ pending: {}, state: 'saving' });
    inFlight = invoke('engagement:update', { engagementHandle: handle, patch: pending })
      .then((engagement) => {
        useAppStore.getState().updateCurrent({ engagement });
        set({ state: Object.keys(get().pending).length ? 'pending' : 'saved', error: null, lastSavedAt: Date.now() });
        return engagement;
      })
      .catch((error: unknown) => {
        // Keep the unsaved values so the next edit or blur retries them.
        set({ state: 'failed', error, pending: { ...pending, ...get().pending } });
        return null;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  },

  reset() {
    if (timer) clearTimeout(timer);
    set({ state: 'saved', error: null, pending: {}, handle: null, lastSavedAt: null });
  },
}));
