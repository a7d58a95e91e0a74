import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { EngagementService } from '../../electron/engagement/engagement-service.ts';
import { WorkerClient } from '../../electron/jobs/worker-client.ts';
import type { EngagementCalls } from '../../electron/engagement/capabilities.ts';
import { EngagementSession } from '../../electron/store/engagement-session.ts';
import { EngagementStore } from '../../electron/store/engagement-store.ts';
import { ENGAGEMENT_MIGRATIONS, LATEST_ENGAGEMENT_VERSION } from '../../electron/store/migrations/index.ts';
import { preopenCheck } from '../../electron/store/preopen.ts';
import { compareSchema, expectedSchema, readSchema } from '../../electron/store/schema.ts';
import { median, timeMs } from './measure.ts';
import { WORKER_DIR } from './service-bench.ts';

/**
 * Where the time of "open → first query" goes: the same steps the service takes, one by one, timed
 * in this process on the same file; and the costs only a worker has (spawn, bundle load, messages).
 * The large file must not be open in the service while this runs.
 */

export type StepTimes = Map<string, number[]>;

function record(steps: StepTimes, name: string, ms: number): void {
  const list = steps.get(name) ?? [];
  list.push(ms);
  steps.set(name, list);
}

function timed<T>(steps: StepTimes, name: string, work: () => T): T {
  const start = performance.now();
  const value = work();
  record(steps, name, performance.now() - start);
  return value;
}

let coldSchemaKey = 0;

/** openEngagementFile's steps (engagement-file.ts), then what the session does up to getEngagement. */
function profileStoreOpenOnce(file: string, actorId: string, steps: StepTimes): void {
  timed(steps, 'pre-open plain-read checks (header, journal, write probe)', () => preopenCheck(file));
  const db = timed(steps, 'connect: new Database + EXCLUSIVE lock + pragmas', () => {
    const connection = new Database(file, { fileMustExist: true });
    connection.pragma('locking_mode = EXCLUSIVE');
    connection.pragma('busy_timeout = 250');
    connection.exec('BEGIN EXCLUSIVE; COMMIT');
    // The same pragmas as applyWritePragmas in engagement-file.ts.
    connection.pragma('journal_mode = DELETE');
    connection.pragma('synchronous = FULL');
    connection.pragma('fullfsync = ON');
    connection.pragma('secure_delete = ON');
    connection.pragma('journal_size_limit = 0');
    connection.pragma('foreign_keys = ON');
    return connection;
  });
  try {
    timed(steps, 'quick_check (only without a clean close)', () => db.pragma('quick_check'));
    // A new worker has an empty cache: it replays the migrations on :memory: at every open.
    const expected = timed(steps, 'schema check: expected schema (replay migrations, cold)', () =>
      expectedSchema(ENGAGEMENT_MIGRATIONS, LATEST_ENGAGEMENT_VERSION, `bench-cold-${coldSchemaKey++}`),
    );
    timed(steps, 'schema check: read sqlite_schema + compare', () => compareSchema(readSchema(db), expected));
    const store = timed(steps, 'session: EngagementStore + file_meta', () => {
      const created = new EngagementStore(db, { actorId, readOnly: false });
      created.meta('file_instance_id');
      return created;
    });
    timed(steps, "summary: listRows('engagement')", () => store.listRows('engagement'));
    timed(steps, 'summary: clockAhead (SELECT MAX(hlc) FROM change_log)', () => store.clockAhead());
    timed(steps, 'first query: getRow engagement', () => store.getRow('engagement', store.engagementId));
  } finally {
    db.close();
  }
}

export function profileStoreOpen(file: string, actorId: string, runs: number): StepTimes {
  const steps: StepTimes = new Map();
  for (let i = 0; i < runs; i++) profileStoreOpenOnce(file, actorId, steps);
  return steps;
}

/** The real EngagementSession in this process (no worker, no app-data): the store's share of the time. */
export function profileSessionInProcess(file: string, actorId: string, runs: number, clean: boolean): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const stat = fs.statSync(file);
    const session = new EngagementSession(path.join(WORKER_DIR, 'vacuum-worker.cjs'));
    const start = performance.now();
    session.open({ path: file, actorId, cleanClose: clean ? { size: stat.size, mtimeMs: stat.mtimeMs } : null });
    session.getEngagement();
    samples.push(performance.now() - start);
    session.close();
  }
  return samples;
}

/** A bare worker thread: spawn to first message, nothing loaded. */
async function bareWorker(): Promise<number> {
  const start = performance.now();
  const worker = new Worker("require('node:worker_threads').parentPort.postMessage(0)", { eval: true });
  await new Promise((resolve) => worker.once('message', resolve));
  const ms = performance.now() - start;
  await worker.terminate();
  return ms;
}

/** Inside a worker: how long loading better-sqlite3 and the engagement bundle take. */
async function bundleLoad(): Promise<{ sqlite: number; bundle: number }> {
  const bundle = path.join(WORKER_DIR, 'engagement-worker.cjs');
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const load = require('node:module').createRequire(workerData.bundle);
    const t0 = performance.now();
    load('better-sqlite3');
    const t1 = performance.now();
    load(workerData.bundle);
    parentPort.postMessage({ sqlite: t1 - t0, bundle: performance.now() - t1 });`;
  const worker = new Worker(code, { eval: true, workerData: { bundle, workerDir: WORKER_DIR } });
  const times = await new Promise<{ sqlite: number; bundle: number }>((resolve) => worker.once('message', resolve));
  await worker.terminate();
  return times;
}

/** The engagement worker as the service spawns it, until it answers its first call. */
async function engagementWorkerReady(): Promise<{ ready: number; roundTrip: number }> {
  const start = performance.now();
  const client = new WorkerClient<EngagementCalls>(path.join(WORKER_DIR, 'engagement-worker.cjs'), { workerDir: WORKER_DIR });
  await client.api.summary().catch(() => undefined); // no engagement yet: a quick UNKNOWN_HANDLE
  const ready = performance.now() - start;
  const { ms: roundTrip } = await timeMs(() => client.api.summary().catch(() => undefined));
  await client.terminate();
  return { ready, roundTrip };
}

/**
 * The open call itself in an engagement worker that has just started (its code not yet warm, its
 * schema cache empty), after a clean close: compare with the same call in this warm process.
 */
async function openInFreshWorker(file: string, actorId: string): Promise<{ open: number; firstQuery: number }> {
  const client = new WorkerClient<EngagementCalls>(path.join(WORKER_DIR, 'engagement-worker.cjs'), { workerDir: WORKER_DIR });
  try {
    await client.api.summary().catch(() => undefined);
    const stat = fs.statSync(file);
    const { ms: open } = await timeMs(() =>
      client.api.open({ path: file, actorId, cleanClose: { size: stat.size, mtimeMs: stat.mtimeMs } }),
    );
    const { ms: firstQuery } = await timeMs(() => client.api.getEngagement());
    await client.api.close();
    return { open, firstQuery };
  } finally {
    await client.terminate();
  }
}

export async function profileWorkerCosts(
  service: EngagementService,
  file: string,
  actorId: string,
  runs: number,
): Promise<StepTimes> {
  const steps: StepTimes = new Map();
  for (let i = 0; i < runs; i++) {
    record(steps, 'worker: bare worker_thread spawn → first message', await bareWorker());
    const load = await bundleLoad();
    record(steps, 'worker: require better-sqlite3 inside a worker', load.sqlite);
    record(steps, 'worker: require engagement-worker.cjs (after sqlite)', load.bundle);
    const client = await engagementWorkerReady();
    record(steps, 'worker: engagement worker spawn → first reply', client.ready);
    record(steps, 'worker: one call round trip (warm)', client.roundTrip);
    const fresh = await openInFreshWorker(file, actorId);
    record(steps, 'worker: open call in a just-started worker (clean close)', fresh.open);
    record(steps, 'worker: getEngagement call right after it', fresh.firstQuery);
    const { ms } = await timeMs(() => service.installation());
    record(steps, 'app-data: one call round trip (openFile makes 2)', ms);
  }
  return steps;
}

export function medianSteps(steps: StepTimes): { name: string; ms: number }[] {
  return [...steps.entries()].map(([name, samples]) => ({ name, ms: median(samples) }));
}
