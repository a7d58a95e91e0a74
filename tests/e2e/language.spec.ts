import path from 'node:path';
import { createEngagement, expect, firstRun, screenshot, test } from './fixtures.ts';
import { chineseAuditorsDay } from './zh-journey.ts';

test('the interface language is asked at first run, applied at once; a day of a Chinese auditor in it (zh-journey.ts); changed in settings without a restart, and kept', async ({ page, host, problems }) => {
  void problems;
  test.setTimeout(180_000);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Who uses this installation?' })).toBeVisible();
  // A marker on the page: if it survives, the language changed without reloading.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  await page.getByRole('radio', { name: /^简体中文/ }).check();
  await expect(page.getByRole('heading', { name: '谁在使用本机上的审核工作台？' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // Chinese is complete: no "partly translated" mark (issue 21).
  await expect(page.getByTestId('partly-translated')).toHaveCount(0);
  await screenshot(page, '50-first-run-zh');
  await page.getByPlaceholder('例如：王海伦').fill('王海伦');
  await page.getByLabel('姓名缩写').fill('WHL');
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByText('审核工作台', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  // The home screen in Chinese; Chinese formats the dates.
  await expect(page.getByRole('heading', { name: '最近的审核项目' })).toBeVisible();
  await createEngagement(page, '深圳云服务有限公司', '2026-12-07', '2026-12-09', 'zh-CN');
  await expect(page.getByText('2026年12月7日至2026年12月9日')).toBeVisible();

  await page.keyboard.press('Alt+2');
  const editor = page.getByTestId('sites-editor');
  await expect(editor.getByText('尚无场所。')).toBeVisible();
  await editor.getByLabel('新场所').fill('深圳总部');
  await editor.getByLabel('新场所').press('Enter');
  await expect(editor.getByTestId('site-row')).toHaveCount(1);
  await expect(editor.getByTestId('site-row').getByLabel('人数')).toBeVisible();
  await screenshot(page, '51-sites-zh');
  await page.getByTestId('nav-team').click();
  await expect(page.getByRole('heading', { name: '审核组', exact: true })).toBeVisible();
  await screenshot(page, '52-team-zh');
  await chineseAuditorsDay(page, host.workspace);
  await page.getByTestId('nav-team').click();

  // Settings (Ctrl+,): back to English at once; the choice is kept for the next start.
  await page.keyboard.press('Control+Comma');
  const settings = page.getByRole('dialog', { name: '设置' });
  await expect(settings).toBeVisible();
  await screenshot(page, '53-settings-zh');
  await settings.getByRole('radio', { name: /^English/ }).check();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Team', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  await screenshot(page, '54-settings-en');
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Team', exact: true })).toBeVisible();
  await page.keyboard.press('Control+Comma');
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: /^English/ })).toBeChecked();
});

test('Settings says how many backups are kept and how much space they may take, where they are and what they take now', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);

  // Nothing opened yet: no backups, and the panel says when the first is taken.
  await page.keyboard.press('Control+Comma');
  let settings = page.getByRole('dialog', { name: 'Settings' });
  const panel = settings.getByTestId('backups-panel');
  await expect(panel.getByTestId('backup-rule')).toHaveText(
    'Audit Workbench keeps the 10 most recent backups of each engagement, at most 2 GB per engagement; the newest backup is always kept.',
  );
  await expect(panel.getByTestId('backups-empty')).toHaveText('No backups yet. The first is taken when you open an engagement.');
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, '57-settings-backups-empty');
  await page.keyboard.press('Escape');

  // Opening an existing engagement backs it up (a new one has nothing to lose yet); closing waits for the backup.
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toBeVisible();
  const demoClient = await page.getByTestId('engagement-title').innerText();
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByTestId('recent-row').filter({ hasText: demoClient }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText(demoClient);
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await createEngagement(page, 'Northwind Hosting Ltd', '2026-12-07', '2026-12-09');
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Northwind Hosting Ltd' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Northwind Hosting Ltd');

  await page.keyboard.press('Control+Comma');
  settings = page.getByRole('dialog', { name: 'Settings' });
  const usage = settings.getByTestId('backup-usage');
  // The new engagement's backup is taken as it opens: reopen Settings until it is listed.
  await expect(async () => {
    if (!(await usage.isVisible()) || (await usage.getByRole('row').count()) < 4) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Comma');
    }
    await expect(usage.getByRole('row')).toHaveCount(4, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(settings.getByTestId('backup-folder')).toHaveText(path.join(host.appData, 'backups'));
  const rows = usage.getByRole('row');
  await expect(rows.nth(0)).toHaveText(['Client', 'Backups', 'Space used'].join(''));
  // Newest first: the open engagement (marked) then the demo; one backup each, a size each.
  const size = /^\d[\d,]*(\.\d)? (kB|MB)$/;
  await expect(rows.nth(1).getByRole('cell')).toHaveText(['Northwind Hosting LtdOpen', '1', size]);
  await expect(rows.nth(2).getByRole('cell')).toHaveText([demoClient, '1', size]);
  await expect(rows.nth(3).getByRole('columnheader')).toHaveText(['All engagements', '2', size]);
  await expect(settings.getByText('Copy path')).toBeVisible();
  await settings.getByTestId('backups-panel').scrollIntoViewIfNeeded();
  await screenshot(page, '55-settings-backups-en');

  // The same in Chinese, switched from the dialog itself.
  await settings.getByRole('radio', { name: /^简体中文/ }).check();
  settings = page.getByRole('dialog', { name: '设置' });
  await expect(settings.getByTestId('backup-rule')).toHaveText('审核工作台为每个审核项目保留最近 10 份备份，且每个审核项目的备份合计不超过 2 GB；最新的一份备份始终保留。');
  await expect(settings.getByTestId('backup-usage').getByRole('row').nth(0)).toHaveText('受审核方备份数占用空间');
  await expect(settings.getByTestId('backup-usage').getByRole('row').nth(3)).toContainText('全部审核项目');
  await expect(settings.getByText('如需恢复备份，请在主页选择“从备份恢复”。')).toBeVisible();
  await screenshot(page, '56-settings-backups-zh');
});
