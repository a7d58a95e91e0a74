import { expect, firstRun, test } from './fixtures.ts';

test('scratch: overview with fieldwork progress', async ({ page, host }) => {
  await page.goto(host.url);
  await firstRun(page);
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('fieldwork-progress-units')).toBeVisible();
  await page.getByTestId('fieldwork-progress').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: '/tmp/shots/overview-progress.png' });
});
