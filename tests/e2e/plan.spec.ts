import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cbPlanTemplate } from '../fixtures/template-files.ts';
import { docxParagraphs } from '../helpers/docx-text.ts';
import { expect, firstRun, newFromDemo, screenshot, test, type Page } from './fixtures.ts';

const CLAUSES: Record<string, string> = {
  '4': '4 Context of the organization',
  '5': '5 Leadership',
  '6': '6 Planning',
  '7': '7 Support of the service management system',
  '8': '8 Operation of the service management system',
  '9': '9 Performance evaluation',
  '10': '10 Improvement',
};

async function pickTopics(page: Page, numbers: readonly string[]): Promise<void> {
  const editor = page.getByRole('dialog', { name: 'Session' });
  for (const number of numbers) {
    await editor.getByRole('combobox', { name: 'Processes and clauses' }).click();
    await editor.getByRole('combobox', { name: 'Processes and clauses' }).fill(CLAUSES[number]!);
    await page.getByRole('option', { name: CLAUSES[number]!, exact: true }).click();
  }
  await page.keyboard.press('Escape');
}

async function addMember(page: Page, name: string): Promise<void> {
  const editor = page.getByRole('dialog', { name: 'Session' });
  await editor.getByRole('combobox', { name: 'Audit team' }).click();
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  await page.keyboard.press('Escape');
}

const checks = (page: Page) => page.getByTestId('plan-checks');

test('the audit plan: a two-day plan with a coverage gap and a double-booked auditor, both seen and fixed, kept on reopening', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  // The demo's stage 2 already has its plan: the recertification three years on starts from it
  // (client, team, sites, checklist carried over) with an empty plan.
  const create = await newFromDemo(page);
  await create.getByLabel('Audit type').click();
  await page.getByRole('option', { name: 'Recertification' }).click();
  await create.getByLabel('First audit day').fill('2029-11-05');
  await create.getByLabel('Last audit day').fill('2029-11-08');
  await create.getByRole('button', { name: 'Create the next audit' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.getByTestId('nav-plan').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Audit plan' })).toBeVisible();
  await expect(page.getByTestId('plan-empty')).toBeVisible();
  await screenshot(page, '92-plan-empty');

  // N: the first session is the opening meeting, the lead in it.
  await page.keyboard.press('n');
  const editor = page.getByRole('dialog', { name: 'Session' });
  await expect(editor.getByRole('combobox', { name: 'Kind' })).toHaveValue('Opening meeting');
  await editor.getByRole('button', { name: 'Done' }).click();

  // The first audit session covers clauses 4–9, the lead and Rajesh in it; clause 10 is left out.
  await page.keyboard.press('n');
  await editor.getByLabel('Title').fill('SMS, leadership and the service processes');
  await editor.getByLabel('End').fill('12:30');
  await pickTopics(page, ['4', '5', '6', '7', '8', '9']);
  await addMember(page, 'Rajesh Iyer');
  await editor.getByRole('button', { name: 'Done' }).click();
  await expect(checks(page).getByTestId('plan-issue').filter({ hasText: 'not covered by any session' })).toContainText('10.1');

  // A second session that overlaps the first: the lead is double-booked.
  await page.keyboard.press('n');
  await editor.getByLabel('Title').fill('Improvement');
  await editor.getByLabel('Start').fill('11:00');
  await editor.getByLabel('End').fill('12:00');
  await editor.getByLabel('Start').blur();
  await pickTopics(page, ['10']);
  await expect(editor.getByTestId('session-issues')).toContainText('Helen Marsh is in two sessions at once');
  await editor.getByRole('button', { name: 'Done' }).click();
  await expect(checks(page).getByTestId('plan-issue').filter({ hasText: 'Helen Marsh is in two sessions at once' })).toBeVisible();
  await expect(checks(page).getByTestId('plan-issue').filter({ hasText: 'not covered by any session' })).toHaveCount(0);
  await screenshot(page, '93-plan-conflict');

  // Fixed: the second session moves to the afternoon of day 2.
  await page.getByTestId('plan-session').filter({ hasText: 'Improvement' }).click();
  await editor.getByLabel('Day').fill('2029-11-06');
  await editor.getByLabel('Start').fill('14:00');
  await editor.getByLabel('End').fill('15:00');
  await editor.getByLabel('End').blur();
  await editor.getByRole('button', { name: 'Done' }).click();
  await expect(checks(page).getByTestId('plan-issue').filter({ hasText: 'two sessions at once' })).toHaveCount(0);
  await expect(page.getByTestId('plan-day').filter({ hasText: 'Improvement' })).toHaveAttribute('data-day', '2029-11-06');

  // The closing meeting on day 2; first, the selected session moves from the keyboard (and back).
  await page.getByTestId('plan-session').filter({ hasText: 'Improvement' }).click();
  await editor.getByRole('button', { name: 'Done' }).click();
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('plan-session').filter({ hasText: 'Improvement' })).toContainText('14:15–15:15');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('plan-day').filter({ hasText: 'Improvement' })).toHaveAttribute('data-day', '2029-11-07');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(page.getByTestId('plan-day').filter({ hasText: 'Improvement' })).toHaveAttribute('data-day', '2029-11-06');
  await expect(page.getByTestId('plan-session').filter({ hasText: 'Improvement' })).toContainText('14:00–15:00');
  await page.keyboard.press('n');
  await editor.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Closing meeting' }).click();
  await editor.getByRole('button', { name: 'Done' }).click();
  await expect(checks(page).getByTestId('plan-issue').filter({ hasText: 'closing meeting' })).toHaveCount(0);
  await expect(checks(page).getByTestId('plan-coverage')).toContainText(/(\d+) of \1 covered/);
  await screenshot(page, '94-plan-days');
  await page.getByText('List', { exact: true }).click();
  await expect(page.getByTestId('plan-row')).toHaveCount(4);
  await screenshot(page, '95-plan-list');

  // Export: a PDF in English (downloaded once through its link), then Word in Chinese; each a revision with its SHA-256.
  await page.getByText('Days', { exact: true }).click();
  await page.keyboard.press('Control+e');
  const exporter = page.getByRole('dialog', { name: 'Export the audit plan' });
  await expect(exporter.getByText('Not exported yet.')).toBeVisible();
  await exporter.getByTestId('plan-export-submit').click();
  const saveAs = page.getByRole('dialog', { name: 'Export the audit plan' }).last();
  await saveAs.getByRole('button', { name: 'Export', exact: true }).last().click();
  await expect(exporter.getByTestId('plan-exported')).toContainText('Revision 1 exported');
  const sha = await exporter.getByTestId('plan-export-sha').textContent();
  expect(sha).toMatch(/^[0-9a-f]{64}$/);
  const pdf = path.join(host.workspace, 'Kestrel Data Services Ltd audit plan rev 1.pdf');
  expect(createHash('sha256').update(fs.readFileSync(pdf)).digest('hex')).toBe(sha);
  const [download] = await Promise.all([page.waitForEvent('download'), exporter.getByTestId('plan-download').click()]);
  expect(createHash('sha256').update(fs.readFileSync(await download.path())).digest('hex')).toBe(sha);
  await screenshot(page, '97-plan-exported');
  // The link worked once.
  const again = await page.request.get(new URL(await exporter.getByTestId('plan-download').getAttribute('href') ?? '', host.url).toString());
  expect(again.status()).toBe(404);

  await exporter.getByText('Word (our layout)').click();
  await exporter.getByRole('combobox', { name: 'Language of the document' }).click();
  await page.getByRole('option', { name: '简体中文' }).click();
  await exporter.getByTestId('plan-export-submit').click();
  await page.getByRole('dialog', { name: 'Export the audit plan' }).last().getByRole('button', { name: 'Export', exact: true }).last().click();
  await expect(exporter.getByTestId('plan-exported')).toContainText('Revision 2 exported');
  await expect(exporter.getByTestId('plan-export-row')).toHaveCount(2);
  expect(fs.existsSync(path.join(host.workspace, 'Kestrel Data Services Ltd audit plan rev 2.docx'))).toBe(true);

  // The CB's own Word template, picked from the workspace: a renamed PDF is refused before anything is
  // written; the real template is checked (placeholders used and left out) and filled as revision 3.
  fs.writeFileSync(path.join(host.workspace, 'Meridian plan template.docx'), cbPlanTemplate('en'));
  fs.writeFileSync(path.join(host.workspace, 'Scanned plan.docx'), Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1'));
  await exporter.getByText('Word, in the certification body’s template').click();
  await expect(exporter.getByTestId('template-choice')).toContainText('The CB profile has no audit plan template');
  const pickTemplate = async (name: string) => {
    await exporter.getByTestId('template-file').click();
    await page.getByRole('dialog', { name: 'Choose the certification body’s Word template' }).getByText(name).click();
  };
  await pickTemplate('Scanned plan.docx');
  await expect(exporter.getByTestId('template-check')).toContainText('Scanned plan.docx cannot be used');
  await expect(exporter.getByTestId('template-issue')).toContainText('not a Word document (.docx) but a PDF');
  await expect(exporter.getByTestId('plan-export-submit')).toBeDisabled();
  await pickTemplate('Meridian plan template.docx');
  await expect(exporter.getByTestId('template-check')).toContainText('Meridian plan template.docx can be filled');
  await screenshot(page, '98-plan-template-checked');
  // Kept in the engagement's CB profile: offered from now on without the file.
  await exporter.getByTestId('template-keep').click();
  await expect(exporter.getByRole('textbox', { name: 'Template' }).or(exporter.getByRole('combobox', { name: 'Template' }))).toHaveValue(/Meridian plan template/);
  await exporter.getByTestId('plan-export-submit').click();
  await page.getByRole('dialog', { name: 'Export the audit plan' }).last().getByRole('button', { name: 'Export', exact: true }).last().click();
  await expect(exporter.getByTestId('plan-exported')).toContainText('Revision 3 exported');
  const filled = fs.readFileSync(path.join(host.workspace, 'Kestrel Data Services Ltd audit plan rev 3.docx'));
  const xml = (await docxParagraphs(new Uint8Array(filled))).body.join('\n');
  expect(xml).toContain('Kestrel Data Services Ltd');
  expect(xml).toContain('Improvement');
  await exporter.getByRole('button', { name: 'Close', exact: true }).click();

  // Reopen: everything is there.
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Recertification' }).click();
  await page.getByTestId('nav-plan').click();
  await expect(page.getByTestId('plan-session')).toHaveCount(4);
  await expect(page.getByTestId('plan-day').filter({ hasText: 'Improvement' })).toHaveAttribute('data-day', '2029-11-06');
  await expect(checks(page).getByTestId('plan-issue').filter({ hasText: 'two sessions at once' })).toHaveCount(0);

  // The Overview shows the plan's state and what to do next.
  await page.getByTestId('nav-overview').click();
  await expect(page.getByTestId('plan-status')).toContainText('4 sessions');
  await expect(page.getByTestId('plan-status')).toContainText('The plan has no conflicts or gaps.');
  await screenshot(page, '96-overview-plan');
});
