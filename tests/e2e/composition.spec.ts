import { expect, firstRun, screenshot, test } from './fixtures.ts';

/**
 * Typing Chinese through an input method: while the composition is in progress (pinyin on screen,
 * characters not chosen yet) no shortcut, search or autosave may act on it. Playwright cannot type
 * through an IME, so the composition is driven with the Chrome DevTools Protocol.
 */
test('a composition in progress triggers no shortcut and no autosave; the chosen characters are saved', async ({ page, host, problems }) => {
  void problems;
  await page.goto(host.url);
  await firstRun(page);
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.getByTestId('nav-setup').click();
  const objectives = page.getByLabel('Audit objectives');
  await objectives.fill('');
  await objectives.blur();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  const saves: string[] = [];
  page.on('request', (request) => {
    if (decodeURIComponent(request.url()).includes('/api/engagement:update')) saves.push(request.postData() ?? '');
  });
  const cdp = await page.context().newCDPSession(page);
  await objectives.focus();
  await cdp.send('Input.imeSetComposition', { text: 'shen', selectionStart: 4, selectionEnd: 4 });
  await cdp.send('Input.imeSetComposition', { text: 'shen he', selectionStart: 7, selectionEnd: 7 });
  // A section shortcut pressed while composing belongs to the input method.
  await page.keyboard.press('Alt+1');
  await page.waitForTimeout(900); // longer than the autosave delay (500 ms)
  await expect(page.getByTestId('nav-setup')).toHaveAttribute('data-active', 'true');
  expect(saves).toEqual([]);
  await screenshot(page, '50-composing');

  await cdp.send('Input.insertText', { text: '审核' }); // the user picks the characters: composition ends
  await expect(objectives).toHaveValue('审核');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  expect(saves.length).toBeGreaterThan(0);
  expect(saves.at(-1)).toContain('审核');
  expect(saves.join('\n')).not.toContain('shen');
});
