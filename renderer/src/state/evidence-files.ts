import { create } from 'zustand';
import type { EvidenceFilesView, EvidenceFileView } from '../../../shared/contract/evidence-channels.ts';
import type { EVIDENCE_FILE_TABLE } from '../../../shared/tables/evidence-file-tables.ts';
import type { RowOf } from '../../../shared/tables/table.ts';
import { invoke } from '../contract/client.ts';
import { useSaveStore } from './save-store.ts';

export type EvidenceFileRow = RowOf<typeof EVIDENCE_FILE_TABLE>;
/** The fields of an attached file the auditor edits (the rest is fixed when it is attached). */
export type EvidenceFilePatch = Partial<Pick<EvidenceFileRow, 'captured_at' | 'capture_latitude' | 'capture_longitude' | 'photography_permitted_by' | 'caption'>>;

interface EvidenceFilesStore {
  handle: string | null;
  view: EvidenceFilesView | null;
  error: unknown;
  /**
   * "Photography permitted by" as last entered while the app runs: the next photo is prefilled with
   * it (one site visit, one representative who allowed photographs). Not stored in the engagement.
   */
  lastPermittedBy: string;
  load(handle: string): Promise<void>;
  reload(): Promise<void>;
  /** A file just attached (the commit's answer): shown at once, no reload. */
  added(file: EvidenceFileView): void;
  /** Shows an edit at once and queues it with the autosave (row path, like every row editor). */
  edit(id: string, patch: EvidenceFilePatch): void;
  /** Tombstones the file's row (the reference and the trail stay); the caller offers the undo. */
  remove(id: string): Promise<void>;
  restore(id: string): Promise<void>;
  rememberPermittedBy(name: string): void;
}

const withFile = (view: EvidenceFilesView, file: EvidenceFileView): EvidenceFilesView => {
  const index = view.files.findIndex((existing) => existing.row.id === file.row.id);
  return { ...view, files: index === -1 ? [...view.files, file] : view.files.map((existing, i) => (i === index ? file : existing)) };
};

/**
 * The files attached to the open engagement's evidence references (`evidence:files`: rows, whether
 * each one's bytes are in this copy, who holds them if not, the CB's photo policy and the limits).
 * Edits go through the generic row channels with the autosave, as the fieldwork records' do.
 */
export const useEvidenceFiles = create<EvidenceFilesStore>((set, get) => ({
  handle: null,
  view: null,
  error: null,
  lastPermittedBy: '',

  async load(handle) {
    if (get().handle !== handle) set({ handle, view: null, error: null });
    try {
      const view = await invoke('evidence:files', { engagementHandle: handle });
      if (get().handle === handle) set({ view, error: null });
    } catch (error) {
      if (get().handle === handle) set({ error });
    }
  },

  async reload() {
    const { handle } = get();
    if (handle) await get().load(handle);
  },

  added(file) {
    const view = get().view;
    if (view) set({ view: withFile(view, file) });
  },

  edit(id, patch) {
    const { handle, view } = get();
    if (!handle) return;
    if (view) {
      const existing = view.files.find((file) => file.row.id === id);
      if (existing) set({ view: withFile(view, { ...existing, row: { ...existing.row, ...patch } }) });
    }
    useSaveStore.getState().queueRow(handle, 'evidence_file', id, patch);
  },

  async remove(id) {
    const { handle } = get();
    if (!handle) return;
    await useSaveStore.getState().flush();
    await invoke('rows:delete', { engagementHandle: handle, table: 'evidence_file', id });
    const view = get().view;
    if (view && get().handle === handle) set({ view: { ...view, files: view.files.filter((file) => file.row.id !== id) } });
  },

  async restore(id) {
    const { handle } = get();
    if (!handle) return;
    await invoke('rows:restore', { engagementHandle: handle, table: 'evidence_file', id });
    // Whether its bytes are here and who holds them come with the list, not with the row.
    if (get().handle === handle) await get().load(handle);
  },

  rememberPermittedBy(name) {
    if (name.trim()) set({ lastPermittedBy: name.trim() });
  },
}));
