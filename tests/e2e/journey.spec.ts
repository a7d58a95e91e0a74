import fs from 'node:fs';
import path from 'node:path';
import { expect, firstRun, screenshot, test } from './fixtures.ts';

test('first run → create → edit Setup → close → reopen: the data is there', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await screenshot(page, '01-first-run');
  await firstRun(page);
  await expect(page.getByTestId('recent-empty')).toBeVisible();
  await screenshot(page, '02-home-empty');

  await page.keyboard.press('Control+N');
  const dialog = page.getByRole('dialog', { name: 'New engagement' });
  await dialog.getByLabel('Client').fill('Northwind Managed Services GmbH');
  await dialog.getByLabel('First audit day').fill('2026-12-07');
  await dialog.getByLabel('Last audit day').fill('2026-12-09');
  await expect(dialog.getByLabel('File name')).toHaveValue('Northwind Managed Services GmbH 2026');
  await screenshot(page, '03-create-engagement');
  await dialog.getByRole('button', { name: 'Create engagement' }).click();

  await expect(page.getByTestId('engagement-title')).toHaveText('Northwind Managed Services GmbH');
  await expect(page.getByTestId('next-step-setup')).toBeVisible();
  await screenshot(page, '04-overview-new');
  expect(fs.existsSync(path.join(host.workspace, 'Northwind Managed Services GmbH 2026.iso20k'))).toBe(true);

  await page.getByTestId('nav-setup').click();
  await page.getByLabel('Certification body').fill('Example Certification Ltd');
  await page.getByLabel('Audit scope').fill('Managed hosting and service desk for business customers in Germany');
  await page.getByLabel('Audit objectives').fill('Determine whether the SMS conforms and is effective');
  await page.getByLabel('Audit objectives').blur();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('save-state')).toContainText('Saved');
  await screenshot(page, '05-setup-saved');

  await page.getByRole('button', { name: 'Close engagement' }).click();
  const row = page.getByTestId('recent-row').filter({ hasText: 'Northwind Managed Services GmbH' });
  await expect(row).toBeVisible();
  await screenshot(page, '06-home-recent');

  await row.click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Northwind Managed Services GmbH');
  await expect(page.getByText('Example Certification Ltd')).toBeVisible();
  await page.getByTestId('nav-setup').click();
  await expect(page.getByLabel('Audit scope')).toHaveValue('Managed hosting and service desk for business customers in Germany');
  await expect(page.getByLabel('Audit objectives')).toHaveValue('Determine whether the SMS conforms and is effective');

  // Open through the in-page picker too (Ctrl+O on the home screen).
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await expect(page.getByRole('heading', { name: 'Recent engagements' })).toBeVisible();
  await page.keyboard.press('Control+O');
  const picker = page.getByRole('dialog', { name: 'Open an engagement' });
  await expect(picker.getByText('Northwind Managed Services GmbH 2026.iso20k')).toBeVisible();
  await screenshot(page, '07-open-picker');
  await picker.getByText('Northwind Managed Services GmbH 2026.iso20k').click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Northwind Managed Services GmbH');
});

test('the demo opens, and a reload keeps the engagement and the section', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await expect(page.getByRole('table', { name: 'Sites' }).getByText('Leeds service desk')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Audit team' }).getByText('Helen Marsh')).toBeVisible();
  await screenshot(page, '08-demo-overview');
  await page.getByTestId('nav-setup').click();
  await screenshot(page, '09-demo-setup');

  await page.reload();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await expect(page.getByLabel('Audit scope')).toBeVisible();
  await expect(page.getByTestId('status-file')).toHaveText('Demo - Kestrel Data Services.iso20k');
});

test('save a copy shows its SHA-256, which matches the file', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.keyboard.press('Control+Shift+S');
  const picker = page.getByRole('dialog', { name: 'Save a copy as' });
  await picker.getByLabel('File name').fill('Kestrel for Rajesh');
  await screenshot(page, '10-save-copy-picker');
  await picker.getByRole('button', { name: 'Save copy' }).click();
  const sha = page.getByTestId('sha256');
  await expect(sha).toHaveText(/^[0-9a-f]{64}$/);
  await screenshot(page, '11-save-copy-done');
  const { createHash } = await import('node:crypto');
  const bytes = fs.readFileSync(path.join(host.workspace, 'Kestrel for Rajesh.iso20k'));
  expect(await sha.textContent()).toBe(createHash('sha256').update(bytes).digest('hex'));
});

test('restore from backup writes a new file and opens it', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await page.getByRole('button', { name: 'Open the demo engagement' }).click(); // created
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByRole('button', { name: 'Open the demo engagement' }).click(); // opened: backed up
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.getByRole('button', { name: 'Close engagement' }).click();

  await page.getByRole('button', { name: 'Restore from backup' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await dialog.getByRole('row').filter({ hasText: 'Kestrel Data Services Ltd' }).first().click();
  await dialog.getByLabel('Restore as').fill('Kestrel restored');
  await screenshot(page, '12-restore');
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('status-file')).toHaveText('Kestrel restored.iso20k');
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
});

test('a recent engagement whose file is gone is marked and can be removed', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await expect(page.getByRole('heading', { name: 'Recent engagements' })).toBeVisible();
  fs.rmSync(path.join(host.workspace, 'Demo - Kestrel Data Services.iso20k'));
  await page.reload();
  const row = page.getByTestId('recent-row').filter({ hasText: 'Kestrel Data Services Ltd' });
  await expect(row.getByText('File missing')).toBeVisible();
  await screenshot(page, '13-recent-missing');
  await row.getByRole('button', { name: 'Remove from the list' }).click();
  await expect(page.getByTestId('recent-empty')).toBeVisible();
});
