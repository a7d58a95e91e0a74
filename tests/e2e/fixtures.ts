import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startHost, type HostHandle } from './host.ts';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** Saves what the user sees under test-results/screenshots/<name>.png, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Finish the component kit's CSS transitions first: a modal caught mid-fade shows nothing.
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
}

interface Fixtures {
  host: HostHandle;
  /** Console errors and CSP violations seen by the page; the fixture fails the test on any. */
  problems: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
  },
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await use(problems);
    expect(problems, 'no console errors or CSP violations').toEqual([]);
  },
});

export { expect };
export type { Page };

/** Answers the first-run question. */
export async function firstRun(page: Page, name = 'Helen Marsh', initials = 'HM'): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Who uses this installation?' })).toBeVisible();
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Initials').fill(initials);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: 'Recent engagements' })).toBeVisible();
}

/** Creates an engagement from the home screen with Ctrl+N, as a user would, and waits for it to open. */
export async function createEngagement(page: Page, client: string, firstDay: string, lastDay: string): Promise<void> {
  // The home screen first: Ctrl+N pressed while the first-run screen is still leaving does nothing.
  await expect(page.getByTestId('current-auditor')).toBeVisible();
  await page.keyboard.press('Control+N');
  const dialog = page.getByRole('dialog', { name: 'New engagement' });
  await dialog.getByLabel('Client').fill(client);
  await dialog.getByLabel('First audit day').fill(firstDay);
  await dialog.getByLabel('Last audit day').fill(lastDay);
  await dialog.getByRole('button', { name: 'Create engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText(client);
}
