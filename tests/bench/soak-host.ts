/**
 * The built browser host (dist/host/main.cjs) as its own process, as `npm run web` runs it, and the
 * client side of the soak: requests over keep-alive connections to 127.0.0.1 only, and the host's
 * resident memory read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { SoakRequest } from './soak-requests.ts';

export const HOST_BUNDLE = path.resolve(import.meta.dirname, '../../dist/host/main.cjs');

export interface HostProcess {
  readonly pid: number;
  readonly origin: string;
  readonly token: string;
  stop(): Promise<void>;
}

export interface HostProcessOptions {
  /** Another build of the host (to compare two builds); default dist/host/main.cjs. */
  readonly bundle?: string;
  readonly nodeArgs?: readonly string[];
}

export async function startHostProcess(workspace: string, appData: string, options: HostProcessOptions = {}): Promise<HostProcess> {
  const args = [...(options.nodeArgs ?? []), options.bundle ?? HOST_BUNDLE, '--workspace', workspace, '--app-data', appData, '--port', '0'];
  // process.execPath is the pinned Node 22 (npm put it first on PATH): better-sqlite3 needs it.
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
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
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resident set size of a process in MiB, from /proc/<pid>/status (Linux only). */
export function rssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
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
