import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { StoreError } from '../../shared/store-errors.ts';
import type { JobContext } from '../jobs/job-context.ts';

// The durable-write primitives live in electron/platform/durable-write.ts (every file write uses them);
// re-exported here for the copy jobs that import them from the store.
export { fsyncFile, fsyncFolder, renameDurably, tempPathBeside } from '../platform/durable-write.ts';

/** Removes a temp copy and the -journal SQLite may have left beside it. */
export function removeQuietly(file: string): void {
  for (const candidate of [file, `${file}-journal`]) fs.rmSync(candidate, { force: true });
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Copies the open database page by page with SQLite's online backup, in steps sized to stay inside
 * a job slice, so edits made meanwhile by this connection are carried into the copy.
 */
export async function backupInSlices(db: Database.Database, target: string, context: JobContext, phase: string): Promise<void> {
  if (!fs.existsSync(path.dirname(target))) {
    throw new StoreError('IO_ERROR', `The folder ${path.dirname(target)} does not exist`, { path: target });
  }
  let pagesPerStep = 256;
  let stepStart = performance.now();
  let copiedBefore = 0;
  await db.backup(target, {
    progress: ({ totalPages, remainingPages }) => {
      context.progress(totalPages - remainingPages, totalPages, phase);
      context.throwIfCancelled();
      const copied = totalPages - remainingPages - copiedBefore;
      const elapsed = performance.now() - stepStart;
      if (copied > 0 && elapsed > 0) {
        // Aim for ~40 ms of copying per step (the rest of the slice is for queued edits); grow at
        // most 2x per step so one cold-cache step cannot overrun the 100 ms slice.
        const target = Math.round((copied / elapsed) * 40);
        pagesPerStep = Math.max(16, Math.min(pagesPerStep * 2, target, 65536));
      }
      copiedBefore = totalPages - remainingPages;
      stepStart = performance.now();
      return pagesPerStep;
    },
  });
  context.throwIfCancelled();
}
