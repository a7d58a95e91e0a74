import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../electron/platform/csp.ts';
import { ensureElectronBinary } from './electron-binary.ts';

const root = path.resolve(import.meta.dirname, '../..');
const binary = ensureElectronBinary();

test('the real desktop app: demo, edit, reopen, CSP, no new windows, no navigation', async () => {
  test.skip(binary.unavailable !== null, `Skipped: ${binary.unavailable}`);
  const appData = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-electron-'));
  const app = await electron.launch({
    executablePath: binary.path!,
    args: [path.join(root, 'dist/app/main.cjs'), `--app-data=${appData}`],
    cwd: root,
  });
  try {
    const home = await app.firstWindow();
    await expect(home.getByRole('heading', { name: 'Who uses this installation?' })).toBeVisible();
    await home.getByLabel('Full name').fill('Helen Marsh');
    await home.getByLabel('Initials').fill('HM');
    await home.getByRole('button', { name: 'Start' }).click();

    // The demo opens in a window of its own.
    const [engagement] = await Promise.all([app.waitForEvent('window'), home.getByRole('button', { name: 'Open the demo engagement' }).click()]);
    await expect(engagement.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
    expect(engagement.url().startsWith('app://bundle/')).toBe(true);

    // The CSP header is served with the page, window.open makes no window, navigation is refused.
    const csp = await engagement.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(await engagement.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    await engagement.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await engagement.waitForTimeout(500);
    expect(engagement.url().startsWith('app://bundle/')).toBe(true);

    // Edit a field, close the engagement (its window closes), reopen it: the edit is there.
    await engagement.getByTestId('nav-setup').click();
    await engagement.getByLabel('Certification body').fill('Meridian Assurance (desktop test)');
    await engagement.getByLabel('Certification body').blur();
    await expect(engagement.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    await Promise.all([engagement.waitForEvent('close'), engagement.getByRole('button', { name: 'Close engagement' }).click()]);

    const [reopened] = await Promise.all([
      app.waitForEvent('window'),
      home.getByTestId('recent-row').filter({ hasText: 'Kestrel Data Services Ltd' }).click(),
    ]);
    await reopened.getByTestId('nav-setup').click();
    await expect(reopened.getByLabel('Certification body')).toHaveValue('Meridian Assurance (desktop test)');
  } finally {
    await app.close();
    fs.rmSync(appData, { recursive: true, force: true });
  }
});
