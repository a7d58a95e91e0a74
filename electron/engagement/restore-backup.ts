import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { newRowId } from '../../shared/ids.ts';
import { StoreError } from '../../shared/store-errors.ts';
import type { CopyResult } from '../store/engagement-context.ts';
import { fsyncFile, removeQuietly, renameDurably, sha256OfFile, tempPathBeside } from '../store/file-copy.ts';

/** Compacts a file and gives it a new file instance id, in the vacuum worker. */
function vacuum(vacuumWorker: string, file: string, newFileInstanceId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(vacuumWorker, { workerData: { path: file, newFileInstanceId } });
    worker.once('message', (message: { ok: boolean; message?: string }) =>
      message.ok ? resolve() : reject(new StoreError('IO_ERROR', message.message ?? 'compaction failed')),
    );
    worker.once('error', reject);
  });
}

/**
 * Restores a backup as a new file at `target` (the caller made sure it is not open). The restored
 * file gets a new file instance id: edits made in it are a new replica, so they can never collide
 * in a merge with entries that already left the original.
 */
export async function restoreBackupInto(backupPath: string, target: string, vacuumWorker: string): Promise<CopyResult> {
  const temp = tempPathBeside(target);
  try {
    fs.copyFileSync(backupPath, temp);
    await vacuum(vacuumWorker, temp, newRowId());
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
