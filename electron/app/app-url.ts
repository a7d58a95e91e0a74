/**
 * The renderer is served from app://bundle/ (never file://): a standard, secure scheme of our own,
 * so the CSP's 'self' means exactly our files and nothing on disk besides them.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Whether a URL is one of our own pages (the only frames allowed to call the contract). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The path inside the renderer build that an app:// request asks for, or null for foreign URLs. */
export function appRequestPath(url: string): string | null {
  if (!isAppUrl(url)) return null;
  return new URL(url).pathname;
}
