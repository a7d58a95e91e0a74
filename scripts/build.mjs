// Bundles the worker entries to CommonJS: worker_threads loads them directly, in Node and in
// Electron, and tests run these bundles (not the TypeScript source) as the app will.
import { build } from 'esbuild';

const workers = {
  'engagement-worker': 'electron/store/workers/engagement-worker.ts',
  'vacuum-worker': 'electron/store/workers/vacuum-worker.ts',
  'app-data-worker': 'electron/store/app-data/app-data-worker.ts',
};

await build({
  entryPoints: workers,
  outdir: 'dist/workers',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['better-sqlite3'],
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log(`built ${Object.keys(workers).length} worker bundles into dist/workers`);
