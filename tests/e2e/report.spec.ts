import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { callFromPage as call, expect, firstRun, screenshot, test, toChinese, type Page } from './fixtures.ts';

interface GateItem {
  code: string;
  params: Record<string, string | number>;
}

/** The PDF's text (pdftotext). */
function pdfText(file: string): string {
  const text = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(text.error, 'pdftotext (poppler-utils) must be installed').toBeUndefined();
  return text.stdout;
}

const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * Holds a job's end back from the page while `photograph` runs, so the progress bar can be seen: the
 * long-poll's answers go through without their "done" events, and tell the page it has read only up
 * to the event before — so once released, the next poll brings the end.
 */
async function whileExporting(page: Page, start: () => Promise<void>, photograph: () => Promise<void>): Promise<void> {
  let holding = true;
  await page.route(/\/api\/jobs%3Apoll$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value?: { events: { seq: number; kind: string }[]; lastSeq: number } };
    if (holding && body.ok && body.value?.events.some((event) => event.kind === 'done')) {
      const firstDone = Math.min(...body.value.events.filter((event) => event.kind === 'done').map((event) => event.seq));
      await route.fulfill({ response, json: { ok: true, value: { events: body.value.events.filter((event) => event.seq < firstDone), lastSeq: firstDone - 1 } } });
      return;
    }
    await route.fulfill({ response, json: body });
  });
  await start();
  await expect(page.getByTestId('job-phase')).toBeVisible();
  await photograph();
  holding = false;
  // A long-poll still waiting when the route goes is answered straight by the host.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
}

async function save(page: Page, title: string): Promise<void> {
  await page.getByRole('dialog', { name: title }).getByRole('button', { name: 'Export', exact: true }).click();
}

test('report: the completeness check lists what is missing, a draft goes out, each item is fixed from its link, revision 1 is issued, the review package, the register', async ({ page, host, problems }) => {
  void problems;
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(host.url);
  await firstRun(page);
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  // Helen types on this laptop (the closing meeting records who witnessed an acknowledgement).
  const roster = await call<{ team: { id: string; name: string }[] }>(page, 'engagement:roster', {});
  await call(page, 'fieldwork:linkMe', { memberId: roster.team.find((member) => member.name === 'Helen Marsh')!.id });

  // The demo at the end of day 1: the check lists what a final report cannot leave open.
  await page.keyboard.press('Alt+R');
  const gate = page.getByTestId('report-gate');
  await expect(page.getByTestId('report-gate-verdict')).toHaveText(/^\d+ items to complete before the final report$/);
  const line = (code: string) => gate.locator(`[data-testid="report-gate-item"][data-code="${code}"]`);
  await expect(line('conclusion')).toContainText('processes and clause groups: 4 ');
  await expect(line('conclusion')).toContainText('8.2.1 Service delivery');
  await expect(line('actual-times')).toContainText('which the certification body reports with the auditor-days');
  await expect(line('recommendation')).toHaveText(/9\.4\.8 item 16The audit team’s recommendation is not recorded\.Fix/);
  await expect(line('findings-unnumbered')).toContainText('5 findings still have provisional numbers.');
  await expect(line('nc-unacknowledged')).toContainText('HM-P1 and RI-P1');
  await expect(page.getByTestId('report-gate-warnings')).toContainText('Finding RI-P1: the auditee’s diverging opinion is unresolved');
  await expect(page.getByTestId('report-issue')).toBeDisabled();
  await expect(page.getByTestId('report-package-export')).toBeDisabled();
  await expect(page.getByTestId('report-register-empty')).toBeVisible();
  await screenshot(page, 'report-items-en');

  // A draft in PDF while work is open: marked DRAFT, recorded as a draft of revision 1; its progress seen.
  await whileExporting(
    page,
    async () => {
      await page.getByTestId('report-export-draft').click();
      await save(page, 'Export draft');
    },
    async () => {
      await page.getByTestId('report-export').scrollIntoViewIfNeeded();
      await screenshot(page, 'report-exporting-en');
    },
  );
  await expect(page.getByTestId('report-exported')).toContainText('Draft exported (for revision 1)');
  const draft = path.join(host.workspace, 'Kestrel Data Services Ltd audit report DRAFT for rev 1.pdf');
  expect(sha256(draft)).toBe(await page.getByTestId('report-export-sha').textContent());
  expect(pdfText(draft)).toContain('DRAFT');
  await expect(page.getByTestId('report-register-row')).toHaveCount(1);
  await expect(page.getByTestId('report-register-row').first()).toHaveAttribute('data-draft', 'true');

  // The audit conclusions and the recommendation, from their Fix link (the keyboard's Enter on it), on the screen that records them.
  await line('recommendation').getByTestId('report-gate-fix').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('conclusions-tab-audit')).toHaveAttribute('aria-selected', 'true');
  const statement = (item: string) => page.locator(`[data-testid="audit-statement"][data-item="${item}"]`);
  const verdicts: [string, string, string][] = [
    ['significant_issues', 'None', 'None: the audit programme stands as planned.'],
    ['significant_changes', 'None', 'No significant change since stage 1.'],
    ['unresolved_issues', 'Identified', 'Northwind Retail’s view on the SLA review (RI-P1) remains unresolved.'],
    ['marks_control', 'Not applicable', 'Initial certification: no certificate or mark in use yet.'],
    ['conformity_effectiveness', 'Effective, with the nonconformities raised', 'The SMS conforms except where the findings say otherwise.'],
    ['internal_audit', 'Conforming and effective', 'The 2026 internal audit programme covered every clause; findings followed up.'],
    ['management_review', 'Conforming and effective', 'Held on 14 October 2026 with every required input.'],
    ['scope_appropriate', 'Yes', 'The three services and four sites match the scope statement.'],
    ['objectives_met', 'Yes', 'All objectives of the audit plan were met.'],
    ['remote_auditing', 'No remote auditing', 'No session was held remotely.'],
  ];
  for (const [item, verdict, text] of verdicts) {
    await statement(item).getByText(verdict, { exact: true }).click();
    await statement(item).getByTestId('statement-text').fill(text);
  }
  await page.getByTestId('recommendation').scrollIntoViewIfNeeded();
  await page.getByTestId('recommendation-confirm').click();
  await expect(page.getByTestId('recommendation')).not.toHaveAttribute('data-stored', '');

  // Back on the Report screen the check runs again: the conclusions and the recommendation are gone.
  await page.keyboard.press('Alt+R');
  await expect(line('conclusion')).toBeVisible();
  await expect(line('statement')).toHaveCount(0);
  await expect(line('recommendation')).toHaveCount(0);

  // The acknowledgements, from their Fix link: the closing meeting, each declined with the reason the auditee gave.
  await line('nc-unacknowledged').getByTestId('report-gate-fix').click();
  await expect(page.getByTestId('findings-tab-closing')).toHaveAttribute('aria-selected', 'true');
  for (const label of ['HM-P1', 'RI-P1']) {
    await page.locator(`[data-testid="presented-finding"][data-label="${label}"]`).getByTestId('ack-decline').click();
    await page.getByTestId('ack-modal').getByTestId('ack-reason').fill('Wants to read the final report with the service owner first.');
    await page.getByTestId('ack-modal').getByTestId('ack-save').click();
    await expect(page.locator(`[data-testid="presented-finding"][data-label="${label}"]`)).toHaveAttribute('data-ack', 'declined');
  }

  // The findings' final numbers, from their Fix link: the Findings tab's numbering.
  await page.keyboard.press('Alt+R');
  await line('findings-unnumbered').getByTestId('report-gate-fix').click();
  await expect(page.getByTestId('findings-tab-findings')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('findings-number').click();
  await page.getByTestId('number-confirm').click();
  await expect(page.getByText('MCS-26-1187-MIN-01', { exact: true })).toBeVisible();

  // The plan as it ran and the conclusions per process: their Fix links open the right views; the
  // rows are written as those screens write them (tested in plan-as-ran and conclusions).
  await page.keyboard.press('Alt+R');
  await line('actual-times').getByTestId('report-gate-fix').click();
  await expect(page.getByTestId('plan-views').getByRole('radio', { name: 'As it ran' })).toBeChecked();
  await page.keyboard.press('Alt+R');
  await line('conclusion').getByTestId('report-gate-fix').click();
  await expect(page.getByTestId('conclusions-tab-topics')).toHaveAttribute('aria-selected', 'true');
  const open = await call<{ items: GateItem[] }>(page, 'report:gate', {});
  const plan = await call<{ sessions: { id: string; day: string; start_time: string; end_time: string }[] }>(page, 'plan:load', {});
  const recorded = new Set((await call<{ session_id: string }[]>(page, 'rows:list', { table: 'session_outcome' })).map((row) => row.session_id));
  // Days 2 to 4 held as planned.
  for (const session of plan.sessions.filter((candidate) => !recorded.has(candidate.id))) {
    await call(page, 'rows:create', { table: 'session_outcome', values: { session_id: session.id, status: 'held', actual_day: session.day, actual_start: session.start_time, actual_end: session.end_time } });
  }
  for (const item of open.items.filter((entry) => entry.code === 'conclusion')) {
    await call(page, 'rows:create', {
      table: 'conclusion',
      values: { topic: item.params.topic, status: 'conforming', text: 'Established, implemented and effective: the records sampled met the requirements; no finding raised.' },
    });
  }

  // Everything recorded: revision 1 can be issued (the unresolved opinion stays a point for attention).
  await page.keyboard.press('Alt+R');
  await expect(page.getByTestId('report-gate-verdict')).toHaveText('Ready to issue revision 1');
  await expect(page.getByTestId('report-gate-items')).toHaveCount(0);
  await expect(page.getByTestId('report-gate-warnings')).toContainText('Finding MCS-26-1187-MIN-02: the auditee’s diverging opinion is unresolved');
  await screenshot(page, 'report-ready-en');

  await page.getByTestId('report-issue').click();
  await save(page, 'Issue revision 1');
  await expect(page.getByTestId('report-exported')).toContainText('Revision 1 issued');
  const issued = path.join(host.workspace, 'Kestrel Data Services Ltd audit report rev 1.pdf');
  expect(pdfText(issued)).not.toContain('DRAFT');
  await expect(page.getByTestId('report-gate-verdict')).toHaveText('Ready to issue revision 2');

  // The technical-review package: the report issued with it as revision 2, the documents and the data.
  await expect(page.getByTestId('report-package-contents')).toContainText('issued with the package as revision 2');
  await whileExporting(
    page,
    async () => {
      await page.getByTestId('report-package-export').click();
      await save(page, 'Technical-review package');
    },
    async () => {
      await page.getByTestId('report-package').scrollIntoViewIfNeeded();
      await screenshot(page, 'report-package-exporting-en');
    },
  );
  await expect(page.getByTestId('report-package-exported')).toContainText('Package exported (report revision 2)');
  const zipFile = path.join(host.workspace, 'Kestrel Data Services Ltd technical review package, report rev 2.zip');
  const entries = Object.keys(unzipSync(fs.readFileSync(zipFile)));
  for (const name of ['audit-report.pdf', 'audit-report.docx', 'audit-plan.pdf', 'nc-forms.pdf', 'closing-meeting.pdf', 'evidence-index.xlsx', 'findings.json', 'findings.xlsx', 'plan.json', 'conclusions.xlsx', 'manifest.json']) {
    expect(entries).toContain(name);
  }
  await expect(page.getByTestId('report-package-entries')).toContainText('manifest.json');
  expect(sha256(zipFile)).toBe(await page.getByTestId('report-package-sha').textContent());
  await page.getByTestId('report-package').scrollIntoViewIfNeeded();
  await screenshot(page, 'report-package-done-en');

  // The register, newest first: the package and the report it issued (PDF and Word), revision 1, the draft.
  const rows = page.getByTestId('report-register-row');
  await expect(rows).toHaveCount(5);
  // The package and the two renderings it issued came together; then revision 1, then the draft.
  expect((await rows.evaluateAll((found) => found.slice(0, 3).map((row) => (row as HTMLElement).dataset.kind))).sort()).toEqual(['audit-report', 'audit-report', 'review-package']);
  await expect(rows.last()).toHaveAttribute('data-draft', 'true');
  await expect(page.locator('[data-testid="report-register-row"][data-kind="audit-report"][data-revision="2"]')).toHaveCount(2);
  await expect(page.locator('[data-testid="report-register-row"][data-kind="audit-report"][data-revision="1"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="report-register-row"][data-kind="audit-report"][data-revision="1"]').getByTestId('report-register-sha')).toHaveAttribute('data-sha', sha256(issued));
  await page.getByTestId('report-register').scrollIntoViewIfNeeded();
  await screenshot(page, 'report-register-en');

  // The Overview names the last revision issued.
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('report-status')).toContainText('Revision 2 issued');

  // The Report screen in Chinese.
  await page.keyboard.press('Alt+R');
  await toChinese(page);
  await expect(page.getByTestId('report-gate-verdict')).toHaveText('可以签发第 3 版');
  await expect(page.getByTestId('report-register')).toContainText('技术评审资料包');
  await screenshot(page, 'report-zh');
});
