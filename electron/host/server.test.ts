import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../shared/contract/result.ts';
import type { EngagementSummaryView, JobEvent, JobPollView, OpenedEngagementView } from '../../shared/contract/views.ts';
import { sampleEngagement } from '../../tests/helpers/engagements.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { CONTENT_SECURITY_POLICY } from '../platform/csp.ts';
import { type RunningHost, startHost } from './server.ts';

const DIST = path.resolve(import.meta.dirname, '../../dist');
const RENDERER_DIR = path.join(DIST, 'renderer');
const SESSION_A = 'page-session-aaaa-0001';
const SESSION_B = 'page-session-bbbb-0002';

let hosts: RunningHost[] = [];
afterEach(async () => {
  for (const host of hosts) await host.close();
  hosts = [];
});

async function start(options: { test?: boolean } = {}): Promise<{ host: RunningHost; workspace: string }> {
  const workspace = tempDir('aw-workspace-');
  const host = await startHost({
    workspaceDir: workspace,
    appDataDir: tempDir('aw-app-data-'),
    port: 0,
    test: options.test ?? false,
    rendererDir: RENDERER_DIR,
    workerDir: path.join(DIST, 'workers'),
  });
  hosts.push(host);
  return { host, workspace: fs.realpathSync(workspace) };
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** A POST to the API as the page would send it; `headers` override (undefined removes) the defaults. */
async function post(host: RunningHost, channel: string, payload: unknown, headers: Record<string, string | undefined> = {}): Promise<Answer> {
  const all: Record<string, string | undefined> = {
    Authorization: `Bearer ${host.token}`,
    Origin: host.origin,
    'X-Page-Session': SESSION_A,
    'Content-Type': 'application/json',
    ...headers,
  };
  const response = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}

/** A contract call that must come back as HTTP 200; returns its Result. */
async function call<T = unknown>(host: RunningHost, channel: string, payload: unknown, session = SESSION_A): Promise<Result<T>> {
  const answer = await post(host, channel, payload, { 'X-Page-Session': session });
  expect(answer.status, `${channel}: ${JSON.stringify(answer.body)}`).toBe(200);
  return answer.body as Result<T>;
}

async function value<T>(host: RunningHost, channel: string, payload: unknown, session = SESSION_A): Promise<T> {
  const result = await call<T>(host, channel, payload, session);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A raw request (node:http does not normalise the path, and lets the test set Host). */
function raw(
  host: RunningHost,
  options: { method?: string; path: string; headers?: Record<string, string> },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

const DANA = { name: 'Dana Auditor', initials: 'DA' };

describe('browser host: who may call', () => {
  it('refuses a wrong or missing token with 401', async () => {
    const { host } = await start();
    expect(await post(host, 'app:info', {}, { Authorization: 'Bearer wrong-token' })).toMatchObject({ status: 401 });
    expect(await post(host, 'app:info', {}, { Authorization: `Bearer ${host.token}x` })).toMatchObject({ status: 401 });
    expect(await post(host, 'app:info', {}, { Authorization: host.token })).toMatchObject({ status: 401 });
    expect(await post(host, 'app:info', {}, { Authorization: undefined })).toMatchObject({ status: 401 });
    // The right token passes.
    expect(await post(host, 'app:info', {})).toMatchObject({ status: 200, body: { ok: true, value: { platform: 'web', fileAccess: 'workspace' } } });
  });

  it('refuses a foreign Origin and a missing Origin with 403', async () => {
    const { host } = await start();
    expect(await post(host, 'app:info', {}, { Origin: 'http://evil.example' })).toMatchObject({ status: 403 });
    expect(await post(host, 'app:info', {}, { Origin: host.origin.replace('127.0.0.1', 'localhost') })).toMatchObject({ status: 403 });
    expect(await post(host, 'app:info', {}, { Origin: 'null' })).toMatchObject({ status: 403 });
    expect(await post(host, 'app:info', {}, { Origin: undefined })).toMatchObject({ status: 403 });
  });

  it('takes the API by POST only (405)', async () => {
    const { host } = await start();
    const response = await fetch(`${host.origin}/api/app:info`, {
      headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin, 'X-Page-Session': SESSION_A },
    });
    expect(response.status).toBe(405);
    expect((await raw(host, { method: 'PUT', path: '/api/app:info', headers: { Host: new URL(host.origin).host } })).status).toBe(405);
  });

  it('refuses a wrong Host header with 421 (DNS rebinding), for the API and for pages', async () => {
    const { host } = await start();
    const port = new URL(host.origin).port;
    for (const wrong of [`evil.example:${port}`, `localhost:${port}`, '127.0.0.1', `127.0.0.1:${Number(port) + 1}`]) {
      const page = await raw(host, { path: '/', headers: { Host: wrong } });
      expect(page.status, wrong).toBe(421);
      expect(page.body).not.toContain('<html');
      const api = await raw(host, {
        method: 'POST',
        path: '/api/app:info',
        headers: { Host: wrong, Authorization: `Bearer ${host.token}`, Origin: host.origin, 'X-Page-Session': SESSION_A },
      });
      expect(api.status, wrong).toBe(421);
    }
    expect((await raw(host, { path: '/', headers: { Host: `127.0.0.1:${port}` } })).status).toBe(200);
  });

  it('needs a page session id (400)', async () => {
    const { host } = await start();
    expect(await post(host, 'app:info', {}, { 'X-Page-Session': undefined })).toMatchObject({ status: 400 });
    expect(await post(host, 'app:info', {}, { 'X-Page-Session': 'short' })).toMatchObject({ status: 400 });
    expect(await post(host, 'app:info', {}, { 'X-Page-Session': 'has spaces and / slashes ok?' })).toMatchObject({ status: 400 });
  });

  it('answers a body that is not JSON with 200 INVALID_PAYLOAD, and an unknown channel with 200 UNKNOWN_CHANNEL', async () => {
    const { host } = await start();
    expect(await post(host, 'installation:set', '{"name": "Dana",')).toEqual({
      status: 200,
      body: { ok: false, error: { code: 'INVALID_PAYLOAD', params: { issues: ['(payload): not JSON'] } } },
    });
    expect(await post(host, 'installation:set', { name: 'Dana' })).toMatchObject({
      status: 200,
      body: { ok: false, error: { code: 'INVALID_PAYLOAD', params: { channel: 'installation:set' } } },
    });
    expect(await post(host, 'nope:verb', {})).toMatchObject({ status: 200, body: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } } });
  });
});

describe('browser host: files only inside the workspace', () => {
  const refused = (file: string) => ({ ok: false, error: { code: 'PATH_OUTSIDE_WORKSPACE', params: { file } } });

  /** A real engagement file outside the workspace, made by the host's own service. */
  async function engagementOutside(host: RunningHost): Promise<string> {
    await host.service.setInstallationUser(DANA.name, DANA.initials);
    const file = path.join(fs.realpathSync(tempDir('aw-outside-')), 'Elsewhere.iso20k');
    const created = await host.service.create(file, sampleEngagement({ client_name: 'Elsewhere Ltd' }));
    await host.service.close(created.handle);
    return file;
  }

  it('refuses parent references, absolute paths, folders and symlinks leading outside', async () => {
    const { host, workspace } = await start();
    const outside = await engagementOutside(host);
    fs.symlinkSync(outside, path.join(workspace, 'Link.iso20k'));
    fs.mkdirSync(path.join(workspace, 'sub'));

    for (const file of ['../x.iso20k', '..', outside, 'sub/x.iso20k', 'sub\\x.iso20k', 'Link.iso20k', '.hidden.iso20k']) {
      expect(await call(host, 'engagement:open', { file }), file).toEqual(refused(file));
    }
    expect(await call(host, 'engagement:create', { file: '../Escape', fields: sampleEngagement() })).toEqual(refused('../Escape'));
    expect(await call(host, 'engagement:create', { file: 'Link', fields: sampleEngagement() })).toEqual(refused('Link'));
    expect(host.service.openHandles()).toEqual([]);
    expect(fs.existsSync(path.join(path.dirname(workspace), 'Escape.iso20k'))).toBe(false);
  });

  it('accepts the same absolute path when the host runs in test mode', async () => {
    const { host } = await start({ test: true });
    const outside = await engagementOutside(host);
    const opened = await value<OpenedEngagementView>(host, 'engagement:open', { file: outside });
    expect(opened.summary.file).toBe(outside);
    expect(opened.summary.engagement?.client_name).toBe('Elsewhere Ltd');
    expect(await call(host, 'engagement:close', { engagementHandle: opened.summary.handle })).toEqual({ ok: true, value: null });
  });
});

describe('browser host: the renderer', () => {
  it('serves index.html with exactly the app CSP and nosniff', async () => {
    const { host } = await start();
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(fs.readFileSync(path.join(RENDERER_DIR, 'index.html'), 'utf8'));
  });

  it('never serves a file outside dist/renderer', async () => {
    const { host } = await start();
    const hostHeader = new URL(host.origin).host;
    const escapes = [
      '/../package.json',
      '/../../package.json',
      '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      `/${encodeURIComponent(path.resolve(DIST, '../package.json'))}`,
      '//etc/passwd',
      '/%E0%A4%A',
    ];
    for (const escape of escapes) {
      const response = await raw(host, { path: escape, headers: { Host: hostHeader } });
      expect(response.body, escape).not.toContain('"audit-workbench"');
      expect(response.body, escape).not.toContain('root:');
      if (response.status === 200) expect(response.headers['content-type'], escape).toBe('text/html; charset=utf-8');
      else expect(response.status, escape).toBe(404);
    }
  });

  // A NUL byte in the decoded path once made fs throw (a 500 and a logged error).
  it('answers 404 (not 500, nothing logged) for a path with a NUL byte', async () => {
    const { host } = await start();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = await raw(host, { path: '/%00', headers: { Host: new URL(host.origin).host } });
      expect(response.status).toBe(404);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});

describe('browser host: malformed requests from an authorised page', () => {
  // decodeURIComponent of a malformed escape once escaped as an HTTP 500.
  it('answers a malformed channel name with 200 UNKNOWN_CHANNEL', async () => {
    const { host } = await start();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const answer = await post(host, '%E0%A4%A', {});
      expect(answer).toMatchObject({ status: 200, body: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } } });
    } finally {
      logged.mockRestore();
    }
  });

  // The socket was once destroyed before the 413 could reach the client.
  it('answers a body over 8 MiB with 413', async () => {
    const { host } = await start();
    const answer = await post(host, 'installation:set', `{"name":"${'x'.repeat(9 * 1024 * 1024)}","initials":"DA"}`);
    expect(answer.status).toBe(413);
  });

  it('treats an empty body as an empty payload and a percent-encoded channel name as the name', async () => {
    const { host } = await start();
    expect(await post(host, 'app:info', '')).toMatchObject({ status: 200, body: { ok: true } });
    expect(await post(host, 'app%3Ainfo', {})).toMatchObject({ status: 200, body: { ok: true, value: { platform: 'web' } } });
  });
});

describe('browser host: engagements over HTTP', () => {
  it('creates, edits, keeps each page session to its own handles, reclaims on reload, closes', async () => {
    const { host, workspace } = await start();
    expect(await value(host, 'installation:set', DANA)).toMatchObject({ name: 'Dana Auditor', initials: 'DA' });

    const created = await value<OpenedEngagementView>(host, 'engagement:create', { file: 'Northwind 2026', fields: sampleEngagement() });
    const handle = created.summary.handle;
    expect(created).toMatchObject({ alreadyOpen: false, summary: { file: 'Northwind 2026.iso20k', readOnly: false } });
    expect(fs.existsSync(path.join(workspace, 'Northwind 2026.iso20k'))).toBe(true);
    expect(await value(host, 'files:list', {})).toEqual([expect.objectContaining({ name: 'Northwind 2026.iso20k' })]);

    const updated = await value<{ objectives: string }>(host, 'engagement:update', {
      engagementHandle: handle,
      patch: { objectives: 'Recommend certification or not' },
    });
    expect(updated.objectives).toBe('Recommend certification or not');

    // Another page session (another tab) cannot use this session's handle, nor open the same file.
    for (const channel of ['engagement:summary', 'engagement:roster', 'engagement:close']) {
      expect(await call(host, channel, { engagementHandle: handle }, SESSION_B)).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_HANDLE', params: { channel } },
      });
    }
    expect(await call(host, 'engagement:update', { engagementHandle: handle, patch: { scope: 'hijacked' } }, SESSION_B)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_HANDLE' },
    });
    expect(await call(host, 'engagement:open', { file: 'Northwind 2026.iso20k' }, SESSION_B)).toEqual({
      ok: false,
      error: { code: 'OPEN_ELSEWHERE', params: { file: 'Northwind 2026.iso20k' } },
    });
    expect(await value(host, 'engagement:handles', {}, SESSION_B)).toEqual([]);

    // A reload keeps its session id: the page finds its engagement again.
    const handles = await value<EngagementSummaryView[]>(host, 'engagement:handles', {});
    expect(handles).toEqual([
      expect.objectContaining({ handle, file: 'Northwind 2026.iso20k', engagement: expect.objectContaining({ objectives: 'Recommend certification or not' }) }),
    ]);
    expect(await value(host, 'engagement:open', { file: 'Northwind 2026.iso20k' })).toMatchObject({ alreadyOpen: true, summary: { handle } });
    expect(await value(host, 'engagement:roster', { engagementHandle: handle })).toEqual({ sites: [], team: [] });

    expect(await call(host, 'engagement:close', { engagementHandle: handle })).toEqual({ ok: true, value: null });
    expect(await value(host, 'engagement:handles', {})).toEqual([]);
    expect(host.service.openHandles()).toEqual([]);
    expect(await call(host, 'engagement:summary', { engagementHandle: handle })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLE' } });

    // Closed: now the other session may open it, and sees the edit.
    const reopened = await value<OpenedEngagementView>(host, 'engagement:open', { file: 'Northwind 2026.iso20k' }, SESSION_B);
    expect(reopened.summary.engagement?.objectives).toBe('Recommend certification or not');
    expect(reopened.summary.handle).not.toBe(handle);
    expect(await value(host, 'recent:list', {})).toEqual([expect.objectContaining({ file: 'Northwind 2026.iso20k', missing: false })]);
  });

  it('saves a copy as a job whose done event, found by jobs:poll, carries the SHA-256', async () => {
    const { host, workspace } = await start();
    await value(host, 'installation:set', DANA);
    const created = await value<OpenedEngagementView>(host, 'engagement:create', { file: 'Northwind 2026', fields: sampleEngagement() });
    const handle = created.summary.handle;

    // Another session may not start a job on this session's engagement.
    expect(await call(host, 'job:start', { kind: 'engagement:saveCopy', engagementHandle: handle, file: 'Stolen' }, SESSION_B)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_HANDLE' },
    });
    expect(await call(host, 'job:start', { kind: 'engagement:saveCopy', engagementHandle: handle, file: '../Copy' })).toMatchObject({
      ok: false,
      error: { code: 'PATH_OUTSIDE_WORKSPACE' },
    });

    const { jobId } = await value<{ jobId: string }>(host, 'job:start', { kind: 'engagement:saveCopy', engagementHandle: handle, file: 'Northwind copy' });
    expect(jobId).toEqual(expect.any(String));

    let afterSeq = 0;
    let done: Extract<JobEvent, { kind: 'done' }> | undefined;
    const deadline = Date.now() + 30_000;
    while (!done && Date.now() < deadline) {
      const poll = await value<JobPollView>(host, 'jobs:poll', { afterSeq, waitMs: 2_000 });
      for (const event of poll.events) {
        expect(event.jobId).toBe(jobId);
        expect(event.kind).not.toBe('failed');
        if (event.kind === 'done') done = event;
      }
      afterSeq = poll.lastSeq;
    }
    expect(done).toBeDefined();
    const copy = done!.value as { file: string; sha256: string; size: number };
    expect(copy.file).toBe('Northwind copy.iso20k');
    expect(copy.sha256).toMatch(/^[0-9a-f]{64}$/);
    const bytes = fs.readFileSync(path.join(workspace, 'Northwind copy.iso20k'));
    expect(copy.size).toBe(bytes.length);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(copy.sha256);

    // The other session's poll sees none of this session's jobs.
    expect(await value(host, 'jobs:poll', { afterSeq: 0, waitMs: 0 }, SESSION_B)).toEqual({ events: [], lastSeq: 0 });
    expect(await call(host, 'engagement:close', { engagementHandle: handle })).toEqual({ ok: true, value: null });
  });
});
