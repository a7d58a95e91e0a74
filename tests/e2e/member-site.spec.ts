import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { startHost, type HostHandle } from './host.ts';
import { createEngagement, expect, firstRun, test, type Page } from './fixtures.ts';

/** Pictures for people to look at, outside the repository. */
const SHOTS = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-member-site-'));
const shoot = async (part: Locator, name: string) => {
  await part.scrollIntoViewIfNeeded();
  await part.page().screenshot({ path: path.join(SHOTS, `${name}.png`), animations: 'disabled' });
  await part.screenshot({ path: path.join(SHOTS, `${name}-part.png`), animations: 'disabled' });
};

/** A row of an editor found by the value of one of its fields (names are edited in place). */
const rowWith = (page: Page, testId: string, value: string): Locator => page.getByTestId(testId).filter({ has: page.locator(`input[value="${value}"]`) });

/** Adds rows from the keyboard: types each field of the add form in turn, then Enter; waits for each row. */
async function addFromKeyboard(page: Page, form: Locator, testId: string, rows: readonly Record<string, string>[]): Promise<void> {
  for (const row of rows) {
    const fields = Object.entries(row);
    for (const [label, value] of fields) await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByLabel(fields.at(-1)![0], { exact: true }).press('Enter');
    await expect(rowWith(page, testId, fields[0]![1])).toHaveCount(1);
  }
}

/** Picks a file in the in-page workspace picker, then saves or opens it. */
async function inPicker(page: Page, title: string, file: { save: string } | { open: string }): Promise<void> {
  const picker = page.getByRole('dialog', { name: title });
  if ('open' in file) return picker.getByText(file.open, { exact: true }).click();
  await picker.getByLabel('File name').fill(file.save);
  await picker.getByRole('button', { name: 'Save copy' }).click();
}

const ANY_TIME = String.raw`.*\d{2}:\d{2}`;

test('the lead enters sites and team from the keyboard, a member edits a site on their own laptop, the lead imports it and sees who changed what', async ({ page, host, browser, problems }) => {
  test.setTimeout(180_000);
  const started = Date.now();
  const lap = (label: string) => console.log(`[member-site] ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // The lead: a new engagement, three sites and three team members from the keyboard.
  await page.goto(host.url);
  await firstRun(page, 'Helen Marsh', 'HM');
  await createEngagement(page, 'Fabrikam Hosting Ltd', '2026-12-07', '2026-12-09');
  await page.keyboard.press('Alt+2');
  const sites = page.getByTestId('sites-editor');
  const names = ['Dublin head office', 'Cork data centre', 'Galway service desk'];
  await addFromKeyboard(page, page.getByRole('form', { name: 'Add site' }), 'site-row', names.map((name) => ({ 'New site': name })));
  // A delete undone from its toast.
  await rowWith(page, 'site-row', 'Galway service desk').getByRole('button', { name: 'Delete site “Galway service desk”' }).click();
  await expect(sites.getByTestId('site-row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(sites.getByTestId('site-row')).toHaveCount(3);
  // My own rows say nothing about authors.
  await expect(sites.getByTestId('site-added-by')).toHaveCount(0);

  await page.getByTestId('nav-team').click();
  await addFromKeyboard(page, page.getByRole('form', { name: 'Add member' }), 'team-row', [
    { 'New team member': 'Helen Marsh', Initials: 'HM' },
    { 'New team member': 'Wei Zhang', Initials: 'WZ' },
    { 'New team member': 'Aoife Byrne', Initials: 'AB' },
  ]);
  await rowWith(page, 'team-row', 'Wei Zhang').getByRole('button', { name: 'Make member copy…' }).click();
  await inPicker(page, 'Member copy for Wei Zhang', { save: 'Fabrikam - Wei' });
  await expect(page.getByTestId('sha-result')).toContainText('Member copy for Wei Zhang saved');
  lap('lead ready, member copy made');

  // Wei, on his own laptop: his own installation and name, the copy carried over on a USB stick.
  const wei = await startHost({ name: 'wei' });
  const weiPage = await (await browser.newContext({ viewport: { width: 1366, height: 860 } })).newPage();
  weiPage.on('console', (message) => void (message.type() === 'error' && problems.push(`wei: ${message.text()}`)));
  weiPage.on('pageerror', (error) => problems.push(`wei: ${error.message}`));
  const carry = (from: HostHandle, to: HostHandle, file: string) => fs.copyFileSync(path.join(from.workspace, file), path.join(to.workspace, file));
  try {
    carry(host, wei, 'Fabrikam - Wei.iso20k');
    await weiPage.goto(wei.url);
    await firstRun(weiPage, 'Wei Zhang', 'WZ');
    await weiPage.keyboard.press('Control+O');
    await inPicker(weiPage, 'Open an engagement', { open: 'Fabrikam - Wei.iso20k' });
    await expect(weiPage.getByTestId('engagement-title')).toHaveText('Fabrikam Hosting Ltd');

    // He sees who added the sites (the copy names the lead), then updates Cork from the audit.
    await weiPage.getByTestId('nav-setup').click();
    await expect(weiPage.getByTestId('site-added-by')).toHaveCount(3);
    await expect(weiPage.getByTestId('site-added-by').first()).toHaveText(new RegExp(`^Added by Helen Marsh, ${ANY_TIME}`));
    const cork = rowWith(weiPage, 'site-row', 'Cork data centre');
    await cork.getByLabel('Headcount').fill('42');
    await cork.getByLabel('Activities at this site').fill('Hosting, backup and 24/7 monitoring');
    await cork.getByLabel('Activities at this site').blur();
    await rowWith(weiPage, 'site-row', 'Galway service desk').getByRole('switch', { name: 'In scope' }).press('Space');
    await expect(weiPage.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    await shoot(weiPage.getByTestId('sites-editor'), 'member-sites');

    // His email, in the team table; then the return package.
    await weiPage.getByTestId('nav-team').click();
    await weiPage.getByLabel('Email: Wei Zhang').fill('wei.zhang@cb.example');
    await weiPage.getByLabel('Email: Wei Zhang').blur();
    await expect(weiPage.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    await expect(weiPage.getByTestId('member-authors')).toHaveCount(3);
    await shoot(weiPage.getByRole('table', { name: 'Audit team' }), 'member-team');
    await weiPage.getByTestId('member-copy-banner').getByRole('button', { name: 'Create return package…' }).click();
    await weiPage.getByRole('dialog', { name: 'Create return package' }).getByRole('button', { name: 'Choose where to save…' }).click();
    await inPicker(weiPage, 'Create return package', { save: 'Fabrikam return WZ' });
    await expect(weiPage.getByTestId('sha-result')).toContainText('Return package saved');
    carry(wei, host, 'Fabrikam return WZ.iso20k-return');
    lap('member edited and packed');
  } finally {
    await weiPage.context().close();
    await wei.stop();
  }

  // The lead imports the package: the team table names Wei for his email at once.
  await page.getByRole('button', { name: 'Import from a team member…' }).click();
  await inPicker(page, 'Import a return package or member copy', { open: 'Fabrikam return WZ.iso20k-return' });
  const dialog = page.getByRole('dialog', { name: 'Import a return package or member copy' });
  await expect(dialog.getByTestId('import-preview')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-done')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(page.getByLabel('Email: Wei Zhang')).toHaveValue('wei.zhang@cb.example');
  await expect(rowWith(page, 'team-row', 'Wei Zhang').getByTestId('member-authors')).toHaveText(new RegExp(`^Email last changed by Wei Zhang, ${ANY_TIME}$`));
  await expect(page.getByLabel('Email: Wei Zhang')).toHaveAccessibleDescription(new RegExp(`^Last changed by Wei Zhang, ${ANY_TIME}`));
  await expect(page.getByTestId('member-authors')).toHaveCount(1);
  await shoot(page.getByRole('table', { name: 'Audit team' }), 'lead-team-authors');

  // The sites editor: Cork's new values, each with its author and time; nothing else is marked.
  const expectCorkByWei = async () => {
    const cork = rowWith(page, 'site-row', 'Cork data centre');
    await expect(cork.getByLabel('Headcount')).toHaveValue('42');
    await expect(cork.getByLabel('Activities at this site')).toHaveValue('Hosting, backup and 24/7 monitoring');
    for (const field of ['Headcount', 'Activities at this site']) {
      await expect(cork.getByLabel(field)).toHaveAccessibleDescription(new RegExp(`^Last changed by Wei Zhang, ${ANY_TIME}`));
    }
    await expect(cork.getByText(/^Last changed by Wei Zhang/)).toHaveCount(2);
    const galwayInScope = rowWith(page, 'site-row', 'Galway service desk').getByRole('switch', { name: 'In scope' });
    await expect(galwayInScope).not.toBeChecked();
    await expect(galwayInScope).toHaveAccessibleDescription(new RegExp(`^Last changed by Wei Zhang, ${ANY_TIME}`));
    await expect(page.getByTestId('sites-editor').getByText(/Last changed by|Added by/)).toHaveCount(3);
  };
  await page.getByTestId('nav-setup').click();
  await expectCorkByWei();
  await shoot(rowWith(page, 'site-row', 'Cork data centre'), 'lead-sites-authors');

  // Still there after the engagement is closed and opened again.
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Fabrikam Hosting Ltd' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Fabrikam Hosting Ltd');
  await page.getByTestId('nav-setup').click();
  await expectCorkByWei();

  // The lead's own change takes the headcount back: its hint goes, the activities keep theirs.
  const cork = rowWith(page, 'site-row', 'Cork data centre');
  await cork.getByLabel('Headcount').fill('40');
  await expect(cork.getByLabel('Headcount')).not.toHaveAccessibleDescription(/Wei Zhang/);
  await expect(cork.getByText(/^Last changed by Wei Zhang/)).toHaveCount(1);
  await cork.getByLabel('Headcount').blur();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  lap('lead imported and checked');
  console.log(`[member-site] screenshots in ${SHOTS}`);
});
