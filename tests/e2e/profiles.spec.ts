import fs from 'node:fs';
import path from 'node:path';
import { cbProfile } from '../helpers/profiles.ts';
import { createEngagement, expect, firstRun, screenshot, test } from './fixtures.ts';

const NORTHBRIDGE = cbProfile();

test('import a CB profile (a broken one refused with its issues), choose it in Setup, reopen and find it', async ({ page, host, problems }) => {
  void problems;
  fs.writeFileSync(path.join(host.workspace, 'Northbridge profile.json'), JSON.stringify(NORTHBRIDGE, null, 2));
  fs.writeFileSync(path.join(host.workspace, 'Broken profile.json'), JSON.stringify({ ...NORTHBRIDGE, id: 'cb.broken', grades: undefined, photoPolicy: 'keep-everything' }, null, 2));
  await page.goto(host.url);
  await firstRun(page);

  await page.getByTestId('open-library').click();
  const section = page.getByTestId('profile-library');
  await expect(section.getByTestId('profile-row-aw.default@1.0.0')).toContainText('Not provided');

  await section.getByTestId('profile-import').click();
  await page.getByRole('dialog', { name: 'Import a profile' }).getByText('Broken profile.json').click();
  const refused = section.getByTestId('profile-refused');
  await expect(refused).toContainText('Broken profile.json was not imported');
  await expect(refused).toContainText('/grades');
  await expect(refused).toContainText('A required value is missing.');
  await expect(refused).toContainText('/photoPolicy');
  await expect(section.getByTestId('profile-table').locator('tbody tr')).toHaveCount(1);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, '90-profile-refused');

  await section.getByTestId('profile-import').click();
  await page.getByRole('dialog', { name: 'Import a profile' }).getByText('Northbridge profile.json').click();
  await expect(section.getByTestId('profile-row-cb.northbridge@1.0.0')).toContainText('Northbridge Certification Ltd');
  await expect(section.getByTestId('profile-row-cb.northbridge@1.0.0')).toContainText('2 rows');
  await screenshot(page, '91-profile-library');

  await page.getByTestId('library-back').click();
  await createEngagement(page, 'Harbour Logistics IT', '2026-12-07', '2026-12-09');
  await page.keyboard.press('Alt+2');
  const card = page.getByTestId('profile-card');
  await expect(card).toContainText('No profile chosen yet.');
  await card.getByTestId('profile-select').click();
  await page.getByRole('option', { name: /Default profile/ }).click();
  await expect(card.getByTestId('profile-table-empty')).toContainText('import your certification body’s table');
  await card.getByTestId('profile-select').click();
  await page.getByRole('option', { name: /Northbridge Certification profile/ }).click();
  await expect(card.getByTestId('profile-current')).toContainText('Northbridge Certification Ltd');
  await expect(card.getByTestId('profile-table-empty')).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, '92-profile-card');

  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Harbour Logistics' }).click();
  await page.getByTestId('nav-setup').click();
  await expect(card.getByTestId('profile-current')).toContainText('Northbridge Certification profile');
  await expect(card.getByTestId('profile-current')).toContainText('Version 1.0.0');
  await expect(card.getByTestId('profile-select')).toHaveValue('Northbridge Certification profile · 1.0.0');

  // The profile requires the Chinese report facts: the client card shows them and says what is missing.
  await expect(page.getByTestId('required-by-profile')).toContainText('“Northbridge Certification profile” requires in its reports: Unified social credit code, Business licence covers the certified scope.');
  await page.getByLabel('Unified social credit code').fill('91350100M000100Y43');
  await expect(page.getByTestId('required-by-profile')).toContainText('requires in its reports: Business licence covers the certified scope.');

  // The auditor-days check now reads the profile's table: 60 persons at stage 2 → the 46+ row, 8 days.
  const days = page.getByTestId('auditor-days');
  await days.getByLabel('Effective personnel').fill('60');
  await expect(days.getByTestId('table-from-profile')).toHaveValue('8');
  await expect(days.getByTestId('audit-time-result')).toHaveText('8');

  // The profile requires the auditors' registration numbers: the impartiality card asks for them.
  await page.getByTestId('nav-team').click();
  const form = page.getByRole('form', { name: 'Add member' });
  await form.getByLabel('New team member').fill('Helen Marsh');
  await form.getByLabel('Initials').fill('HM');
  await form.getByLabel('Initials').press('Enter');
  const registration = page.getByTestId('impartiality').getByLabel('Registration number: Helen Marsh');
  await expect(page.getByTestId('impartiality').getByText('Required by “Northbridge Certification profile”')).toBeVisible();
  await registration.fill('CCAA 2024-N1ITSM-1234567');
  await expect(page.getByTestId('impartiality').getByText('Required by “Northbridge Certification profile”')).toHaveCount(0);
});
