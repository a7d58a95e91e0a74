// Builds what the hosts run:
// - dist/workers/*.cjs: the worker entries (worker_threads loads them in Node and in Electron;
//   tests run these bundles, not the TypeScript source);
// - dist/fonts/: the PDF font (two weights of Noto Sans SC and its OFL licence, from its npm package);
// - dist/host/main.cjs: the browser host (`npm run web`);
// - dist/app/main.cjs + preload.cjs: the Electron main process and preload (`npm start`);
// - dist/renderer/: the production renderer (Vite).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

const only = process.argv[2]; // 'node' builds the Node bundles only (fast path for service tests)

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  // Native addons load from node_modules at run time (sharp's libvips comes as @img/* packages).
  external: ['better-sqlite3', 'sharp'],
  sourcemap: 'linked',
  logLevel: 'warning',
  outExtension: { '.js': '.cjs' },
  // Prefer a package's ES module build: jsonc-parser's UMD build requires its parts at run time,
  // which a bundle cannot follow.
  mainFields: ['module', 'main'],
};

await build({
  ...node,
  entryPoints: {
    'engagement-worker': 'electron/engagement/engagement-worker.ts',
    'vacuum-worker': 'electron/store/workers/vacuum-worker.ts',
    'app-data-worker': 'electron/store/app-data/app-data-worker.ts',
    'template-worker': 'electron/templates/template-worker.ts',
    'document-worker': 'electron/documents/document-worker.ts',
  },
  outdir: 'dist/workers',
});
// The documents worker reads these (electron/documents/pdf-fonts.ts names them).
const fontPackage = 'node_modules/@expo-google-fonts/noto-sans-sc';
fs.mkdirSync('dist/fonts', { recursive: true });
for (const file of ['400Regular/NotoSansSC_400Regular.ttf', '700Bold/NotoSansSC_700Bold.ttf', 'LICENSE_FONT']) {
  fs.copyFileSync(path.join(fontPackage, file), path.join('dist/fonts', path.basename(file)));
}
await build({ ...node, entryPoints: { main: 'electron/host/main.ts' }, outdir: 'dist/host' });
// The Electron main process and its preload (one CommonJS file: sandboxed preloads cannot require).
await build({
  ...node,
  entryPoints: { main: 'electron/app/main.ts', preload: 'electron/app/preload.ts' },
  outdir: 'dist/app',
  external: ['better-sqlite3', 'sharp', 'electron'],
});
console.log('built dist/workers, dist/fonts, dist/host and dist/app');

if (only !== 'node') {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
  console.log('built dist/renderer');
}
