import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHost } from './server.ts';

/**
 * `npm run web`: the browser host. Prints the address (with its token) to open in a browser.
 *   --workspace <dir>  the folder whose .iso20k files the app may open and write (default ~/Audit Workbench)
 *   --app-data <dir>   this installation's app data (default ~/.audit-workbench-web)
 *   --port <n>         default 0 (a free port)
 *   --test             accept absolute file paths (end-to-end tests only)
 *   --demo-template <file>  with --test: copy this demo file instead of building the demo (the e2e suite builds it once)
 */
const { values } = parseArgs({
  options: {
    workspace: { type: 'string' },
    'app-data': { type: 'string' },
    port: { type: 'string' },
    test: { type: 'boolean', default: false },
    'demo-template': { type: 'string' },
  },
});

async function main(): Promise<void> {
  const bundleDir = __dirname; // dist/host: the renderer build and the worker bundles lie beside it
  const host = await startHost({
    workspaceDir: path.resolve(values.workspace ?? path.join(os.homedir(), 'Audit Workbench')),
    appDataDir: path.resolve(values['app-data'] ?? path.join(os.homedir(), '.audit-workbench-web')),
    port: Number(values.port ?? 0),
    test: values.test ?? false,
    demoTemplate: values['demo-template'] ?? null,
    rendererDir: path.resolve(bundleDir, '../renderer'),
    workerDir: path.resolve(bundleDir, '../workers'),
  });
  console.log(`Audit Workbench is running at ${host.url}`);
  console.log('Open that address in your browser. Press Ctrl+C to stop (open engagements are closed cleanly).');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
