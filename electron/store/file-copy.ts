import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { StoreError } from '../../shared/store-errors.ts';
import type { JobContext } from '../jobs/job-context.ts';

/** A temp name in the destination folder, so the final rename is atomic (same file system). */
export function tempPathBeside(destination: string): string {
  return path.join(path.dirname(destination), `.${path.basename(destination)}.${randomBytes(6).toString('hex')}.part`);
}

export function removeQuietly(file: string): void {
  for (const candidate of [file, `${file}-journal`]) fs.rmSync(candidate, { force: true });
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable; Windows cannot open folders, and NTFS journals renames itself. */
export function fsyncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Atomic replace; retries EBUSY/EPERM, which Windows reports while a scanner holds the file. */
export async function renameDurably(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      fs.renameSync(from, to);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'EBUSY' || code === 'EPERM') && attempt < 10) {
        await sleep(50 * (attempt + 1));
        continue;
      }
      throw error;
    }
  }
  fsyncFolder(path.dirname(to));
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
