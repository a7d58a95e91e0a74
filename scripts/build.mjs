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
  // @libpdf/core is imported on first use (electron/signing/pdf-library.ts), from node_modules.
  external: ['better-sqlite3', 'sharp', '@libpdf/core'],
  sourcemap: 'linked',
  logLevel: 'warning',
  outExtension: { '.js': '.cjs' },
  // Prefer a package's ES module build: jsonc-parser's UMD build requires its parts at run time,
  // which a bundle cannot follow.
  mainFields: ['module', 'main'],
  plugins: [zodEnglishOnly()],
};

/**
 * zod re-exports its fifty message locales as `z.locales`, which no bundle can drop although we never
 * use them (our messages are codes the renderer translates): 450 KB of every worker an engagement
 * starts. Only English, zod's default, is kept.
 */
function zodEnglishOnly() {
  return {
    name: 'zod-english-only',
    setup(builder) {
      builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        args.importer.includes(`${path.sep}zod${path.sep}`) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined,
      );
      builder.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
        contents: `export { default as en } from ${JSON.stringify(path.resolve('node_modules/zod/v4/locales/en.js'))};`,
        loader: 'js',
        resolveDir: process.cwd(),
      }));
    },
  };
}

await build({
  ...node,
  entryPoints: {
    'engagement-worker': 'electron/engagement/engagement-worker.ts',
    'vacuum-worker': 'electron/store/workers/vacuum-worker.ts',
    'app-data-worker': 'electron/store/app-data/app-data-worker.ts',
    'template-worker': 'electron/templates/template-worker.ts',
    'document-worker': 'electron/documents/document-worker.ts',
    // Loaded by the engagement worker on the first export preview or import (electron/sampling/export-reader.ts).
    'export-reader': 'electron/sampling/source/index.ts',
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
