import { expect, type Page } from '@playwright/test';
import { measureAction, type SpeedResult } from './speed.ts';
import { measureScroll } from './speed-fieldwork.ts';

/**
 * Issue 17's list with 1,000 findings (tests/bench/large-findings-engagement.ts): opened from the
 * recent list, the Findings section (Alt+0); a word typed in the search until the count shows the
 * hits, then wheel scrolling over the whole list (frame gaps and long tasks). The goal is no long
 * task over 50 ms.
 */
export async function measureLargeFindings(page: Page, times: number, fileName: string, total: number, progress: (message: string) => void = () => {}): Promise<SpeedResult[]> {
  await page.getByRole('heading', { name: 'Recent engagements' }).waitFor();
  // Written by the bench into the workspace, so not among this installation's recent files yet.
  await page.keyboard.press('Control+O');
  await page.getByRole('dialog', { name: 'Open an engagement' }).getByText(fileName).click();
  await page.getByTestId('findings-status').waitFor();
  await page.keyboard.press('Alt+0');
  const count = page.getByTestId('findings-count');
  const all = `${total.toLocaleString('en-GB')} findings`;
  await expect(count).toHaveText(all, { timeout: 30_000 });
  const search = page.getByTestId('findings-search');
  progress(`findings list, ${total} findings: search, ${times} runs`);
  const filtering = await measureAction(page, {
    name: `findings list, ${total.toLocaleString('en-GB')} findings: a word typed in the search → count shown`,
    times,
    run: () => search.fill('CHG-1001'),
    rendered: count,
    until: (rendered) => expect(rendered).toHaveText(new RegExp(`of ${all}`)),
    reset: async () => {
      await search.fill('');
      await expect(count).toHaveText(all);
    },
  });
  progress(`findings list, ${total} findings: scrolling`);
  const scrolling = await measureScroll(page, `findings list, ${total.toLocaleString('en-GB')} findings: wheel scrolling (frame gaps)`, page.getByTestId('findings-list'), 40);
  await page.getByRole('button', { name: 'Close engagement' }).click();
  return [filtering, scrolling];
}
