import { createEngagement, expect, firstRun, screenshot, test } from './fixtures.ts';

test('the MD 1 site sample: eligibility, the size, the random part drawn with a recorded seed, chosen sites with reasons — kept on reopening', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await createEngagement(page, 'Northwind Retail Systems', '2026-12-07', '2026-12-10');

  await page.keyboard.press('Alt+2');
  const sites = page.getByTestId('sites-editor');
  const names = ['Head office', 'Leeds', 'York', 'Hull', 'Derby', 'Bath'];
  for (const [index, name] of names.entries()) {
    await sites.getByLabel('New site').fill(name);
    await sites.getByLabel('New site').press('Enter');
    await expect(sites.getByTestId('site-row')).toHaveCount(index + 1);
  }
  // A negative headcount is kept on screen with its problem, never saved nor clamped; letters cannot be typed.
  const headcount = sites.getByTestId('site-row').nth(1).getByLabel('Headcount');
  await headcount.fill('-1');
  await headcount.blur();
  await expect(sites.getByText('A headcount is a number of people: 0 or more')).toBeVisible();
  await expect(headcount).toHaveValue('-1');
  await headcount.fill('');
  await headcount.pressSequentially('4x0');
  await expect(headcount).toHaveValue('40');
  await expect(sites.getByText('A headcount is a number of people: 0 or more')).toHaveCount(0);
  // The first site is the central function.
  await sites.getByTestId('site-row').nth(0).getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Central function' }).click();

  const sample = page.getByTestId('site-sample');
  await expect(sample.getByTestId('sample-issues')).toContainText('Answer the eligibility questions first');
  for (const question of ['All sites work under one management system', 'A central function plans and controls the SMS for all sites', 'Internal audits have covered every site']) {
    await sample.getByRole('radiogroup', { name: question }).getByText('Yes', { exact: true }).click();
  }
  // x = 5 at stage 2: √5 = 2.24, so 3 sites, 1 of them at random.
  await expect(sample.getByTestId('sample-size')).toContainText('Visit at least 3 of the 5 sites besides the central function, 1 of them drawn at random');
  await sample.getByRole('button', { name: 'Draw the random sites' }).click();
  await expect(sample.getByTestId('sample-seed')).toContainText('aw-perm-1');
  await expect(sample.getByText('Drawn at random', { exact: true })).toHaveCount(1);
  await expect(sample.getByTestId('sample-issues')).toContainText('MD 1 asks for at least 3');

  // Two more, chosen with reasons.
  const notDrawn = sample.getByTestId('sample-row').filter({ has: page.getByRole('combobox') });
  for (const index of [0, 1]) {
    const row = notDrawn.nth(index);
    await row.getByRole('combobox').click();
    await page.getByRole('option', { name: 'Chosen by the auditor' }).click();
  }
  await expect(sample.getByTestId('sample-issues')).toContainText('Say why');
  const reasons = sample.getByPlaceholder('Risk, earlier nonconformities, changes, geography …');
  await reasons.nth(0).fill('Largest store, two major incidents this year');
  await reasons.nth(1).fill('New POS platform rolled out in October');
  await reasons.nth(1).blur();
  await expect(sample.getByTestId('sample-valid')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const seed = (await sample.getByTestId('sample-seed').locator('code').first().textContent())!;
  await sample.scrollIntoViewIfNeeded();
  await screenshot(page, '80-site-sample');

  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Northwind Retail' }).click();
  await page.getByTestId('nav-setup').click();
  await expect(sample.getByTestId('sample-seed')).toContainText(seed);
  await expect(sample.getByTestId('sample-valid')).toBeVisible();
  await expect(sample.getByText('Drawn at random', { exact: true })).toHaveCount(1);

  // A site added after the draw changes the population: the check says to draw again.
  await sites.getByLabel('New site').fill('Exeter');
  await sites.getByLabel('New site').press('Enter');
  await expect(sample.getByTestId('sample-issues')).toContainText('The sites changed after the draw');
});
