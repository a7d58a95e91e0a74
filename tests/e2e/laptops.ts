import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startHost, type HostHandle } from './host.ts';

/** Another laptop: its own host (app data, workspace) and its own browser page; its console errors go to `problems`. */
export async function laptop(browser: Browser, name: string, problems: string[]): Promise<{ host: HostHandle; page: Page; close: () => Promise<void> }> {
  const host = await startHost({ name });
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 860 } })).newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${name}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${name}: ${error.message}`));
  await page.goto(host.url);
  // The page goes first: a host stopping under an open long-poll is not an error of the app.
  return { host, page, close: async () => (await page.context().close(), await host.stop()) };
}

/** What the USB stick does: the file goes from one laptop's workspace to another's. */
export function carry(from: HostHandle, to: HostHandle, fileName: string): void {
  fs.copyFileSync(path.join(from.workspace, fileName), path.join(to.workspace, fileName));
}
