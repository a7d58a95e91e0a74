/**
 * Soak: the built browser host as its own process, fed the same ~4,000 malformed requests pass after
 * pass (soak-requests.ts), its resident memory read after each pass once the host has been idle for a
 * moment. Memory that something keeps per request or per page session shows as steady growth from
 * pass to pass; what V8 and the allocator grow once (young generation, freed large bodies kept by
 * malloc) levels off during the warm-up. The host has no GC hook, so the samples are taken after
 * idling, not after a forced collection. Knobs: BENCH_SOAK_PASSES (6), BENCH_SOAK_REQUESTS (4000),
 * BENCH_SOAK_HOST (another build's main.cjs, to compare two builds of the host).
 */
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchFolder } from './bench-temp.ts';
import type { BenchRow } from './report.ts';
import { HOST_BUNDLE, rssMiB, sendAll, startHostProcess } from './soak-host.ts';
import { soakRequests } from './soak-requests.ts';

const PASSES = Number(process.env.BENCH_SOAK_PASSES ?? 6);
const REQUESTS = Number(process.env.BENCH_SOAK_REQUESTS ?? 4000);
/** V8 doubles its young generation (16 → 32 MiB) around the 4th–6th pass here: warm up past it. */
const WARM_UP_PASSES = 6;
/** Eight at a time: more than a browser's six connections per host, as a misbehaving client might. */
const CONCURRENCY = 8;
const IDLE_MS = 2_000;

export interface SoakBenchResult {
  readonly rows: BenchRow[];
  readonly notes: string[];
  readonly warnings: string[];
}

const statusLine = (statuses: Map<number, number>): string =>
  [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${n} × ${status || 'closed'}`).join(', ');

const fixed = (values: readonly number[]): string => values.map((v) => v.toFixed(1)).join(', ');

const growth = (from: number, to: number): number => ((to - from) / from) * 100;

export async function runSoakBench(folder: BenchFolder, progress: (message: string) => void): Promise<SoakBenchResult> {
  const warnings: string[] = [];
  if (!fs.existsSync(process.env.BENCH_SOAK_HOST ?? HOST_BUNDLE)) return { rows: [], notes: [], warnings: ['soak skipped: no host bundle (run "npm run bench", which builds it)'] };
  const bundle = process.env.BENCH_SOAK_HOST ?? HOST_BUNDLE;
  const host = await startHostProcess(folder.sub('soak-workspace'), folder.sub('soak-app-data'), { bundle });
  const warmUp: number[] = [];
  const series: number[] = [];
  const seconds: number[] = [];
  let statuses = '';
  try {
    await sleep(IDLE_MS);
    const atStart = rssMiB(host.pid);
    // Each pass sends the same kinds of request in the same order under page-session ids never
    // used before (the seed), so what is kept per session cannot hide behind a reused id.
    for (let pass = 0; pass < WARM_UP_PASSES + PASSES; pass++) {
      const measured = pass >= WARM_UP_PASSES;
      progress(`soak: ${measured ? `pass ${pass - WARM_UP_PASSES + 1} of ${PASSES}` : `warm-up ${pass + 1} of ${WARM_UP_PASSES}`}, ${REQUESTS} malformed requests`);
      const started = performance.now();
      const answered = await sendAll(host, soakRequests(REQUESTS, pass + 1), CONCURRENCY);
      const elapsed = (performance.now() - started) / 1000;
      if (answered.has(500)) warnings.push(`soak: ${answered.get(500)} requests answered 500 in pass ${pass} (see the host's log)`);
      await sleep(IDLE_MS);
      if (!measured) {
        warmUp.push(rssMiB(host.pid));
        continue;
      }
      series.push(rssMiB(host.pid));
      seconds.push(elapsed);
      statuses = statusLine(answered);
    }
    const last = series.length - 1;
    const rows: BenchRow[] = [
      { name: 'soak: host RSS growth over the last pass', value: growth(series[last - 1]!, series[last]!), unit: '%', goal: '< 2', floor: null, kind: 'time' },
      { name: `soak: host RSS growth over the ${PASSES} passes`, value: growth(series[0]!, series[last]!), unit: '%', goal: '-', floor: null, kind: 'time' },
      { name: 'soak: malformed requests answered per second', value: REQUESTS / (seconds.reduce((a, b) => a + b, 0) / seconds.length), unit: 'req/s', goal: '-', floor: null, kind: 'rate' },
    ];
    const notes = [
      `host RSS in MiB (${IDLE_MS / 1000} s idle before each sample): ${atStart.toFixed(1)} at start; warm-up ${fixed(warmUp)}; passes ${fixed(series)}`,
      `each pass: ${REQUESTS} requests, ${CONCURRENCY} at a time, every page session new; answers ${statuses}`,
    ];
    return { rows, notes, warnings };
  } finally {
    await host.stop();
  }
}
