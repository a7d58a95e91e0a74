import { expect, firstRun, screenshot, test } from './fixtures.ts';

test('fieldwork: ten questions answered with the keyboard only, as the team member this computer belongs to — kept on reopening', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { level: 2, name: 'Fieldwork' })).toBeVisible();

  // Asked once: which team member am I?
  await page.getByTestId('who-are-you').getByRole('button', { name: 'Helen Marsh' }).click();
  await expect(page.getByTestId('answering-as')).toHaveText('Answering as Helen Marsh');
  await expect(page.getByTestId('who-are-you')).toHaveCount(0);

  // Clause 4: conforming, conforming, nonconformity, observation; then the next group: five more.
  const cards = page.getByTestId('answer-card');
  const total = await page.getByTestId('unit-progress').textContent();
  for (const key of ['1', '1', '2', '3']) await page.keyboard.press(key);
  await expect(cards.nth(0)).toHaveAttribute('data-result', 'conforming');
  await expect(cards.nth(2)).toHaveAttribute('data-result', 'nonconformity');
  await expect(cards.nth(2)).toContainText('A finding is expected from this answer.');
  await expect(cards.nth(3)).toHaveAttribute('data-result', 'observation');
  // Notes from the keyboard: N, type, Esc back to the list.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('n');
  await page.keyboard.type('Context review minutes of Sept 2026 seen; climate change not considered in 4.1.');
  await page.keyboard.press('Escape');
  await page.keyboard.press(']');
  for (const key of ['1', '1', '5', '1']) await page.keyboard.press(key);
  // Not applicable asks why, and warns.
  await page.keyboard.press('4');
  await expect(cards.filter({ has: page.getByText('allows no exclusions') })).toHaveCount(1);
  await screenshot(page, '99-fieldwork');
  await expect(page.getByTestId('unit-progress')).toContainText('4 of');
  await page.keyboard.press('[');
  expect(await page.getByTestId('unit-progress').textContent()).toBe(total?.replace(/^0 of/, '4 of'));

  // Reopen: the answers are there.
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Kestrel' }).click();
  await page.getByTestId('nav-fieldwork').click();
  await expect(page.getByTestId('answering-as')).toHaveText('Answering as Helen Marsh');
  await expect(cards.nth(2)).toHaveAttribute('data-result', 'nonconformity');
  await expect(cards.nth(3).getByLabel('Notes')).toHaveValue('Context review minutes of Sept 2026 seen; climate change not considered in 4.1.');
  await page.keyboard.press(']');
  await expect(page.getByTestId('unit-progress')).toContainText('4 of');
});
