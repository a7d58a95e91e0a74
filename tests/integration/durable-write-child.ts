/**
 * The child of durable-write-kill.test.ts, bundled with the real helper. Arguments:
 *   <destination> step <kill point> <generation>  writes one generation and SIGKILLs itself at the point;
 *   <destination> loop <first generation>          writes generation after generation until killed
 *                                                  (prints "ready" after the first one is in place).
 * The kill points are reached by wrapping the fs calls writeFileDurably makes, so the helper runs
 * unchanged: no test hook in production code.
 */
import fs from 'node:fs';
import { writeFileDurably } from '../../electron/platform/durable-write.ts';
import { READY_LINE, generationContent, type KillPoint } from './durable-write-plan.ts';

const [destination, mode, ...rest] = process.argv.slice(2);

function die(): never {
  process.kill(process.pid, 'SIGKILL'); // delivered to ourselves before kill() returns
  throw new Error('still alive after SIGKILL');
}

/** Wraps the fs function the kill point sits in, so the child dies exactly there. */
function armKillPoint(point: KillPoint): void {
  const real = { openSync: fs.openSync, writeSync: fs.writeSync, fsyncSync: fs.fsyncSync, renameSync: fs.renameSync };
  let fsyncs = 0;
  switch (point) {
    case 'temp-created':
      fs.openSync = ((file: fs.PathLike, ...more: never[]) => {
        const fd = (real.openSync as (...args: unknown[]) => number)(file, ...more);
        if (String(file).endsWith('.part')) die();
        return fd;
      }) as typeof fs.openSync;
      return;
    case 'mid-write':
      // Half the bytes reach the temp file, as when the process dies inside a long write.
      // Only the (fd, bytes, offset, length) form is wrapped: the one writeFileDurably calls.
      fs.writeSync = ((fd: number, buffer: Uint8Array, offset: number, length: number): number => {
        real.writeSync(fd, buffer, offset, Math.floor(length / 2));
        die();
      }) as unknown as typeof fs.writeSync;
      return;
    case 'before-file-fsync':
    case 'after-file-fsync':
    case 'after-folder-fsync':
      // The first fsync is the temp file's, the second the folder's (after the rename).
      fs.fsyncSync = (fd: number) => {
        fsyncs++;
        if (point === 'before-file-fsync') die();
        real.fsyncSync(fd);
        if ((point === 'after-file-fsync' && fsyncs === 1) || (point === 'after-folder-fsync' && fsyncs === 2)) die();
      };
      return;
    case 'after-rename':
      fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
        real.renameSync(from, to);
        die();
      };
      return;
  }
}

if (!destination) throw new Error('usage: durable-write-child <destination> step|loop ...');
if (mode === 'step') {
  armKillPoint(rest[0] as KillPoint);
  writeFileDurably(destination, generationContent(Number(rest[1])));
  throw new Error(`the write finished without reaching ${rest[0]}`);
} else if (mode === 'loop') {
  let generation = Number(rest[0]);
  writeFileDurably(destination, generationContent(generation++));
  process.stdout.write(`${READY_LINE}\n`);
  // One write per turn of the event loop, so the "ready" line is flushed while the writes go on.
  const next = (): void => {
    writeFileDurably(destination, generationContent(generation++));
    setImmediate(next);
  };
  next();
} else {
  throw new Error(`unknown mode ${mode}`);
}
