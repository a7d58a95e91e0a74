import { createEngagement, expect, firstRun, screenshot, test } from './fixtures.ts';

test('scope: the certificate wording in two languages, services from the keyboard, the process coverage matrix — kept on reopening', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await createEngagement(page, 'Kite Managed IT Ltd', '2026-12-07', '2026-12-09');

  // The matrix's columns are the checklist pack's processes: without a pack it says so.
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 2, name: 'Scope' })).toBeVisible();
  await expect(page.getByTestId('process-matrix').getByText(/Choose the checklist pack first/)).toBeVisible();
  await page.keyboard.press('Alt+5');
  await page.getByTestId('engagement-pack-select').click();
  await page.getByRole('option').first().click();
  await page.getByTestId('engagement-pack-use').click();
  await expect(page.getByTestId('engagement-pack-title')).toBeVisible();
  await page.getByTestId('nav-scope').click();

  await page.getByLabel('SMS scope statement').fill('The SMS supporting managed hosting and 24x7 service desk services for business customers in the UK.');
  await page.getByLabel('Certificate wording', { exact: true }).fill('The provision of managed hosting and service desk services to business customers.');
  await page.getByRole('combobox', { name: 'Certificate also in' }).click();
  await page.getByRole('option', { name: 'Chinese (China)' }).click();
  await page.getByLabel('Certificate wording in the second language').fill('为企业客户提供托管服务和服务台服务。');
  await page.getByLabel('Certificate wording in the second language').blur();

  const services = page.getByTestId('services');
  await expect(services.getByText(/No services yet/)).toBeVisible();
  for (const [index, name] of ['Managed hosting', 'Service desk', 'Managed backup'].entries()) {
    await services.getByLabel('New service').fill(name);
    await services.getByLabel('New service').press('Enter');
    await expect(services.getByTestId('service-row')).toHaveCount(index + 1);
  }
  await services.getByTestId('service-row').nth(0).getByLabel('Customers').fill('Business customers in the UK and Ireland');
  await services.getByTestId('service-row').nth(0).getByLabel('Customers').blur();
  await services.getByRole('button', { name: 'Delete the service “Managed backup”' }).click();
  await expect(services.getByTestId('service-row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(services.getByTestId('service-row')).toHaveCount(3);

  const matrix = page.getByTestId('process-matrix');
  await matrix.getByRole('checkbox', { name: '8.6.1 Incident management through Managed hosting' }).check();
  await matrix.getByRole('checkbox', { name: '8.6.1 Incident management through Service desk' }).check();
  await matrix.getByRole('checkbox', { name: '8.5.1 Change management through Managed hosting' }).check();
  await matrix.getByRole('checkbox', { name: '8.6.1 Incident management through Service desk' }).uncheck();
  await expect(matrix.getByTestId('matrix-uncovered')).toContainText('processes not followed through any service yet');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await matrix.scrollIntoViewIfNeeded();
  await screenshot(page, '70-scope-matrix');
  await page.getByLabel('SMS scope statement').scrollIntoViewIfNeeded();
  await screenshot(page, '71-scope-wording');

  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Kite Managed IT' }).click();
  await page.getByTestId('nav-scope').click();
  await expect(page.getByLabel('Certificate wording in the second language')).toHaveValue('为企业客户提供托管服务和服务台服务。');
  await expect(page.getByTestId('service-row')).toHaveCount(3);
  await expect(page.getByTestId('service-row').nth(0).getByLabel('Customers')).toHaveValue('Business customers in the UK and Ireland');
  await expect(matrix.getByRole('checkbox', { name: '8.6.1 Incident management through Managed hosting' })).toBeChecked();
  await expect(matrix.getByRole('checkbox', { name: '8.5.1 Change management through Managed hosting' })).toBeChecked();
  await expect(matrix.getByRole('checkbox', { name: '8.6.1 Incident management through Service desk' })).not.toBeChecked();
});
