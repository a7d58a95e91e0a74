import { EventEmitter } from 'node:events';

/**
 * A stand-in for the 'electron' module, just enough to run the built main process under Node: the
 * Electron binary cannot be downloaded on our build machines. It records what main registers so a
 * test can call the protocol handler and the IPC handler as Electron would.
 */
export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame = { url: '' };
  url = '';
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  loadURL(url: string): Promise<void> {
    this.url = url;
    this.mainFrame.url = url;
    return Promise.resolve();
  }
  getURL(): string {
    return this.url;
  }
  isLoading(): boolean {
    return false;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }
  static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
    return FakeBrowserWindow.all.find((w) => w.webContents === contents) ?? null;
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.getAllWindows()[0] ?? null;
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  isFullScreen(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  show(): void {}
  getNormalBounds() {
    return { x: 0, y: 0, width: 1200, height: 800 };
  }
  close(): void {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

export function createFakeElectron(userData: string) {
  const appEvents = new EventEmitter();
  const registered = {
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    permissionRequest: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: null as null | ((contents: unknown, permission: string) => boolean),
    menu: null as unknown,
    ready: null as null | (() => void),
  };
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  const paths: Record<string, string> = { userData, documents: userData };
  const electron = {
    app: Object.assign(appEvents, {
      name: 'Audit Workbench',
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      whenReady: () => ready,
      getPath: (name: string) => paths[name] ?? userData,
      setPath: (name: string, value: string) => (paths[name] = value),
      quit: () => undefined,
      exit: () => undefined,
    }),
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => registered.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Response) => registered.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof registered.permissionRequest) => (registered.permissionRequest = handler),
        setPermissionCheckHandler: (handler: typeof registered.permissionCheck) => (registered.permissionCheck = handler),
      },
    },
    ipcMain: { handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => registered.ipcHandlers.set(channel, handler) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => (registered.menu = menu) },
    dialog: {
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
      showErrorBox: () => undefined,
    },
    BrowserWindow: FakeBrowserWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: () => Promise.resolve() },
  };
  return { electron, registered, emitReady: () => readyResolve() };
}
