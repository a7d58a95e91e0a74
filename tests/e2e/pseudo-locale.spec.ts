import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures.ts';
import { sweep } from './pseudo-sweep.ts';
import { en } from '../../renderer/src/i18n/en/index.ts';
import { pseudoLocalize as pseudo } from '../../renderer/src/i18n/pseudo.ts';

const PSEUDO_FLAG = 'aw.pseudoLocale';

/** Sweeps the screen and collects what it finds under the screen's name (all screens are reported at once). */
async function look(page: Page, screen: string, findings: Record<string, unknown>): Promise<void> {
  await page.waitForTimeout(250); // let modals and transitions settle
  const found = await sweep(page);
  await screenshot(page, `pseudo-${screen}`);
  if (found.untranslated.length || found.clipped.length || found.overlapping.length) findings[screen] = found;
}

/** Opens a dialog, sweeps it, closes it with Escape. */
async function lookAtDialog(page: Page, screen: string, findings: Record<string, unknown>, open: () => Promise<void>): Promise<void> {
  await open();
  await expect(page.getByRole('dialog')).toBeVisible();
  await look(page, screen, findings);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

// The user's own data is written in Chinese here, so any Latin word outside ⟦ ⟧ is the product's.
test('pseudo-locale sweep: every screen shows only text from the language files, none clipped or overlapping', async ({ page, host, problems }) => {
  void problems;
  test.setTimeout(180_000);
  await page.addInitScript((flag) => localStorage.setItem(flag, '1'), PSEUDO_FLAG);
  const findings: Record<string, unknown> = {};
  await page.goto(host.url);
  await expect(page.locator('h2')).toContainText('⟦');

  // The sweep itself must see each kind of problem: a hard-coded word, a clipped label, two labels on top of each other.
  await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.id = 'sweep-probe';
    probe.innerHTML =
      '<p>Hard-coded words</p>' +
      '<div style="width:40px;overflow:hidden;white-space:nowrap">⟦Á ĺóñĝ ĺáƀéĺ ţĥáţ ďóéš ñóţ ƒíţ ·····⟧</div>' +
      '<div style="position:relative;height:40px"><span style="position:absolute;left:0;top:0">⟦Óñé ·⟧</span><span style="position:absolute;left:4px;top:2px">⟦Ţŵó ·⟧</span></div>';
    document.body.prepend(probe);
  });
  const probe = await sweep(page);
  expect(probe.untranslated).toContain('Hard-coded words');
  expect(probe.clipped).toContain('⟦Á ĺóñĝ ĺáƀéĺ ţĥáţ ďóéš ñóţ ƒíţ ·····⟧');
  expect(probe.overlapping).toContain('⟦Óñé ·⟧ ⟷ ⟦Ţŵó ·⟧');
  await page.evaluate(() => document.getElementById('sweep-probe')?.remove());

  await look(page, 'first-run', findings);
  await page.getByLabel(pseudo(en.firstRun.name)).fill('王海伦');
  await page.getByLabel(pseudo(en.firstRun.initials)).fill('王');
  await page.getByRole('button', { name: pseudo(en.firstRun.submit) }).click();
  await expect(page.getByTestId('current-auditor')).toBeVisible();
  await look(page, 'home-empty', findings);

  await page.keyboard.press('Control+N');
  const create = page.getByRole('dialog');
  await look(page, 'create', findings);
  await create.getByLabel(pseudo(en.create.clientName)).fill('深圳云服务有限公司');
  await create.getByLabel(pseudo(en.create.startDate)).fill('2026-12-07');
  await create.getByLabel(pseudo(en.create.endDate)).fill('2026-12-09');
  await create.getByRole('button', { name: pseudo(en.create.submit) }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('深圳云服务有限公司');
  await look(page, 'overview', findings);

  await page.getByTestId('nav-setup').click();
  const sites = page.getByTestId('sites-editor');
  for (const [index, name] of ['深圳总部', '广州数据中心'].entries()) {
    await sites.getByLabel(pseudo(en.sites.newName)).fill(name);
    await sites.getByLabel(pseudo(en.sites.newName)).press('Enter');
    await expect(sites.getByTestId('site-row')).toHaveCount(index + 1);
  }
  await expect(sites.getByTestId('site-row')).toHaveCount(2);
  await look(page, 'setup', findings);

  await page.getByTestId('nav-scope').click();
  await look(page, 'scope-empty', findings);
  await page.getByTestId('services').getByLabel(pseudo(en.scope.newService)).fill('托管服务');
  await page.getByTestId('services').getByLabel(pseudo(en.scope.newService)).press('Enter');
  await expect(page.getByTestId('service-row')).toHaveCount(1);
  // The longest IT-service category's name and a category typed by the user, as pills.
  const categories = page.getByTestId('service-row').getByRole('combobox', { name: pseudo(en.scope.categories) });
  await categories.click();
  await page.getByRole('option', { name: pseudo(en.scope.category['operation-maintenance']) }).click();
  await categories.fill('云服务');
  await categories.press('Enter');
  await categories.press('Escape');
  await expect(page.getByTestId('category-pill')).toHaveCount(2);
  await look(page, 'scope', findings);

  await page.getByTestId('nav-team').click();
  await look(page, 'team-empty', findings);
  const addMember = page.getByRole('form', { name: pseudo(en.team.addMember) });
  for (const [index, name] of ['王海伦', '张伟'].entries()) {
    await addMember.getByLabel(pseudo(en.team.newMember)).fill(name);
    await addMember.getByLabel(pseudo(en.firstRun.initials)).fill(name.slice(0, 1));
    await addMember.getByLabel(pseudo(en.firstRun.initials)).press('Enter');
    await expect(page.getByTestId('team-row')).toHaveCount(index + 1);
  }
  await look(page, 'team', findings);
  await lookAtDialog(page, 'import', findings, () => page.getByRole('button', { name: pseudo(en.team.importButton) }).click());
  await lookAtDialog(page, 'export-package', findings, () => page.getByRole('button', { name: pseudo(en.team.exportButton) }).click());
  await lookAtDialog(page, 'member-copy', findings, () => page.getByRole('button', { name: pseudo(en.team.memberCopyButton) }).first().click());

  await page.getByTestId('nav-checklist').click();
  await look(page, 'checklist-empty', findings);
  await page.getByTestId('engagement-pack-select').click();
  await page.getByRole('option').first().click();
  await page.getByTestId('engagement-pack-use').click();
  await expect(page.getByTestId('engagement-pack-title')).toBeVisible();
  await look(page, 'checklist', findings);

  // The plan: an empty plan, then two sessions (the second double-books the lead) with the editor open.
  await page.getByTestId('nav-plan').click();
  await look(page, 'plan-empty', findings);
  await page.getByTestId('plan-add').click();
  const session = page.getByRole('dialog', { name: pseudo(en.plan.edit.title) });
  await session.getByLabel(pseudo(en.plan.edit.name)).fill('首次会议');
  await look(page, 'plan-session', findings);
  await session.getByRole('button', { name: pseudo(en.plan.edit.close) }).click();
  await page.getByTestId('plan-add').click();
  await session.getByLabel(pseudo(en.plan.edit.name)).fill('变更管理');
  await session.getByRole('button', { name: pseudo(en.plan.edit.close) }).click();
  await expect(page.getByTestId('plan-session')).toHaveCount(2);
  await look(page, 'plan', findings);
  await page.getByText(pseudo(en.plan.views.list), { exact: true }).click();
  await look(page, 'plan-list', findings);
  // Fieldwork: asked who is typing, then the checklist answered (a result and "not applicable").
  await page.getByTestId('nav-fieldwork').click();
  await expect(page.getByTestId('who-are-you')).toBeVisible();
  await look(page, 'fieldwork-who', findings);
  await page.getByTestId('who-are-you').getByRole('button').first().click();
  await expect(page.getByTestId('answering-as')).toBeVisible();
  await page.keyboard.press('2');
  await page.keyboard.press('4');
  await look(page, 'fieldwork', findings);
  // Notebook: a session's notebook with an entry whose marks are chips, and the ad-hoc session dialog.
  await page.getByTestId('nav-notebook').click();
  await page.getByTestId('notebook-session').filter({ hasText: '变更管理' }).click();
  await page.getByTestId('notebook-composer').fill('访谈@王海伦，变更经理；查看#CHG-1与[[变更策略]]§8.5.1。');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notebook-entry')).toHaveCount(1);
  await look(page, 'notebook', findings);
  await lookAtDialog(page, 'notebook-adhoc', findings, () => page.getByTestId('adhoc-open').click());
  // Conclusions: a topic with its draft and grid-less editor (no profile), the scope check; then stage 1's own tab.
  await page.getByTestId('nav-conclusions').click();
  await expect(page.getByTestId('conclusion-editor')).toBeVisible();
  await look(page, 'conclusions', findings);
  await page.keyboard.press('Alt+Shift+2');
  await expect(page.getByTestId('scope-services')).toBeVisible();
  await look(page, 'conclusions-scope', findings);
  await page.getByTestId('nav-setup').click();
  await page.getByRole('combobox', { name: pseudo(en.setup.auditType) }).click();
  await page.getByRole('option', { name: pseudo(en.auditType.stage1), exact: true }).click();
  await page.getByTestId('nav-conclusions').click();
  await page.getByTestId('review-add-title').fill('服务管理计划');
  await page.getByTestId('review-add-title').press('Enter');
  await expect(page.getByTestId('review-row')).toHaveCount(1);
  await look(page, 'conclusions-stage1', findings);
  await page.getByTestId('nav-setup').click();
  await page.getByRole('combobox', { name: pseudo(en.setup.auditType) }).click();
  await page.getByRole('option', { name: pseudo(en.auditType.stage2), exact: true }).click();
  await page.getByTestId('nav-overview').click();
  await expect(page.getByTestId('plan-status')).toBeVisible();
  await look(page, 'overview-planned', findings);
  await page.keyboard.press('Alt+R');
  await expect(page.getByTestId('report-gate-verdict')).toBeVisible();
  await look(page, 'report', findings);
  await page.keyboard.press('Alt+S');
  await expect(page.getByTestId('sampling-empty')).toBeVisible();
  await look(page, 'sampling', findings);

  await lookAtDialog(page, 'settings', findings, () => page.keyboard.press('Control+Comma'));
  await lookAtDialog(page, 'save-copy', findings, () => page.keyboard.press('Control+Shift+S'));

  await page.getByRole('button', { name: pseudo(en.engagement.close) }).click();
  await expect(page.getByTestId('recent-row')).toHaveCount(1);
  await look(page, 'home', findings);
  await lookAtDialog(page, 'restore', findings, () => page.getByRole('button', { name: pseudo(en.home.restore) }).click());
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByTestId('library-back')).toBeVisible();
  await look(page, 'library', findings);
  await lookAtDialog(page, 'pack-import', findings, () => page.getByRole('button', { name: pseudo(en.checklists.import) }).click());
  await page.locator('[data-testid^="pack-row-"] a').first().click();
  await expect(page.getByTestId('clause-detail')).toBeVisible();
  await look(page, 'pack-browser', findings);

  expect(findings, 'text outside the language files, clipped or overlapping labels (see test-results/screenshots/pseudo-*.png)').toEqual({});
});
