import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cbNcFormTemplate, signatureDataUrl } from '../fixtures/nc-documents.ts';
import { expect, firstRun, screenshot, test, type Page } from './fixtures.ts';

/**
 * The findings of the demo's closing meeting as the findings and closing screens write them (the row
 * path): a major and a minor nonconformity and an observation with final numbers, the auditee's drawn
 * signature on the major, a declined acknowledgement on the minor, the lead's own signature, the
 * recommendation and a 9.4.7 statement ticked.
 */
async function closingMeetingRows(page: Page, signatures: { auditee: string; lead: string }): Promise<void> {
  await page.evaluate(async ({ auditee, lead }) => {
    const call = async (channel: string, payload: unknown) => {
      const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${sessionStorage.getItem('aw.token') ?? ''}`,
          'Content-Type': 'application/json',
          'X-Page-Session': sessionStorage.getItem('aw.pageSession') ?? '',
        },
        body: JSON.stringify(payload),
      });
      const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as Record<string, unknown>;
    };
    const engagementHandle = (JSON.parse(sessionStorage.getItem('aw.view') ?? '{}') as { handle: string }).handle;
    const create = (table: string, values: Record<string, unknown>) => call('rows:create', { engagementHandle, table, values });
    // The demo raises findings of its own: set aside here, so the counts below are this journey's.
    for (const row of (await call('rows:list', { engagementHandle, table: 'finding' })) as unknown as { id: string }[]) await call('rows:delete', { engagementHandle, table: 'finding', id: row.id });
    const roster = (await call('engagement:roster', { engagementHandle })) as unknown as { team: { id: string; name: string; role: string }[] };
    const leadId = roster.team.find((member) => member.role === 'lead')!.id;
    const auditorId = (roster.team.find((member) => member.role === 'auditor') ?? roster.team[0]!).id;
    const finding = async (seq: number, grade: string, number: string, clause: string, notFulfilled: string) => {
      const row = await create('finding', {
        raised_by: auditorId,
        provisional_seq: seq,
        final_number: number,
        final_seq: 1,
        grade,
        requirement: `ISO/IEC 20000-1:2018 ${clause}: the requirement as quoted.`,
        evidence: 'Of 25 emergency changes between 1 September and 30 November 2026, 11 had no approval after implementation (CHG-10431, CHG-10502).',
        not_fulfilled: notFulfilled,
        procedure: 'CHG-PR-01 Change management procedure',
        process: 'Change management',
        auditee_representative: 'Priya Raman',
        raised_on: '2026-12-09',
      });
      await create('finding_clause', { finding_id: row.id, clause });
      return row.id as string;
    };
    const major = await finding(1, 'major', 'MAJ-01', '8.5.1.3', 'Emergency changes are not submitted for approval to the change authority after implementation.');
    const minor = await finding(2, 'minor', 'MIN-01', '7.5.3', 'The published service catalogue is not the current version.');
    await finding(3, 'observation', 'OBS-01', '8.4.3', 'Capacity plan reviewed yearly only.');
    await create('nc_acknowledgement', { finding_id: major, status: 'signed', signer_name: 'Priya Raman', signer_role: 'Service Delivery Manager', signature: auditee, recorded_at: '2026-12-10T16:00:00.000Z', recorded_by: leadId });
    await create('nc_acknowledgement', { finding_id: minor, status: 'declined', signer_name: 'Mark Ellis', signer_role: 'CIO', declined_reason: 'Wants to consult the service owner first', recorded_at: '2026-12-10T16:05:00.000Z', recorded_by: leadId });
    await create('member_signature', { team_member_id: leadId, signature: lead, drawn_at: '2026-12-10T15:00:00.000Z' });
    await create('audit_statement', { item: 'recommendation', verdict: 'grant-after-verification', text: '', reason: '' });
  }, signatures);
}

async function save(page: Page, title: string): Promise<void> {
  await page.getByRole('dialog', { name: title }).getByRole('button', { name: 'Export', exact: true }).click();
}

test('closing documents: the NC forms as one PDF and one Word file per NC, the meeting record in Chinese, the CB’s NC-form template', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await closingMeetingRows(page, { auditee: signatureDataUrl(4), lead: signatureDataUrl(3) });

  await page.keyboard.press('Alt+0');
  await page.getByTestId('findings-tab-closing').click();
  const card = page.getByTestId('closing-documents');
  await expect(card.getByTestId('nc-count')).toHaveText('2 nonconformities');
  await expect(card.getByTestId('nc-numbers')).toContainText('MAJ-01, MIN-01');
  await expect(card.getByText('Not exported yet.')).toHaveCount(2);
  await screenshot(page, 'nc-documents-card');

  // Every form in one PDF: revision 1, its SHA-256 equal to the file's, downloaded once through its link.
  await card.getByTestId('nc-export-forms').click();
  await save(page, 'Export NC forms…');
  await expect(card.getByTestId('nc-forms-exported')).toContainText('Revision 1 exported');
  const sha = await card.getByTestId('nc-forms-sha').textContent();
  const pdf = path.join(host.workspace, 'NC forms Kestrel Data Services Ltd rev 1.pdf');
  expect(createHash('sha256').update(fs.readFileSync(pdf)).digest('hex')).toBe(sha);
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('nc-forms-download').click()]);
  expect(createHash('sha256').update(fs.readFileSync(await download.path())).digest('hex')).toBe(sha);
  await screenshot(page, 'nc-documents-exported');

  // One Word file per nonconformity, named by its number: revision 2.
  await card.getByText('Word to edit').click();
  await card.getByTestId('nc-per-nc').check();
  await card.getByTestId('nc-export-forms').click();
  await save(page, 'Export NC forms…');
  await expect(card.getByTestId('nc-forms-exported')).toContainText('Revision 2 written: 2 files');
  for (const number of ['MAJ-01', 'MIN-01']) expect(fs.existsSync(path.join(host.workspace, `NC forms Kestrel Data Services Ltd rev 2 ${number}.docx`))).toBe(true);

  // The closing meeting record in Chinese.
  await card.getByTestId('nc-language').click();
  await page.getByRole('option', { name: '简体中文' }).click();
  await card.getByTestId('nc-export-record').click();
  await save(page, 'Export meeting record…');
  await expect(card.getByTestId('closing-record-exported')).toContainText('Revision 1 exported');
  expect(fs.existsSync(path.join(host.workspace, 'Closing meeting record Kestrel Data Services Ltd rev 1.docx'))).toBe(true);
  await expect(card.getByTestId('closing-record-export-row')).toHaveCount(1);

  // The CB's own NC-form template, picked from the workspace, checked, then filled as revision 3.
  fs.writeFileSync(path.join(host.workspace, 'Meridian NC form.docx'), cbNcFormTemplate('en', 'all'));
  await card.getByTestId('nc-language').click();
  await page.getByRole('option', { name: 'English' }).click();
  await card.getByText('CB’s NC-form template').click();
  await expect(card.getByTestId('nc-template-choice')).toContainText('has no NC-form template');
  await expect(card.getByTestId('nc-export-forms')).toBeDisabled();
  await card.getByTestId('nc-template-file').click();
  await page.getByRole('dialog', { name: 'Choose the CB’s NC-form template (.docx)' }).getByText('Meridian NC form.docx').click();
  await expect(card.getByTestId('template-check')).toContainText('Meridian NC form.docx can be filled');
  await card.getByTestId('nc-per-nc').uncheck();
  await screenshot(page, 'nc-documents-template');
  // Kept in the engagement's CB profile: offered from now on without the file.
  await card.getByTestId('nc-template-keep').click();
  await expect(card.getByRole('combobox', { name: 'NC-form template of the CB profile' })).toHaveValue(/Meridian NC form/);
  await card.getByTestId('nc-export-forms').click();
  await save(page, 'Export NC forms…');
  await expect(card.getByTestId('nc-forms-exported')).toContainText('Revision 3 exported');
  await expect(card.getByTestId('nc-forms-export-row')).toHaveCount(4);

  // The card in Chinese.
  await page.keyboard.press('Control+Comma');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: /^简体中文/ }).check();
  await page.keyboard.press('Escape');
  await expect(card.getByTestId('nc-count')).toHaveText('2 个不符合');
  await screenshot(page, 'nc-documents-card-zh');
});
