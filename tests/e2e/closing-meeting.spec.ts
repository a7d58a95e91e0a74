import { createEngagement, expect, firstRun, screenshot, test, type Page } from './fixtures.ts';
import { openDemoPseudo, sweep } from './pseudo-sweep.ts';

/** Calls a channel from the page with its own token (what the screens of other helpers would write). */
async function seedFindings(page: Page): Promise<void> {
  await page.evaluate(async () => {
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
    const roster = (await call('engagement:roster', { engagementHandle })) as unknown as { team: { id: string; name: string }[] };
    const helen = roster.team.find((member) => member.name === 'Helen Marsh')!;
    const rajesh = roster.team.find((member) => member.name === 'Rajesh Iyer')!;
    await call('fieldwork:linkMe', { engagementHandle, memberId: helen.id });
    // The demo raises findings of its own: set aside here, so the counts below are this journey's.
    for (const row of (await call('rows:list', { engagementHandle, table: 'finding' })) as unknown as { id: string }[]) await call('rows:delete', { engagementHandle, table: 'finding', id: row.id });
    const finding = async (raisedBy: string, seq: number, grade: string, notFulfilled: string, clause: string) => {
      const row = await call('rows:create', {
        engagementHandle,
        table: 'finding',
        values: { raised_by: raisedBy, provisional_seq: seq, source_kind: 'none', grade, raised_on: '2026-12-09', requirement: '', evidence: '', not_fulfilled: notFulfilled, auditee_representative: 'Priya Shah' },
      });
      await call('rows:create', { engagementHandle, table: 'finding_clause', values: { finding_id: row.id, clause } });
      return String(row.id);
    };
    await finding(helen.id, 901, 'major', 'No emergency change since March 2026 was reviewed by the emergency CAB; the change policy requires a review within 5 working days.', '8.5.1.3');
    const minor = await finding(rajesh.id, 901, 'minor', 'Two of the five supplier reviews sampled (Northern Power, FibreLink) were not held in the 2026 cycle.', '8.2.3.2');
    await finding(rajesh.id, 902, 'improvement', 'Trend analysis of repeat incidents could use the problem records already kept.', '8.6.3');
    await call('rows:create', { engagementHandle, table: 'diverging_opinion', values: { finding_id: minor, auditee_view: 'The FibreLink review was held by telephone and not minuted.', team_response: 'No record of it was shown.', status: 'unresolved', resolution: '' } });
  });
}

/** Draws a signature-like scrawl on a canvas with the mouse: down, moves, up — as a person does. */
async function scrawl(page: Page, testId: string): Promise<void> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  await page.mouse.move(...at(0.12, 0.6));
  await page.mouse.down();
  for (const [fx, fy] of [[0.18, 0.3], [0.24, 0.7], [0.3, 0.35], [0.36, 0.65], [0.44, 0.4], [0.5, 0.62], [0.58, 0.3], [0.64, 0.68], [0.72, 0.45], [0.8, 0.55]] as const) {
    await page.mouse.move(...at(fx, fy), { steps: 4 });
  }
  await page.mouse.up();
}

async function toChinese(page: Page): Promise<void> {
  await page.keyboard.press('Control+Comma');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: /^简体中文/ }).check();
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}

test('closing meeting: conclusions filled, the recommendation overridden with a reason, statements ticked, one NC signed and one declined, the member’s own signature', async ({ page, host, problems }) => {
  void problems;
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(host.url);
  await firstRun(page);
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await seedFindings(page);

  // The audit conclusions: a verdict and a text for every item; the summary counts down to complete.
  await page.keyboard.press('Alt+9');
  await page.getByTestId('conclusions-tab-audit').click();
  const summary = page.getByTestId('audit-conclusions-summary');
  await expect(summary).toContainText('Still to do');
  const statement = (item: string) => page.locator(`[data-testid="audit-statement"][data-item="${item}"]`);
  // Stage 2: changes since stage 1; marks not applicable at initial certification.
  await expect(statement('significant_changes')).toContainText('since stage 1');
  await expect(statement('marks_control')).toContainText('not applicable');
  await expect(statement('no_penalties')).toHaveCount(0);
  const fill = async (item: string, verdict: string, text: string | null) => {
    await statement(item).getByText(verdict, { exact: true }).click();
    if (text !== null) await statement(item).getByTestId('statement-text').fill(text);
  };
  await fill('significant_issues', 'None', 'None: the programme stands as planned.');
  await fill('significant_changes', 'Changes', 'The Leeds service desk moved to a new ITSM tool in October 2026.');
  // A verdict that needs a text says so until it has one.
  await fill('unresolved_issues', 'Identified', null);
  await expect(statement('unresolved_issues')).toContainText('This verdict needs a sentence');
  await expect(statement('unresolved_issues').getByTestId('statement-facts')).toContainText('RI-P901');
  await statement('unresolved_issues').getByTestId('statement-prefill').click();
  await expect(statement('unresolved_issues').getByTestId('statement-text')).toHaveValue(/FibreLink review was held by telephone/);
  await fill('marks_control', 'Not applicable', 'Initial certification: no certificate or mark in use yet.');
  await fill('conformity_effectiveness', 'Effective, with the nonconformities raised', 'The SMS conforms except for the emergency change reviews and the supplier reviews.');
  await fill('internal_audit', 'Conforming and effective', 'Internal audit 2026 covered all clauses; findings followed up.');
  await fill('management_review', 'Conforming and effective', 'Held on 14 October 2026 with every required input.');
  await fill('scope_appropriate', 'Yes', 'The three services and four sites match the scope statement.');
  await fill('objectives_met', 'Yes', 'All objectives of the audit plan were met.');
  await fill('remote_auditing', 'Effective', null);
  await statement('remote_auditing').getByTestId('statement-prefill').click();
  await expect(statement('remote_auditing').getByTestId('statement-text')).toHaveValue(/sessions held remotely|No session/);
  await expect(summary).toContainText('Every item has a verdict');
  await page.getByTestId('conclusions-tab-audit').scrollIntoViewIfNeeded();
  await screenshot(page, 'closing-audit-conclusions-en');

  // The recommendation: stage 2 with an open major → granted only once verified; overridden with a reason.
  const recommendation = page.getByTestId('recommendation');
  await recommendation.scrollIntoViewIfNeeded();
  await expect(recommendation).toHaveAttribute('data-suggested', 'grant-after-verification');
  await expect(recommendation.getByTestId('recommendation-suggestion')).toContainText('major');
  await recommendation.locator('input[data-key="grant-not-recommended"]').check();
  await recommendation.getByTestId('recommendation-save').click();
  await expect(recommendation).toContainText('Give the reason for departing from the suggestion');
  await expect(recommendation).toHaveAttribute('data-stored', '');
  await recommendation.getByTestId('recommendation-reason').fill('The emergency change breakdown affects all three services; verification within six months of stage 2 is not realistic.');
  await recommendation.getByTestId('recommendation-save').click();
  await expect(recommendation).toHaveAttribute('data-stored', 'grant-not-recommended');
  await expect(recommendation).toContainText('Differs from the suggestion');
  await expect(recommendation.getByTestId('recommendation-stated')).toContainText('subject to the decision of Meridian Assurance Certification Ltd');
  await recommendation.getByTestId('recommendation-stated').scrollIntoViewIfNeeded();
  await screenshot(page, 'closing-recommendation-en');

  // The closing meeting: the plan's closing session, attendance from the plan, statements ticked with keys.
  await page.keyboard.press('Alt+0');
  await page.getByTestId('findings-tab-closing').click();
  const meeting = page.getByTestId('closing-meeting');
  await expect(meeting.getByTestId('closing-session-when')).toContainText('15:30');
  await meeting.getByTestId('attendance-add-team').click();
  await meeting.getByTestId('attendance-add-auditees').click();
  await expect(meeting.getByTestId('attendee')).toHaveCount(6);
  await meeting.getByTestId('closing-points').getByText('Statements made').click();
  for (const key of ['1', '2', '3', '4', '5', '6', '7', '8']) await page.keyboard.press(key);
  await expect(meeting.getByTestId('closing-points-count')).toHaveText('8 of 8 made');
  await meeting.locator('[data-point="sampling_disclaimer"]').getByTestId('closing-point-script').click();
  await expect(meeting.locator('[data-point="sampling_disclaimer"]').getByTestId('closing-point-script-text')).toContainText('based on a sample');
  await meeting.locator('[data-point="client_plan_timeframe"]').getByTestId('closing-point-note').click();
  await page.keyboard.type('Client asked for 45 days; the CB’s 30 days were confirmed.');
  await page.getByTestId('closing-meeting').getByRole('heading', { name: 'Closing meeting' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'closing-meeting-top-en');

  // The major signed on the pad (an empty pad is refused first); the minor declined with the reason.
  const major = meeting.locator('[data-testid="presented-finding"][data-label="HM-P901"]');
  const minor = meeting.locator('[data-testid="presented-finding"][data-label="RI-P901"]');
  await expect(meeting.locator('[data-testid="presented-finding"][data-label="RI-P902"]').getByTestId('ack-sign')).toHaveCount(0);
  await major.getByTestId('ack-sign').click();
  const modal = page.getByTestId('ack-modal');
  await expect(modal.getByTestId('ack-name')).toHaveValue('Priya Shah');
  await modal.getByTestId('ack-role').fill('Head of Service Management');
  await modal.getByTestId('ack-save').click();
  await expect(modal.getByRole('alert')).toContainText('The signature is empty');
  await scrawl(page, 'signature-pad-canvas');
  await expect(page.getByTestId('signature-pad')).toHaveAttribute('data-drawn', 'true');
  await screenshot(page, 'closing-sign-nc-en');
  await modal.getByTestId('ack-save').click();
  await expect(modal).toHaveCount(0);
  await expect(major).toHaveAttribute('data-ack', 'signed');
  await expect(major.getByTestId('ack-state')).toContainText('Signed by Priya Shah (Head of Service Management)');
  await expect(major.getByTestId('ack-state')).toContainText('Recorded by Helen Marsh');
  await expect(major.getByTestId('ack-signature')).toBeVisible();
  // Stored as a PNG trimmed to the strokes: narrower than the pad it was drawn on.
  const image = await major.getByTestId('ack-signature').evaluate((img: HTMLImageElement) => ({ src: img.src.slice(0, 22), width: img.naturalWidth, height: img.naturalHeight }));
  expect(image.src).toBe('data:image/png;base64,');
  expect(image.width).toBeGreaterThan(200);
  expect(image.width).toBeLessThan(500);
  expect(image.height).toBeLessThan(180);
  await minor.getByTestId('ack-decline').click();
  await modal.getByTestId('ack-save').click();
  await expect(modal).toContainText('Enter the reason the auditee gave');
  await modal.getByTestId('ack-reason').fill('Disagrees that a telephone review without minutes is no review.');
  await modal.getByTestId('ack-save').click();
  await expect(minor).toHaveAttribute('data-ack', 'declined');
  await expect(minor.getByTestId('ack-state')).toContainText('Declined to sign');
  await expect(meeting.getByTestId('ack-count')).toContainText('2 nonconformities to acknowledge, 2 done');
  await meeting.getByTestId('findings-presented').scrollIntoViewIfNeeded();
  await screenshot(page, 'closing-meeting-en');

  // The member's own signature in Team.
  await page.keyboard.press('Alt+4');
  const mine = page.getByTestId('my-signature');
  await mine.scrollIntoViewIfNeeded();
  await expect(mine.getByTestId('my-signature-none')).toBeVisible();
  await mine.getByTestId('my-signature-draw').click();
  await scrawl(page, 'my-signature-pad-canvas');
  await page.getByTestId('my-signature-save').click();
  await expect(mine.getByTestId('my-signature-image')).toBeVisible();
  await mine.scrollIntoViewIfNeeded();
  await screenshot(page, 'closing-my-signature-en');

  // Everything kept: reload and read it back.
  await page.reload();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.keyboard.press('Alt+0');
  await page.getByTestId('findings-tab-closing').click();
  await expect(page.locator('[data-testid="presented-finding"][data-label="HM-P901"]')).toHaveAttribute('data-ack', 'signed');
  await expect(page.getByTestId('closing-points-count')).toHaveText('8 of 8 made');
  await expect(page.getByTestId('recommendation')).toHaveAttribute('data-stored', 'grant-not-recommended');

  // The same screens in Chinese.
  await toChinese(page);
  await expect(page.getByTestId('closing-points-count')).toHaveText('已说明 8 / 8 项');
  await screenshot(page, 'closing-meeting-zh');
  await page.locator('[data-testid="presented-finding"][data-label="HM-P901"]').getByTestId('ack-sign').click();
  await scrawl(page, 'signature-pad-canvas');
  await screenshot(page, 'closing-sign-nc-zh');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+9');
  await page.getByTestId('conclusions-tab-audit').click();
  await expect(page.getByTestId('audit-conclusions-summary')).toHaveText('各项均已给出结论。');
  await page.getByTestId('conclusions-tab-audit').scrollIntoViewIfNeeded();
  await screenshot(page, 'closing-audit-conclusions-zh');
  await page.getByTestId('recommendation-stated').scrollIntoViewIfNeeded();
  await screenshot(page, 'closing-recommendation-zh');
  await page.keyboard.press('Alt+4');
  await page.getByTestId('my-signature').scrollIntoViewIfNeeded();
  await screenshot(page, 'closing-my-signature-zh');
});

test('closing meeting: a plan without a closing meeting offers to add one, as the plan editor would', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await createEngagement(page, 'Harbour Logistics plc', '2026-12-14', '2026-12-15');
  await page.keyboard.press('Alt+0');
  await page.getByTestId('findings-tab-closing').click();
  const none = page.getByTestId('closing-no-session');
  await expect(none).toContainText('The plan has no closing meeting yet');
  await expect(page.getByTestId('findings-presented-empty')).toContainText('No findings have been raised');
  await expect(page.getByTestId('recommendation')).toHaveAttribute('data-suggested', 'grant');
  await screenshot(page, 'closing-no-session-en');
  await none.getByTestId('closing-add-session').click();
  // On the last audit day, after its last session (none yet: 16:00), 45 minutes.
  await expect(page.getByTestId('closing-session-when')).toContainText('16:00–16:45');
  await expect(page.getByTestId('closing-points')).toBeVisible();
  await page.keyboard.press('Alt+6');
  await expect(page.getByText('16:00–16:45').first()).toBeVisible();
});

test('closing meeting: the pseudo-locale shows only text from the language files on the closing screens, none clipped or overlapping', async ({ page, host, problems }) => {
  void problems;
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.addInitScript(() => localStorage.setItem('aw.pseudoLocale', '1'));
  await openDemoPseudo(page, host.url, 'Helen Marsh', 'HM');
  await seedFindings(page);
  const findings: Record<string, unknown> = {};
  const look = async (screen: string) => {
    await page.waitForTimeout(250);
    const found = await sweep(page);
    await screenshot(page, `pseudo-closing-${screen}`);
    if (found.untranslated.length || found.clipped.length || found.overlapping.length) findings[screen] = found;
  };
  await page.keyboard.press('Alt+0');
  await page.getByTestId('findings-tab-closing').click();
  await expect(page.getByTestId('closing-points')).toBeVisible();
  await page.locator('[data-point="sampling_disclaimer"]').getByTestId('closing-point-script').click();
  await look('meeting');
  await page.locator('[data-testid="presented-finding"][data-label="HM-P901"]').getByTestId('ack-sign').click();
  await look('sign');
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="presented-finding"][data-label="RI-P901"]').getByTestId('ack-decline').click();
  await look('decline');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+9');
  await page.getByTestId('conclusions-tab-audit').click();
  await expect(page.getByTestId('audit-conclusions')).toBeVisible();
  await look('conclusions');
  await page.keyboard.press('Alt+4');
  await page.getByTestId('my-signature').scrollIntoViewIfNeeded();
  await page.getByTestId('my-signature-draw').click();
  await look('my-signature');
  expect(findings).toEqual({});
});
