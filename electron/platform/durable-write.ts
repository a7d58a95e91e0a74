import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/*
 * Every file the app writes whole goes through here, so that a crash, a kill or a full disk leaves
 * the old file or the new one at the destination, never a mix: the bytes go into a temp file in the
 * destination's folder (same file system, so the rename is atomic), are fsynced, renamed over the
 * destination (retried while Windows holds the file), and the folder is fsynced so the rename itself
 * survives a power cut. A failure removes the temp file; one left by a killed writer is swept by the
 * next write of the same destination (see sweepStaleParts).
 */

/** Waits between rename attempts: a Windows scanner or indexer can hold a fresh file for a second or two. */
const RENAME_BACKOFF_MS: readonly number[] = [50, 100, 200, 400, 800, 1000];

/**
 * `.<name>.<pid>.<random>.part` beside the destination: hidden, ignored by every folder listing that
 * looks for our extensions, and naming its writer's process so a sweep can tell a dead writer's
 * leftover from a write still in progress.
 */
export function tempPathBeside(destination: string): string {
  const name = `.${path.basename(destination)}.${process.pid}.${randomBytes(6).toString('hex')}.part`;
  return path.join(path.dirname(destination), name);
}

// The copy jobs make their temp file a SQLite database, so a `-journal` may lie beside it.
const PART_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.part(?:-journal)?$/;

/**
 * Removes temp files left in `folder` by writers that no longer run (only those for `baseName` when
 * given). A temp file of a live process is kept: it may be mid-write — this process's worker threads
 * included. Best effort: a leftover that cannot be removed now is tried again next time.
 */
export function sweepStaleParts(folder: string, baseName?: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return; // no folder, nothing left behind
  }
  for (const name of names) {
    const match = PART_NAME.exec(name);
    if (!match || (baseName !== undefined && match[1] !== baseName) || processIsAlive(Number(match[2]))) continue;
    try {
      fs.rmSync(path.join(folder, name), { force: true });
    } catch {
      // held open by a scanner on Windows: the next sweep gets it
    }
  }
}

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists (Windows too)
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, but is another user's
  }
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

/**
 * On Windows a scanner, indexer or backup agent holding either file makes rename fail with EBUSY,
 * EPERM or EACCES for a moment. Elsewhere EPERM/EACCES are real refusals, and retrying them would only
 * delay the error.
 */
export function isTransientRenameError(code: string | undefined, platform: NodeJS.Platform = process.platform): boolean {
  return code === 'EBUSY' || (platform === 'win32' && (code === 'EPERM' || code === 'EACCES'));
}

/** One rename attempt: undefined once done, else how long to wait before the next one. */
function tryRename(from: string, to: string, attempt: number): number | undefined {
  try {
    fs.renameSync(from, to);
    return undefined;
  } catch (error) {
    const wait = RENAME_BACKOFF_MS[attempt];
    if (wait === undefined || !isTransientRenameError((error as NodeJS.ErrnoException).code)) throw error;
    return wait;
  }
}

/** Atomic replace, then the folder fsynced; waits between retries without blocking the thread. */
export async function renameDurably(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const wait = tryRename(from, to, attempt);
    if (wait === undefined) break;
    await sleep(wait);
  }
  fsyncFolder(path.dirname(to));
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

function renameDurablySync(from: string, to: string): void {
  for (let attempt = 0; ; attempt++) {
    const wait = tryRename(from, to, attempt);
    if (wait === undefined) break;
    Atomics.wait(sleepCell, 0, 0, wait); // a synchronous sleep, reached only while a file is held
  }
  fsyncFolder(path.dirname(to));
}

/**
 * The whole sequence, for writers that must produce the file themselves (SQLite's `VACUUM INTO`):
 * `fill(temp)` creates the temp file; it is then fsynced and renamed over `destination`.
 */
export function writeThroughTemp(destination: string, fill: (temp: string) => void): void {
  sweepStaleParts(path.dirname(destination), path.basename(destination));
  const temp = tempPathBeside(destination);
  try {
    fill(temp);
    fsyncFile(temp);
    renameDurablySync(temp, destination);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Writes `data` (a string as UTF-8) as the whole new content of `destination`. The folder must exist. */
export function writeFileDurably(destination: string, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  writeThroughTemp(destination, (temp) => {
    const fd = fs.openSync(temp, 'wx');
    try {
      for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    } finally {
      fs.closeSync(fd);
    }
  });
}

/** Copies `source` to `destination` with the same guarantee as writeFileDurably. */
export function copyFileDurably(source: string, destination: string): void {
  writeThroughTemp(destination, (temp) => fs.copyFileSync(source, temp, fs.constants.COPYFILE_EXCL));
}
