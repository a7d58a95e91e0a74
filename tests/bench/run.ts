/**
 * `npm run bench` starts this file with `node --import tsx`. Worker threads inherit the parent's
 * execArgv, so every engagement worker would load tsx too (measured: +200–500 ms per spawn), which
 * the app never does. So the benchmark runs in a child Node (the same Node 22 binary) that registers
 * tsx for its own thread only (launch.mjs): its workers start exactly as they do in the app.
 * `npm run bench -- sampling` runs the record-sampling section alone (tests/bench/sampling-bench.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const launcher = path.join(import.meta.dirname, 'launch.mjs');
const only = process.argv[2];
if (only !== 'sampling') {
  const child = spawnSync(process.execPath, [launcher], { stdio: 'inherit' });
  if (child.error) throw child.error;
  if (child.status !== 0) process.exit(child.status ?? 1);
}
// Record sampling (issue 20): its own child, tsx registered for its main thread only, as launch.mjs does.
const sampling = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', `import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(path.join(import.meta.dirname, 'sampling-bench.ts'))});`], { stdio: 'inherit', env: { ...process.env, BENCH_SAMPLING_ROLE: 'section' } });
if (sampling.error) throw sampling.error;
process.exit(sampling.status ?? 1);
