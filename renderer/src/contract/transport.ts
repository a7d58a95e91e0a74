import type { Result } from '../../../shared/contract/result.ts';

/** What the Electron preload exposes (electron/app/preload.ts). */
export interface DesktopBridge {
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
  getPathForFile(file: File): string;
  onCommand(listener: (command: string) => void): () => void;
  onOpenRequest(listener: (file: string) => void): () => void;
}

/** How a call reaches the router: fetch to the browser host, or the Electron preload's bridge. */
export interface Transport {
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
}

declare global {
  interface Window {
    /** Exposed by the Electron preload (one narrow object, never ipcRenderer). */
    auditWorkbench?: DesktopBridge;
  }
}

const TOKEN_KEY = 'aw.token';
const SESSION_KEY = 'aw.pageSession';

/**
 * The browser host hands the page its token in the URL fragment (never sent to the server, never a
 * cookie); the page keeps it in sessionStorage so a reload still works, and removes it from the URL.
 */
function takeToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** One id per tab that survives reloads: the host leases engagement handles to it. */
function pageSession(): string {
  let id = sessionStorage.getItem(SESSION_KEY);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(SESSION_KEY, id);
  }
  return id;
}

export class WebTransport implements Transport {
  private readonly token = takeToken();
  private readonly session = pageSession();

  get hasToken(): boolean {
    return this.token !== '';
  }

  async invoke(channel: string, payload: unknown): Promise<Result<unknown>> {
    const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${this.token}`,
        'Content-Type': 'application/json',
        'X-Page-Session': this.session,
      },
      body: JSON.stringify(payload ?? {}),
    });
    if (!response.ok) return { ok: false, error: { code: 'FORBIDDEN', params: { status: response.status } } };
    return (await response.json()) as Result<unknown>;
  }
}

export function createTransport(): Transport {
  const bridge = window.auditWorkbench;
  return bridge ? { invoke: (channel, payload) => bridge.invoke(channel, payload) } : new WebTransport();
}
