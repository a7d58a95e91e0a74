import type { MenuLabels } from '../../shared/contract/views.ts';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../tests/helpers/temp.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../platform/csp.ts';
import { APP_ENTRY_URL, appRequestPath, isAppUrl } from './app-url.ts';
import { appDataFromArgv, engagementFilesFromArgv } from './argv.ts';
import { ElectronPlatform, type DesktopShell } from './electron-platform.ts';
import { ENGLISH_MENU_LABELS, menuTemplate } from './menu-template.ts';
import { OpenRequests, secondInstanceAction } from './open-requests.ts';
import { decidePermission, decideWindowOpen, isTrustedSender, mayNavigate, mayOpenExternal } from './security.ts';
import { windowOptions } from './window-options.ts';
import { WindowStateFile, visibleBounds } from './window-state.ts';

describe('content security policy', () => {
  it('is exactly the policy of DESIGN.md, sent with nosniff', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('app:// URLs', () => {
  it('recognises only our own origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://bundle/assets/index.js')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://bundle/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(appRequestPath('app://bundle/assets/a.js?x=1')).toBe('/assets/a.js');
    expect(appRequestPath('https://example.com/')).toBeNull();
  });
});

describe('window options', () => {
  it('sandbox, context isolation, no Node, web security, no webviews', () => {
    const options = windowOptions('/app/preload.cjs', { width: 1200, height: 800 }, 'Audit Workbench');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.show).toBe(false);
  });
});

describe('permissions, navigation, new windows, external links, IPC senders', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])('refuses the %s permission', (permission) => {
    expect(decidePermission(permission)).toBe(false);
  });

  it('refuses navigation away from the app, allows a reload of the same page', () => {
    expect(mayNavigate(APP_ENTRY_URL, 'https://example.com/')).toBe(false);
    expect(mayNavigate(APP_ENTRY_URL, 'file:///tmp/x.html')).toBe(false);
    expect(mayNavigate(APP_ENTRY_URL, 'app://bundle/other.html')).toBe(false);
    expect(mayNavigate(APP_ENTRY_URL, `${APP_ENTRY_URL}#engagement=1`)).toBe(true);
  });

  it('never opens a window; only allow-listed https links go to the system browser', () => {
    expect(decideWindowOpen('https://www.iso.org/standard/70636.html')).toEqual({ action: 'deny', openExternally: true });
    expect(decideWindowOpen('https://evil.example/')).toEqual({ action: 'deny', openExternally: false });
    expect(mayOpenExternal('http://www.iso.org/')).toBe(false);
    expect(mayOpenExternal('https://user:pw@www.iso.org/')).toBe(false);
    expect(mayOpenExternal('https://www.iso.org.evil.example/')).toBe(false);
    expect(mayOpenExternal('javascript:alert(1)')).toBe(false);
  });

  it('answers IPC only from our own top frame', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('opening files the way desktop users expect', () => {
  it('finds .iso20k files in argv (double-click, command line), ignoring the executable and flags', () => {
    const argv = ['/opt/Audit Workbench/audit-workbench', '--no-sandbox', 'Northwind.iso20k', '/data/Kestrel.ISO20K', 'notes.txt', 'Northwind.iso20k'];
    expect(engagementFilesFromArgv(argv, '/home/dana/audits')).toEqual(['/home/dana/audits/Northwind.iso20k', '/data/Kestrel.ISO20K']);
    expect(engagementFilesFromArgv(['electron', '.'], '/x')).toEqual([]);
    expect(appDataFromArgv(['electron', '.', '--app-data=/tmp/aw'])).toBe('/tmp/aw');
    expect(appDataFromArgv(['electron', '.'])).toBeNull();
  });

  it('holds open-file events that arrive before the app is ready, in order, once each', () => {
    const requests = new OpenRequests();
    requests.add('/a.iso20k');
    requests.addAll(['/b.iso20k', '/a.iso20k']);
    const opened: string[] = [];
    requests.drainTo((file) => opened.push(file));
    requests.add('/c.iso20k');
    expect(opened).toEqual(['/a.iso20k', '/b.iso20k', '/c.iso20k']);
  });

  it('a second launch focuses the running app and hands over its files', () => {
    expect(secondInstanceAction([])).toEqual({ focus: 'home' });
    expect(secondInstanceAction(['/a.iso20k'])).toEqual({ focus: 'files', files: ['/a.iso20k'] });
  });
});

describe('window state', () => {
  const screenArea = { x: 0, y: 0, width: 1920, height: 1080 };
  it('reuses saved bounds only where a display still shows them', () => {
    const fallback = { width: 1366, height: 880 };
    expect(visibleBounds({ x: 100, y: 50, width: 1200, height: 800 }, [screenArea], fallback)).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
    expect(visibleBounds({ x: 2500, y: 50, width: 1200, height: 800 }, [screenArea], fallback)).toEqual({ width: 1200, height: 800 });
    expect(visibleBounds({ width: 100, height: 100 }, [screenArea], fallback)).toEqual(fallback);
    expect(visibleBounds(undefined, [screenArea], fallback)).toEqual(fallback);
  });

  it('remembers bounds per engagement in a file and survives a damaged file', () => {
    const file = path.join(tempDir(), 'window-state.json');
    new WindowStateFile(file).set('engagement:e1', { x: 10, y: 20, width: 1000, height: 700 });
    expect(new WindowStateFile(file).get('engagement:e1')).toEqual({ x: 10, y: 20, width: 1000, height: 700 });
    fs.writeFileSync(file, '{not json');
    expect(new WindowStateFile(file).get('engagement:e1')).toBeUndefined();
  });
});

describe('application menu', () => {
  it('has the usual shortcuts and sends its commands', () => {
    const send = vi.fn();
    const template = menuTemplate('linux', ENGLISH_MENU_LABELS, send, { devTools: false, appName: 'Audit Workbench' });
    const file = template.find((m) => m.label === 'File')!.submenu as { label?: string; accelerator?: string; role?: string; click?: () => void }[];
    expect(file.filter((i) => i.accelerator).map((i) => i.accelerator)).toEqual(['CmdOrCtrl+N', 'CmdOrCtrl+O', 'CmdOrCtrl+Shift+S', 'CmdOrCtrl+W']);
    expect(file.some((i) => i.role === 'quit')).toBe(true);
    file.find((i) => i.accelerator === 'CmdOrCtrl+Shift+S')!.click!();
    expect(send).toHaveBeenCalledWith('saveCopy');
    const edit = template.find((m) => m.label === 'Edit')!.submenu as { role?: string }[];
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    const view = JSON.stringify(template.find((m) => m.label === 'View'));
    expect(view).toContain('zoomIn');
    expect(view).not.toContain('toggleDevTools');
    expect(JSON.stringify(menuTemplate('darwin', ENGLISH_MENU_LABELS, send, { devTools: true, appName: 'Audit Workbench' }))).toContain('toggleDevTools');
  });
});

describe('ElectronPlatform', () => {
  const shell = (saveAs: string | null): DesktopShell => ({
    pickFileToOpen: () => Promise.resolve('/audits/Northwind.iso20k'),
    pickFileToSave: () => Promise.resolve(saveAs),
    showEngagementWindow: () => Promise.resolve(true),
    focusOwner: () => true,
    setMenuLabels: (labels) => menus.push(labels),
    keyProtection: () => null,
  });
  const menus: MenuLabels[] = [];

  it('relabels the application menu in the interface language', () => {
    const platform = new ElectronPlatform(tempDir(), shell(null));
    const chinese = { file: '文件', newEngagement: '新建审核项目…', open: '打开…', saveCopy: '另存副本…', close: '关闭', edit: '编辑', view: '视图', window: '窗口' };
    expect(platform.setMenuLabels(chinese)).toBe(true);
    expect(menus.at(-1)).toEqual(chinese);
    const template = menuTemplate('win32', chinese, () => undefined, { devTools: false, appName: 'Audit Workbench' });
    expect(template.map((menu) => menu.label).filter(Boolean)).toEqual(['文件', '编辑', '视图', '窗口']);
    expect(JSON.stringify(template[0])).toContain('新建审核项目…');
  });

  it('opens any existing .iso20k path, but writes only where the user chose in a save dialog', async () => {
    const platform = new ElectronPlatform(tempDir(), shell('/audits/Copy for Lee'));
    expect(platform.resolveFile('/audits/Northwind.iso20k', 'open')).toBe('/audits/Northwind.iso20k');
    const refused = (fn: () => unknown): boolean => {
      try {
        fn();
        return false;
      } catch (error) {
        return (error as { code?: string }).code === 'PATH_OUTSIDE_WORKSPACE';
      }
    };
    expect(refused(() => platform.resolveFile('relative.iso20k', 'open'))).toBe(true);
    expect(refused(() => platform.resolveFile('/etc/passwd', 'open'))).toBe(true);
    expect(refused(() => platform.resolveFile('/audits/Copy for Lee.iso20k', 'save'))).toBe(true);
    expect(await platform.pickFile('window:1', 'save', 'Copy for Lee')).toBe('/audits/Copy for Lee.iso20k');
    expect(platform.resolveFile('/audits/Copy for Lee.iso20k', 'save')).toBe('/audits/Copy for Lee.iso20k');
  });

  it('uses native dialogs and keeps the demo in app data', async () => {
    const appData = tempDir();
    const platform = new ElectronPlatform(appData, shell(null));
    expect(await platform.pickFile('window:1', 'open')).toBe('/audits/Northwind.iso20k');
    expect(await platform.pickFile('window:1', 'save', 'x')).toBeNull();
    expect(platform.demoFile().startsWith(appData)).toBe(true);
    expect(() => platform.listFiles()).toThrow(/system file dialogs/);
  });
});
