import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { pipeline } from 'node:stream';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { APP_VERSION } from '../../shared/app-version.ts';
import { fail } from '../../shared/contract/result.ts';
import { EngagementService } from '../engagement/engagement-service.ts';
import { JobHub } from '../jobs/job-hub.ts';
import { SECURITY_HEADERS } from '../platform/csp.ts';
import { HandleLeases } from '../router/handle-leases.ts';
import { createRouter } from '../router/handlers/index.ts';
import type { Router } from '../router/router.ts';
import { readStaticFile } from '../platform/static-files.ts';
import { sweepSilentSessions } from './session-sweep.ts';
import { WorkspacePlatform } from './workspace-platform.ts';

export interface HostOptions {
  readonly workspaceDir: string;
  readonly appDataDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Test mode: absolute file paths are accepted. */
  readonly test: boolean;
  /** Test mode only: a demo file to copy instead of building the demo (`--demo-template`). */
  readonly demoTemplate?: string | null;
  readonly rendererDir: string;
  readonly workerDir: string;
  /** How long a page session may stay silent before its engagements are closed. */
  readonly sessionTtlMs?: number;
}

export interface RunningHost {
  readonly url: string;
  readonly token: string;
  readonly origin: string;
  readonly service: EngagementService;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const PAGE_SESSION = /^[A-Za-z0-9-]{8,64}$/;

function send(response: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  response.end(body);
}

const sendJson = (response: http.ServerResponse, status: number, value: unknown): void =>
  send(response, status, JSON.stringify(value), 'application/json; charset=utf-8');

function readBody(request: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop buffering but keep the socket, so the 413 reaches the client; drain the rest.
        request.removeAllListeners('data');
        request.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

const DOWNLOAD_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A single-use download (the link's random id is the capability; no token travels in a plain link). */
function sendDownload(response: http.ServerResponse, file: string | null, headOnly: boolean): void {
  const stat = file ? fs.statSync(file, { throwIfNoEntry: false }) : undefined;
  if (!file || !stat?.isFile()) {
    return send(response, 404, 'This download link has expired or was already used. Export the document again.', 'text/plain; charset=utf-8');
  }
  const name = path.basename(file);
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': DOWNLOAD_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(stat.size),
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'no-store',
  });
  if (headOnly) return void response.end();
  // pipeline: a file gone between the stat and the read, or a download aborted, closes both ends
  // instead of an unhandled stream error.
  pipeline(fs.createReadStream(file), response, () => undefined);
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The browser host: a supported local product, not only a test rig. 127.0.0.1 only, a random token
 * in the Authorization header (never a cookie), Origin and Host checked, POST-only JSON API, contract
 * errors as HTTP 200 {ok:false}, and the production renderer served with the app's CSP.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = randomBytes(24).toString('base64url');
  const platform = new WorkspacePlatform({
    workspaceDir: options.workspaceDir,
    appDataDir: options.appDataDir,
    allowAbsolutePaths: options.test,
    demoTemplate: options.test ? (options.demoTemplate ?? null) : null,
  });
  const service = await EngagementService.start({
    appDataDir: options.appDataDir,
    workerDir: options.workerDir,
    backupOnOpen: true,
  });
  const leases = new HandleLeases();
  const jobs = new JobHub();
  const router: Router = createRouter({ service, platform, leases, jobs, appVersion: APP_VERSION });
  let origin = '';
  let host = '';

  const server = http.createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      console.error('request failed', error);
      if (!response.headersSent) sendJson(response, 500, { error: 'internal' });
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    // DNS rebinding: a page from another site resolving to 127.0.0.1 still sends its own Host.
    if (request.headers.host !== host) return sendJson(response, 421, { error: 'wrong host' });
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url);
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { error: 'method not allowed' });
    if (url.pathname.startsWith('/download/')) {
      // Only the GET takes the single-use link: a HEAD (a preview, a download manager) leaves it.
      const id = url.pathname.split('/')[2] ?? '';
      return sendDownload(response, request.method === 'GET' ? platform.downloads.take(id) : platform.downloads.peek(id), request.method === 'HEAD');
    }
    const file = readStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(response, 404, 'Not found', 'text/plain; charset=utf-8');
    send(response, 200, request.method === 'HEAD' ? '' : file.body, file.type, {
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  }

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, url: URL): Promise<void> {
    if (request.method !== 'POST') return sendJson(response, 405, { error: 'the API takes POST only' });
    if (request.headers.origin !== origin) return sendJson(response, 403, { error: 'foreign origin' });
    if (!tokenMatches(request.headers.authorization, token)) return sendJson(response, 401, { error: 'missing or wrong token' });
    const session = request.headers['x-page-session'];
    if (typeof session !== 'string' || !PAGE_SESSION.test(session)) return sendJson(response, 400, { error: 'missing page session' });
    const body = await readBody(request);
    if (body === null) {
      response.setHeader('Connection', 'close');
      return sendJson(response, 413, { error: 'payload too large' });
    }
    let payload: unknown;
    try {
      payload = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendJson(response, 200, fail('INVALID_PAYLOAD', { issues: ['(payload): not JSON'] }));
    }
    const owner = `page:${session}`;
    // refresh, not touch: a session that never leases nor polls must not be remembered.
    leases.refresh(owner);
    let channel: string;
    try {
      channel = decodeURIComponent(url.pathname.slice('/api/'.length));
    } catch {
      return sendJson(response, 200, fail('UNKNOWN_CHANNEL', { channel: url.pathname.slice(0, 100) }));
    }
    sendJson(response, 200, await router.dispatch(channel, payload, { owner }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  host = `127.0.0.1:${port}`;

  // A page that went away (tab closed, laptop asleep too long) releases its engagements cleanly.
  const ttl = options.sessionTtlMs ?? 120_000;
  const closeAbandoned = (handle: string): void => {
    void service.close(handle).catch((error: unknown) => console.error('closing an abandoned engagement failed', error));
  };
  const sweeper = setInterval(() => sweepSilentSessions(leases, jobs, closeAbandoned, ttl), Math.min(15_000, ttl));
  sweeper.unref();

  return {
    url: `${origin}/#token=${token}`,
    token,
    origin,
    service,
    async close() {
      clearInterval(sweeper);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.shutdown();
    },
  };
}

export const defaultRendererDir = (bundleDir: string): string => path.resolve(bundleDir, '../renderer');
