import { createEngagement, expect, firstRun, screenshot, test, type Page } from './fixtures.ts';

/**
 * The Follow-up tab (issue 17): the client's response recorded, accepted, implemented, verified and
 * closed with its history; an overdue one in the Overdue view; a surveillance engagement verifying an
 * earlier nonconformity typed in by hand and one imported from the earlier engagement file.
 * Findings are raised through the contract here (the Findings tab is another screen's test).
 */

/** A call through the page's own contract transport (its token and page session). */
async function api<T = unknown>(page: Page, channel: string, payload: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`/api/${encodeURIComponent(name as string)}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sessionStorage.getItem('aw.token')}`, 'Content-Type': 'application/json', 'X-Page-Session': sessionStorage.getItem('aw.pageSession') ?? '' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    [channel, payload] as const,
  );
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const currentHandle = (page: Page): Promise<string> => page.evaluate(() => (JSON.parse(sessionStorage.getItem('aw.view') ?? '{}') as { handle: string }).handle);

/** The lead (this installation's user) and nonconformities raised by them, numbered. */
async function raise(page: Page, findings: readonly { grade: string; clause: string; notFulfilled: string; evidence: string }[]): Promise<string> {
  const handle = await currentHandle(page);
  const member = await api<{ id: string }>(page, 'rows:create', { engagementHandle: handle, table: 'team_member', values: { name: 'Helen Marsh', initials: 'HM', role: 'lead' } });
  for (const [index, finding] of findings.entries()) {
    const row = await api<{ id: string }>(page, 'rows:create', {
      engagementHandle: handle,
      table: 'finding',
      values: {
        raised_by: member.id,
        provisional_seq: index + 1,
        grade: finding.grade,
        raised_on: '2026-11-03',
        requirement: 'ISO/IEC 20000-1:2018 requires documented information to be controlled and changes to be authorized.',
        evidence: finding.evidence,
        not_fulfilled: finding.notFulfilled,
        final_number: `NC-2026-0${index + 1}`,
        final_seq: index + 1,
      },
    });
    await api(page, 'rows:create', { engagementHandle: handle, table: 'finding_clause', values: { finding_id: row.id, clause: finding.clause } });
  }
  return member.id;
}

async function openFollowUp(page: Page): Promise<void> {
  await page.getByTestId('nav-findings').click();
  await page.getByTestId('findings-tab-follow-up').click();
  await expect(page.getByTestId('follow-up')).toBeVisible();
}

async function toChinese(page: Page): Promise<void> {
  await api(page, 'installation:set', { name: 'Helen Marsh', initials: 'HM', language: 'zh-CN' });
  await page.reload();
  await page.getByTestId('nav-findings').click();
  await page.getByTestId('findings-tab-follow-up').click();
  await expect(page.getByTestId('follow-up')).toContainText('跟踪验证');
}

test('records the client’s response, accepts, implements, verifies and closes; a late one shows in the overdue view', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await createEngagement(page, 'Northwind Managed Services GmbH', '2026-11-02', '2026-11-04');
  await raise(page, [
    {
      grade: 'minor',
      clause: '8.5.1.3',
      notFulfilled: 'Emergency change CHG-4411 was deployed without the authorization the change management policy requires.',
      evidence: 'Change record CHG-4411 (2 October 2026) shows deployment at 23:10 with no approver; the on-call log names no CAB member.',
    },
    {
      grade: 'minor',
      clause: '7.5.3',
      notFulfilled: 'The service continuity plan in use (v2.1) is not the approved version (v2.3).',
      evidence: 'The plan on the service desk wiki is v2.1; the document register lists v2.3 approved on 4 August 2026.',
    },
  ]);

  await openFollowUp(page);
  // Who is typing is asked once; every step is recorded with them.
  await page.getByTestId('who-are-you').getByRole('button', { name: 'Helen Marsh' }).click();
  await expect(page.getByTestId('who-are-you')).toHaveCount(0);
  await expect(page.getByTestId('nc-row')).toHaveCount(2);
  await expect(page.getByTestId('nc-row').first()).toContainText('NC-2026-01');
  await expect(page.getByTestId('nc-row').first()).toContainText('Raised');
  await screenshot(page, 'follow-up-01-list');

  const detail = page.getByTestId('nc-detail');
  await detail.getByTestId('move-acknowledged').click();
  await expect(detail.getByTestId('detail-state')).toHaveText('Acknowledged');
  // A 1 MB paste is kept on screen, named and not saved; shortened, it saves.
  await detail.getByTestId('ca-correction').fill('x'.repeat(1_048_576));
  await expect(detail.getByText('At most 10,000 characters (1,048,576 now)')).toBeVisible();
  // A response dated before the audit is refused on the spot.
  await detail.getByTestId('ca-correction').fill('CHG-4411 was reviewed and approved retrospectively by the CAB on 6 November.');
  await detail.getByTestId('ca-root-cause').fill('The emergency change procedure CHG-02 did not say who authorizes changes out of hours.');
  await detail.getByTestId('ca-action').fill('CHG-02 revised to v3 (the duty manager authorizes; CAB reviews the next working day); on-call staff trained.');
  await detail.getByTestId('ca-owner').fill('Priya Shah, Service Delivery Manager');
  await detail.getByTestId('ca-response-on').fill('2026-10-30');
  await expect(detail.getByText('Before the audit’s first day')).toBeVisible();
  await expect(detail.getByTestId('move-response_received')).toBeDisabled();
  await detail.getByTestId('ca-response-on').fill('2026-11-16');
  await detail.getByTestId('ca-correction-due').fill('2026-11-20');
  await detail.getByTestId('ca-action-due').fill('2026-12-15');
  await screenshot(page, 'follow-up-02-response');
  await detail.getByTestId('move-response_received').click();
  await expect(detail.getByTestId('detail-state')).toHaveText('Response received');

  // Rejected with a reason, then a new response is received and accepted.
  await detail.getByTestId('move-rejected').click();
  const reject = page.getByRole('dialog', { name: 'Reject the client’s response' });
  await reject.getByTestId('move-reason').fill('The root cause names the procedure but not why nobody noticed: add how emergency changes are reviewed.');
  await screenshot(page, 'follow-up-03-reject');
  await reject.getByTestId('move-confirm').click();
  await expect(detail.getByTestId('detail-state')).toHaveText('Response rejected');
  await detail.getByTestId('ca-root-cause').fill('CHG-02 did not say who authorizes out of hours, and emergency changes were never reviewed afterwards.');
  await detail.getByTestId('move-response_received').click();
  await expect(detail.getByTestId('detail-state')).toHaveText('Response received');
  // Ctrl+Enter takes the next step: accept the plan.
  await page.keyboard.press('Control+Enter');
  await expect(detail.getByTestId('detail-state')).toHaveText('Plan accepted');

  await detail.getByTestId('ca-implemented-on').fill('2026-11-25');
  await detail.getByTestId('move-implemented').click();
  await expect(detail.getByTestId('detail-state')).toHaveText('Implemented');

  await detail.getByTestId('ca-verify-evidence').fill('CHG-02 v3 approved 20 November; training records of 8 on-call staff; emergency changes CHG-4502 and CHG-4519 authorized by the duty manager and reviewed by the CAB.');
  await detail.getByTestId('ca-verified-on').fill('2026-11-30');
  await detail.getByTestId('ca-effectiveness').getByText('Effective', { exact: true }).click();
  await screenshot(page, 'follow-up-04-verify');
  await detail.getByTestId('move-verified').click();
  await expect(detail.getByTestId('detail-state')).toHaveText('Verified');
  // A slip is undone from the toast (recorded as a step of its own), then the step is taken again.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(detail.getByTestId('detail-state')).toHaveText('Implemented');
  await detail.getByTestId('move-verified').click();
  await expect(detail.getByTestId('detail-state')).toHaveText('Verified');
  await detail.getByTestId('ca-closed-on').fill('2026-11-30');
  await detail.getByTestId('move-closed').click();
  await expect(detail.getByTestId('detail-state')).toHaveText('Closed');
  const history = detail.getByTestId('ca-history-item');
  await expect(history).toHaveCount(10);
  await expect(history.first()).toContainText('Raised → Acknowledged');
  await expect(history.first()).toContainText('Helen Marsh');
  await expect(history.nth(2)).toContainText('add how emergency changes are reviewed');
  await expect(history.last()).toContainText('Verified → Closed');
  await expect(history.nth(7)).toContainText('Step undone');
  await detail.getByTestId('ca-history').scrollIntoViewIfNeeded();
  await screenshot(page, 'follow-up-05-closed');

  // The second: its plan accepted with the action planned for a day already past → overdue.
  await page.getByTestId('nc-row').nth(1).click();
  await detail.getByTestId('move-acknowledged').click();
  await detail.getByTestId('ca-correction').fill('Version 2.3 put on the wiki; v2.1 withdrawn.');
  await detail.getByTestId('ca-root-cause').fill('The wiki page is not linked to the document register, so approvals do not reach it.');
  await detail.getByTestId('ca-action').fill('The wiki shows the register’s approved version only (link, no copy).');
  await detail.getByTestId('ca-owner').fill('Tom Becker, Quality Manager');
  await detail.getByTestId('ca-response-on').fill('2026-11-10');
  await detail.getByTestId('ca-action-due').fill('2026-11-20');
  await detail.getByTestId('move-response_received').click();
  await detail.getByTestId('move-accepted').click();
  await expect(detail.getByTestId('detail-state')).toHaveText('Plan accepted');
  await expect(page.getByTestId('follow-up-filter')).toContainText('Overdue (1)');
  // O shows the overdue view.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('o');
  await expect(page.getByTestId('nc-row')).toHaveCount(1);
  await expect(page.getByTestId('nc-row')).toContainText('NC-2026-02');
  await expect(page.getByTestId('nc-row').getByTestId('nc-due')).toContainText('overdue');
  await screenshot(page, 'follow-up-06-overdue');

  await toChinese(page);
  await expect(page.getByTestId('nc-row').first()).toContainText('已关闭');
  await screenshot(page, 'follow-up-zh-01-list');
  await page.getByTestId('nc-row').nth(1).click();
  await expect(page.getByTestId('nc-detail')).toContainText('纠正措施');
  await screenshot(page, 'follow-up-zh-02-detail');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('o');
  await expect(page.getByTestId('nc-row')).toHaveCount(1);
  await expect(page.getByTestId('nc-due')).toContainText('逾期');
  await screenshot(page, 'follow-up-zh-05-overdue');
});

test('a surveillance engagement verifies an earlier nonconformity typed in by hand and one imported from the earlier engagement file, and closes both', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  // The earlier audit (stage 2) with one open nonconformity, then closed.
  await createEngagement(page, 'Northwind Managed Services GmbH', '2025-11-03', '2025-11-05');
  await raise(page, [
    {
      grade: 'major',
      clause: '8.7.1',
      notFulfilled: 'No incident was classified by priority in October 2025; the procedure INC-01 requires it.',
      evidence: '40 of 40 incidents sampled from October 2025 have no priority.',
    },
  ]);
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await expect(page.getByTestId('current-auditor')).toBeVisible();

  await createEngagement(page, 'Northwind Managed Services GmbH', '2026-11-23', '2026-11-24');
  const handle = await currentHandle(page);
  await api(page, 'engagement:update', { engagementHandle: handle, patch: { audit_type: 'surveillance1' } });
  const member = await api<{ id: string }>(page, 'rows:create', { engagementHandle: handle, table: 'team_member', values: { name: 'Helen Marsh', initials: 'HM', role: 'lead' } });
  await api(page, 'fieldwork:linkMe', { engagementHandle: handle, memberId: member.id });
  await page.reload();
  await expect(page.getByTestId('engagement-title')).toHaveText('Northwind Managed Services GmbH');
  await openFollowUp(page);
  await expect(page.getByTestId('follow-up-empty')).toBeVisible();
  const earlier = page.getByTestId('earlier-ncs');
  await expect(earlier.getByTestId('earlier-empty')).toBeVisible();
  await screenshot(page, 'follow-up-07-earlier-empty');

  // Typed in from the last report (an older audit held on paper).
  await earlier.getByTestId('earlier-type-in').click();
  const typed = page.getByRole('dialog', { name: 'An earlier nonconformity' });
  await typed.getByTestId('typed-number').fill('NC-2024-03');
  await typed.getByTestId('typed-grade').fill('Minor nonconformity');
  await typed.getByTestId('typed-clause').fill('9.2');
  await typed.getByTestId('typed-statement').fill('The internal audit programme for 2024 did not cover the supplier management process.');
  await typed.getByTestId('typed-audit').fill('Surveillance 2, October 2024');
  await typed.getByTestId('typed-status').click();
  await page.getByRole('option', { name: 'Plan accepted' }).click();
  await screenshot(page, 'follow-up-08-type-in');
  await typed.getByTestId('typed-add').click();
  await expect(earlier.getByTestId('earlier-row')).toHaveCount(1);

  // Imported from the earlier engagement file, read only.
  await earlier.getByTestId('earlier-import').click();
  await page.getByRole('dialog', { name: 'Choose the earlier engagement file' }).getByText('Northwind Managed Services GmbH', { exact: false }).first().click();
  const preview = page.getByTestId('linked-preview');
  await expect(preview).toContainText('1 nonconformity in the file');
  await expect(preview).toContainText('Its findings are numbered up to 1');
  await expect(page.getByTestId('linked-other-client')).toHaveCount(0);
  await screenshot(page, 'follow-up-09-import-preview');
  await preview.getByTestId('linked-import').click();
  await expect(page.getByText('1 earlier nonconformity imported.')).toBeVisible();
  await expect(earlier.getByTestId('earlier-row')).toHaveCount(2);
  await expect(earlier.getByTestId('earlier-last-seq')).toContainText('end at 1');

  // Verify and close both.
  for (const number of ['NC-2024-03', 'NC-2026-01']) {
    await earlier.getByTestId('earlier-row').filter({ hasText: number }).click();
    const verify = earlier.getByTestId('earlier-verify');
    await expect(verify).toContainText(number);
    await verify.getByTestId('earlier-method').click();
    await page.getByRole('option', { name: 'On site' }).click();
    await verify.getByTestId('earlier-note').fill(number === 'NC-2024-03' ? 'Audit programme 2025 covers supplier management (audit IA-25-04, 12 May 2025).' : 'All 35 incidents sampled from October 2026 carry a priority set by the service desk; INC-01 v4 in use.');
    await verify.getByTestId('earlier-verified-on').fill('2026-11-23');
    await verify.getByTestId('earlier-effectiveness').getByText('Effective', { exact: true }).click();
    if (number === 'NC-2026-01') await screenshot(page, 'follow-up-10-earlier-verify');
    await verify.getByTestId('earlier-close').click();
    await expect(verify.getByTestId('earlier-closed')).toBeVisible();
  }
  await expect(earlier.getByTestId('earlier-state')).toHaveText(['Closed', 'Closed', 'Closed']);
  await screenshot(page, 'follow-up-11-earlier-closed');

  await toChinese(page);
  await expect(page.getByTestId('earlier-ncs')).toContainText('以往不符合项');
  await page.getByTestId('earlier-row').first().click();
  await screenshot(page, 'follow-up-zh-03-earlier');
  // A second import of the same file adds nothing: the preview says so.
  await page.getByTestId('earlier-import').click();
  await page.getByRole('dialog', { name: '选择以往的审核项目文件' }).getByText('Northwind Managed Services GmbH', { exact: false }).first().click();
  await expect(page.getByTestId('linked-preview')).toContainText('其中 1 项已在本项目中');
  await screenshot(page, 'follow-up-zh-06-import-preview');
  await page.getByTestId('linked-preview').getByRole('button', { name: '取消' }).click();
  await page.getByTestId('earlier-type-in').click();
  await screenshot(page, 'follow-up-zh-04-type-in');
});
