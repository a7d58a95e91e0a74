import path from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session } from 'electron';
import { APP_VERSION } from '../../shared/app-version.ts';
import { fail } from '../../shared/contract/result.ts';
import { EngagementService } from '../engagement/engagement-service.ts';
import { JobHub } from '../jobs/job-hub.ts';
import { SECURITY_HEADERS } from '../platform/csp.ts';
import { readStaticFile } from '../platform/static-files.ts';
import { HandleLeases } from '../router/handle-leases.ts';
import { createRouter } from '../router/handlers/index.ts';
import { APP_SCHEME, appRequestPath } from './app-url.ts';
import { appDataFromArgv, engagementFilesFromArgv } from './argv.ts';
import { DesktopWindows, ownerOf } from './desktop-windows.ts';
import { ElectronPlatform } from './electron-platform.ts';
import { safeStorageProtection } from './key-protection.ts';
import { ENGLISH_MENU_LABELS, menuTemplate } from './menu-template.ts';
import type { MenuLabels } from '../../shared/contract/views.ts';
import { OpenRequests, secondInstanceAction } from './open-requests.ts';
import { decidePermission, isTrustedSender } from './security.ts';
import { WindowStateFile } from './window-state.ts';

/**
 * The Electron entry: a thin adapter. Everything it serves comes from the plain-Node services through
 * the same router as the browser host; this file only wires windows, menu, dialogs, app:// and IPC.
 */

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

// A separate installation (tests, a second auditor on one machine): its own data and its own
// single-instance lock, which Chromium keeps in the userData folder.
const appDataOverride = appDataFromArgv(process.argv);
if (appDataOverride) app.setPath('userData', appDataOverride);

const requests = new OpenRequests();
requests.addAll(engagementFilesFromArgv(process.argv, process.cwd()));
// macOS hands files over with open-file, possibly before 'ready'.
app.on('open-file', (event, file) => {
  event.preventDefault();
  requests.add(file);
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Audit Workbench could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const appDataDir = app.getPath('userData');
  const bundleDir = __dirname; // dist/app
  const rendererDir = path.resolve(bundleDir, '../renderer');
  // Workers and better-sqlite3 are unpacked from the asar archive (electron-builder.yml asarUnpack).
  const workerDir = path.resolve(bundleDir, '../workers').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(decidePermission(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => decidePermission(permission));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  protocol.handle(APP_SCHEME, (request) => {
    const requested = appRequestPath(request.url);
    const file = requested === null ? null : readStaticFile(rendererDir, requested);
    if (!file) return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS } });
    return new Response(new Uint8Array(file.body), { headers: { ...SECURITY_HEADERS, 'Content-Type': file.type } });
  });

  const service = await EngagementService.start({ appDataDir, workerDir, backupOnOpen: true });
  const leases = new HandleLeases();
  const jobs = new JobHub();
  const windows = new DesktopWindows(
    DesktopWindows.preloadNextTo(__filename),
    new WindowStateFile(path.join(appDataDir, 'window-state.json')),
    leases,
    async (owner) => {
      // Everything kept for the window goes: its leases and last-seen time, then its job queue.
      for (const handle of leases.forget(owner)) {
        await service.close(handle).catch((error: unknown) => console.error('closing an engagement failed', error));
      }
      jobs.forget(owner);
    },
    app.name,
  );
  const setApplicationMenu = (labels: MenuLabels) =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(process.platform, labels, (command) => windows.sendCommand(command), { devTools: !app.isPackaged, appName: app.name }),
      ),
    );
  const filtersFor = (extensions: string[]) => [{ name: 'Audit Workbench files', extensions: extensions.map((e) => e.replace(/^\./, '')) }];
  const platform = new ElectronPlatform(appDataDir, {
    async pickFileToOpen(owner, extensions) {
      const parent = windows.windowOf(owner);
      const options = { properties: ['openFile' as const], filters: filtersFor(extensions) };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickFileToSave(owner, suggestedName, extensions) {
      const parent = windows.windowOf(owner);
      const options = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters: filtersFor(extensions) };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async showEngagementWindow(_owner, handle) {
      const summary = await service.summary(handle);
      windows.showEngagement(handle, summary.engagementId);
      return true;
    },
    focusOwner: (owner) => windows.focusOwner(owner),
    setMenuLabels: (labels) => setApplicationMenu(labels),
    keyProtection: () => safeStorageProtection(),
  });
  const router = createRouter({ service, platform, leases, jobs, appVersion: APP_VERSION });

  ipcMain.handle('aw:invoke', async (event, channel: unknown, payload: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame } : null)) {
      return fail('FORBIDDEN', {});
    }
    const window = BrowserWindow.fromWebContents(event.sender);
    if (!window) return fail('FORBIDDEN', {});
    // The IPC adapter serialises to JSON too, so the browser host tests exactly what runs here.
    return router.dispatch(String(channel), JSON.parse(JSON.stringify(payload ?? {})), { owner: ownerOf(window) });
  });

  setApplicationMenu(ENGLISH_MENU_LABELS);

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const action = secondInstanceAction(engagementFilesFromArgv(argv, workingDirectory));
    if (action.focus === 'files') requests.addAll(action.files);
    else windows.showHome();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) windows.showHome();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // A clean quit: every window saves and closes its engagement, then every engagement file and the
  // app-data store are closed, so the next open can skip quick_check.
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    void (async () => {
      for (const window of BrowserWindow.getAllWindows()) window.close();
      const deadline = Date.now() + 4000;
      while (BrowserWindow.getAllWindows().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await service.shutdown().catch((error: unknown) => console.error('shutdown failed', error));
      app.exit(0);
    })();
  });

  const home = windows.showHome();
  // Files named on the command line, double-clicked, or handed over by a second launch open through
  // the home window's own open flow (with its messages and the recovery consent).
  const deliver = (file: string): void => {
    const target = windows.showHome();
    const send = (): void => target.webContents.send('aw:open-request', file);
    if (target.webContents.isLoading()) target.webContents.once('did-finish-load', send);
    else send();
  };
  home.webContents.once('did-finish-load', () => requests.drainTo(deliver));
}
