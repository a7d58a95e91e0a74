import fs from 'node:fs';
import path from 'node:path';
import { expect, firstRun, newFromDemo, screenshot, test } from './fixtures.ts';

test('the next audit of a cycle: New → from an earlier engagement carries the preparation over, and the earlier file stays as it was', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);

  // The demo's stage 2 is the earlier engagement.
  const dialog = await newFromDemo(page);

  const card = dialog.getByTestId('earlier-engagement');
  await expect(card).toContainText('Continues Kestrel Data Services Ltd');
  await expect(card).toContainText('4 sites · 4 team members · 3 services · 2 other parties');
  await expect(card).toContainText('2 audits in the history (with this one)');
  await expect(card).toContainText('CB profile: Meridian Assurance Certification');
  await expect(dialog.getByLabel('Client')).toHaveValue('Kestrel Data Services Ltd');
  // After stage 2 comes the first surveillance.
  await expect(dialog.getByLabel('Audit type')).toHaveValue('Surveillance 1');
  await expect(card.getByTestId('earlier-not-over')).toBeVisible(); // the demo's stage 2 is in December 2026
  await dialog.getByLabel('First audit day').fill('2026-11-20');
  await expect(card.getByTestId('earlier-starts-before')).toBeVisible();
  await dialog.getByLabel('First audit day').fill('2027-11-08');
  await dialog.getByLabel('Last audit day').fill('2027-11-09');
  await expect(card.getByTestId('earlier-starts-before')).toHaveCount(0);
  await dialog.getByLabel('File name').fill('Kestrel 2027 surveillance 1');
  await screenshot(page, '90-next-audit-from-earlier');
  await dialog.getByRole('button', { name: 'Create the next audit' }).click();

  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.getByTestId('nav-setup').click();
  await expect(page.getByLabel('Client representative')).toHaveValue(/Priya Shah/);
  const history = page.getByTestId('earlier-audits');
  await expect(history.getByTestId('earlier-audit')).toHaveCount(2);
  const values = (label: string) => () => history.getByLabel(label).evaluateAll((fields) => fields.map((field) => (field as HTMLInputElement).value));
  await expect.poll(values('Notes')).toContain('Carried over from the engagement file “Demo - Kestrel Data Services.iso20k”.');
  // The sites the stage 2 visited (its MD 1 sample) are what it covered.
  await expect.poll(values('Sites visited')).toContainEqual(expect.stringContaining('Manchester head office'));
  await history.getByTestId('earlier-audit').last().scrollIntoViewIfNeeded();
  await screenshot(page, '91-next-audit-history');

  // The team carries over; each member declares impartiality again for this audit.
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('impartiality-row')).toHaveCount(4);
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('service-row')).toHaveCount(3);

  // The surveillance plan covers the checklist's surveillance selection, which the lead edits.
  await page.getByTestId('nav-plan').click();
  const selection = page.getByTestId('surveillance-selection');
  await expect(selection).toContainText('12 clauses to cover');
  await expect(page.getByTestId('plan-coverage')).toHaveText('0 of 12 covered');
  // Backspace in the field takes the last clause (10.2) out of this audit's selection.
  await selection.getByRole('combobox', { name: 'Surveillance selection' }).click();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Escape');
  await expect(selection).toContainText('11 clauses to cover');
  await expect(page.getByTestId('plan-coverage')).toHaveText('0 of 11 covered');
  await selection.getByRole('button', { name: 'Back to the checklist’s selection' }).click();
  await expect(page.getByTestId('plan-coverage')).toHaveText('0 of 12 covered');

  // The earlier engagement is unchanged: still stage 2, still its own sample.
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await expect(page.getByTestId('recent-row').filter({ hasText: 'Surveillance 1' })).toBeVisible();
  await page.getByTestId('recent-row').filter({ hasText: 'Stage 2' }).click();
  await page.getByTestId('nav-setup').click();
  await expect(page.getByTestId('earlier-audits').getByTestId('earlier-audit')).toHaveCount(1);
});

test('New → from an earlier engagement refuses a file that is not an engagement, and the form keeps what was typed', async ({ page, host, problems }) => {
  void problems;
  fs.writeFileSync(path.join(host.workspace, 'Meeting notes.iso20k'), 'Opening meeting at 09:00\n');
  await page.goto(host.url);
  await firstRun(page);
  await page.keyboard.press('Control+N');
  const dialog = page.getByRole('dialog', { name: 'New engagement' });
  await dialog.getByLabel('Client').fill('Harbour Logistics');
  await dialog.getByTestId('start-from-earlier').click();
  await page.getByRole('dialog', { name: 'Choose the earlier engagement' }).getByText('Meeting notes.iso20k').click();
  await expect(dialog.getByRole('alert')).toContainText('not an engagement file');
  await expect(dialog.getByLabel('Client')).toHaveValue('Harbour Logistics');
  await expect(dialog.getByTestId('earlier-engagement')).toHaveCount(0);
});
