/**
 * Soak: the built browser host as its own process, fed the same ~4,000 malformed requests pass after
 * pass (soak-requests.ts), its memory read after each pass once the host has been idle for a moment.
 * Memory that something keeps per request or per page session shows as steady growth from pass to
 * pass. The goal (issue 10: the last pass grows the host by under 2 %) is about memory the host
 * retains, so the goal row is the main heap (heapUsed + external) after a forced full GC: the host
 * runs with --expose-gc and a bench-only preload (soak-memory-probe.cjs) that collects twice and
 * reports process.memoryUsage() over IPC. RSS stays as information only: it swings by ±3 MB between
 * passes (V8's young generation, freed large bodies glibc keeps), so one run gave +0.5 % and the next
 * +7.4 % with the retained heap flat. Knobs: BENCH_SOAK_PASSES (6), BENCH_SOAK_REQUESTS (4000),
 * BENCH_SOAK_HOST (another build's main.cjs, to compare two builds of the host).
 * Alone, after `npm run build`: `npx tsx tests/bench/soak-bench.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { BenchFolder } from './bench-temp.ts';
import { resultTable, type BenchRow } from './report.ts';
import { HOST_BUNDLE, sendAll, startHostProcess, type HostMemory } from './soak-host.ts';
import { soakRequests } from './soak-requests.ts';

const PASSES = Number(process.env.BENCH_SOAK_PASSES ?? 6);
const REQUESTS = Number(process.env.BENCH_SOAK_REQUESTS ?? 4000);
/** V8 doubles its young generation (16 → 32 MiB) around the 4th–6th pass here: warm up past it. */
const WARM_UP_PASSES = 6;
/** Eight at a time: more than a browser's six connections per host, as a misbehaving client might. */
const CONCURRENCY = 8;
/** Idle before each sample: connections closed, timers of the last requests run out. */
const IDLE_MS = 2_000;
const MiB = 1024 * 1024;

export interface SoakBenchResult {
  readonly rows: BenchRow[];
  readonly notes: string[];
  readonly warnings: string[];
}

/** What the goal is about: JS heap in use plus memory held outside it by JS objects (Buffers). */
const retainedMiB = (m: HostMemory): number => (m.heapUsed + m.external) / MiB;
const rssMiB = (m: HostMemory): number => m.rss / MiB;

const statusLine = (statuses: Map<number, number>): string =>
  [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${n} × ${status || 'closed'}`).join(', ');

const fixed = (values: readonly number[]): string => values.map((v) => v.toFixed(1)).join(', ');

const growth = (from: number, to: number): number => ((to - from) / from) * 100;

export async function runSoakBench(folder: BenchFolder, progress: (message: string) => void): Promise<SoakBenchResult> {
  const warnings: string[] = [];
  if (!fs.existsSync(process.env.BENCH_SOAK_HOST ?? HOST_BUNDLE)) return { rows: [], notes: [], warnings: ['soak skipped: no host bundle (run "npm run bench", which builds it)'] };
  const bundle = process.env.BENCH_SOAK_HOST ?? HOST_BUNDLE;
  const host = await startHostProcess(folder.sub('soak-workspace'), folder.sub('soak-app-data'), { bundle, memoryProbe: true });
  // Idle, then a forced full GC in the host, then its memory: what it retains, not what it has yet to collect.
  const sample = async (): Promise<HostMemory> => {
    await sleep(IDLE_MS);
    return host.memoryAfterGc();
  };
  const warmUp: HostMemory[] = [];
  const series: HostMemory[] = [];
  const seconds: number[] = [];
  let statuses = '';
  try {
    const atStart = await sample();
    // Each pass sends the same kinds of request in the same order under page-session ids never
    // used before (the seed), so what is kept per session cannot hide behind a reused id.
    for (let pass = 0; pass < WARM_UP_PASSES + PASSES; pass++) {
      const measured = pass >= WARM_UP_PASSES;
      progress(`soak: ${measured ? `pass ${pass - WARM_UP_PASSES + 1} of ${PASSES}` : `warm-up ${pass + 1} of ${WARM_UP_PASSES}`}, ${REQUESTS} malformed requests`);
      const started = performance.now();
      const answered = await sendAll(host, soakRequests(REQUESTS, pass + 1), CONCURRENCY);
      const elapsed = (performance.now() - started) / 1000;
      if (answered.has(500)) warnings.push(`soak: ${answered.get(500)} requests answered 500 in pass ${pass} (see the host's log)`);
      const memory = await sample();
      if (!measured) {
        warmUp.push(memory);
        continue;
      }
      series.push(memory);
      seconds.push(elapsed);
      statuses = statusLine(answered);
    }
    const heap = series.map(retainedMiB);
    const rss = series.map(rssMiB);
    const last = series.length - 1;
    const rows: BenchRow[] = [
      { name: 'soak: host heap + external growth after full GC, last pass', value: growth(heap[last - 1]!, heap[last]!), unit: '%', goal: '< 2', floor: null, kind: 'time' },
      { name: `soak: host heap + external growth after full GC, ${PASSES} passes`, value: growth(heap[0]!, heap[last]!), unit: '%', goal: '-', floor: null, kind: 'time' },
      { name: 'soak: host RSS growth, last pass (noisy, information)', value: growth(rss[last - 1]!, rss[last]!), unit: '%', goal: '-', floor: null, kind: 'time' },
      { name: `soak: host RSS growth, ${PASSES} passes (noisy, information)`, value: growth(rss[0]!, rss[last]!), unit: '%', goal: '-', floor: null, kind: 'time' },
      { name: 'soak: malformed requests answered per second', value: REQUESTS / (seconds.reduce((a, b) => a + b, 0) / seconds.length), unit: 'req/s', goal: '-', floor: null, kind: 'rate' },
    ];
    const notes = [
      `each sample: ${IDLE_MS / 1000} s idle, then two forced full GCs in the host (--expose-gc, tests/bench/soak-memory-probe.cjs), then process.memoryUsage()`,
      `host heapUsed + external in MiB: ${retainedMiB(atStart).toFixed(1)} at start; warm-up ${fixed(warmUp.map(retainedMiB))}; passes ${fixed(heap)}`,
      `  of which arrayBuffers in the passes: ${fixed(series.map((m) => m.arrayBuffers / MiB))}`,
      // The host keeps a page session until it has been silent for its TTL (120 s, session-sweep.ts),
      // longer than the whole soak: some growth per pass is those sessions, dropped by the sweep later.
      `  sessions are kept until 120 s silent (the host's sweep), longer than the soak: every pass's sessions are still held at each sample`,
      `host RSS in MiB (same moments, after the GCs; noisy by ±3 MB): ${rssMiB(atStart).toFixed(1)} at start; warm-up ${fixed(warmUp.map(rssMiB))}; passes ${fixed(rss)}`,
      `each pass: ${REQUESTS} requests, ${CONCURRENCY} at a time, every page session new; answers ${statuses}`,
    ];
    return { rows, notes, warnings };
  } finally {
    await host.stop();
  }
}

// Alone: `npx tsx tests/bench/soak-bench.ts` (after `npm run build`); the soak needs nothing else of the bench.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const began = performance.now();
  const folder = new BenchFolder();
  try {
    const soak = await runSoakBench(folder, (message) => process.stderr.write(`[${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s] ${message}\n`));
    console.log(`\nSoak: the built browser host (its own process) under malformed requests — ${new Date().toISOString()}\n`);
    if (soak.rows.length) console.log(resultTable(soak.rows));
    for (const note of soak.notes) console.log(`  ${note}`);
    for (const warning of soak.warnings) console.log(`\nWARNING: ${warning}`);
  } finally {
    folder.remove();
  }
}
