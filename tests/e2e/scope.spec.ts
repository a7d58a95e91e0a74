import fs from 'node:fs';
import path from 'node:path';
import { cbProfileChina } from '../helpers/profiles.ts';
import { createEngagement, expect, firstRun, screenshot, test, type Page } from './fixtures.ts';

const OPERATION = 'Operation and maintenance of basic infrastructure, hardware and software';

/** Picks one of the suggested IT-service categories for a service. */
async function pickCategory(page: Page, row: ReturnType<Page['getByTestId']>, name: string): Promise<void> {
  await row.getByRole('combobox', { name: 'IT service categories' }).click();
  await page.getByRole('option', { name, exact: true }).click();
  await expect(row.getByTestId('category-pill').filter({ hasText: name })).toBeVisible();
}

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

  // IT-service categories: the eight are suggested (kept by key); anything else typed stays as typed.
  const hosting = services.getByTestId('service-row').nth(0);
  await pickCategory(page, hosting, OPERATION);
  await hosting.getByRole('combobox', { name: 'IT service categories' }).fill('Cloud hosting');
  await hosting.getByRole('combobox', { name: 'IT service categories' }).press('Enter');
  await expect(hosting.getByTestId('category-pill')).toHaveText([OPERATION, 'Cloud hosting']);
  await pickCategory(page, services.getByTestId('service-row').nth(1), 'Call centre / service desk');
  await page.keyboard.press('Escape');
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
  await expect(page.getByTestId('service-row').nth(0).getByTestId('category-pill')).toHaveText([OPERATION, 'Cloud hosting']);
  await expect(page.getByTestId('service-row').nth(1).getByTestId('category-pill')).toHaveText(['Call centre / service desk']);
  await expect(page.getByTestId('service-row').nth(2).getByTestId('category-pill')).toHaveCount(0);

  // A Chinese colleague sees the same categories in Chinese (stored by key); free text as typed.
  await page.keyboard.press('Control+Comma');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: /^简体中文/ }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('service-row').nth(0).getByTestId('category-pill')).toHaveText(['基础设施及软硬件运行维护', 'Cloud hosting']);
  await expect(page.getByTestId('service-row').nth(1).getByTestId('category-pill')).toHaveText(['呼叫中心/服务台']);
});

test('scope: a CB profile that needs each service’s IT-service category and the certificate in two languages says what is missing until it is given', async ({ page, host, problems }) => {
  void problems;
  fs.writeFileSync(path.join(host.workspace, 'Huaxia profile.json'), JSON.stringify(cbProfileChina(), null, 2));
  await page.goto(host.url);
  await firstRun(page);
  await page.getByTestId('open-library').click();
  const library = page.getByTestId('profile-library');
  await library.getByTestId('profile-import').click();
  await page.getByRole('dialog', { name: 'Import a profile' }).getByText('Huaxia profile.json').click();
  await expect(library.getByTestId('profile-row-cb.huaxia@1.0.0')).toBeVisible();
  await page.getByTestId('library-back').click();

  await createEngagement(page, 'Shenzhen Cloud Services Co., Ltd.', '2026-12-07', '2026-12-09');
  await page.keyboard.press('Alt+3');
  const wording = page.getByTestId('scope-wording');
  const services = page.getByTestId('services');
  // No profile chosen yet: one language, categories optional.
  await expect(wording.getByLabel('Certificate wording in the second language')).toHaveCount(0);
  for (const [index, name] of ['Managed hosting', 'Service desk'].entries()) {
    await services.getByLabel('New service').fill(name);
    await services.getByLabel('New service').press('Enter');
    await expect(services.getByTestId('service-row')).toHaveCount(index + 1);
  }
  await expect(services.getByTestId('services-missing-category')).toHaveCount(0);
  await expect(services.getByText(/needs this service’s IT service category/)).toHaveCount(0);

  await page.getByTestId('nav-setup').click();
  await page.getByTestId('profile-card').getByTestId('profile-select').click();
  await page.getByRole('option', { name: /Huaxia Certification profile/ }).click();
  await expect(page.getByTestId('profile-card').getByTestId('profile-current')).toContainText('Huaxia Certification Co., Ltd.');
  await page.getByTestId('nav-scope').click();

  // The certificate in two languages: the second language and its wording are asked for.
  await expect(wording.getByTestId('two-languages-required')).toHaveText('“Huaxia Certification profile” prints the certificate in two languages: give its wording in both.');
  const languageError = 'Choose the second language: “Huaxia Certification profile” prints the certificate in two languages.';
  const wordingError = 'Give the certificate wording in the second language: “Huaxia Certification profile” prints the certificate in two languages.';
  await expect(wording.getByText(languageError)).toBeVisible();
  await expect(wording.getByText(wordingError)).toBeVisible();
  await expect(wording.getByLabel('Certificate wording in the second language')).toHaveAttribute('aria-invalid', 'true');

  // Every service needs one of the eight categories: each says so, the header counts them.
  const categoryError = '“Huaxia Certification profile” needs this service’s IT service category in its reports: choose one from the list.';
  await expect(services.getByTestId('services-missing-category')).toHaveText(
    '“Huaxia Certification profile” needs each service’s IT service category in its reports: 2 services have none yet.',
  );
  await expect(services.getByTestId('service-row').nth(0).getByText(categoryError)).toBeVisible();
  await expect(services.getByTestId('service-row').nth(1).getByText(categoryError)).toBeVisible();
  // Free text is a tag, not a category: the error stays.
  await services.getByTestId('service-row').nth(0).getByRole('combobox', { name: 'IT service categories' }).fill('Cloud hosting');
  await services.getByTestId('service-row').nth(0).getByRole('combobox', { name: 'IT service categories' }).press('Enter');
  await page.keyboard.press('Escape');
  await expect(services.getByTestId('service-row').nth(0).getByText(categoryError)).toBeVisible();

  await pickCategory(page, services.getByTestId('service-row').nth(0), OPERATION);
  await expect(services.getByTestId('service-row').nth(0).getByText(categoryError)).toHaveCount(0);
  await expect(services.getByTestId('services-missing-category')).toContainText('1 service has none yet.');
  await pickCategory(page, services.getByTestId('service-row').nth(1), 'Call centre / service desk');
  await page.keyboard.press('Escape');
  await expect(services.getByTestId('services-missing-category')).toHaveCount(0);
  await expect(services.getByText(categoryError)).toHaveCount(0);

  await wording.getByRole('combobox', { name: 'Certificate also in' }).click();
  await page.getByRole('option', { name: 'Chinese (China)' }).click();
  await expect(wording.getByText(languageError)).toHaveCount(0);
  await wording.getByLabel('Certificate wording in the second language').fill('为企业客户提供托管服务和服务台服务。');
  await expect(wording.getByText(wordingError)).toHaveCount(0);
  await wording.getByLabel('Certificate wording in the second language').blur();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  // Kept: reopened, nothing is missing.
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Shenzhen Cloud Services' }).click();
  await page.getByTestId('nav-scope').click();
  await expect(wording.getByLabel('Certificate wording in the second language')).toHaveValue('为企业客户提供托管服务和服务台服务。');
  await expect(services.getByTestId('service-row').nth(0).getByTestId('category-pill')).toHaveText(['Cloud hosting', OPERATION]);
  await expect(wording.getByText(languageError)).toHaveCount(0);
  await expect(services.getByTestId('services-missing-category')).toHaveCount(0);
});
