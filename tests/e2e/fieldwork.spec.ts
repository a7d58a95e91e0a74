import { expect, firstRun, screenshot, test, type Page } from './fixtures.ts';

/** A question's card (the list is windowed: a card is in the page only while it is near the view). */
const card = (page: Page, questionId: string) => page.locator(`[data-testid="answer-card"][data-question="${questionId}"]`);
const focusedCard = (page: Page) => page.locator('[data-testid="answer-card"][data-focused="true"]');
const groupLinks = (page: Page) => page.getByTestId('fieldwork-unit');

test('fieldwork: ten questions answered with the keyboard only, the orders, filters and search, evidence, an interviewee and the session of an answer — kept on reopening', async ({ page, host, problems }) => {
  void problems;
  // Monday of the demo's audit, 10:00 in London: the session on clauses 4–6 (Helen's) is running.
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00Z'));
  await page.goto(host.url);
  await firstRun(page);
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { level: 2, name: 'Fieldwork' })).toBeVisible();

  // Asked once: which team member am I?
  await page.getByTestId('who-are-you').getByRole('button', { name: 'Helen Marsh' }).click();
  await expect(page.getByTestId('answering-as')).toHaveText('Answering as Helen Marsh');
  await expect(page.getByTestId('who-are-you')).toHaveCount(0);
  await expect(page.getByTestId('answers-count')).toHaveText('219 questions');
  // Windowed: of 219 questions, only those near the view are in the page.
  expect(await page.getByTestId('answer-card').count()).toBeLessThan(30);

  // Clause 4: conforming, conforming, nonconformity, observation.
  const total = await page.getByTestId('unit-progress').textContent();
  // Each answered card is checked while it is still next to the focus (further up it leaves the page).
  const answerWith = async (key: string, questionId: string, result: string) => {
    await expect(focusedCard(page)).toHaveAttribute('data-question', questionId);
    await page.keyboard.press(key);
    await expect(card(page, questionId)).toHaveAttribute('data-result', result);
  };
  await answerWith('1', '4.1-q01', 'conforming');
  // Recorded under the session running now, which covers clause 4.
  await expect(card(page, '4.1-q01').getByTestId('answer-summary')).toHaveText('7 Dec 2026 09:30–12:30');
  await answerWith('1', '4.1-q02', 'conforming');
  await answerWith('2', '4.1-q03', 'nonconformity');
  await expect(card(page, '4.1-q03')).toContainText('A finding is expected from this answer.');
  await answerWith('3', '4.2-q01', 'observation');
  // Notes from the keyboard: N, type, Esc back to the list.
  await page.keyboard.press('ArrowUp');
  await expect(focusedCard(page)).toHaveAttribute('data-question', '4.2-q01');
  await page.keyboard.press('n');
  await page.keyboard.type('Context review minutes of Sept 2026 seen; climate change not considered in 4.1.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowDown');
  await answerWith('1', '4.2-q02', 'conforming');
  await page.keyboard.press(']');
  await answerWith('1', '5.1-q01', 'conforming');
  await answerWith('1', '5.1-q02', 'conforming');
  await answerWith('5', '5.1-q03', 'not_audited');
  await answerWith('1', '5.2.1-q01', 'conforming');
  // Not applicable asks why, and warns.
  await page.keyboard.press('4');
  await expect(focusedCard(page)).toContainText('allows no exclusions');
  await expect(focusedCard(page)).toHaveAttribute('data-result', 'not_applicable');
  await expect(page.getByTestId('unit-progress')).toContainText('4 of');
  await page.keyboard.press('[');
  expect(await page.getByTestId('unit-progress').textContent()).toBe(total?.replace(/^0 of/, '5 of'));
  await screenshot(page, '99-fieldwork');

  // The whole team: a colleague's answer shows beside mine, with his name (Rajesh's, written through
  // the row path as his returned copy would bring it); mine stays the one I edit.
  await page.evaluate(async () => {
    const call = async (channel: string, input: unknown) => {
      const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sessionStorage.getItem('aw.token')}`, 'Content-Type': 'application/json', 'X-Page-Session': sessionStorage.getItem('aw.pageSession') ?? '' },
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as { ok: boolean; value: unknown };
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result)}`);
      return result.value;
    };
    const { handle } = ((await call('engagement:handles', {})) as { handle: string }[])[0]!;
    const { team } = (await call('plan:load', { engagementHandle: handle })) as { team: { id: string; initials: string }[] };
    const rajesh = team.find((member) => member.initials === 'RI')!.id;
    await call('rows:create', { engagementHandle: handle, table: 'checklist_answer', values: { question_id: '4.1-q03', team_member_id: rajesh, result: 'observation', notes: 'Risk register not linked to the issues' } });
  });
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Alt+7');
  await expect(card(page, '4.1-q03').getByTestId('team-answer')).toHaveText('Rajesh Iyer: Observation');
  await expect(card(page, '4.1-q03')).toHaveAttribute('data-result', 'nonconformity');

  // By clause (O), then my part that nobody answered (U, M): the clauses I answered in full are gone.
  await page.keyboard.press('o');
  await expect(page.getByTestId('answer-order').getByRole('radio', { name: 'By clause' })).toBeChecked();
  await expect(groupLinks(page).first()).toHaveText(/^4\.1 Understanding the organization and its context/);
  await page.keyboard.press('u');
  await page.keyboard.press('m');
  await expect(page.getByTestId('filter-unanswered')).toBeChecked();
  await expect(page.getByTestId('filter-mine')).toBeChecked();
  await expect(page.getByTestId('answers-count')).toHaveText(/^\d+ of 219 questions$/);
  const mineLeft = Number((await page.getByTestId('answers-count').textContent())!.split(' ')[0]);
  expect(mineLeft).toBeGreaterThan(20);
  expect(mineLeft).toBeLessThan(219 - 10);
  // 4.1 is answered in full; service requests and suppliers are Rajesh's sessions, not Helen's; change management is hers.
  await expect(groupLinks(page).filter({ hasText: /^4\.1 / })).toHaveCount(0);
  await expect(groupLinks(page).filter({ hasText: /^8\.6\.2 / })).toHaveCount(0);
  await expect(groupLinks(page).filter({ hasText: /^8\.3\.4 / })).toHaveCount(0);
  await expect(groupLinks(page).filter({ hasText: /^8\.6\.1 / })).toHaveCount(1);
  await expect(groupLinks(page).filter({ hasText: /^8\.5\.1\.1 / })).toHaveCount(1);
  await screenshot(page, '99-fieldwork-filtered');

  // Ctrl+F: every word must be found; Esc leaves the search and the keys work again.
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('answer-search')).toBeFocused();
  await page.keyboard.type('emergency category');
  await expect(page.getByTestId('answers-count')).toHaveText('1 of 219 questions');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('answer-search')).not.toBeFocused();
  await expect(focusedCard(page)).toHaveAttribute('data-question', '8.5.1.1-q03');
  // Shift+X clears the filters and keeps the question in view.
  await page.keyboard.press('Shift+X');
  await expect(page.getByTestId('answers-count')).toHaveText('219 questions');
  await expect(focusedCard(page)).toHaveAttribute('data-question', '8.5.1.1-q03');

  // A nonconformity on it, then back to it: evidence (E), an interviewee (I) and the session (S), from the keyboard.
  await page.keyboard.press('2');
  await page.keyboard.press('ArrowUp');
  await expect(focusedCard(page)).toHaveAttribute('data-question', '8.5.1.1-q03');
  // The clock says Monday: no change session runs today, so the answer names none yet.
  await expect(focusedCard(page).getByTestId('answer-session-value')).toHaveText('No session');
  await page.keyboard.press('e');
  await expect(page.getByTestId('answer-evidence-input')).toBeFocused();
  await expect(page.getByTestId('answer-evidence-input')).toBeFocused();
  await page.keyboard.type('Change policy');
  await expect(page.getByRole('option', { name: /New reference \(Document\): “Change policy”/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(focusedCard(page).getByTestId('answer-evidence')).toHaveText(/Document\s+Change policy/);
  // A second reference of another kind: Shift+Tab to the kind, pick "Record", back to the title.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('r');
  await page.keyboard.press('Tab');
  await page.keyboard.type('CHG-10422');
  await page.keyboard.press('Enter');
  await expect(focusedCard(page).getByTestId('answer-evidence')).toHaveCount(2);
  await expect(focusedCard(page).getByTestId('answer-evidence').nth(1)).toHaveText(/Record\s+CHG-10422/);
  // Backspace in the empty field takes the last one off; Undo puts it back.
  await page.keyboard.press('Backspace');
  await expect(focusedCard(page).getByTestId('answer-evidence')).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(focusedCard(page).getByTestId('answer-evidence')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await page.keyboard.press('i');
  await expect(page.getByTestId('answer-people-input')).toBeFocused();
  await expect(page.getByTestId('answer-people-input')).toBeFocused();
  await page.keyboard.type('Sam Okafor, Change manager');
  await page.keyboard.press('Enter');
  await expect(focusedCard(page).getByTestId('answer-person')).toHaveText('Sam Okafor, Change manager');
  await page.keyboard.press('Escape');
  await page.keyboard.press('s');
  await expect(focusedCard(page).getByTestId('answer-session')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(focusedCard(page).getByTestId('answer-session')).toHaveValue(/.+/);
  await expect(focusedCard(page).getByTestId('answer-session').locator('option:checked')).toHaveText(/^8 Dec 2026 09:00–12:30 · Change, design and transition/);
  const sessionLabel = (await focusedCard(page).getByTestId('answer-session').locator('option:checked').textContent())!;
  await page.keyboard.press('Escape');
  await screenshot(page, '99-fieldwork-details');
  // The next question: the one just left shows what it links to.
  await page.keyboard.press('ArrowDown');
  await expect(card(page, '8.5.1.1-q03').getByTestId('answer-summary')).toHaveText('8 Dec 2026 09:00–12:30 · 2 evidence references · 1 interviewee');

  // In the plan's order: each session's topics, by day and time; what no session covers at the end.
  await page.keyboard.press('o');
  await expect(page.getByTestId('answer-order').getByRole('radio', { name: 'In plan order' })).toBeChecked();
  await expect(page.getByTestId('caption-session').first()).toContainText('7 Dec 2026 09:30–12:30');
  await screenshot(page, '99-fieldwork-plan');

  // Reopen: the answers, the links and the session are there.
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Kestrel' }).click();
  await page.getByTestId('nav-fieldwork').click();
  await expect(page.getByTestId('answering-as')).toHaveText('Answering as Helen Marsh');
  await expect(card(page, '4.1-q03')).toHaveAttribute('data-result', 'nonconformity');
  await expect(card(page, '4.2-q01').getByLabel('Notes')).toHaveValue('Context review minutes of Sept 2026 seen; climate change not considered in 4.1.');
  await page.keyboard.press(']');
  // Clause 5: four results ("not audited" is no result).
  await expect(page.getByTestId('unit-progress')).toHaveText('4 of 10 answered');
  await page.keyboard.press('Control+f');
  await page.keyboard.type('8.5.1.1-q03');
  await page.keyboard.press('Escape');
  await expect(focusedCard(page)).toHaveAttribute('data-question', '8.5.1.1-q03');
  await expect(focusedCard(page)).toHaveAttribute('data-result', 'nonconformity');
  await expect(focusedCard(page).getByTestId('answer-evidence')).toHaveCount(2);
  await expect(focusedCard(page).getByTestId('answer-person')).toHaveText('Sam Okafor, Change manager');
  await expect(focusedCard(page).getByTestId('answer-session-value')).toHaveText(sessionLabel);
});

test('fieldwork in Chinese: the checklist in plan order, a note found by a Chinese substring, evidence and an interviewee typed in Chinese', async ({ page, host, problems }) => {
  void problems;
  // Tuesday 8 December, 10:00 in London: the change session at the data centre is running.
  await page.clock.setFixedTime(new Date('2026-12-08T10:00:00Z'));
  await page.goto(host.url);
  await page.getByRole('radio', { name: /^简体中文/ }).check();
  await page.getByPlaceholder('例如：王海伦').fill('王海伦');
  await page.getByLabel('姓名缩写').fill('WHL');
  await page.getByRole('button', { name: '开始使用' }).click();
  // The English demo with the interface in Chinese (the Chinese demo is its twin 云帆).
  await page.getByRole('button', { name: '英文演示项目' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.keyboard.press('Alt+7');
  await page.getByTestId('who-are-you').getByRole('button', { name: 'Helen Marsh' }).click();
  await expect(page.getByTestId('answering-as')).toHaveText('当前回答人：Helen Marsh');
  await expect(page.getByTestId('answers-count')).toHaveText('共 219 个问题');

  // In plan order (O): the sessions' captions, by day and time.
  await page.keyboard.press('o');
  await page.keyboard.press('o');
  await expect(page.getByTestId('answer-order').getByRole('radio', { name: '按审核计划' })).toBeChecked();
  await expect(page.getByTestId('caption-session').first()).toContainText('2026年12月7日 09:30–12:30');

  // Change management, answered now: recorded under the session running (8 December, 09:00–12:30).
  await page.keyboard.press('Control+f');
  await page.keyboard.type('8.5.1.1-q01');
  await page.keyboard.press('Escape');
  await expect(focusedCard(page)).toHaveAttribute('data-question', '8.5.1.1-q01');
  await page.keyboard.press('Shift+X');
  await page.keyboard.press('3');
  await page.keyboard.press('ArrowUp');
  await expect(focusedCard(page)).toHaveAttribute('data-result', 'observation');
  await expect(focusedCard(page)).toContainText('预计将据此提出审核发现。');
  await expect(focusedCard(page).getByTestId('answer-session-value')).toContainText('2026年12月8日 09:00–12:30');
  await page.keyboard.press('n');
  await page.keyboard.type('紧急变更CHG-10437未经紧急变更咨询委员会批准即实施');
  await page.keyboard.press('Escape');
  await page.keyboard.press('e');
  await expect(page.getByTestId('answer-evidence-input')).toBeFocused();
  await page.keyboard.type('变更管理程序 第3.2版');
  await expect(page.getByRole('option', { name: /新建证据（文件）：“变更管理程序 第3.2版”/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(focusedCard(page).getByTestId('answer-evidence')).toHaveText(/文件\s+变更管理程序 第3.2版/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('i');
  await expect(page.getByTestId('answer-people-input')).toBeFocused();
  await page.keyboard.type('王建国，变更经理');
  await expect(page.getByRole('option', { name: '新建人员：“王建国”，变更经理' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(focusedCard(page).getByTestId('answer-person')).toHaveText('王建国（变更经理）');
  await page.keyboard.press('Escape');
  await screenshot(page, '99-fieldwork-zh-details');

  // A Chinese substring of the note finds it, after the note was written (search reads the notes).
  await page.keyboard.press('Control+f');
  await page.keyboard.type('咨询委员会');
  await expect(page.getByTestId('answers-count')).toHaveText('1 / 219 个问题');
  await page.keyboard.press('Escape');
  await expect(focusedCard(page)).toHaveAttribute('data-question', '8.5.1.1-q01');
  await page.keyboard.press('Control+f');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Escape');
  // My part (M) in Chinese, with the Session filter open.
  await page.keyboard.press('m');
  await expect(page.getByTestId('answers-count')).toHaveText(/^\d+ \/ 219 个问题$/);
  await page.getByTestId('filter-session').click();
  await expect(page.getByRole('dialog').getByRole('checkbox').first()).toBeVisible();
  await screenshot(page, '99-fieldwork-zh-filters');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+X');
  await screenshot(page, '99-fieldwork-zh');
});
