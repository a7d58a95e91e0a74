import type { TFunction } from 'i18next';
import { create } from 'zustand';
import type { DivergingOpinionView, FindingView, FindingsView, NumberedFindingsView, RaiseSource, RaisedFindingView } from '../../../shared/contract/finding-views.ts';
import { showUndo } from '../components/undo.tsx';
import { invoke } from '../contract/client.ts';
import { useAppStore } from './app-store.ts';
import { useSaveStore } from './save-store.ts';

/** The fields of a finding the editor changes through the row path (rows:update on `finding`). */
export type FindingField = 'grade' | 'grade_rationale' | 'requirement' | 'evidence' | 'not_fulfilled' | 'procedure' | 'process' | 'auditee_representative' | 'repeat_of';
const VIEW_FIELD = {
  grade: 'grade',
  grade_rationale: 'gradeRationale',
  requirement: 'requirement',
  evidence: 'evidence',
  not_fulfilled: 'notFulfilled',
  procedure: 'procedure',
  process: 'process',
  auditee_representative: 'auditeeRepresentative',
  repeat_of: 'repeatOf',
} as const satisfies Record<FindingField, keyof FindingView>;

export type OpinionField = 'auditee_view' | 'team_response' | 'status' | 'resolution';
const OPINION_FIELD = { auditee_view: 'auditeeView', team_response: 'teamResponse', status: 'status', resolution: 'resolution' } as const satisfies Record<OpinionField, keyof DivergingOpinionView>;

/** The tables of a finding's links, dismissals and opinions: created and deleted through the row path. */
export type FindingChildTable = 'finding_clause' | 'finding_site' | 'finding_service' | 'finding_evidence' | 'finding_dismissal' | 'diverging_opinion';

interface FindingsStore {
  handle: string | null;
  view: FindingsView | null;
  error: unknown;
  /** The finding open in the editor (kept when the list's filter hides it). */
  selectedId: string | null;
  load(handle: string): Promise<void>;
  reload(): Promise<void>;
  select(id: string | null): void;
  setError(error: unknown): void;
  /** Shows the edit at once and queues it with the autosave (500 ms after the last keystroke, or on blur). */
  edit(findingId: string, patch: Partial<Record<FindingField, string | null>>): void;
  editOpinion(findingId: string, opinionId: string, patch: Partial<Record<OpinionField, string>>): void;
  /** Adds a link, dismissal or opinion (pending edits saved first), then reads the findings again. */
  addRow(table: FindingChildTable, values: Record<string, unknown>): Promise<string | null>;
  removeRow(table: FindingChildTable, id: string): Promise<void>;
  /** Deletes a finding with the undo toast (rows:delete / rows:restore); the next one is selected. */
  removeFinding(findingId: string, message: string, t: TFunction, nextId: string | null): Promise<void>;
  /** The lead's numbering (all findings again with renumberAll). */
  number(renumberAll: boolean): Promise<NumberedFindingsView | null>;
}

const patchFinding = (view: FindingsView, id: string, change: (finding: FindingView) => FindingView): FindingsView => ({
  ...view,
  findings: view.findings.map((finding) => (finding.id === id ? change(finding) : finding)),
});

/**
 * The Findings tab's state: the findings view of the open engagement (findings:view, one round trip),
 * the finding selected, and every edit — fields through the autosave's row queue (shown at once),
 * links, dismissed warnings and diverging opinions through rows:create / rows:delete, then read again.
 */
export const useFindings = create<FindingsStore>((set, get) => ({
  handle: null,
  view: null,
  error: null,
  selectedId: null,

  async load(handle) {
    if (get().handle !== handle) set({ handle, view: null, error: null, selectedId: get().handle === null ? get().selectedId : null });
    try {
      const view = await invoke('findings:view', { engagementHandle: handle });
      if (get().handle === handle) set({ view, error: null });
    } catch (error) {
      if (get().handle === handle) set({ error });
    }
  },

  async reload() {
    const { handle } = get();
    if (handle) await get().load(handle);
  },

  select(id) {
    set({ selectedId: id });
  },

  setError(error) {
    set({ error });
  },

  edit(findingId, patch) {
    const { handle, view } = get();
    if (!handle) return;
    if (view) {
      set({
        view: patchFinding(view, findingId, (finding) => {
          const next: Record<string, unknown> = { ...finding };
          for (const [field, value] of Object.entries(patch)) next[VIEW_FIELD[field as FindingField]] = value;
          return next as unknown as FindingView;
        }),
      });
    }
    useSaveStore.getState().queueRow(handle, 'finding', findingId, patch);
  },

  editOpinion(findingId, opinionId, patch) {
    const { handle, view } = get();
    if (!handle) return;
    if (view) {
      set({
        view: patchFinding(view, findingId, (finding) => ({
          ...finding,
          opinions: finding.opinions.map((opinion) => {
            if (opinion.id !== opinionId) return opinion;
            const next: Record<string, unknown> = { ...opinion };
            for (const [field, value] of Object.entries(patch)) next[OPINION_FIELD[field as OpinionField]] = value;
            return next as unknown as DivergingOpinionView;
          }),
        })),
      });
    }
    useSaveStore.getState().queueRow(handle, 'diverging_opinion', opinionId, patch);
  },

  async addRow(table, values) {
    const { handle } = get();
    if (!handle) return null;
    try {
      await useSaveStore.getState().flush();
      const row = (await invoke('rows:create', { engagementHandle: handle, table, values } as never)) as { id: string };
      await get().reload();
      return row.id;
    } catch (error) {
      set({ error });
      return null;
    }
  },

  async removeRow(table, id) {
    const { handle } = get();
    if (!handle) return;
    try {
      await useSaveStore.getState().flush();
      await invoke('rows:delete', { engagementHandle: handle, table, id });
      await get().reload();
    } catch (error) {
      set({ error });
    }
  },

  async removeFinding(findingId, message, t, nextId) {
    const { handle } = get();
    if (!handle) return;
    try {
      await useSaveStore.getState().flush();
      await invoke('rows:delete', { engagementHandle: handle, table: 'finding', id: findingId });
      set({ selectedId: nextId });
      await get().reload();
      showUndo(t, message, async () => {
        try {
          await invoke('rows:restore', { engagementHandle: handle, table: 'finding', id: findingId });
          set({ selectedId: findingId });
          await get().reload();
        } catch (error) {
          set({ error });
        }
      });
    } catch (error) {
      set({ error });
    }
  },

  async number(renumberAll) {
    const { handle } = get();
    if (!handle) return null;
    try {
      await useSaveStore.getState().flush();
      const numbered = await invoke('findings:number', { engagementHandle: handle, renumberAll });
      await get().reload();
      return numbered;
    } catch (error) {
      set({ error });
      return null;
    }
  },
}));

/**
 * Raises a finding from an answer, a notebook entry, a record seen, or on its own (findings:raise:
 * one transaction with its links, filled in from the source), then shows it in the Findings section,
 * selected in the editor. Rejects with the contract's failure (the caller shows it where it was raised).
 */
export async function raiseFinding(handle: string, source: RaiseSource, grade?: string): Promise<RaisedFindingView> {
  await useSaveStore.getState().flush();
  const raised = await invoke('findings:raise', grade === undefined ? { engagementHandle: handle, source } : { engagementHandle: handle, source, grade });
  useFindings.setState({ selectedId: raised.findingId });
  const app = useAppStore.getState();
  if (app.section !== 'findings') app.setSection('findings');
  if (useFindings.getState().handle === handle) await useFindings.getState().reload();
  else await useFindings.getState().load(handle);
  // Loading another engagement's findings clears the selection: the new finding is selected again.
  useFindings.setState({ selectedId: raised.findingId });
  return raised;
}
