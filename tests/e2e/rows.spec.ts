import { createEngagement, expect, firstRun, screenshot, test } from './fixtures.ts';

test('a new engagement gets its sites from the keyboard; a delete is undone from its toast; edits save themselves', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await createEngagement(page, 'Fabrikam Hosting Ltd', '2026-12-07', '2026-12-09');

  await page.keyboard.press('Alt+2');
  const editor = page.getByTestId('sites-editor');
  await expect(editor.getByText('No sites yet.')).toBeVisible();
  for (const name of ['Dublin head office', 'Cork data centre', 'Galway service desk']) {
    await editor.getByLabel('New site').fill(name);
    await editor.getByLabel('New site').press('Enter');
    await expect(editor.getByTestId('site-row').filter({ has: page.locator(`input[value="${name}"]`) })).toHaveCount(1);
  }
  await expect(editor.getByTestId('site-row')).toHaveCount(3);

  const cork = editor.getByTestId('site-row').nth(1);
  await cork.getByLabel('Headcount').fill('35');
  await cork.getByLabel('Country').fill('Ireland');
  await cork.getByLabel('Country').blur();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  const galway = editor.getByTestId('site-row').filter({ has: page.locator('input[value="Galway service desk"]') });
  await galway.getByRole('button', { name: 'Delete site “Galway service desk”' }).click();
  await expect(editor.getByTestId('site-row')).toHaveCount(2);
  const toast = page.getByText('Site “Galway service desk” deleted.');
  await expect(toast).toBeVisible();
  await screenshot(page, '40-sites-deleted-undo');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(editor.getByTestId('site-row')).toHaveCount(3);
  await screenshot(page, '41-sites');

  // Everything is in the file: reopen and look again.
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Fabrikam Hosting Ltd' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Fabrikam Hosting Ltd');
  await page.getByTestId('nav-setup').click();
  await expect(page.getByTestId('site-row')).toHaveCount(3);
  const reopened = page.getByTestId('site-row').filter({ has: page.locator('input[value="Cork data centre"]') });
  await expect(reopened.getByLabel('Headcount')).toHaveValue('35');
  await expect(reopened.getByLabel('Country')).toHaveValue('Ireland');
});

test('the audit team is entered from the keyboard, a removal undone, and a new member gets a member copy', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await createEngagement(page, 'Contoso Cloud SE', '2026-12-07', '2026-12-08');

  await page.getByTestId('nav-team').click();
  const form = page.getByRole('form', { name: 'Add member' });
  for (const [name, initials] of [
    ['Helen Marsh', 'HM'],
    ['Wei Zhang', 'WZ'],
    ['Aoife Byrne', 'AB'],
  ] as const) {
    await form.getByLabel('New team member').fill(name);
    await form.getByLabel('Initials').fill(initials);
    await form.getByLabel('Initials').press('Enter');
    await expect(page.getByTestId('team-row').filter({ has: page.locator(`input[value="${name}"]`) })).toHaveCount(1);
  }
  await page.getByLabel('Email: Wei Zhang').fill('wei.zhang@cb.example');
  await page.getByLabel('Email: Wei Zhang').blur();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  await page.getByRole('button', { name: 'Remove Aoife Byrne from the team' }).click();
  await expect(page.getByTestId('team-row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('team-row')).toHaveCount(3);
  await screenshot(page, '42-team-editor');

  const wei = page.getByTestId('team-row').filter({ has: page.locator('input[value="Wei Zhang"]') });
  await wei.getByRole('button', { name: 'Make member copy' }).click();
  const picker = page.getByRole('dialog').filter({ hasText: 'Wei Zhang' });
  await picker.getByRole('button', { name: /Save/ }).click();
  await expect(page.getByText('Member copy for Wei Zhang saved')).toBeVisible();
  await expect(page.getByLabel('Email: Wei Zhang')).toHaveValue('wei.zhang@cb.example');
});
