import { invoke } from '../../contract/client.ts';
import type { PlanLinkTable } from './plan-types.ts';

type LinkRow = { readonly id: string; readonly session_id: string } & Record<string, unknown>;

let queue: Promise<void> = Promise.resolve();

/**
 * Applies a change to a session's links in one link table: the values added get a link (plus
 * `extra` fields), the values removed lose every link they have (two auditors may have added one
 * each). A change, not a wanted list: a chooser still showing the last loaded links when the next
 * click comes must not remove what the previous click added. Writes run one after another, reading
 * the file's links each time, so quick successive edits never miss a link still being written.
 */
export function changeSessionLinks(
  handle: string,
  table: PlanLinkTable,
  sessionId: string,
  field: string,
  change: { readonly added: readonly string[]; readonly removed: readonly string[] },
  extra: (value: string) => Record<string, unknown> = () => ({}),
): Promise<void> {
  const run = async (): Promise<void> => {
    const rows = ((await invoke('rows:list', { engagementHandle: handle, table })) as unknown as LinkRow[]).filter((row) => row.session_id === sessionId);
    const have = new Set(rows.map((row) => String(row[field])));
    for (const value of change.added) {
      if (!have.has(value)) await invoke('rows:create', { engagementHandle: handle, table, values: { session_id: sessionId, [field]: value, ...extra(value) } } as never);
    }
    for (const row of rows) if (change.removed.includes(String(row[field]))) await invoke('rows:delete', { engagementHandle: handle, table, id: row.id });
  };
  const next = queue.then(run);
  queue = next.catch(() => undefined);
  return next;
}

/** What a chooser's new value adds to and removes from the value it showed. */
export function linkChange(shown: readonly string[], next: readonly string[]): { added: string[]; removed: string[] } {
  return { added: next.filter((value) => !shown.includes(value)), removed: shown.filter((value) => !next.includes(value)) };
}
