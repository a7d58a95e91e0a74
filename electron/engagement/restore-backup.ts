import fs from 'node:fs';
import { newRowId } from '../../shared/ids.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { runOneShotWorker } from '../jobs/one-shot-worker.ts';
import type { CopyResult } from '../store/engagement-context.ts';
import { fsyncFile, removeQuietly, renameDurably, sha256OfFile, tempPathBeside } from '../store/file-copy.ts';

/**
 * Restores a backup as a new file at `target` (the caller made sure it is not open). The restored
 * file gets a new file instance id: edits made in it are a new replica, so they can never collide
 * in a merge with entries that already left the original.
 */
export async function restoreBackupInto(backupPath: string, target: string, vacuumWorker: string): Promise<CopyResult> {
  const temp = tempPathBeside(target);
  try {
    fs.copyFileSync(backupPath, temp);
    await runOneShotWorker(vacuumWorker, { path: temp, newFileInstanceId: newRowId() }, 'Compacting the restored copy failed');
    fsyncFile(temp);
    const sha256 = await sha256OfFile(temp);
    await renameDurably(temp, target);
    return { path: target, sha256, size: fs.statSync(target).size };
  } catch (error) {
    removeQuietly(temp);
    throw error instanceof StoreError
      ? error
      : new StoreError('IO_ERROR', `The backup could not be restored: ${(error as Error).message}`, { path: target });
  }
}
