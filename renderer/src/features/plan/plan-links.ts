import { invoke } from '../../contract/client.ts';
import type { PlanLinkTable } from './plan-types.ts';

type LinkRow = { readonly id: string; readonly session_id: string } & Record<string, unknown>;

let queue: Promise<void> = Promise.resolve();

/**
 * Makes a session's links in one link table match `wanted` (values of `field`, plus `extra` fields
 * for a new link): missing links are created, unwanted ones tombstoned — every link of a value, as
 * two auditors may have added one each. Writes run one after another, reading the file's links
 * each time, so quick successive edits never miss a link still being written.
 */
export function setSessionLinks(
  handle: string,
  table: PlanLinkTable,
  sessionId: string,
  field: string,
  wanted: readonly string[],
  extra: (value: string) => Record<string, unknown> = () => ({}),
): Promise<void> {
  const run = async (): Promise<void> => {
    const rows = ((await invoke('rows:list', { engagementHandle: handle, table })) as unknown as LinkRow[]).filter((row) => row.session_id === sessionId);
    const have = new Set(rows.map((row) => String(row[field])));
    for (const value of wanted) {
      if (!have.has(value)) await invoke('rows:create', { engagementHandle: handle, table, values: { session_id: sessionId, [field]: value, ...extra(value) } } as never);
    }
    for (const row of rows) if (!wanted.includes(String(row[field]))) await invoke('rows:delete', { engagementHandle: handle, table, id: row.id });
  };
  const next = queue.then(run);
  queue = next.catch(() => undefined);
  return next;
}
