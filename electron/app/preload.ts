import { contextBridge, ipcRenderer, webUtils } from 'electron';

/**
 * The renderer's only door to the main process: one narrow object over the contract. It never
 * exposes ipcRenderer itself. Bundled to one CommonJS file (sandboxed preloads cannot import).
 */
const MENU_CHANNEL = 'aw:command';

// Open requests can arrive before the page has booted far enough to listen: keep them until it does.
let openListener: ((file: string) => void) | null = null;
const pendingOpens: string[] = [];
ipcRenderer.on('aw:open-request', (_event, file: unknown) => {
  if (typeof file !== 'string') return;
  if (openListener) openListener(file);
  else pendingOpens.push(file);
});

contextBridge.exposeInMainWorld('auditWorkbench', {
  /** Any contract channel (job polling and, later, uploads are channels too). */
  invoke: (channel: string, payload: unknown): Promise<unknown> =>
    ipcRenderer.invoke('aw:invoke', String(channel), JSON.parse(JSON.stringify(payload ?? {}))),
  /** The path of a file dropped on the window; main checks it again before opening. */
  getPathForFile: (file: File): string => webUtils.getPathForFile(file),
  /** Menu commands (new, open, saveCopy, close) sent to this window. Returns an unsubscribe. */
  onCommand: (listener: (command: string) => void): (() => void) => {
    const handler = (_event: unknown, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },
  /** Engagement files the OS asked to open (double-click, command line, a second launch). */
  onOpenRequest: (listener: (file: string) => void): (() => void) => {
    openListener = listener;
    for (const file of pendingOpens.splice(0)) listener(file);
    return () => {
      if (openListener === listener) openListener = null;
    };
  },
});
