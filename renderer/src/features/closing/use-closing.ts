import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClosingView } from '../../../../shared/contract/closing-views.ts';
import { invoke } from '../../contract/client.ts';
import { useSaveStore } from '../../state/save-store.ts';

/**
 * The closing view of the open engagement (closing:view, one round trip): the closing meetings, the
 * findings with their acknowledgements, the recommendation suggested and stored, the audit
 * statements. Reloaded after each acknowledgement or choice; typed text is kept by the cards.
 */
export function useClosing(handle: string) {
  const [view, setView] = useState<ClosingView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const next = await invoke('closing:view', { engagementHandle: handle });
      if (ticket === latest.current) setView(next);
    } catch (failure) {
      if (ticket === latest.current) setError(failure);
    }
  }, [handle]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { view, error, setError, reload };
}

export type Closing = ReturnType<typeof useClosing>;

type Patch = Record<string, string | number | null>;

/** audit_statement rows being created, by engagement and item: edits typed meanwhile wait for the id. */
const creating = new Map<string, Promise<string>>();

/**
 * Writes an edit of an audit statement: the row (natural key: the item) is created by its first
 * edit — looking writes nothing — then edits go with the autosave. Resolves the row's id.
 */
export async function saveStatement(handle: string, item: string, id: string | null, patch: Patch): Promise<string> {
  if (id) {
    useSaveStore.getState().queueRow(handle, 'audit_statement', id, patch);
    return id;
  }
  const key = `${handle}\u0000${item}`;
  const inFlight = creating.get(key);
  if (inFlight) {
    const created = await inFlight;
    useSaveStore.getState().queueRow(handle, 'audit_statement', created, patch);
    return created;
  }
  const created = (async () => {
    await useSaveStore.getState().flush();
    const row = await invoke('rows:create', { engagementHandle: handle, table: 'audit_statement', values: { item, ...patch } });
    return String(row.id);
  })();
  creating.set(key, created);
  try {
    return await created;
  } finally {
    creating.delete(key);
  }
}

/** Writes a statement at once (a choice, not typing): pending edits first, then this one. */
export async function writeStatementNow(handle: string, item: string, id: string | null, patch: Patch): Promise<string> {
  const saved = await saveStatement(handle, item, id, patch);
  await useSaveStore.getState().flush();
  return saved;
}
