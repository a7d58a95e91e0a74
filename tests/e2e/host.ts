import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface HostHandle {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly workspace: string;
  readonly appData: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Starts the built browser host (dist/host/main.cjs) as its own process, like `npm run web` does,
 * with a fresh workspace and app-data: one host stands for one auditor's laptop.
 */
export async function startHost(options: { root?: string; name?: string; demoTemplate?: string | null } = {}): Promise<HostHandle> {
  const root = options.root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'aw-e2e-'));
  const workspace = path.join(root, `${options.name ?? 'laptop'}-workspace`);
  const appData = path.join(root, `${options.name ?? 'laptop'}-app-data`);
  fs.mkdirSync(workspace, { recursive: true });
  const demoTemplate = options.demoTemplate === undefined ? (process.env.AW_E2E_DEMO_TEMPLATE ?? null) : options.demoTemplate;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(ROOT, 'dist/host/main.cjs'),
      ...['--workspace', workspace, '--app-data', appData, '--port', '0', '--test'],
      // The demo built once by global-setup.ts (copied when a test opens the demo).
      ...(demoTemplate ? ['--demo-template', demoTemplate] : []),
    ],
    // Node's compile cache: every test starts a host, and compiling the 7 MB bundle is most of its start.
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_COMPILE_CACHE: path.join(os.tmpdir(), 'aw-e2e-compile-cache') } },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 20_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`host exited (${code}):\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: /token=([^&]+)/.exec(parsed.hash)![1]!,
    workspace,
    appData,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (!options.root) fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
