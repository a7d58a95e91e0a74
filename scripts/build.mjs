// Builds what the hosts run:
// - dist/workers/*.cjs: the worker entries (worker_threads loads them in Node and in Electron;
//   tests run these bundles, not the TypeScript source);
// - dist/host/main.cjs: the browser host (`npm run web`);
// - dist/renderer/: the production renderer (Vite).
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

const only = process.argv[2]; // 'node' builds the Node bundles only (fast path for service tests)

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['better-sqlite3'],
  sourcemap: 'linked',
  logLevel: 'warning',
  outExtension: { '.js': '.cjs' },
};

await build({
  ...node,
  entryPoints: {
    'engagement-worker': 'electron/store/workers/engagement-worker.ts',
    'vacuum-worker': 'electron/store/workers/vacuum-worker.ts',
    'app-data-worker': 'electron/store/app-data/app-data-worker.ts',
  },
  outdir: 'dist/workers',
});
await build({ ...node, entryPoints: { main: 'electron/host/main.ts' }, outdir: 'dist/host' });
console.log('built dist/workers and dist/host');

if (only !== 'node') {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
  console.log('built dist/renderer');
}
