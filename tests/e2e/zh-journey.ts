import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Strings } from '../../renderer/src/i18n/en/index.ts';
import { zhCN } from '../../renderer/src/i18n/zh-CN/index.ts';
import { expect, screenshot, type Page } from './fixtures.ts';

/** The Chinese strings: complete (the key-parity test fails on a missing key), so every key is there. */
const zh = zhCN as Strings;

const focusedCard = (page: Page) => page.locator('[data-testid="answer-card"][data-focused="true"]');

/**
 * A Chinese certification auditor's day on a new engagement, the interface in Chinese: the team, the
 * shipped checklist in Chinese and searched by a Chinese word and a clause number, questions answered
 * while an input method composes (driven through the DevTools protocol: Playwright cannot type through
 * an IME), a finding raised with a Chinese statement and its checks, and the Chinese report as a draft
 * PDF whose text pdftotext finds. Starts and ends in the engagement, on any section.
 */
export async function chineseAuditorsDay(page: Page, workspace: string): Promise<void> {
  // The team: the user, as the lead (the checklist records who answers).
  await page.getByTestId('nav-team').click();
  const addMember = page.getByRole('form', { name: zh.team.addMember });
  await addMember.getByLabel(zh.team.newMember).fill('王海伦');
  await addMember.getByLabel(zh.overview.teamColumns.initials).fill('WHL');
  await addMember.getByRole('combobox', { name: zh.overview.teamColumns.role }).click();
  await page.getByRole('option', { name: zh.teamRole.lead, exact: true }).click();
  await addMember.getByRole('button', { name: zh.team.addMember }).click();
  await expect(page.getByTestId('team-row')).toHaveCount(1);

  // The shipped pack, read in Chinese.
  await page.keyboard.press('Alt+5');
  await page.getByTestId('engagement-pack-select').click();
  await page.getByRole('option').first().click();
  await page.getByTestId('engagement-pack-use').click();
  await expect(page.getByTestId('engagement-pack-title')).toBeVisible();
  // Search in Chinese: a two-character word, then a clause by number.
  await page.keyboard.press('Control+F');
  await expect(page.getByTestId('checklist-search')).toBeFocused();
  await page.keyboard.type('变更');
  await expect(page.getByTestId('hit-8.5.1.1-q01')).toBeVisible();
  await screenshot(page, 'zh-journey-search-word');
  await page.getByTestId('checklist-search').fill('8.5.1');
  await expect(page.getByTestId('hit-8.5.1.1-q01')).toBeVisible();
  await page.getByTestId('checklist-search').press('Escape');

  // Fieldwork: who is answering, then notes composed through an input method.
  await page.getByTestId('nav-fieldwork').click();
  await page.getByTestId('who-are-you').getByRole('button', { name: '王海伦' }).click();
  await expect(page.getByTestId('answering-as')).toHaveText('当前回答人：王海伦');
  const question = (await focusedCard(page).getAttribute('data-question'))!;
  const card = page.locator(`[data-testid="answer-card"][data-question="${question}"]`);
  const saves: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/api\/(rows|fieldwork)%3A/.test(request.url())) saves.push(request.postData() ?? '');
  });
  const cdp = await page.context().newCDPSession(page);
  await page.keyboard.press('n');
  const notes = card.getByLabel(zh.fieldwork.notes);
  await expect(notes).toBeFocused();
  await cdp.send('Input.imeSetComposition', { text: 'bian', selectionStart: 4, selectionEnd: 4 });
  await cdp.send('Input.imeSetComposition', { text: 'bian geng', selectionStart: 9, selectionEnd: 9 });
  // The keys belong to the input method while it composes: 2 picks a candidate (it is no answer), Esc
  // cancels (the notes stay), a section shortcut does nothing.
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: '2', code: 'Digit2', windowsVirtualKeyCode: 50 });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: '2', code: 'Digit2', windowsVirtualKeyCode: 50 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+1');
  await page.waitForTimeout(900); // longer than the autosave delay (500 ms)
  await expect(notes).toBeFocused();
  await expect(notes).toHaveValue('bian geng');
  await expect(card).not.toHaveAttribute('data-result', 'nonconformity');
  await expect(page.getByTestId('nav-fieldwork')).toHaveAttribute('data-active', 'true');
  await screenshot(page, 'zh-journey-composing');
  await cdp.send('Input.insertText', { text: '变更' });
  await page.keyboard.type('管理程序第3.2版未规定紧急变更的批准人');
  await page.keyboard.press('Escape');
  await expect(notes).not.toBeFocused();
  // Back on the list, the answer keys work again: 2 = nonconformity found.
  await page.keyboard.press('ArrowUp');
  await expect(focusedCard(page)).toHaveAttribute('data-question', question);
  await page.keyboard.press('2');
  await expect(card).toHaveAttribute('data-result', 'nonconformity');
  await page.keyboard.press('ArrowUp');

  // Evidence typed in Chinese: Enter picks the characters in the input method, it does not add a reference.
  await page.keyboard.press('e');
  const evidence = page.getByTestId('answer-evidence-input');
  await expect(evidence).toBeFocused();
  await cdp.send('Input.imeSetComposition', { text: 'bian geng', selectionStart: 9, selectionEnd: 9 });
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('answer-evidence')).toHaveCount(0);
  await cdp.send('Input.insertText', { text: '变更管理程序' });
  await expect(page.getByRole('option', { name: /新建证据（文件）：“变更管理程序”/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('answer-evidence')).toHaveText(/文件\s+变更管理程序/);
  await page.keyboard.press('Escape');
  await expect(card.getByLabel(zh.fieldwork.notes)).toHaveValue('变更管理程序第3.2版未规定紧急变更的批准人');
  // The notes as chosen are what is saved, and never the half-typed pinyin: the notes' autosave waits
  // for the composition to end (afterComposition) and writes what the field then holds.
  const noteSaves = saves.filter((body) => body.includes('"notes"'));
  expect(noteSaves.at(-1)).toContain('变更管理程序第3.2版未规定紧急变更的批准人');
  expect(noteSaves.filter((body) => body.includes('bian'))).toEqual([]);
  await screenshot(page, 'zh-journey-fieldwork');

  // A finding from the answer, its statement in Chinese: the checks speak Chinese.
  await card.getByTestId('answer-raise-finding').click();
  await expect(page.getByRole('heading', { level: 2, name: zh.findings.title })).toBeVisible();
  const editor = page.getByTestId('finding-editor');
  await editor.getByTestId('statement-evidence-input').fill('变更 CHG-10437 于 2026年12月7日实施，部分紧急变更无批准记录。');
  await editor.getByTestId('statement-not_fulfilled-input').fill('紧急变更未经批准即实施，建议增设紧急变更咨询委员会。');
  const warning = (part: string, code: string) => editor.getByTestId(`statement-${part}-warnings`).locator(`[data-testid="statement-warning"][data-code="${code}"]`);
  await expect(warning('evidence', 'vague')).toContainText(zh.findings.check.vague);
  await expect(warning('not_fulfilled', 'cause_or_solution')).toContainText(zh.findings.check.cause_or_solution);
  await screenshot(page, 'zh-journey-finding-checks');
  await editor.getByTestId('statement-not_fulfilled-input').fill('紧急变更 CHG-10437 未经批准即实施。');
  await expect(warning('not_fulfilled', 'cause_or_solution')).toHaveCount(0);

  // The report in Chinese, a draft PDF; its text read back.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+R');
  await expect(page.getByTestId('report-language')).toHaveValue('简体中文');
  await page.getByTestId('report-export-draft').click();
  await page.getByRole('dialog', { name: zh.report.export.draft }).getByRole('button', { name: zh.picker.export, exact: true }).click();
  await expect(page.getByTestId('report-exported')).toBeVisible();
  const pdf = fs.readdirSync(workspace).find((name) => name.endsWith('.pdf'));
  expect(pdf).toBeDefined();
  const text = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', path.join(workspace, pdf!), '-'], { encoding: 'utf8' }).stdout;
  for (const words of ['审核报告', '深圳云服务有限公司', '草稿', '紧急变更 CHG-10437 未经批准即实施']) expect(text).toContain(words);
  await screenshot(page, 'zh-journey-report');
}
