import { expect, firstRun, screenshot, test, type Page } from './fixtures.ts';

/**
 * Notebook entries as the session notebook writes them (the row path, `rows:create` on notebook_entry),
 * sent from the page with its own token: the Conclusions section reads them as it reads the notebook's.
 */
async function writeNotebookEntries(page: Page, entries: { member: string; writtenAt: string; topic: string; body: string }[]): Promise<void> {
  await page.evaluate(async (list) => {
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
      return result.value;
    };
    const engagementHandle = (JSON.parse(sessionStorage.getItem('aw.view') ?? '{}') as { handle: string }).handle;
    const roster = (await call('engagement:roster', { engagementHandle })) as { team: { id: string; name: string }[] };
    for (const entry of list) {
      const member = roster.team.find((candidate) => candidate.name === entry.member)!;
      await call('rows:create', {
        engagementHandle,
        table: 'notebook_entry',
        values: { session_id: null, team_member_id: member.id, written_at: entry.writtenAt, topic: entry.topic, body: entry.body },
      });
    }
  }, entries);
}

async function toChinese(page: Page): Promise<void> {
  await page.keyboard.press('Control+Comma');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: /^简体中文/ }).check();
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}

test('conclusions: a process concluded from the draft with the five-point grid, the scope verified — all kept on reopening', async ({ page, host, problems }) => {
  // A long journey (every grid point, the scope, a reopen): 85 s beside another test on two cores.
  test.setTimeout(180_000);
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');

  // Fieldwork first: two answers with notes on change management, as Helen Marsh.
  await page.keyboard.press('Alt+7');
  await page.getByTestId('who-are-you').getByRole('button', { name: 'Helen Marsh' }).click();
  await page.getByTestId('fieldwork-unit').filter({ hasText: '8.5.1' }).click();
  await page.keyboard.press('n');
  await page.keyboard.type('Change policy v3.2 approved by the SMS owner in March 2026.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('1');
  await page.keyboard.press('n');
  await page.keyboard.type('Emergency change CHG-10431 had no post-implementation review.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('2');
  await expect(page.locator('[data-testid="answer-card"][data-question="8.5.1.1-q02"]')).toHaveAttribute('data-result', 'nonconformity');
  await writeNotebookEntries(page, [
    { member: 'Rajesh Iyer', writtenAt: '2026-12-08T11:05:00.000Z', topic: 'change', body: 'Sampled #CHG-10422 and #CHG-10431 on the change tool; CAB minutes for both.' },
    { member: 'Helen Marsh', writtenAt: '2026-12-08T10:20:00.000Z', topic: 'change', body: 'Walked the change process with @Priya Shah, Change manager. Policy is [[Change policy v3.2]].' },
  ]);

  // Conclusions: the demo's CB (Meridian) turns the five-point grid on.
  await page.keyboard.press('Alt+9');
  await expect(page.getByRole('heading', { level: 2, name: 'Conclusions' })).toBeVisible();
  await expect(page.getByTestId('conclusions-tab-surveillance')).toHaveCount(0);
  await expect(page.getByTestId('conclusions-tab-stage1')).toHaveCount(0);
  const change = page.getByTestId('conclusion-topic').filter({ hasText: '8.5.1' });
  await expect(change.getByTestId('topic-tally')).toHaveAttribute('aria-label', '1 conforming, 1 nonconformity found, 0 observation, by all team members');
  await change.click();
  await expect(page.getByTestId('conclusion-title')).toHaveText('8.5.1 Change management');
  const draft = page.getByTestId('draft-panel');
  await expect(draft.getByTestId('draft-entry')).toHaveCount(2);
  // Oldest first, in the engagement's time zone (London, GMT in December).
  await expect(draft.getByTestId('draft-entry').first()).toContainText('Helen Marsh, 8 Dec, 10:20');
  await expect(draft.getByTestId('draft-note')).toHaveCount(2);
  await expect(page.getByTestId('process-grid')).toBeVisible();

  // The draft goes into the empty conclusion.
  await draft.getByTestId('draft-start').click();
  const text = page.getByTestId('conclusion-text');
  await expect(text).toHaveValue(/^Interviewed: Priya Shah \(Change manager\)\.\n\nOn 8 Dec 2026 at 10:20, Helen Marsh noted: Walked the change process with Priya Shah \(Change manager\)\. Policy is “Change policy v3\.2”\.\nOn 8 Dec 2026 at 11:05, Rajesh Iyer noted: Sampled CHG-10422 and CHG-10431/);
  await expect(text).toHaveValue(/1 conforming and 1 nonconformity found\. An answer found a nonconformity: a finding is to be raised\.$/);
  // The auditor edits it; a second draft asks first and goes below, and Undo takes it back.
  await text.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('The change process is established and mostly effective. ');
  const edited = await text.inputValue();
  await draft.getByTestId('draft-start').click();
  const confirm = page.getByRole('dialog', { name: 'Add the draft below your conclusion?' });
  await confirm.getByRole('button', { name: 'Add below' }).click();
  await expect(text).toHaveValue(new RegExp(`^${edited.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*\\n\\n———\\n\\nInterviewed:`));
  await page.getByRole('button', { name: 'Undo' }).last().click();
  await expect(text).toHaveValue(edited);

  await page.getByTestId('conclusion-status').getByText('Not conforming').click();
  await expect(page.getByTestId('conclusion-hint')).toContainText('raise the nonconformity as a finding');
  const grid = page.getByTestId('process-grid');
  for (const [point, rating] of [
    ['outputs', 'Effective'],
    ['inputs', 'Effective'],
    ['efficiency', 'Partly effective'],
    ['improvement', 'Not effective'],
    ['objective_evidence', 'Partly effective'],
  ] as const) {
    await grid.locator(`[data-point="${point}"]`).getByText(rating, { exact: true }).click();
  }
  await grid.getByRole('textbox', { name: 'Improvement: Note' }).fill('No improvement plan for change success rate.');
  await expect(grid.locator('[data-point="improvement"]')).toHaveAttribute('data-rating', 'not_effective');
  await expect(change).toHaveAttribute('data-status', 'not_conforming');
  await expect(page.getByTestId('concluded-count')).toHaveText(/^2 of \d+ concluded$/);
  await grid.scrollIntoViewIfNeeded();
  await screenshot(page, 'conclusions-01-process-grid');
  await page.mouse.wheel(0, -10_000);
  await screenshot(page, 'conclusions-00-process');

  // The keyboard: Esc back to the list, ↓ to the next topic, E into its text.
  await text.click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('conclusion-title')).toHaveText('8.5.2 Service design and transition');
  await page.keyboard.press('e');
  await expect(text).toBeFocused();
  await page.keyboard.type('Design and transition seen on two new services; no concerns.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('k');
  await expect(page.getByTestId('conclusion-title')).toHaveText('8.5.1 Change management');
  await expect(page.getByTestId('process-grid')).toBeVisible();
  // A clause group has no grid (it rates processes), and an empty draft says where its material comes from.
  await page.getByTestId('conclusion-topic').filter({ hasText: /^9 / }).click();
  await expect(page.getByTestId('process-grid')).toHaveCount(0);
  await expect(page.getByTestId('draft-empty')).toContainText('Notebook, Alt+8');
  await expect(page.getByTestId('draft-start')).toBeDisabled();

  // Scope verification.
  await page.keyboard.press('Alt+Shift+2');
  const services = page.getByTestId('scope-check');
  await expect(services).toHaveCount(3);
  await services.filter({ hasText: 'Managed hosting' }).getByText('Delivered as stated').click();
  await services.filter({ hasText: '24x7 service desk' }).getByText('Delivered as stated').click();
  await services.filter({ hasText: 'Managed backup' }).getByText('Not as stated').click();
  await expect(services.filter({ hasText: 'Managed backup' })).toContainText('Say how the service differs');
  await services.filter({ hasText: 'Managed backup' }).getByRole('textbox').fill('Backups for Irish customers are run by a subcontractor in Cork, not from MDC1.');
  await expect(page.getByTestId('scope-summary')).toHaveText('2 of 3 delivered as stated');
  await expect(page.getByTestId('certificate-wording')).toContainText('managed hosting, 24x7 service desk and managed backup');
  await page.getByTestId('wording-status').getByText('Change proposed').click();
  await expect(page.getByTestId('scope-wording-check')).toContainText('Write the wording the team proposes.');
  await page.getByRole('textbox', { name: 'Proposed wording' }).fill('The service management system supporting the provision of managed hosting and 24x7 service desk services to business customers.');
  await page.getByRole('textbox', { name: 'Proposed wording' }).blur();
  await screenshot(page, 'conclusions-02-scope');

  // 中文: the same screens.
  await toChinese(page);
  await screenshot(page, 'conclusions-03-scope-zh');
  await page.keyboard.press('Alt+Shift+1');
  await page.getByTestId('conclusion-topic').filter({ hasText: '8.5.1' }).click();
  await expect(page.getByTestId('process-grid')).toContainText('过程控制五要点');
  await screenshot(page, 'conclusions-04-process-zh');

  // Reopen: everything is there.
  await page.getByRole('button', { name: '关闭审核项目' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Kestrel' }).click();
  await page.getByTestId('nav-conclusions').click();
  await page.getByTestId('conclusion-topic').filter({ hasText: '8.5.1' }).click();
  await expect(page.getByTestId('conclusion-topic').filter({ hasText: '8.5.1' })).toHaveAttribute('data-status', 'not_conforming');
  await expect(text).toHaveValue(edited);
  await expect(page.getByTestId('process-grid').locator('[data-point="improvement"]')).toHaveAttribute('data-rating', 'not_effective');
  await expect(page.getByTestId('process-grid').locator('[data-point="efficiency"]')).toHaveAttribute('data-rating', 'partly_effective');
  await expect(page.getByTestId('process-grid').locator('[data-point="improvement"]').getByRole('textbox')).toHaveValue('No improvement plan for change success rate.');
  await page.getByTestId('conclusion-topic').filter({ hasText: '8.5.2' }).click();
  await expect(text).toHaveValue('Design and transition seen on two new services; no concerns.');
  await page.keyboard.press('Alt+Shift+2');
  await expect(services.filter({ hasText: 'Managed backup' })).toHaveAttribute('data-status', 'not_confirmed');
  await expect(services.filter({ hasText: 'Managed backup' }).getByRole('textbox')).toHaveValue('Backups for Irish customers are run by a subcontractor in Cork, not from MDC1.');
  await expect(services.filter({ hasText: 'Managed hosting' })).toHaveAttribute('data-status', 'confirmed');
  await expect(page.getByTestId('wording-status').locator('input:checked')).toHaveValue('change_proposed');
});

test('conclusions at stage 1: the document review log, readiness with the CB’s rules, the stage 2 focus — kept on reopening', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await expect(page.getByTestId('current-auditor')).toBeVisible();
  await page.keyboard.press('Control+N');
  const dialog = page.getByRole('dialog', { name: 'New engagement' });
  await dialog.getByLabel('Client').fill('Fenwick Cloud Services Ltd');
  await dialog.getByLabel('First audit day').fill('2026-09-14');
  await dialog.getByLabel('Last audit day').fill('2026-09-15');
  await dialog.getByLabel('Audit type').click();
  await page.getByRole('option', { name: 'Stage 1', exact: true }).click();
  await dialog.getByRole('button', { name: 'Create engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Fenwick Cloud Services Ltd');

  // Without a CB profile the readiness card says where to choose one; with the default profile its rules are checked.
  await page.keyboard.press('Alt+9');
  await expect(page.getByTestId('conclusions-tab-stage1')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('readiness')).toContainText('No CB profile is chosen (Setup, Alt+2)');
  await page.keyboard.press('Alt+2');
  await page.getByTestId('profile-card').getByTestId('profile-select').click();
  await page.getByRole('option', { name: /Default profile/ }).click();
  await expect(page.getByTestId('profile-card').getByTestId('profile-current')).toBeVisible();
  await page.keyboard.press('Alt+9');

  // The document review log: N, a title, Enter — three documents, one deleted and brought back.
  await expect(page.getByTestId('review-empty')).toBeVisible();
  for (const title of ['Service management plan', 'Change management policy', 'Supplier register']) {
    await page.keyboard.press('n');
    await expect(page.getByTestId('review-add-title')).toBeFocused();
    await page.keyboard.type(title);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('review-row').filter({ has: page.locator(`input[value="${title}"]`) })).toHaveCount(1);
    await page.keyboard.press('Escape');
  }
  const rows = page.getByTestId('review-row');
  await expect(rows).toHaveCount(3);
  const plan = rows.nth(0);
  await plan.getByRole('textbox', { name: 'Service management plan: Version' }).fill('2.1');
  await plan.getByRole('textbox', { name: 'Service management plan: Date' }).fill('2026-06-30');
  await plan.getByRole('textbox', { name: 'Service management plan: Clause' }).fill('4.4');
  await plan.getByLabel('Service management plan: Adequacy').click();
  await page.getByRole('option', { name: 'Adequate', exact: true }).click();
  const policy = rows.nth(1);
  await policy.getByLabel('Change management policy: Adequacy').click();
  await page.getByRole('option', { name: 'Inadequate', exact: true }).click();
  await expect(policy).toContainText('Say why it is inadequate');
  await policy.getByRole('textbox', { name: 'Change management policy: Comment' }).fill('No emergency change procedure');
  await rows.nth(2).getByRole('button', { name: 'Delete Supplier register' }).click();
  await expect(rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('review-summary')).toHaveText('3 documents: 1 adequate, 1 inadequate, 1 not reviewed');

  // Readiness: the operating date is asked for in the area's note until it is there.
  const area = (name: string) => page.getByTestId('readiness-area').and(page.locator(`[data-area="${name}"]`));
  await expect(area('operating_period').getByTestId('readiness-rule')).toHaveAttribute('data-state', 'unconfirmed');
  await expect(area('operating_period')).toContainText('Needs confirmation');
  await expect(page.getByTestId('readiness-verdict')).toHaveAttribute('data-verdict', 'open');
  for (const name of ['sms_documentation', 'operating_period', 'internal_audit', 'management_review', 'scope_and_services', 'sites_and_resources']) {
    await area(name).getByText('Ready', { exact: true }).click();
  }
  await area('service_records').getByText('Ready, with concerns').click();
  await area('service_records').getByRole('textbox').fill('Only two months of SLA reports kept.');
  await expect(area('internal_audit').getByTestId('readiness-rule')).toHaveAttribute('data-state', 'holds');
  await expect(page.getByTestId('readiness-verdict')).toContainText('Still to confirm: the operating period.');
  await page.getByTestId('sms-operating-since').fill('2026-07-01');
  await area('operating_period').locator('textarea').fill('First service reviews in July 2026');
  await expect(area('operating_period').getByTestId('readiness-rule')).toHaveAttribute('data-state', 'holds_from');
  await expect(area('operating_period').getByTestId('readiness-rule')).toContainText('so stage 2 no earlier than 1 Oct 2026');
  await expect(page.getByTestId('readiness-verdict')).toHaveAttribute('data-verdict', 'ready_from');
  await expect(page.getByTestId('readiness-verdict')).toContainText('Ready for stage 2 from 1 Oct 2026');
  await expect(page.getByTestId('readiness-verdict')).toContainText('Concerns to follow at stage 2: Service records.');

  // What the stage 2 plan must cover: typed, then the open points added below.
  const focus = page.getByRole('textbox', { name: 'Stage 2 focus' });
  await focus.fill('Sample change records from July on.');
  await page.getByTestId('add-open-points').click();
  await expect(focus).toHaveValue(
    'Sample change records from July on.\n- Change management policy (inadequate): No emergency change procedure\n- Service records (ready, with concerns): Only two months of SLA reports kept.',
  );
  await expect(page.getByTestId('add-open-points')).toBeDisabled();
  await page.mouse.wheel(0, -10_000);
  await screenshot(page, 'conclusions-05-stage1-review');
  await area('operating_period').scrollIntoViewIfNeeded();
  await screenshot(page, 'conclusions-06-stage1-readiness');
  await page.getByTestId('stage2-focus').scrollIntoViewIfNeeded();
  await screenshot(page, 'conclusions-07-stage1-focus');

  // 中文
  await toChinese(page);
  await expect(page.getByTestId('readiness-verdict')).toContainText('自 2026年10月1日 起具备第二阶段审核条件');
  await page.getByTestId('readiness-verdict').scrollIntoViewIfNeeded();
  await screenshot(page, 'conclusions-08-stage1-readiness-zh');
  await page.mouse.wheel(0, -10_000);
  await screenshot(page, 'conclusions-09-stage1-review-zh');

  // Reopen.
  await page.getByRole('button', { name: '关闭审核项目' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Fenwick' }).click();
  await page.getByTestId('nav-conclusions').click();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0).getByRole('textbox').nth(1)).toHaveValue('2.1');
  await expect(rows.nth(1)).toHaveAttribute('data-adequacy', 'inadequate');
  await expect(page.getByTestId('sms-operating-since')).toHaveValue('2026-07-01');
  await expect(area('operating_period').locator('textarea')).toHaveValue('First service reviews in July 2026');
  await expect(area('service_records')).toHaveAttribute('data-status', 'ready_with_concerns');
  await expect(page.getByTestId('readiness-verdict')).toHaveAttribute('data-verdict', 'ready_from');
  await expect(page.getByTestId('stage2-focus').getByRole('textbox')).toHaveValue(/^Sample change records from July on\.\n- Change management policy/);
  // No pack chosen: the conclusions tab says where to choose one.
  await page.keyboard.press('Alt+Shift+2');
  await expect(page.getByTestId('conclusions-no-pack')).toBeVisible();
  await expect(page.getByTestId('conclusions-tab-surveillance')).toHaveCount(0);
});

test('conclusions at a surveillance: the items every surveillance covers, those not covered named', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.keyboard.press('Alt+2');
  await page.getByLabel('Audit type').first().click();
  await page.getByRole('option', { name: 'Surveillance 1', exact: true }).click();
  await page.getByTestId('nav-conclusions').click();
  // The tabs follow the audit type once the change is saved: the surveillance tab must be there before its key.
  await expect(page.getByRole('tab', { name: /Surveillance items/ })).toBeVisible();
  await page.keyboard.press('Alt+Shift+2');
  const items = page.getByTestId('surveillance-item');
  await expect(items).toHaveCount(6);
  await expect(page.getByTestId('surveillance-left')).toContainText('Still not covered (6)');
  await items.filter({ hasText: 'Internal audit' }).getByText('Satisfactory').click();
  await items.filter({ hasText: 'Internal audit' }).getByRole('textbox').fill('Internal audit programme 2027 covers all processes; two audits held since the last audit.');
  await items.filter({ hasText: 'Complaints' }).getByText('Concern').click();
  await expect(page.getByTestId('surveillance-left')).toHaveText('Still not covered (4): Management review, Changes, Use of the certificate and marks and Earlier nonconformities');
  await screenshot(page, 'conclusions-10-surveillance');
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Kestrel' }).click();
  await page.getByTestId('nav-conclusions').click();
  await page.keyboard.press('Alt+Shift+2');
  await expect(items.filter({ hasText: 'Internal audit' })).toHaveAttribute('data-status', 'satisfactory');
  await expect(items.filter({ hasText: 'Complaints' })).toHaveAttribute('data-status', 'concern');
  await expect(items.filter({ hasText: 'Internal audit' }).getByRole('textbox')).toHaveValue('Internal audit programme 2027 covers all processes; two audits held since the last audit.');
});
