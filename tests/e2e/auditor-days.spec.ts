import { createEngagement, expect, firstRun, screenshot, test } from './fixtures.ts';

test('auditor-days: the table value, justified adjustments, a reduction over 30 % flagged (never capped), the allocation — kept on reopening', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await createEngagement(page, 'Harbour Logistics IT', '2026-12-07', '2026-12-09');
  await page.keyboard.press('Alt+2');

  const card = page.getByTestId('auditor-days');
  await expect(card.getByTestId('audit-time-verdicts')).toContainText('Enter the table value');
  // A negative count is kept on screen with its problem, never saved nor clamped to 0.
  await card.getByLabel('Effective personnel').fill('-1');
  await card.getByLabel('Effective personnel').blur();
  await expect(card.getByText('Cannot be negative: enter 0 or more')).toBeVisible();
  await card.getByLabel('Effective personnel').fill('180');
  await expect(card.getByText('Cannot be negative: enter 0 or more')).toHaveCount(0);
  await card.getByLabel('Table value (auditor-days)').fill('10');

  // −20 % and −2 days: 40 % in all, flagged as not acceptable; the result is not cut back to 7.
  for (const [index, [amount, unit, reason]] of ([
    ['-20', '%', 'One service, one site, low complexity'],
    ['-2', 'days', 'Mature SMS, no NCs in the last cycle'],
  ] as const).entries()) {
    await card.getByRole('button', { name: 'Add adjustment' }).click();
    // The new row first: typing before it appears would go into the row above.
    await expect(card.getByTestId('time-adjustment')).toHaveCount(index + 1);
    const row = card.getByTestId('time-adjustment').nth(index);
    await row.getByLabel('Reason').fill(reason);
    await row.getByLabel('Amount (negative reduces)').fill(amount);
    await row.getByText(unit, { exact: true }).click();
  }
  await expect(card.getByTestId('time-adjustment')).toHaveCount(2);
  await expect(card.getByTestId('audit-time-result')).toHaveText('6');
  await expect(card.getByTestId('audit-time-verdicts')).toContainText('Reductions total 40 % of the table value: more than 30 % is not acceptable');

  // The CB's allocation with its justification.
  await card.getByLabel('On-site auditor-days').fill('6');
  await card.getByLabel('Remote auditor-days').fill('1');
  await card.getByLabel('Justification').fill('Table value 10 for 180 persons; reduced for one service and low complexity; 1 day of document review remote.');
  await card.getByLabel('Justification').blur();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, '85-auditor-days');

  // Back within 30 %: the second reduction taken out.
  await card.getByTestId('time-adjustment').last().getByRole('button', { name: 'Delete this adjustment' }).click();
  await expect(card.getByTestId('audit-time-result')).toHaveText('8');
  await expect(card.getByTestId('audit-time-verdicts')).not.toContainText('more than 30 %');

  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Harbour Logistics' }).click();
  await page.getByTestId('nav-setup').click();
  await expect(card.getByLabel('Effective personnel')).toHaveValue('180');
  await expect(card.getByTestId('time-adjustment')).toHaveCount(1);
  await expect(card.getByTestId('audit-time-result')).toHaveText('8');
  await expect(card.getByLabel('On-site auditor-days')).toHaveValue('6');
});
