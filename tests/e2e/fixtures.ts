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

/** The New engagement dialog's labels in each interface language the tests use. */
const CREATE_LABELS = {
  en: { dialog: 'New engagement', client: 'Client', firstDay: 'First audit day', lastDay: 'Last audit day', submit: 'Create engagement' },
  'zh-CN': { dialog: '新建审核项目', client: '受审核方', firstDay: '审核首日', lastDay: '审核末日', submit: '创建审核项目' },
} as const;

/** Creates an engagement from the home screen with Ctrl+N, as a user would, and waits for it to open. */
export async function createEngagement(page: Page, client: string, firstDay: string, lastDay: string, language: keyof typeof CREATE_LABELS = 'en'): Promise<void> {
  const labels = CREATE_LABELS[language];
  // The home screen first: Ctrl+N pressed while the first-run screen is still leaving does nothing.
  await expect(page.getByTestId('current-auditor')).toBeVisible();
  await page.keyboard.press('Control+N');
  const dialog = page.getByRole('dialog', { name: labels.dialog });
  await dialog.getByLabel(labels.client).fill(client);
  await dialog.getByLabel(labels.firstDay).fill(firstDay);
  await dialog.getByLabel(labels.lastDay).fill(lastDay);
  await dialog.getByRole('button', { name: labels.submit }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText(client);
}

/**
 * New → "Start from an earlier engagement" with the demo's stage 2 as the earlier one (opened once
 * so its file exists, then closed): returns the New engagement dialog showing what carries over.
 */
export async function newFromDemo(page: Page) {
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await expect(page.getByTestId('current-auditor')).toBeVisible();
  await page.keyboard.press('Control+N');
  const dialog = page.getByRole('dialog', { name: 'New engagement' });
  await dialog.getByTestId('start-from-earlier').click();
  await page.getByRole('dialog', { name: 'Choose the earlier engagement' }).getByText('Demo - Kestrel Data Services.iso20k').click();
  await expect(dialog.getByTestId('earlier-engagement')).toBeVisible();
  return dialog;
}

/** A contract call from the page with its own token and engagement (as the screens make them): what other screens would write. */
export async function callFromPage<T>(page: Page, channel: string, payload: Record<string, unknown>): Promise<T> {
  return page.evaluate(
    async ({ channel, payload }) => {
      const engagementHandle = (JSON.parse(sessionStorage.getItem('aw.view') ?? '{}') as { handle: string }).handle;
      const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${sessionStorage.getItem('aw.token') ?? ''}`,
          'Content-Type': 'application/json',
          'X-Page-Session': sessionStorage.getItem('aw.pageSession') ?? '',
        },
        body: JSON.stringify({ engagementHandle, ...payload }),
      });
      const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    { channel, payload },
  ) as Promise<T>;
}

/** Switches the interface to Chinese in Settings (Ctrl+,) and waits for the page to say so. */
export async function toChinese(page: Page): Promise<void> {
  await page.keyboard.press('Control+Comma');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: /^简体中文/ }).check();
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}
