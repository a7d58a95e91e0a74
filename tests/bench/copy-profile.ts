import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fsyncFile, sha256OfFile } from '../../electron/store/file-copy.ts';
import type { BenchFolder } from './bench-temp.ts';

/**
 * Where the time of "save a copy" goes: its phases (online backup, VACUUM of the copy, fsync,
 * SHA-256) done one after the other in this process, once, on the same file; and cp + fsync.
 * The large file must not be open in the service while this runs.
 */
export async function profileCopy(file: string, folder: BenchFolder): Promise<{ name: string; ms: number }[]> {
  const dir = folder.sub('copy-profile');
  const target = path.join(dir, 'copy.iso20k');
  const steps: { name: string; ms: number }[] = [];
  const step = async (name: string, work: () => unknown): Promise<void> => {
    const start = performance.now();
    await work();
    steps.push({ name, ms: performance.now() - start });
  };
  try {
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await step('copy: db.backup in one step (no slices)', () => source.backup(target));
    } finally {
      source.close();
    }
    await step('copy: VACUUM of the copy', () => {
      const copy = new Database(target, { fileMustExist: true });
      try {
        copy.pragma('journal_mode = DELETE');
        copy.pragma('synchronous = FULL');
        copy.pragma('secure_delete = ON');
        copy.exec('VACUUM');
      } finally {
        copy.close();
      }
    });
    await step('copy: fsync of the copy', () => fsyncFile(target));
    await step('copy: SHA-256 of the copy', () => sha256OfFile(target));
    fs.rmSync(target, { force: true });
    await step('floor: cp + fsync', () => {
      fs.copyFileSync(file, target);
      fsyncFile(target);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return steps;
}
