import { createEngagement, expect, firstRun, screenshot, test } from './fixtures.ts';

test('preparation: the client’s representative and Chinese certificate facts, an integrated audit, the team’s impartiality — all kept on reopening', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await createEngagement(page, 'Shenzhen Cloud Services Co., Ltd.', '2026-12-07', '2026-12-09');

  await page.keyboard.press('Alt+2');
  await page.getByLabel('Client representative').fill('Li Na, SMS owner');
  await page.getByLabel('Contact', { exact: true }).fill('li.na@example.cn');
  await page.getByRole('button', { name: /Add what a Chinese certificate needs/ }).click();
  const code = page.getByLabel('Unified social credit code');
  // A typo in the check character is caught at the field and not saved.
  await code.fill('91350100M000100Y44');
  await expect(page.getByText('The last character does not match the others')).toBeVisible();
  await code.fill('91350100M000100Y43');
  await expect(page.getByText('The last character does not match the others')).toHaveCount(0);
  await page.getByTestId('china-facts').getByText('Yes', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Audit language' }).click();
  await page.getByRole('option', { name: 'Chinese (China)' }).click();
  await page.getByText('Integrated', { exact: true }).click();
  await page.getByLabel('Other standards audited').fill('ISO/IEC 27001:2022');
  await page.getByLabel('Other standards audited').blur();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await screenshot(page, '60-setup-preparation');

  // The certification history: an expiry before the decision is caught at the field and not saved.
  const history = page.getByTestId('history');
  await history.getByLabel('Certificate number').fill('ITSM-2023-0412');
  await history.getByLabel('Certification decision').fill('2024-01-15');
  await history.getByLabel('Certificate expires').fill('2023-12-31');
  await expect(history.getByText('The expiry is on or before the certification decision')).toBeVisible();
  await history.getByLabel('Certificate expires').fill('2027-01-14');
  await expect(history.getByText('The expiry is on or before the certification decision')).toHaveCount(0);
  await history.getByRole('combobox', { name: 'Type of the earlier audit to add' }).click();
  await page.getByRole('option', { name: 'Surveillance 1' }).click();
  await history.getByRole('button', { name: 'Add earlier audit' }).click();
  const earlier = history.getByTestId('earlier-audit');
  await expect(earlier).toHaveCount(1);
  await earlier.getByLabel('From').fill('2025-01-13');
  await earlier.getByLabel('To').fill('2025-01-14');
  await earlier.getByLabel('Clauses covered').fill('4, 5, 8.1–8.3, 9.2');
  await earlier.getByLabel('Sites visited').fill('Shenzhen HQ');
  await earlier.getByLabel('Sites visited').blur();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await history.scrollIntoViewIfNeeded();
  await screenshot(page, '62-setup-history');
  await page.getByLabel('Client representative').scrollIntoViewIfNeeded();
  await screenshot(page, '60-setup-client');

  await page.getByTestId('nav-team').click();
  const form = page.getByRole('form', { name: 'Add member' });
  for (const [name, initials, role] of [
    ['Helen Marsh', 'HM', 'Audit team leader'],
    ['Tomasz Nowak', 'TN', 'Technical expert'],
  ] as const) {
    await form.getByLabel('New team member').fill(name);
    await form.getByLabel('Initials').fill(initials);
    await form.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: role }).click();
    await form.getByLabel('Initials').press('Enter');
    await expect(page.getByTestId('team-row').filter({ has: page.locator(`input[value="${name}"]`) })).toHaveCount(1);
  }
  const card = page.getByTestId('impartiality');
  await expect(card.getByRole('table', { name: 'Auditors' }).getByText('Helen Marsh')).toBeVisible();
  await expect(card.getByRole('table', { name: 'Accompanying persons' }).getByText('Tomasz Nowak')).toBeVisible();
  await expect(card.getByText('Declaration missing')).toHaveCount(2);

  await card.getByLabel('Client told the team’s names on').fill('2026-11-16');
  await card.getByLabel('Registration number: Helen Marsh').fill('CCAA 2024-N1ITSM-1234567');
  await card.getByRole('combobox', { name: 'Conflict of interest: Helen Marsh' }).click();
  await page.getByRole('option', { name: 'None declared' }).click();
  await card.getByLabel('Declared on: Helen Marsh').fill('2026-11-13');
  await card.getByLabel('Declared by: Helen Marsh').fill('Helen Marsh');
  await card.getByRole('combobox', { name: 'Conflict of interest: Tomasz Nowak' }).click();
  await page.getByRole('option', { name: 'Conflict declared' }).click();
  await expect(card.getByText('Say what the conflict is')).toBeVisible();
  await card.getByLabel('The conflict Tomasz Nowak declared, and how it is handled').fill('Advised the client on its CMDB tooling in 2025; the CB excluded him from auditing 8.2.6.');
  await card.getByLabel('The conflict Tomasz Nowak declared, and how it is handled').blur();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await screenshot(page, '61-team-impartiality');

  // Everything is in the file.
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Shenzhen Cloud Services' }).click();
  await page.getByTestId('nav-setup').click();
  await expect(page.getByLabel('Client representative')).toHaveValue('Li Na, SMS owner');
  await expect(page.getByLabel('Unified social credit code')).toHaveValue('91350100M000100Y43');
  await expect(page.getByRole('combobox', { name: 'Audit language' })).toHaveValue('Chinese (China)');
  await expect(page.getByLabel('Other standards audited')).toHaveValue('ISO/IEC 27001:2022');
  await expect(history.getByLabel('Certificate expires')).toHaveValue('2027-01-14');
  await expect(history.getByTestId('earlier-audit').getByLabel('Clauses covered')).toHaveValue('4, 5, 8.1–8.3, 9.2');
  await page.getByTestId('nav-overview').click();
  await expect(page.getByTestId('certificate-countdown')).toContainText('ITSM-2023-0412');
  await expect(page.getByTestId('certificate-countdown')).toContainText('Certificate expires on 14 Jan 2027');
  await page.getByTestId('nav-team').click();
  await expect(card.getByLabel('Client told the team’s names on')).toHaveValue('2026-11-16');
  await expect(card.getByLabel('Registration number: Helen Marsh')).toHaveValue('CCAA 2024-N1ITSM-1234567');
  await expect(card.getByRole('combobox', { name: 'Conflict of interest: Helen Marsh' })).toHaveValue('None declared');
  await expect(card.getByLabel('The conflict Tomasz Nowak declared, and how it is handled')).toHaveValue(/CMDB tooling/);
  await expect(card.getByText('Declaration missing')).toHaveCount(0);
});
