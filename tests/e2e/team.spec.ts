import { expect, firstRun, screenshot, test, type Page } from './fixtures.ts';
import { carry, laptop } from './laptops.ts';


async function pickInDialog(page: Page, title: string, fileName: string): Promise<void> {
  const picker = page.getByRole('dialog', { name: title });
  await picker.getByText(fileName, { exact: true }).click();
}

async function saveAs(page: Page, title: string, name: string): Promise<void> {
  const picker = page.getByRole('dialog', { name: title });
  await picker.getByLabel('File name').fill(name);
  await picker.getByRole('button', { name: 'Save copy' }).click();
}

test('three laptops: member copies out, return packages back, a conflict decided, both authors visible', async ({ page, host, browser, problems }) => {
  test.setTimeout(180_000);
  // The lead prepares the engagement and makes a member copy for each of two team members.
  await page.goto(host.url);
  await firstRun(page, 'Helen Marsh', 'HM');
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.getByTestId('nav-team').click();
  for (const [member, file] of [
    ['Rajesh Iyer', 'Kestrel - Rajesh'],
    ['Tomasz Nowak', 'Kestrel - Tomasz'],
  ] as const) {
    // The lead's team table is edited in place: a member's name is the value of its field.
    await page.getByTestId('team-row').filter({ has: page.locator(`input[value="${member}"]`) }).getByRole('button', { name: 'Make member copy…' }).click();
    await saveAs(page, `Member copy for ${member}`, file);
    await expect(page.getByTestId('sha-result')).toContainText(`Member copy for ${member} saved`);
  }
  await screenshot(page, '20-team-lead-copies');

  // Two more laptops; the copies travel by USB stick.
  const extra: { close: () => Promise<void> }[] = [];
  try {
    const members = [
      { name: 'Rajesh Iyer', initials: 'RI', file: 'Kestrel - Rajesh.iso20k', scope: 'Hosting and service desk, as Rajesh found it', passphrase: '' },
      { name: 'Tomasz Nowak', initials: 'TN', file: 'Kestrel - Tomasz.iso20k', scope: 'Hosting, service desk and backup, as Tomasz found it', passphrase: 'usb-stick-secret' },
    ];
    const packages: string[] = [];
    for (const member of members) {
      const other = await laptop(browser, member.name.split(' ')[0]!.toLowerCase(), problems);
      extra.push(other);
      carry(host, other.host, member.file);
      await firstRun(other.page, member.name, member.initials);
      await other.page.keyboard.press('Control+O');
      await pickInDialog(other.page, 'Open an engagement', member.file);
      await expect(other.page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
      await other.page.getByTestId('nav-setup').click();
      await other.page.getByLabel('Audit scope').fill(member.scope);
      await other.page.getByLabel('Audit scope').blur();
      // Each also changes a field nobody else touches: it merges without a conflict.
      const own = member.initials === 'RI' ? 'Audit criteria' : 'Audit objectives';
      await other.page.getByLabel(own).fill(`${own} as revised by ${member.name}`);
      await other.page.getByLabel(own).blur();
      await expect(other.page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
      await other.page.getByTestId('nav-team').click();
      await expect(other.page.getByTestId('member-copy-banner')).toContainText(`This is ${member.name}’s copy`);
      await other.page.getByTestId('member-copy-banner').getByRole('button', { name: 'Create return package…' }).click();
      const exportDialog = other.page.getByRole('dialog', { name: 'Create return package' });
      if (member.passphrase) {
        await exportDialog.getByLabel('Passphrase (optional)').fill(member.passphrase);
        await exportDialog.getByLabel('Repeat the passphrase').fill(member.passphrase);
      }
      await exportDialog.getByRole('button', { name: 'Choose where to save…' }).click();
      const packageName = `Kestrel return ${member.initials}`;
      await saveAs(other.page, 'Create return package', packageName);
      await expect(other.page.getByTestId('sha-result')).toContainText('Return package saved');
      await screenshot(other.page, `21-member-${member.initials}-package`);
      packages.push(`${packageName}.iso20k-return`);
      carry(other.host, host, `${packageName}.iso20k-return`);
    }

    // The lead imports both packages: a preview first, then the import.
    for (const [index, packageFile] of packages.entries()) {
      await page.getByRole('button', { name: 'Import from a team member…' }).click();
      await pickInDialog(page, 'Import a return package or member copy', packageFile);
      const dialog = page.getByRole('dialog', { name: 'Import a return package or member copy' });
      if (index === 1) {
        await expect(dialog.getByRole('alert')).toContainText('protected by a passphrase');
        await dialog.getByLabel('Passphrase (optional)').fill('usb-stick-secret');
        await dialog.getByRole('button', { name: 'Open the package' }).click();
      }
      await expect(dialog.getByTestId('import-preview')).toBeVisible();
      await screenshot(page, `22-lead-import-preview-${index + 1}`);
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();
      await expect(dialog.getByTestId('import-done')).toBeVisible();
      await dialog.getByRole('button', { name: 'Close' }).first().click();
    }

    // Both edited the scope: a conflict with both candidates, authors and times.
    const conflict = page.getByTestId('conflict').filter({ hasText: 'Audit scope' });
    await expect(conflict.getByTestId('candidate')).toHaveCount(2);
    await expect(conflict.getByTestId('candidate-author')).toHaveText(['Rajesh Iyer', 'Tomasz Nowak']);
    await screenshot(page, '23-lead-conflict');
    await conflict.getByTestId('candidate').filter({ hasText: 'Tomasz' }).getByRole('button', { name: 'Keep this' }).click();
    await expect(page.getByTestId('conflicts')).toHaveCount(0);
    await screenshot(page, '24-lead-team-after');

    // Who did what stays visible.
    await page.getByTestId('nav-setup').click();
    await expect(page.getByLabel('Audit scope')).toHaveValue('Hosting, service desk and backup, as Tomasz found it');
    await expect(page.getByLabel('Audit criteria')).toHaveValue('Audit criteria as revised by Rajesh Iyer');
    await expect(page.getByLabel('Audit objectives')).toHaveValue('Audit objectives as revised by Tomasz Nowak');
    await expect(page.getByText(/Last changed by Rajesh Iyer/)).toBeVisible();
    await expect(page.getByText(/Last changed by Tomasz Nowak/)).toBeVisible();
    await screenshot(page, '25-lead-setup-authors');
  } finally {
    for (const other of extra) await other.close();
  }
});
