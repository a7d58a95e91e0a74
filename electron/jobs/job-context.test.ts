import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../shared/store-errors.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { JobContext, type JobProgress } from './job-context.ts';
import { WorkerClient } from './worker-client.ts';

const busy = (ms: number): void => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // simulates a unit of synchronous SQLite work
  }
};

describe('JobContext', () => {
  it('yields to the event loop once a slice is used up, so queued work runs between slices', async () => {
    const context = new JobContext('j1', () => undefined, 20);
    const interleaved: string[] = [];
    const job = (async () => {
      for (let i = 0; i < 10; i++) {
        busy(5);
        interleaved.push('job');
        await context.checkpoint();
      }
    })();
    setImmediate(() => interleaved.push('edit'));
    await job;
    const firstEdit = interleaved.indexOf('edit');
    expect(firstEdit).toBeGreaterThan(0);
    expect(firstEdit).toBeLessThan(interleaved.length - 1);
  });

  it('stops at the next checkpoint after cancel, with JOB_CANCELLED', async () => {
    const context = new JobContext('j2', () => undefined, 5);
    let steps = 0;
    const job = (async () => {
      for (;;) {
        steps++;
        busy(2);
        if (steps === 3) context.cancel();
        await context.checkpoint();
      }
    })();
    const error = await job.catch((e: unknown) => e);
    expect(isStoreError(error, 'JOB_CANCELLED')).toBe(true);
    expect(steps).toBe(3);
  });

  it('throttles progress but always reports completion', () => {
    const seen: JobProgress[] = [];
    const context = new JobContext('j3', (p) => seen.push(p));
    for (let i = 1; i <= 1000; i++) context.progress(i, 1000, 'copy');
    expect(seen.length).toBeLessThan(10);
    expect(seen.at(-1)).toEqual({ jobId: 'j3', done: 1000, total: 1000, phase: 'copy' });
  });
});

describe('WorkerClient', () => {
  it('rejects pending calls with INTERNAL when the worker dies, and refuses later calls', async () => {
    const script = path.join(tempDir(), 'dying-worker.cjs');
    fs.writeFileSync(script, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));");
    const client = new WorkerClient<{ anything(): number }>(script);
    const error = await client.api.anything().catch((e: unknown) => e);
    expect(isStoreError(error, 'INTERNAL')).toBe(true);
    await expect(client.api.anything()).rejects.toMatchObject({ code: 'INTERNAL' });
    await client.terminate();
  });
});
