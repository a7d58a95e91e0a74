import fs from 'node:fs';
import path from 'node:path';
import { createEngagement, expect, firstRun, screenshot, test, type Page } from './fixtures.ts';

const SHIPPED = 'aw.iso20000-1.2018-amd1-2024@1.1.0';

async function openLibrary(page: Page): Promise<void> {
  await page.getByTestId('open-library').click();
  await expect(page.getByRole('heading', { name: 'Checklist library' })).toBeVisible();
}

test('browse the shipped pack by clause and through the five-group lens, and search it', async ({ page, host, problems }) => {
  void problems;
  void host;
  await page.goto(host.url);
  await firstRun(page);
  await openLibrary(page);
  const row = page.getByTestId(`pack-row-${SHIPPED}`);
  await expect(row).toContainText('ISO/IEC 20000-1:2018 + Amd 1:2024');
  await expect(row).toContainText('Ships with the app');
  await screenshot(page, '30-library');

  await page.getByTestId(`pack-browse-${SHIPPED}`).click();
  await expect(page.getByTestId('clause-title')).toHaveText('4 Context of the organization');
  // By clause: 8 → 8.5 → 8.5.1 Change management, with its records to sample.
  await page.getByTestId('nav-clause-8').click();
  await page.getByTestId('nav-clause-8.5').click();
  await page.getByTestId('nav-clause-8.5.1').click();
  await expect(page.getByTestId('clause-title')).toHaveText('8.5.1 Change management');
  await expect(page.getByTestId('sampling-8.5.1-s03')).toContainText('Emergency change records');
  await expect(page.getByTestId('clause-mappings')).toContainText('9.2 Change management');
  await page.getByTestId('nav-clause-8.5.1.1').click();
  await expect(page.getByTestId('question-8.5.1.1-q01')).toContainText('change management policy');
  await screenshot(page, '31-browse-clause');

  // Through the 2005 lens: the five process groups, incident management maps onto 8.6.1 and 8.6.2.
  await page.getByTestId('checklist-view').click();
  await page.getByRole('option', { name: /2005/ }).click();
  for (const group of ['2005-6', '2005-7', '2005-8', '2005-9', '2005-10']) await expect(page.getByTestId(`lens-group-${group}`)).toBeVisible();
  await page.getByTestId('nav-lens-item-2005-8.2').click();
  const lensItem = page.getByTestId('lens-item-detail');
  await expect(lensItem).toContainText('Service requests were handled inside incident management');
  await expect(lensItem.getByTestId('clause-title').filter({ hasText: '8.6.1 Incident management' })).toBeVisible();
  await expect(lensItem.getByTestId('clause-title').filter({ hasText: '8.6.2 Service request management' })).toBeVisible();
  await screenshot(page, '32-lens-2005');

  // Search: Ctrl+F, words anywhere in questions, guidance, evidence and sampling.
  await page.keyboard.press('Control+F');
  await expect(page.getByTestId('checklist-search')).toBeFocused();
  await page.keyboard.type('climate change');
  await expect(page.getByTestId('hit-4.1-q02')).toBeVisible();
  // Arrow keys walk the matches from the search box.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('clause-detail')).toBeVisible();
  await expect(page.getByTestId('checklist-search')).toBeFocused();
  await page.getByTestId('hit-4.1-q02').click();
  await expect(page.getByTestId('clause-title')).toHaveText('4.1 Understanding the organization and its context');
  await expect(page.getByTestId('question-4.1-q02')).toBeInViewport();
  await screenshot(page, '33-search');
  await page.getByTestId('checklist-search').fill('zzqx nothing like this');
  await expect(page.getByTestId('search-empty')).toBeVisible();
  await page.getByTestId('checklist-search').press('Escape');
  await expect(page.getByTestId('checklist-search')).toHaveValue('');
});

const BROKEN_CSV = [
  'Clause,Clause title,Question,Aspect,Guidance,Evidence',
  '8.6.1,Incident management,"Select five major incidents from the last quarter and trace each to its review",operation,"Reviews done within five days","Major incident reports',
  'Major incident review minutes"',
  '8.6.1,,Trace two incidents to the priority matrix,recording,"Priority set per matrix",Incident records',
  ',Problem management,Ask for the problem register,records,,',
  '8.6.3,Problem management,Ask for the problem register and pick three problems with known errors,records,,Problem records',
].join('\n');

const FIXED_CSV = BROKEN_CSV.replace(',recording,', ',records,').replace('\n,Problem management,Ask for the problem register,records,,', '');

test('import a CB pack from CSV: refused with the rows named, fixed, imported, then used by an engagement', async ({ page, host, problems }) => {
  void problems;
  fs.writeFileSync(path.join(host.workspace, 'Northwind CB incident checklist.csv'), BROKEN_CSV);
  await page.goto(host.url);
  await firstRun(page);
  await openLibrary(page);

  await page.keyboard.press('Control+I');
  const dialog = page.getByRole('dialog', { name: 'Import a checklist pack' });
  await dialog.getByTestId('pack-choose-file').click();
  const picker = page.getByRole('dialog', { name: 'Choose a checklist file' });
  await picker.getByText('Northwind CB incident checklist.csv').click();
  await expect(dialog.getByTestId('pack-file')).toContainText('Northwind CB incident checklist.csv');
  await expect(dialog.getByTestId('pack-meta-title')).toHaveValue('Northwind CB incident checklist');
  await dialog.getByTestId('pack-meta-id').fill('cb.northwind.incidents');
  await dialog.getByTestId('pack-meta-version').fill('2.1.0');
  await dialog.getByTestId('pack-import-submit').click();

  const refused = dialog.getByTestId('pack-import-refused');
  await expect(refused).toContainText('was not imported: nothing changed');
  await expect(refused.getByTestId('pack-issue').filter({ hasText: 'row 3' })).toContainText('"recording" is not an aspect');
  await expect(refused.getByTestId('pack-issue').filter({ hasText: 'row 4' })).toContainText('The clause number is empty');
  await expect(refused.getByTestId('pack-issue').filter({ hasText: 'row 4' })).toContainText('line 5');
  await screenshot(page, '34-import-refused');
  expect(fs.existsSync(path.join(host.appData, 'checklist-packs'))).toBe(false);

  // The auditor fixes the sheet and reads it again from the same dialog.
  fs.writeFileSync(path.join(host.workspace, 'Northwind CB incident checklist.csv'), FIXED_CSV);
  await expect(dialog.getByTestId('pack-import-submit')).toHaveText('Read the file again');
  await dialog.getByTestId('pack-import-submit').click();
  await expect(page.getByText('Northwind CB incident checklist 2.1.0 is now in the library.')).toBeVisible();
  const row = page.getByTestId('pack-row-cb.northwind.incidents@2.1.0');
  await expect(row).toContainText('3 questions');
  await screenshot(page, '35-library-imported');

  await page.getByTestId('pack-browse-cb.northwind.incidents@2.1.0').click();
  await page.getByTestId('nav-clause-8.6.1').click();
  await expect(page.getByTestId('question-8.6.1-q01')).toContainText('Select five major incidents');
  await expect(page.getByTestId('question-8.6.1-q01')).toContainText('Major incident review minutes');
  await page.getByTestId('library-back').click();

  // A new engagement chooses the CB pack; the library then shows it as used.
  await page.getByTestId('library-back').click();
  await createEngagement(page, 'Northwind Managed Services GmbH', '2026-12-07', '2026-12-09');
  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('checklist-empty')).toBeVisible();
  await screenshot(page, '36-engagement-checklist-empty');
  await page.getByTestId('engagement-pack-select').click();
  await page.getByRole('option', { name: /Northwind CB incident checklist — 2.1.0/ }).click();
  await page.getByTestId('engagement-pack-use').click();
  await expect(page.getByTestId('engagement-pack-title')).toHaveText('Northwind CB incident checklist');
  await screenshot(page, '37-engagement-checklist');
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await openLibrary(page);
  await expect(page.getByTestId('pack-row-cb.northwind.incidents@2.1.0')).toContainText('1 engagement');
  await expect(page.getByTestId('pack-row-cb.northwind.incidents@2.1.0')).toContainText('Northwind Managed Services GmbH');
});

test('the demo engagement audits against the shipped pack', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('engagement-pack-title')).toHaveText('ISO/IEC 20000-1:2018 + Amd 1:2024 certification audit checklist');
  await page.getByTestId('nav-clause-8').click();
  await page.getByTestId('nav-clause-8.6').click();
  await page.getByTestId('nav-clause-8.6.1').click();
  await expect(page.getByTestId('sampling-8.6.1-s01')).toBeVisible();
  await screenshot(page, '38-demo-checklist');
});
