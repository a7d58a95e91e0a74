import type { Strings } from '../../renderer/src/i18n/en/index.ts';
import { zhCN } from '../../renderer/src/i18n/zh-CN/index.ts';
import { callFromPage as call, expect, screenshot, test, type Page } from './fixtures.ts';
import { zhSweep } from './zh-sweep.ts';

/** The Chinese strings: complete (the key-parity test fails on a missing key), so every key is there. */
const zh = zhCN as Strings;

/**
 * What the sweep found, per screen (all screens are reported at once), and the demo's own words that
 * the interface quotes in its sentences (当前回答人：Helen Marsh), read from the demo once it is open.
 */
interface Sweep {
  readonly findings: Record<string, unknown>;
  data: string[];
}

/** Sweeps the screen and collects what it finds under the screen's name. */
async function look(page: Page, screen: string, sweep: Sweep, settle = 100): Promise<void> {
  await page.waitForTimeout(settle); // let late data and transitions settle
  const found = await zhSweep(page, sweep.data);
  await screenshot(page, `zh-${screen}`);
  if (found.latin.length || found.clipped.length || found.broken.length || found.overlapping.length) sweep.findings[screen] = found;
}

/** Opens a dialog, sweeps it, closes it with Escape. */
async function lookAtDialog(page: Page, screen: string, sweep: Sweep, open: () => Promise<void>): Promise<void> {
  await open();
  await expect(page.getByRole('dialog')).toBeVisible();
  await look(page, screen, sweep, 250); // a modal's opening transition
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** A section by its navigation item, then a look once it is shown (its title, or the element named). */
async function section(page: Page, id: string, sweep: Sweep, ready?: string): Promise<void> {
  await page.getByTestId(`nav-${id}`).click();
  await expect(page.getByTestId(`nav-${id}`)).toHaveAttribute('data-active', 'true');
  await expect(ready ? page.getByTestId(ready) : page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await look(page, id, sweep);
}

// The demo engagement (its Chinese twin) with the interface in Chinese: every section, its tabs and views, the main dialogs.
test('Chinese sweep: every screen of the demo in Chinese, no interface word in Latin script, no label clipped, broken or overlapping', async ({ page, host, problems }) => {
  void problems;
  test.setTimeout(180_000);
  const sweep: Sweep = { findings: {}, data: [] };
  await page.goto(host.url);
  await page.getByRole('radio', { name: /^简体中文/ }).check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // The sweep itself must see each kind of problem: a Latin word on a button (not a name marked as data), a clipped tab,
  // a header and a date broken across lines, two labels on top of each other.
  await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.id = 'sweep-probe';
    probe.innerHTML =
      '<button>Hard-coded 按钮</button><button translate="no">Helen Marsh</button>' +
      '<div role="tab" style="width:40px;overflow:hidden;white-space:nowrap">一个放不下的很长的标签</div>' +
      '<table><tr><th style="width:2em;padding:0">审核组</th><td style="width:6em;padding:0">2026年12月7日</td></tr></table>' +
      '<div style="position:relative;height:40px"><label style="position:absolute;left:0;top:0">标签一</label><label style="position:absolute;left:4px;top:2px">标签二</label></div>';
    document.body.prepend(probe);
  });
  const probe = await zhSweep(page);
  expect(probe.latin).toContain('Hard-coded 按钮');
  expect(probe.latin).not.toContain('Helen Marsh');
  expect(probe.clipped).toContain('一个放不下的很长的标签');
  expect(probe.broken).toEqual(['审核组', '2026年12月7日 in “2026年12月7日”']);
  expect(probe.overlapping).toContain('标签一 ⟷ 标签二');
  await page.evaluate(() => document.getElementById('sweep-probe')?.remove());

  await look(page, 'first-run', sweep);
  await page.getByPlaceholder(zh.firstRun.namePlaceholder).fill('王海伦');
  await page.getByLabel(zh.firstRun.initials).fill('WHL');
  await page.getByRole('button', { name: zh.firstRun.submit }).click();
  await page.getByRole('button', { name: zh.home.demo }).click();
  // In Chinese the demo is its Chinese twin (云帆, audited by 青岚认证): Chinese data on every screen.
  await expect(page.getByTestId('engagement-title')).toHaveText('苏州云帆信息技术服务有限公司', { timeout: 60_000 });
  const roster = await call<{ team: { name: string }[] }>(page, 'engagement:roster', {});
  const summary = await call<{ engagement: { client_name: string; md1_seed: string | null } }>(page, 'engagement:summary', {});
  sweep.data = [...roster.team.map((member) => member.name), summary.engagement.client_name, summary.engagement.md1_seed ?? ''].filter(Boolean);

  await look(page, 'overview', sweep);
  await section(page, 'setup', sweep);
  await section(page, 'scope', sweep);
  await section(page, 'team', sweep);
  await lookAtDialog(page, 'team-import', sweep, () => page.getByRole('button', { name: zh.team.importButton }).click());
  // The member copy and the return package use the same file picker as the import: one of the three (suite time).
  await section(page, 'checklist', sweep, 'engagement-pack-title');

  await section(page, 'plan', sweep);
  await page.keyboard.press('Alt+Shift+2');
  await look(page, 'plan-list', sweep);
  await page.keyboard.press('Alt+Shift+3');
  await look(page, 'plan-as-ran', sweep);
  await page.keyboard.press('Alt+Shift+1');
  await lookAtDialog(page, 'plan-session', sweep, () => page.getByTestId('plan-session').first().dblclick());

  await page.getByTestId('nav-fieldwork').click();
  await expect(page.getByTestId('who-are-you')).toBeVisible();
  await look(page, 'fieldwork-who', sweep);
  await page.getByTestId('who-are-you').getByRole('button').first().click();
  await expect(page.getByTestId('answering-as')).toBeVisible();
  await look(page, 'fieldwork', sweep);
  await page.keyboard.press('Alt+Shift+2');
  await expect(page.getByTestId('fieldwork-tab-records')).toHaveAttribute('aria-selected', 'true');
  await look(page, 'fieldwork-records', sweep);
  await page.keyboard.press('Alt+Shift+3');
  await expect(page.getByTestId('fieldwork-tab-evidence')).toHaveAttribute('aria-selected', 'true');
  await look(page, 'fieldwork-evidence', sweep);

  await page.getByTestId('nav-notebook').click();
  await page.getByTestId('notebook-session').first().click();
  await look(page, 'notebook', sweep);
  await lookAtDialog(page, 'notebook-adhoc', sweep, () => page.getByTestId('adhoc-open').click());

  await page.getByTestId('nav-conclusions').click();
  await expect(page.getByTestId('conclusions-tab-topics')).toHaveAttribute('aria-selected', 'true');
  await look(page, 'conclusions', sweep);
  await page.keyboard.press('Alt+Shift+2');
  await expect(page.getByTestId('conclusions-tab-scope')).toHaveAttribute('aria-selected', 'true');
  await look(page, 'conclusions-scope', sweep);
  await page.keyboard.press('Alt+Shift+3');
  await expect(page.getByTestId('conclusions-tab-audit')).toHaveAttribute('aria-selected', 'true');
  await look(page, 'conclusions-audit', sweep);

  await page.getByTestId('nav-findings').click();
  await expect(page.getByTestId('findings-tab-findings')).toHaveAttribute('aria-selected', 'true');
  await look(page, 'findings', sweep);
  await lookAtDialog(page, 'findings-number', sweep, () => page.getByTestId('findings-number').click());
  await page.keyboard.press('Alt+Shift+2');
  await expect(page.getByTestId('findings-tab-closing')).toHaveAttribute('aria-selected', 'true');
  await look(page, 'findings-closing', sweep);
  await page.keyboard.press('Alt+Shift+3');
  await expect(page.getByTestId('findings-tab-follow-up')).toHaveAttribute('aria-selected', 'true');
  await look(page, 'findings-follow-up', sweep);

  await section(page, 'sampling', sweep);
  await section(page, 'report', sweep);
  await lookAtDialog(page, 'settings', sweep, () => page.keyboard.press('Control+Comma'));
  await lookAtDialog(page, 'save-copy', sweep, () => page.keyboard.press('Control+Shift+S'));

  // Home with the demo in its list, its dialogs, the checklist library and the pack browser.
  await page.getByRole('button', { name: zh.engagement.close }).click();
  await expect(page.getByTestId('recent-row')).toHaveCount(1);
  await look(page, 'home', sweep);
  await lookAtDialog(page, 'create', sweep, () => page.keyboard.press('Control+N'));
  await lookAtDialog(page, 'restore', sweep, () => page.getByRole('button', { name: zh.home.restore }).click());
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByTestId('library-back')).toBeVisible();
  await look(page, 'library', sweep);
  await lookAtDialog(page, 'pack-import', sweep, () => page.getByRole('button', { name: zh.checklists.import }).click());
  await page.locator('[data-testid^="pack-row-"] a').first().click();
  await expect(page.getByTestId('clause-detail')).toBeVisible();
  await look(page, 'pack-browser', sweep);

  expect(sweep.findings, 'interface words in Latin script, clipped, broken or overlapping labels (see test-results/screenshots/zh-*.png)').toEqual({});
});
