import type { TFunction } from 'i18next';
import { showUndo } from '../components/undo.tsx';
import { invoke } from '../contract/client.ts';
import { useSaveStore } from './save-store.ts';

/** What a row editor does after a change to its list, and with a failure. */
interface RowListCallbacks {
  readonly reload: () => void;
  readonly onError: (error: unknown) => void;
}

/**
 * Adds a row to a row-edited table: pending edits are saved first (the new row comes after them
 * in the change log), then the list reloads. Resolves true when the row was added.
 */
export async function addRow(handle: string, table: string, values: Record<string, unknown>, { reload, onError }: RowListCallbacks): Promise<boolean> {
  try {
    await useSaveStore.getState().flush();
    await invoke('rows:create', { engagementHandle: handle, table, values } as never);
    reload();
    return true;
  } catch (failure) {
    onError(failure);
    return false;
  }
}

/**
 * The one delete of every row editor: pending edits saved first, the row tombstoned, the list
 * reloaded, and the undo toast that restores it (the row stays in the file either way).
 */
export async function deleteRowWithUndo(
  handle: string,
  table: string,
  id: string,
  message: string,
  t: TFunction,
  { reload, onError }: RowListCallbacks,
): Promise<void> {
  try {
    await useSaveStore.getState().flush();
    await invoke('rows:delete', { engagementHandle: handle, table, id });
    reload();
    showUndo(t, message, async () => {
      await invoke('rows:restore', { engagementHandle: handle, table, id }).then(reload, onError);
    });
  } catch (failure) {
    onError(failure);
  }
}
