import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowBounds {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
}

export const DEFAULT_HOME_BOUNDS: WindowBounds = { width: 1180, height: 780 };
export const DEFAULT_ENGAGEMENT_BOUNDS: WindowBounds = { width: 1366, height: 880 };

/**
 * Options of every app window: sandboxed renderer, context isolation, no Node, web security on,
 * no webviews, no spellcheck downloads (offline), a preload that exposes one narrow object.
 */
export function windowOptions(preloadPath: string, bounds: WindowBounds, title: string): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    title,
    show: false,
    backgroundColor: '#f8f9fa',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}
