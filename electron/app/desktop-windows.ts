import path from 'node:path';
import { BrowserWindow, screen, shell } from 'electron';
import type { HandleLeases } from '../router/handle-leases.ts';
import { APP_ENTRY_URL } from './app-url.ts';
import type { MenuCommand } from './menu-template.ts';
import { decideWindowOpen, mayNavigate } from './security.ts';
import { DEFAULT_ENGAGEMENT_BOUNDS, DEFAULT_HOME_BOUNDS, windowOptions } from './window-options.ts';
import { visibleBounds, type WindowStateFile } from './window-state.ts';

export const ownerOf = (window: BrowserWindow): string => `window:${window.webContents.id}`;

/**
 * The home window and one window per engagement. Window bounds are remembered per engagement;
 * closing an engagement window first lets its page save and close the engagement cleanly.
 */
export class DesktopWindows {
  private home: BrowserWindow | null = null;
  private readonly engagementWindows = new Map<string, BrowserWindow>(); // by engagement handle
  private readonly closeAllowed = new WeakSet<BrowserWindow>();

  constructor(
    private readonly preloadPath: string,
    private readonly state: WindowStateFile,
    private readonly leases: HandleLeases,
    private readonly onWindowGone: (owner: string) => Promise<void>,
    private readonly title: string,
  ) {}

  private create(key: string, fallback: typeof DEFAULT_HOME_BOUNDS, hash: string): BrowserWindow {
    const displays = screen.getAllDisplays().map((d) => d.workArea);
    const bounds = visibleBounds(this.state.get(key), displays, fallback);
    const window = new BrowserWindow(windowOptions(this.preloadPath, bounds, this.title));
    const contents = window.webContents;
    const owner = ownerOf(window);
    contents.setWindowOpenHandler(({ url }) => {
      if (decideWindowOpen(url).openExternally) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!mayNavigate(contents.getURL(), url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!mayNavigate(contents.getURL(), url)) event.preventDefault();
    });
    const remember = (): void => {
      if (!window.isDestroyed() && !window.isMinimized() && !window.isFullScreen()) this.state.set(key, window.getNormalBounds());
    };
    window.on('resized', remember);
    window.on('moved', remember);
    window.once('ready-to-show', () => window.show());
    window.on('close', (event) => {
      // Let the page flush its autosave and close its engagements first (3 s at most).
      if (this.closeAllowed.has(window) || this.leases.handlesOf(owner).length === 0) return;
      event.preventDefault();
      this.closeAllowed.add(window);
      contents.send('aw:command', 'close' satisfies MenuCommand);
      setTimeout(() => !window.isDestroyed() && window.destroy(), 3000);
    });
    window.on('closed', () => void this.onWindowGone(owner));
    void window.loadURL(`${APP_ENTRY_URL}${hash}`);
    return window;
  }

  showHome(): BrowserWindow {
    if (this.home && !this.home.isDestroyed()) {
      if (this.home.isMinimized()) this.home.restore();
      this.home.focus();
      return this.home;
    }
    this.home = this.create('home', DEFAULT_HOME_BOUNDS, '');
    this.home.on('closed', () => (this.home = null));
    return this.home;
  }

  /** Opens the engagement `handle` in its own window and hands the lease to that window. */
  showEngagement(handle: string, engagementId: string): BrowserWindow {
    const existing = this.engagementWindows.get(handle);
    if (existing && !existing.isDestroyed()) {
      existing.focus();
      return existing;
    }
    const window = this.create(`engagement:${engagementId}`, DEFAULT_ENGAGEMENT_BOUNDS, `#engagement=${handle}`);
    this.leases.lease(handle, ownerOf(window));
    this.engagementWindows.set(handle, window);
    window.on('closed', () => this.engagementWindows.delete(handle));
    return window;
  }

  focusOwner(owner: string): boolean {
    const window = BrowserWindow.getAllWindows().find((w) => !w.isDestroyed() && ownerOf(w) === owner);
    if (!window) return false;
    if (window.isMinimized()) window.restore();
    window.focus();
    return true;
  }

  windowOf(owner: string): BrowserWindow | null {
    return BrowserWindow.getAllWindows().find((w) => !w.isDestroyed() && ownerOf(w) === owner) ?? null;
  }

  /** Menu commands: new/open go to the home window, the others to the focused window. */
  sendCommand(command: MenuCommand): void {
    const target = command === 'new' || command === 'open' ? this.showHome() : BrowserWindow.getFocusedWindow();
    target?.webContents.send('aw:command', command);
  }

  static preloadNextTo(mainFile: string): string {
    return path.join(path.dirname(mainFile), 'preload.cjs');
  }
}
