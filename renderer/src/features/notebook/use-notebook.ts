import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import type { ChannelInput } from '../../../../shared/contract/channels.ts';
import type { TypingMemberView } from '../../../../shared/contract/fieldwork-channels.ts';
import type { AdHocSessionView } from '../../../../shared/contract/notebook-channels.ts';
import type { PlanLoadView } from '../../../../shared/contract/plan-views.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { engagementPack } from '../../state/engagement-pack.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { withWritten } from './notebook-logic.ts';

export interface EntryWrite {
  readonly entryId?: string;
  readonly sessionId: string;
  readonly body: string;
  readonly topic: string;
}

/** An entry typed and sent, not yet in the file: shown at once, in order, until its write returns. */
export interface PendingEntry {
  readonly key: string;
  readonly sessionId: string;
  readonly body: string;
  readonly topic: string;
}

/**
 * The notebook's data: the plan (sessions, topics, auditees, sites, team), the pack, who is typing,
 * and the fieldwork records (shared store). Entries are written one after another through
 * `notebook:write`, each with the structure its marks make; what the worker returns joins the records
 * at once, so the chips, the interviewees and the counts follow without a reload.
 */
export function useNotebook() {
  const current = useAppStore((s) => s.current)!;
  const handle = current.handle;
  const packId = current.engagement?.checklist_pack_id ?? null;
  const loadRecords = useFieldworkRecords((s) => s.load);
  const records = useFieldworkRecords((s) => (s.handle === handle ? s.records : null));
  const recordsError = useFieldworkRecords((s) => (s.handle === handle ? s.error : null));
  const [plan, setPlan] = useState<PlanLoadView | null>(null);
  const [pack, setPack] = useState<ChecklistPack | null | undefined>(undefined);
  const [typing, setTyping] = useState<TypingMemberView | null>(null);
  const [pending, setPending] = useState<PendingEntry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const loadPlan = useCallback(() => invoke('plan:load', { engagementHandle: handle }).then(setPlan, setError), [handle]);
  useEffect(() => {
    void loadPlan();
    void loadRecords(handle);
    invoke('fieldwork:state', { engagementHandle: handle }).then((state) => setTyping(state.typing), setError);
  }, [handle, loadPlan, loadRecords]);
  useEffect(() => {
    engagementPack(handle, packId).then(setPack, setError);
  }, [handle, packId]);

  const linkMe = async (memberId: string) => {
    try {
      setTyping(await invoke('fieldwork:linkMe', { engagementHandle: handle, memberId }));
    } catch (failure) {
      setError(failure);
    }
  };

  /** Saves an entry (and its structure) behind the screen; a failure is shown and hands the text back. */
  const write = (entry: EntryWrite, onFailure?: (body: string) => void): Promise<void> => {
    const key = `pending-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    if (entry.entryId === undefined) setPending((list) => [...list, { key, sessionId: entry.sessionId, body: entry.body, topic: entry.topic }]);
    const run = queue.current.then(async () => {
      try {
        await useSaveStore.getState().flush();
        const written = await invoke('notebook:write', { engagementHandle: handle, ...entry });
        useFieldworkRecords.setState((state) => (state.handle === handle && state.records ? { records: withWritten(state.records, written) } : {}));
      } catch (failure) {
        setError(failure);
        onFailure?.(entry.body);
      } finally {
        setPending((list) => list.filter((item) => item.key !== key));
      }
    });
    queue.current = run;
    return run;
  };

  const addSession = async (input: Omit<ChannelInput<'notebook:addSession'>, 'engagementHandle'>): Promise<AdHocSessionView | null> => {
    try {
      const added = await invoke('notebook:addSession', { engagementHandle: handle, ...input });
      await Promise.all([loadPlan(), loadRecords(handle)]);
      return added;
    } catch (failure) {
      setError(failure);
      return null;
    }
  };

  return {
    handle,
    readOnly: current.readOnly,
    engagement: current.engagement!,
    plan,
    pack,
    records,
    typing,
    pending,
    error: error ?? recordsError,
    setError,
    linkMe,
    write,
    addSession,
  };
}

export type Notebook = ReturnType<typeof useNotebook>;
