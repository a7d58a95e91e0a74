import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeFileDurably } from '../../electron/platform/durable-write.ts';
import { bundleChildScript } from '../helpers/child-script.ts';
import { mulberry32 } from '../helpers/prng.ts';
import { tempDir } from '../helpers/temp.ts';
import { KILL_POINTS, READY_LINE, RENAMED_FROM, generationContent, wholeGeneration } from './durable-write-plan.ts';

/**
 * Issue 11, one durable write: a process killed at any moment while writeFileDurably replaces a file
 * leaves the old content or the new one, complete, at the destination — and at most its own temp
 * file beside it, which the next write of that destination removes. First at each named step of the
 * write (deterministic), then at random moments of a child writing in a loop (seeded).
 */

const NAME = 'state.json';
const RANDOM_ROUNDS = 24;
const MAX_KILL_DELAY_MS = 40;

let bundleDir: string;
let childScript: string;
const running = new Set<ChildProcess>();

// Bundled like crash-child.ts (no TypeScript loader in the child): each round starts in a few dozen ms.
beforeAll(async () => {
  bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-durable-child-'));
  childScript = await bundleChildScript(path.join(import.meta.dirname, 'durable-write-child.ts'), bundleDir);
});
afterAll(() => fs.rmSync(bundleDir, { recursive: true, force: true }));

// A failed assertion must not leave a child writing.
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

interface Child {
  readonly pid: number;
  stdout(): string;
  readonly ended: Promise<{ signal: NodeJS.Signals | null; stderr: string }>;
}

function startChild(args: readonly string[]): Child {
  const child = spawn(process.execPath, [childScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const ended = new Promise<{ signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once('close', (_code, signal) => {
      running.delete(child);
      resolve({ signal, stderr });
    }),
  );
  return { pid: child.pid!, stdout: () => stdout, ended };
}

/** The temp files beside the destination, with the pid each names. */
function leftovers(dir: string): { name: string; pid: number }[] {
  const names = fs.readdirSync(dir).filter((name) => name !== NAME);
  return names.map((name) => {
    const match = /^\.state\.json\.(\d+)\.[0-9a-f]{12}\.part$/.exec(name);
    expect(match, `an unexpected file beside the destination: ${name}`).not.toBeNull();
    return { name, pid: Number(match![1]) };
  });
}

function generationAt(file: string): number | null {
  return wholeGeneration(fs.readFileSync(file, 'utf8'));
}

describe('writeFileDurably killed mid-write: the old content or the new one, never a mix', () => {
  it.each(KILL_POINTS.map((point, index) => [point, index] as const))('SIGKILL at %s', async (point, index) => {
    const dir = tempDir('aw-durable-');
    const destination = path.join(dir, NAME);
    writeFileDurably(destination, generationContent(1));

    const child = startChild([destination, 'step', point, '2']);
    const { signal, stderr } = await child.ended;
    expect(signal, `the child should have died at ${point}: ${stderr}`).toBe('SIGKILL');

    const renamed = index >= KILL_POINTS.indexOf(RENAMED_FROM);
    expect(generationAt(destination)).toBe(renamed ? 2 : 1);
    // Before the rename the killed writer's temp file is still there, naming it; after, nothing is.
    expect(leftovers(dir).map((part) => part.pid)).toEqual(renamed ? [] : [child.pid]);

    // The next write of the destination sweeps the dead writer's temp file.
    writeFileDurably(destination, generationContent(3));
    expect(generationAt(destination)).toBe(3);
    expect(fs.readdirSync(dir)).toEqual([NAME]);
  });

  it(`holds across ${RANDOM_ROUNDS} kills at random moments of a writing loop`, { timeout: 20_000 }, async () => {
    const seed = process.env.DURABLE_SEED ? Number(process.env.DURABLE_SEED) : Math.floor(Math.random() * 2 ** 31);
    console.log(`[durable-write-kill] seed=${seed} (rerun the same kill delays with DURABLE_SEED=${seed})`);
    const random = mulberry32(seed);
    const dir = tempDir('aw-durable-');
    const destination = path.join(dir, NAME);
    writeFileDurably(destination, generationContent(0));

    let last = 0;
    let roundsWithLeftover = 0;
    for (let round = 0; round < RANDOM_ROUNDS; round++) {
      const delayMs = Math.floor(random() * MAX_KILL_DELAY_MS);
      const context = `round ${round}, seed ${seed}, kill after ${delayMs} ms`;
      const child = startChild([destination, 'loop', String(last + 1)]);
      const deadline = performance.now() + 10_000;
      while (!child.stdout().includes(`${READY_LINE}\n`)) {
        if (performance.now() > deadline) throw new Error(`${context}: the child never became ready`);
        await sleep(2);
      }
      await sleep(delayMs);
      process.kill(child.pid, 'SIGKILL');
      const { signal, stderr } = await child.ended;
      expect(signal, `${context}: ${stderr}`).toBe('SIGKILL');

      // "ready" came after the child's first write: the destination holds that one or a later one, whole.
      const generation = generationAt(destination);
      expect(generation, `${context}: the destination is not one whole generation`).not.toBeNull();
      expect(generation!, context).toBeGreaterThan(last);
      last = generation!;
      // Only this child's temp file may be left: its first write swept the previous child's.
      const parts = leftovers(dir);
      expect(parts.every((part) => part.pid === child.pid) && parts.length <= 1, `${context}: ${JSON.stringify(parts)}`).toBe(true);
      if (parts.length) roundsWithLeftover++;
    }

    writeFileDurably(destination, generationContent(last + 1));
    expect(generationAt(destination)).toBe(last + 1);
    expect(fs.readdirSync(dir)).toEqual([NAME]);
    console.log(`[durable-write-kill] seed=${seed}: ${RANDOM_ROUNDS} kills, last generation ${last}, ${roundsWithLeftover} left a temp file`);
  });
});
