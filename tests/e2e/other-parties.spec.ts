import type { Locator } from '@playwright/test';
import { createEngagement, expect, firstRun, screenshot, test, type Page } from './fixtures.ts';

/** Chooses an option of a Select (the kit's combobox) by their visible names. */
async function pick(page: Page, combobox: Locator, option: string): Promise<void> {
  await combobox.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(combobox).toHaveValue(option);
}

/** Scrolls a card to just below the fixed header and moves the pointer off the page's controls, for a screenshot. */
async function showTop(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).evaluate((card) => {
    card.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -72);
  });
  await page.mouse.move(1, 1);
}

test('other parties (8.2.3): added from the keyboard, what each operates and how control is kept, a delete undone, the warning when others operate every service — all kept on reopening', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await createEngagement(page, 'Hangzhou Data Services Co., Ltd.', '2027-03-08', '2027-03-10');

  await page.getByTestId('nav-scope').click();
  const services = page.getByTestId('services');
  for (const name of ['Cloud hosting', 'Managed service desk']) {
    await services.getByLabel('New service').fill(name);
    await services.getByLabel('New service').press('Enter');
    await expect(services.getByTestId('service-row').filter({ has: page.locator(`input[value="${name}"]`) })).toHaveCount(1);
  }

  const card = page.getByTestId('other-parties');
  await expect(card.getByRole('heading', { name: 'Other parties' })).toBeVisible();
  await expect(card.getByTestId('other-parties-empty')).toContainText('No other parties yet.');
  await showTop(page, 'other-parties');
  await screenshot(page, '64-other-parties-empty');

  // Added from the keyboard: a name, its type, Enter.
  const form = card.getByRole('form', { name: 'Add other party' });
  const newName = form.getByLabel('New other party');
  for (const [name, kind] of [
    ['Aliyun Computing Co., Ltd.', 'External supplier'],
    ['Group IT Shared Services', 'Internal supplier'],
    ['Ningbo Retail Group', 'Customer acting as a supplier'],
  ] as const) {
    await newName.fill(name);
    await pick(page, form.getByRole('combobox', { name: 'Type' }), kind);
    await newName.press('Enter');
    await expect(card.getByTestId('other-party').filter({ has: page.locator(`input[value="${name}"]`) })).toHaveCount(1);
    await expect(newName).toHaveValue('');
  }
  await expect(card.getByTestId('other-party')).toHaveCount(3);
  await expect(card.getByTestId('other-parties-empty')).toHaveCount(0);

  const party = (name: string) => card.getByTestId('other-party').filter({ has: page.locator(`input[value="${name}"]`) });
  const aliyun = party('Aliyun Computing Co., Ltd.');
  const groupIt = party('Group IT Shared Services');
  const ningbo = party('Ningbo Retail Group');
  await expect(aliyun.getByRole('combobox', { name: 'Type' })).toHaveValue('External supplier');
  await expect(groupIt.getByRole('combobox', { name: 'Type' })).toHaveValue('Internal supplier');
  await expect(ningbo.getByRole('combobox', { name: 'Type' })).toHaveValue('Customer acting as a supplier');

  // The external supplier operates the whole hosting service.
  await expect(aliyun.getByRole('combobox', { name: 'Operates', exact: true })).toHaveValue('Service');
  await aliyun.getByLabel('What it operates').fill('The cloud platform under the hosting service (IaaS, storage, backup)');
  await pick(page, aliyun.getByRole('combobox', { name: 'Service concerned' }), 'Cloud hosting');
  await aliyun.getByLabel('How control is kept').fill('Framework contract with SLA annex; monthly service reports reviewed in the supplier review (8.2.3, 8.3.4).');
  // The internal supplier runs a component of both services; the customer one process.
  await pick(page, groupIt.getByRole('combobox', { name: 'Operates', exact: true }), 'Service component');
  await groupIt.getByLabel('What it operates').fill('Network and data-centre facilities');
  await groupIt.getByLabel('How control is kept').fill('Operational level agreement; quarterly review with the group CIO.');
  await pick(page, ningbo.getByRole('combobox', { name: 'Operates', exact: true }), 'Process');
  await ningbo.getByLabel('What it operates').fill('First-line incident logging for its own stores');
  await pick(page, ningbo.getByRole('combobox', { name: 'Service concerned' }), 'Managed service desk');
  await ningbo.getByLabel('How control is kept').fill('Customer agreement, section 4: logging rules and monthly call review.');
  await ningbo.getByLabel('How control is kept').blur();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  // One service operated by others is allowed.
  await expect(card.getByTestId('all-operated-by-others')).toHaveCount(0);

  // A delete is undone from its toast, with everything the party had.
  await ningbo.getByRole('button', { name: 'Delete other party “Ningbo Retail Group”' }).click();
  await expect(card.getByTestId('other-party')).toHaveCount(2);
  await expect(page.getByText('Other party “Ningbo Retail Group” deleted.')).toBeVisible();
  await page.mouse.move(1, 1);
  await screenshot(page, '64-other-parties-deleted-undo');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(card.getByTestId('other-party')).toHaveCount(3);
  await expect(ningbo.getByRole('combobox', { name: 'Operates', exact: true })).toHaveValue('Process');
  await expect(ningbo.getByRole('combobox', { name: 'Service concerned' })).toHaveValue('Managed service desk');
  await expect(ningbo.getByLabel('How control is kept')).toHaveValue(/monthly call review/);
  await showTop(page, 'other-parties');
  await screenshot(page, '64-other-parties');

  // A party operating a process of the second service does not count; one operating the whole does.
  await pick(page, groupIt.getByRole('combobox', { name: 'Operates', exact: true }), 'Service');
  await groupIt.getByLabel('What it operates').fill('The managed service desk, first and second line');
  await expect(card.getByTestId('all-operated-by-others')).toHaveCount(0);
  await pick(page, groupIt.getByRole('combobox', { name: 'Service concerned' }), 'Managed service desk');
  const warning = card.getByTestId('all-operated-by-others');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('does not allow other parties to operate all the services in scope');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await showTop(page, 'other-parties');
  await screenshot(page, '64-other-parties-warning');

  // Everything is in the file.
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Hangzhou Data Services' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Hangzhou Data Services Co., Ltd.');
  await page.getByTestId('nav-scope').click();
  await expect(card.getByTestId('other-party')).toHaveCount(3);
  await expect(aliyun.getByRole('combobox', { name: 'Type' })).toHaveValue('External supplier');
  await expect(aliyun.getByRole('combobox', { name: 'Operates', exact: true })).toHaveValue('Service');
  await expect(aliyun.getByLabel('What it operates')).toHaveValue('The cloud platform under the hosting service (IaaS, storage, backup)');
  await expect(aliyun.getByRole('combobox', { name: 'Service concerned' })).toHaveValue('Cloud hosting');
  await expect(aliyun.getByLabel('How control is kept')).toHaveValue(/Framework contract with SLA annex/);
  await expect(groupIt.getByRole('combobox', { name: 'Type' })).toHaveValue('Internal supplier');
  await expect(groupIt.getByRole('combobox', { name: 'Operates', exact: true })).toHaveValue('Service');
  await expect(groupIt.getByLabel('What it operates')).toHaveValue('The managed service desk, first and second line');
  await expect(groupIt.getByRole('combobox', { name: 'Service concerned' })).toHaveValue('Managed service desk');
  await expect(ningbo.getByRole('combobox', { name: 'Type' })).toHaveValue('Customer acting as a supplier');
  await expect(ningbo.getByRole('combobox', { name: 'Operates', exact: true })).toHaveValue('Process');
  await expect(ningbo.getByLabel('What it operates')).toHaveValue('First-line incident logging for its own stores');
  await expect(card.getByTestId('all-operated-by-others')).toBeVisible();
});

test('other parties in Chinese: 其他方, the kinds and the 8.2.3 warning in the interface language', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await page.getByRole('radio', { name: /^简体中文/ }).check();
  await page.getByPlaceholder('例如：王海伦').fill('王海伦');
  await page.getByLabel('姓名缩写').fill('WHL');
  await page.getByRole('button', { name: '开始使用' }).click();
  await createEngagement(page, '杭州数据服务有限公司', '2027-03-08', '2027-03-10', 'zh-CN');

  await page.getByTestId('nav-scope').click();
  // The services editor's one text field, whatever its label says in this language.
  const newService = page.getByTestId('services').getByRole('form').getByRole('textbox');
  await newService.fill('云托管服务');
  await newService.press('Enter');
  await expect(page.getByTestId('services').getByTestId('service-row')).toHaveCount(1);

  const card = page.getByTestId('other-parties');
  await expect(card.getByRole('heading', { name: '其他方', exact: true })).toBeVisible();
  await expect(card.getByTestId('other-parties-empty')).toContainText('尚无其他方');
  const form = card.getByRole('form', { name: '添加其他方' });
  await form.getByLabel('新的其他方').fill('阿里云计算有限公司');
  await form.getByLabel('新的其他方').press('Enter');
  const party = card.getByTestId('other-party');
  await expect(party).toHaveCount(1);
  await expect(party.getByRole('combobox', { name: '类型' })).toHaveValue('外部供方');
  await expect(party.getByRole('combobox', { name: '运行对象' })).toHaveValue('服务');
  await party.getByLabel('具体运行内容').fill('云平台（计算、存储、备份）');
  await pick(page, party.getByRole('combobox', { name: '涉及的服务' }), '云托管服务');
  await party.getByLabel('如何保持控制').fill('框架合同及服务级别协议附件；每月服务报告，在供方评审会上评审。');
  await party.getByLabel('如何保持控制').blur();
  await expect(card.getByTestId('all-operated-by-others')).toContainText('ISO/IEC 20000-1（8.2.3）不允许由其他方运行范围内的全部服务');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await showTop(page, 'other-parties');
  await screenshot(page, '64-other-parties-zh');
});
