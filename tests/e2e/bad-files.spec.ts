import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { en } from '../../renderer/src/i18n/en/index.ts';
import { makeBadFileCorpus, makeEngagementFile } from '../fixtures/bad-files.ts';
import { expect, firstRun, screenshot, test, type Page } from './fixtures.ts';

type ErrorCode = keyof typeof en.errors;

/** Puts a corpus case into the workspace under one name, with whatever lies beside it. */
function placeInWorkspace(caseFile: string, workspace: string, name: string): void {
  const folder = path.dirname(caseFile);
  const base = path.basename(caseFile);
  for (const entry of fs.readdirSync(folder)) {
    if (!entry.startsWith(base)) continue;
    const target = path.join(workspace, name + entry.slice(base.length));
    fs.cpSync(path.join(folder, entry), target, { recursive: true });
  }
}

async function openFromPicker(page: Page, name: string): Promise<void> {
  // Closing an engagement returns to the home screen only once the file is closed: wait for it.
  await expect(page.getByRole('heading', { name: 'Recent engagements' })).toBeVisible();
  await page.keyboard.press('Control+O');
  const picker = page.getByRole('dialog', { name: 'Open an engagement' });
  await picker.getByText(name, { exact: true }).click();
}

test('every bad file from the store corpus gets its own clear message', async ({ page, host, problems }) => {
  // One journey through the whole corpus (a dozen files opened and closed): 60 s alone, more beside another test.
  test.setTimeout(180_000);
  void problems;
  const corpusDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-corpus-'));
  const cases = makeBadFileCorpus(corpusDir).filter((c) => c.name !== 'missing');
  for (const badCase of cases) placeInWorkspace(badCase.file, host.workspace, `${badCase.name}.iso20k`);

  await page.goto(host.url);
  await firstRun(page);
  for (const badCase of cases) {
    const name = `${badCase.name}.iso20k`;
    await openFromPicker(page, name);
    if ('code' in badCase.expected) {
      const code = badCase.expected.code as ErrorCode;
      const alert = page.getByRole('alert').filter({ hasText: en.errors[code].title });
      await expect(alert, `${badCase.name} → ${code}`).toBeVisible();
      await expect(alert).toHaveAttribute('data-error-code', code);
      await screenshot(page, `bad-file-${badCase.name}`);
      await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
    } else if ('readOnlyReason' in badCase.expected) {
      await expect(page.getByTestId('read-only-banner'), badCase.name).toBeVisible();
      await expect(page.getByTestId('status-read-only')).toBeVisible();
      await screenshot(page, `bad-file-${badCase.name}`);
      await page.getByRole('button', { name: 'Close engagement' }).click();
    } else {
      // The file opens writable; what the user is told depends on what lay in or beside it.
      await expect(page.getByTestId('engagement-title'), badCase.name).toHaveText('Northwind Managed Services GmbH');
      await expect(page.getByTestId('status-checking'), badCase.name).toBeHidden({ timeout: 15_000 });
      const journal = page.getByTestId('foreign-journal-banner');
      const damaged = page.getByTestId('damaged-banner');
      if (badCase.expected.opens === 'foreign_journal') {
        await expect(journal, badCase.name).toContainText(en.engagement.foreignJournal.title);
        await expect(damaged).toBeHidden();
      } else if (badCase.expected.opens === 'damaged') {
        await expect(damaged, badCase.name).toContainText(en.engagement.damaged.title);
        await expect(damaged).toContainText('Engagement, field “scope”');
        await expect(journal).toBeHidden();
      } else {
        await expect(journal, badCase.name).toBeHidden();
        await expect(damaged, badCase.name).toBeHidden();
      }
      await screenshot(page, `bad-file-${badCase.name}`);
      await page.getByRole('button', { name: 'Close engagement' }).click();
    }
  }
  fs.rmSync(corpusDir, { recursive: true, force: true });
});

test('a file not closed properly is recovered with the user’s consent', async ({ page, host, problems }) => {
  void problems;
  const corpusDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-corpus-'));
  const hot = makeBadFileCorpus(corpusDir).find((c) => c.name === 'hot-journal')!;
  placeInWorkspace(hot.file, host.workspace, 'Crashed.iso20k');
  await page.goto(host.url);
  await firstRun(page);
  await openFromPicker(page, 'Crashed.iso20k');
  await expect(page.getByRole('alert').filter({ hasText: en.errors.HOT_JOURNAL.title })).toBeVisible();
  await page.getByRole('button', { name: 'Recover the file' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Northwind Managed Services GmbH');
  fs.rmSync(corpusDir, { recursive: true, force: true });
});

test('a read-only file opens read-only, and a file locked by another program says so', async ({ page, host, problems }) => {
  void problems;
  const readOnly = path.join(host.workspace, 'Read only.iso20k');
  makeEngagementFile(readOnly, 'Fabrikam Hosting Ltd');
  fs.chmodSync(readOnly, 0o444);
  const locked = path.join(host.workspace, 'Locked.iso20k');
  makeEngagementFile(locked, 'Contoso Cloud SE');

  // Another program (here a Node process with SQLite) holds an exclusive lock on the file.
  const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const D = require(${JSON.stringify(betterSqlite)}); const db = new D(${JSON.stringify(locked)});
       db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE'); console.log('locked'); setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
  try {
    await page.goto(host.url);
    await firstRun(page);
    await openFromPicker(page, 'Read only.iso20k');
    await expect(page.getByTestId('read-only-banner')).toContainText(en.engagement.readOnly.file_mode);
    await page.getByTestId('nav-setup').click();
    await expect(page.getByLabel('Client name')).toHaveAttribute('readonly', '');
    await screenshot(page, 'read-only-file');
    await page.getByRole('button', { name: 'Close engagement' }).click();

    await openFromPicker(page, 'Locked.iso20k');
    await expect(page.getByRole('alert').filter({ hasText: en.errors.LOCKED.title })).toBeVisible();
    await screenshot(page, 'locked-file');
  } finally {
    holder.kill('SIGKILL');
  }
});

test('a damaged member copy offered for import is refused, saying where the damage is; nothing is imported', async ({ page, host, problems }) => {
  void problems;
  const corpusDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-corpus-'));
  const damaged = makeBadFileCorpus(corpusDir).find((c) => c.name === 'damaged-value')!;
  placeInWorkspace(damaged.file, host.workspace, 'Lee copy.iso20k');
  makeEngagementFile(path.join(host.workspace, 'Lead.iso20k'), 'Contoso Cloud SE');
  await page.goto(host.url);
  await firstRun(page);
  await openFromPicker(page, 'Lead.iso20k');
  await page.getByTestId('nav-team').click();
  await page.getByRole('button', { name: 'Import from a team member…' }).click();
  await page.getByRole('dialog', { name: 'Import a return package or member copy' }).getByText('Lee copy.iso20k', { exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a return package or member copy' });
  const alert = dialog.getByRole('alert').filter({ hasText: en.errors.MERGE_DAMAGED.title });
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute('data-error-code', 'MERGE_DAMAGED');
  await expect(alert).toContainText('Engagement, field “scope”');
  await screenshot(page, 'import-damaged-member-copy');
  fs.rmSync(corpusDir, { recursive: true, force: true });
});
