import { isAppUrl } from './app-url.ts';

/**
 * Decisions of the hardened shell, as pure functions so tests assert them without loading Electron.
 * The app is offline: it navigates nowhere, opens no windows by itself, grants no permission.
 */

/** Links the app may hand to the system browser (help pages a user clicks on purpose). */
export const OPEN_EXTERNAL_ALLOWLIST: readonly string[] = ['https://www.iso.org/', 'https://www.iaf.nu/'];

export function mayOpenExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  return OPEN_EXTERNAL_ALLOWLIST.some((prefix) => parsed.href.startsWith(prefix));
}

/** Every permission request (camera, geolocation, notifications, ...) is refused. */
export function decidePermission(_permission: string): boolean {
  return false;
}

/** In-page navigation away from the app is refused; a reload of our own page is not navigation. */
export function mayNavigate(currentUrl: string, targetUrl: string): boolean {
  return isAppUrl(targetUrl) && new URL(targetUrl).pathname === new URL(currentUrl).pathname;
}

export type WindowOpenDecision = { action: 'deny'; openExternally: boolean };

/** window.open and target=_blank never make a window; allow-listed https links go to the browser. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: mayOpenExternal(url) };
}

export interface SenderFrame {
  readonly url: string;
  readonly isMainFrame: boolean;
}

/** IPC is answered only for our own page's top frame (not an iframe, not a foreign page). */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return Boolean(frame && frame.isMainFrame && isAppUrl(frame.url));
}
