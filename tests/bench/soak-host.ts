/**
 * The built browser host (dist/host/main.cjs) as its own process, as `npm run web` runs it, and the
 * client side of the soak: requests over keep-alive connections to 127.0.0.1 only, and the host's
 * memory (with `memoryProbe`): heap and RSS after a forced full GC.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import type { SoakRequest } from './soak-requests.ts';

export const HOST_BUNDLE = path.resolve(import.meta.dirname, '../../dist/host/main.cjs');
/** Bench-only preload answering 'soak:memory' over IPC (see the file); the host bundle is unchanged. */
const MEMORY_PROBE = path.resolve(import.meta.dirname, 'soak-memory-probe.cjs');

/** process.memoryUsage() of the host, in bytes, read after two forced full collections. */
export interface HostMemory {
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
  readonly rss: number;
}

export interface HostProcess {
  readonly pid: number;
  readonly origin: string;
  readonly token: string;
  /** Forces a full GC in the host and reads its memory; only with `memoryProbe: true`. */
  memoryAfterGc(): Promise<HostMemory>;
  stop(): Promise<void>;
}

export interface HostProcessOptions {
  /** Another build of the host (to compare two builds); default dist/host/main.cjs. */
  readonly bundle?: string;
  readonly nodeArgs?: readonly string[];
  /** Start the host with --expose-gc and the memory probe preload, over an IPC channel. */
  readonly memoryProbe?: boolean;
}

export async function startHostProcess(workspace: string, appData: string, options: HostProcessOptions = {}): Promise<HostProcess> {
  const probe = options.memoryProbe ? ['--expose-gc', '--require', MEMORY_PROBE] : [];
  const args = [...probe, ...(options.nodeArgs ?? []), options.bundle ?? HOST_BUNDLE, '--workspace', workspace, '--app-data', appData, '--port', '0'];
  // process.execPath is the pinned Node 22 (npm put it first on PATH): better-sqlite3 needs it.
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: options.memoryProbe ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<URL>((resolve, reject) => {
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match) resolve(new URL(match[1]!));
    });
    void exited.then(() => reject(new Error(`the host exited before it printed its address: ${errors}`)));
  });
  return {
    pid: child.pid!,
    origin: url.origin,
    token: url.hash.slice('#token='.length),
    memoryAfterGc() {
      if (!options.memoryProbe) return Promise.reject(new Error('the host was started without memoryProbe'));
      return new Promise<HostMemory>((resolve, reject) => {
        const timer = setTimeout(() => done(new Error('the host did not report its memory within 30 s')), 30_000);
        const onMessage = (message: { type?: string } & HostMemory): void => {
          if (message?.type === 'soak:memory') done(null, message);
        };
        const done = (error: Error | null, memory?: HostMemory): void => {
          clearTimeout(timer);
          child.off('message', onMessage);
          if (error) reject(error);
          else resolve(memory!);
        };
        child.on('message', onMessage);
        child.send('soak:memory', (error) => error && done(error));
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function sendOne(host: HostProcess, agent: http.Agent, request: SoakRequest): Promise<number> {
  const { hostname, port } = new URL(host.origin);
  const defaults: Record<string, string | undefined> = {
    Host: `${hostname}:${port}`,
    Origin: host.origin,
    Authorization: `Bearer ${host.token}`,
    'Content-Type': 'application/json',
  };
  const headers = Object.fromEntries(
    Object.entries({ ...defaults, ...request.headers }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return new Promise((resolve) => {
    // Always 127.0.0.1: a wrong Host header is only a header, never another address.
    const outgoing = http.request({ host: '127.0.0.1', port: Number(port), method: request.method, path: request.path, headers, agent }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
    });
    // The host answers 413 and closes the connection while a 9 MiB body is still being sent, so the
    // write fails (EPIPE) after or before the answer arrived; 0 counts a connection closed without one.
    outgoing.on('error', () => resolve(0));
    outgoing.end(request.body);
  });
}

/** Sends every request, `concurrency` at a time; returns how many came back with each HTTP status. */
export async function sendAll(host: HostProcess, requests: readonly SoakRequest[], concurrency: number, keepAlive = true): Promise<Map<number, number>> {
  const agent = new http.Agent({ keepAlive, maxSockets: concurrency });
  const statuses = new Map<number, number>();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < requests.length) {
      const status = await sendOne(host, agent, requests[next++]!);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, lane));
  } finally {
    agent.destroy();
  }
  return statuses;
}
