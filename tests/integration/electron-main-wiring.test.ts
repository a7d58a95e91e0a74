import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/platform/csp.ts';
import { tempDir } from '../helpers/temp.ts';
import { FakeBrowserWindow, createFakeElectron } from './fake-electron.ts';

/**
 * The built Electron main process (dist/app/main.cjs), run under Node with only the 'electron'
 * module replaced: what it registers, what windows it makes, and what its IPC and app:// answer.
 * (The real binary runs in tests/electron where it can be installed.)
 */
const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
let fake: ReturnType<typeof createFakeElectron>;

beforeAll(async () => {
  fake = createFakeElectron(tempDir('aw-electron-main-'));
  const electronPath = require.resolve('electron', { paths: [path.join(root, 'dist/app')] });
  require.cache[electronPath] = { id: electronPath, filename: electronPath, loaded: true, exports: fake.electron } as never;
  require(path.join(root, 'dist/app/main.cjs'));
  fake.emitReady();
  // Wait until main has started its services and made the home window.
  for (let i = 0; i < 200 && FakeBrowserWindow.getAllWindows().length === 0; i++) await new Promise((r) => setTimeout(r, 25));
});

afterAll(async () => {
  fake.electron.app.emit('before-quit', { preventDefault: () => undefined });
  await new Promise((r) => setTimeout(r, 500));
});

describe('Electron main process wiring (built bundle, Electron replaced)', () => {
  it('registers app:// as a standard secure scheme before ready', () => {
    expect(fake.registered.schemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('opens the home window hardened, from app://, never file://', () => {
    const [home] = FakeBrowserWindow.getAllWindows();
    expect(home).toBeDefined();
    expect(home!.webContents.getURL()).toBe('app://bundle/index.html');
    expect(home!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(String((home!.options.webPreferences as { preload: string }).preload)).toMatch(/dist[\\/]app[\\/]preload\.cjs$/);
    expect(home!.webContents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('refuses every permission', () => {
    let granted: boolean | null = null;
    fake.registered.permissionRequest!({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(fake.registered.permissionCheck!({}, 'notifications')).toBe(false);
  });

  it('serves the renderer over app:// with the CSP header, and nothing outside it', async () => {
    const handler = fake.registered.protocolHandlers.get('app')!;
    const page = await handler(new Request('app://bundle/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<div id="root">');
    expect((await handler(new Request('app://bundle/../package.json'))).status).toBe(404);
    expect((await handler(new Request('app://bundle/%2e%2e/package.json'))).status).toBe(404);
  });

  it('answers the contract over IPC for our own page and refuses foreign or framed senders', async () => {
    const invoke = fake.registered.ipcHandlers.get('aw:invoke')!;
    const [home] = FakeBrowserWindow.getAllWindows();
    const contents = home!.webContents;
    const ours = { sender: contents, senderFrame: contents.mainFrame };
    expect(await invoke(ours, 'app:info', {})).toMatchObject({ ok: true, value: { platform: 'electron', fileAccess: 'native' } });
    expect(await invoke(ours, 'app:info', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const framed = { sender: contents, senderFrame: { url: 'app://bundle/index.html' } };
    expect(await invoke(framed, 'app:info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const foreign = { sender: contents, senderFrame: { url: 'https://example.com/' } };
    expect(await invoke(foreign, 'app:info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('opens an engagement in a window of its own, leased to that window', async () => {
    const invoke = fake.registered.ipcHandlers.get('aw:invoke')!;
    const [home] = FakeBrowserWindow.getAllWindows();
    const ours = { sender: home!.webContents, senderFrame: home!.webContents.mainFrame };
    await invoke(ours, 'installation:set', { name: 'Helen Marsh', initials: 'HM' });
    const opened = (await invoke(ours, 'engagement:openDemo', {})) as { ok: true; value: { summary: { handle: string } } };
    expect(opened.ok).toBe(true);
    const handle = opened.value.summary.handle;
    expect(await invoke(ours, 'window:showEngagement', { engagementHandle: handle })).toEqual({ ok: true, value: { inNewWindow: true } });
    const windows = FakeBrowserWindow.getAllWindows();
    expect(windows).toHaveLength(2);
    const engagementWindow = windows[1]!;
    expect(engagementWindow.webContents.getURL()).toBe(`app://bundle/index.html#engagement=${handle}`);
    // The home window no longer holds the handle; the engagement window does.
    expect(await invoke(ours, 'engagement:summary', { engagementHandle: handle })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLE' } });
    const theirs = { sender: engagementWindow.webContents, senderFrame: engagementWindow.webContents.mainFrame };
    expect(await invoke(theirs, 'engagement:summary', { engagementHandle: handle })).toMatchObject({ ok: true });
    // Opening the same file again focuses its window instead of a second one.
    const again = (await invoke(ours, 'engagement:openDemo', {})) as { ok: true; value: { openElsewhere: boolean } };
    expect(again.value.openElsewhere).toBe(true);
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(2);
    // Closing the window asks its page to save and close first.
    engagementWindow.close();
    expect(engagementWindow.webContents.sent).toContainEqual(['aw:command', 'close']);
  });
});
