import { callFromPage as call, expect, type Page } from './fixtures.ts';

interface GateItem {
  code: string;
  params: Record<string, string | number>;
}

/**
 * Takes the demo (opened, Helen linked as the typing member) to "Ready to issue revision 1" the way
 * the report journey (report.spec.ts) does it and checks each step: the audit statements and the
 * recommendation on their screen, both nonconformities declined with the auditee's reason, the
 * findings numbered, days 2–4 held as planned and a conclusion for each open process.
 */
export async function makeDemoReportReady(page: Page): Promise<void> {
  await page.keyboard.press('Alt+R');
  const line = (code: string) => page.getByTestId('report-gate').locator(`[data-testid="report-gate-item"][data-code="${code}"]`);
  await line('recommendation').getByTestId('report-gate-fix').click();
  await expect(page.getByTestId('conclusions-tab-audit')).toHaveAttribute('aria-selected', 'true');
  const statement = (item: string) => page.locator(`[data-testid="audit-statement"][data-item="${item}"]`);
  const verdicts: [string, string][] = [
    ['significant_issues', 'None'],
    ['significant_changes', 'None'],
    ['unresolved_issues', 'Identified'],
    ['marks_control', 'Not applicable'],
    ['conformity_effectiveness', 'Effective, with the nonconformities raised'],
    ['internal_audit', 'Conforming and effective'],
    ['management_review', 'Conforming and effective'],
    ['scope_appropriate', 'Yes'],
    ['objectives_met', 'Yes'],
    ['remote_auditing', 'No remote auditing'],
  ];
  for (const [item, verdict] of verdicts) {
    await statement(item).getByText(verdict, { exact: true }).click();
    await statement(item).getByTestId('statement-text').fill(`${verdict}: as the audit found.`);
  }
  await page.getByTestId('recommendation').scrollIntoViewIfNeeded();
  await page.getByTestId('recommendation-confirm').click();
  await expect(page.getByTestId('recommendation')).not.toHaveAttribute('data-stored', '');

  await page.keyboard.press('Alt+R');
  await line('nc-unacknowledged').getByTestId('report-gate-fix').click();
  await expect(page.getByTestId('findings-tab-closing')).toHaveAttribute('aria-selected', 'true');
  for (const label of ['HM-P1', 'RI-P1']) {
    await page.locator(`[data-testid="presented-finding"][data-label="${label}"]`).getByTestId('ack-decline').click();
    await page.getByTestId('ack-modal').getByTestId('ack-reason').fill('Wants to read the final report with the service owner first.');
    await page.getByTestId('ack-modal').getByTestId('ack-save').click();
    await expect(page.locator(`[data-testid="presented-finding"][data-label="${label}"]`)).toHaveAttribute('data-ack', 'declined');
  }
  await page.keyboard.press('Alt+R');
  await line('findings-unnumbered').getByTestId('report-gate-fix').click();
  await page.getByTestId('findings-number').click();
  await page.getByTestId('number-confirm').click();
  await expect(page.getByText('MCS-26-1187-MIN-01', { exact: true })).toBeVisible();

  const open = await call<{ items: GateItem[] }>(page, 'report:gate', {});
  const plan = await call<{ sessions: { id: string; day: string; start_time: string; end_time: string }[] }>(page, 'plan:load', {});
  const recorded = new Set((await call<{ session_id: string }[]>(page, 'rows:list', { table: 'session_outcome' })).map((row) => row.session_id));
  for (const session of plan.sessions.filter((candidate) => !recorded.has(candidate.id))) {
    await call(page, 'rows:create', { table: 'session_outcome', values: { session_id: session.id, status: 'held', actual_day: session.day, actual_start: session.start_time, actual_end: session.end_time } });
  }
  for (const item of open.items.filter((entry) => entry.code === 'conclusion')) {
    await call(page, 'rows:create', { table: 'conclusion', values: { topic: item.params.topic, status: 'conforming', text: 'Established, implemented and effective: the records sampled met the requirements.' } });
  }
  await page.keyboard.press('Alt+R');
  await expect(page.getByTestId('report-gate-verdict')).toHaveText('Ready to issue revision 1');
}
