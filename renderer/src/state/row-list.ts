import { invoke } from '../contract/client.ts';
import { useSaveStore } from './save-store.ts';

type Row = Record<string, unknown> & { id: string };

/** The lists a store keeps (one per table) and how its store reads and replaces them. */
export interface RowLists<Lists extends object, Table extends string> {
  handle(): string | null;
  lists(): Lists | null;
  setLists(lists: Lists): void;
  /** The key of a table's list in `Lists`. */
  listOf(table: Table): keyof Lists;
}

export interface RowListActions<Table extends string> {
  /** Adds a row (pending edits saved first, so it follows them in the change log) and shows it at once; resolves its id (a natural key revives an existing row). */
  create(table: Table, values: Record<string, unknown>): Promise<string>;
  /** Shows an edit at once and queues it with the autosave (500 ms after the last keystroke, or on blur). */
  edit(table: Table, id: string, patch: Record<string, string | number | null>): void;
  /** Tombstones a row (the caller offers undo through `restore`). */
  remove(table: Table, id: string): Promise<void>;
  restore(table: Table, id: string): Promise<void>;
}

/**
 * The row path for a store holding rows of several tables in memory (the fieldwork records, the
 * sampling tables): creates and deletes go at once, field edits through the autosave, and the list
 * shows each change as soon as it is made.
 */
export function rowListActions<Lists extends object, Table extends string>(access: RowLists<Lists, Table>): RowListActions<Table> {
  const withRow = (lists: Lists, table: Table, row: Row): Lists => {
    const key = access.listOf(table);
    const list = lists[key] as unknown as Row[];
    const index = list.findIndex((existing) => existing.id === row.id);
    const next = index === -1 ? [...list, row] : list.map((existing, i) => (i === index ? { ...existing, ...row } : existing));
    return { ...lists, [key]: next };
  };
  const show = (handle: string, table: Table, row: Row): void => {
    const lists = access.lists();
    if (lists && access.handle() === handle) access.setLists(withRow(lists, table, row));
  };
  return {
    async create(table, values) {
      const handle = access.handle();
      if (!handle) throw new Error('No engagement is open');
      await useSaveStore.getState().flush();
      const row = (await invoke('rows:create', { engagementHandle: handle, table, values } as never)) as Row;
      show(handle, table, row);
      return row.id;
    },
    edit(table, id, patch) {
      const handle = access.handle();
      if (!handle) return;
      const lists = access.lists();
      if (lists) access.setLists(withRow(lists, table, { id, ...patch }));
      useSaveStore.getState().queueRow(handle, table, id, patch);
    },
    async remove(table, id) {
      const handle = access.handle();
      if (!handle) return;
      await useSaveStore.getState().flush();
      await invoke('rows:delete', { engagementHandle: handle, table, id });
      const lists = access.lists();
      const key = access.listOf(table);
      if (lists) access.setLists({ ...lists, [key]: (lists[key] as unknown as Row[]).filter((row) => row.id !== id) });
    },
    async restore(table, id) {
      const handle = access.handle();
      if (!handle) return;
      const row = (await invoke('rows:restore', { engagementHandle: handle, table, id })) as Row;
      const lists = access.lists();
      if (lists) access.setLists(withRow(lists, table, row));
    },
  };
}
