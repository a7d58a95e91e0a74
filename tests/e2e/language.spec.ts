import { createEngagement, expect, screenshot, test } from './fixtures.ts';

test('the interface language is asked at first run, applied at once, changed in settings without a restart, and kept', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Who uses this installation?' })).toBeVisible();
  // A marker on the page: if it survives, the language changed without reloading.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  await page.getByRole('radio', { name: /^简体中文/ }).check();
  await expect(page.getByRole('heading', { name: '谁在使用本机上的审核工作台？' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('partly-translated')).toContainText('部分翻译');
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
