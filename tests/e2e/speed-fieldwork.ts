import type { Page } from '@playwright/test';
import { measureAction, type SpeedResult } from './speed.ts';

/**
 * Issue 15's speed case on the engagement of tests/bench/large-fieldwork-engagement.ts (the pack
 * answered by three team members, 2,000 evidence references): opening it to its first screen, the
 * Fieldwork section, and a result key to the next question painted. Opened from the workspace
 * picker (Ctrl+O) on the home screen.
 */
export async function measureLargeFieldwork(page: Page, times: number, fileName: string, progress: (message: string) => void = () => {}): Promise<SpeedResult[]> {
  const results: SpeedResult[] = [];
  const home = page.getByRole('heading', { name: 'Recent engagements' });
  const close = page.getByRole('button', { name: 'Close engagement' });
  const progressCard = page.getByTestId('fieldwork-progress-units');
  await home.waitFor();
  await page.keyboard.press('Control+O');
  await page.getByRole('dialog', { name: 'Open an engagement' }).getByText(fileName).click();
  await progressCard.waitFor();
  await close.click();
  await home.waitFor();
  const recent = page.getByTestId('recent-row').filter({ hasText: 'Kestrel' }).first();

  progress(`open the large fieldwork engagement: ${times} runs`);
  results.push(
    await measureAction(page, {
      name: 'open 657 answers + 2,000 evidence (recent → Overview with fieldwork progress rendered)',
      times,
      run: () => recent.click(),
      rendered: progressCard,
      reset: async () => {
        await close.click();
        await home.waitFor();
      },
    }),
  );

  progress(`Fieldwork on 657 answers: ${times} runs`);
  const firstCard = page.getByTestId('answer-card').first();
  results.push(
    await measureAction(page, {
      name: 'Fieldwork, 657 answers (Alt+7 from Overview → first question rendered)',
      times,
      run: () => page.keyboard.press('Alt+7'),
      rendered: firstCard,
      reset: async () => {
        await page.keyboard.press('Alt+1');
        await progressCard.waitFor();
      },
    }),
  );

  const who = page.getByTestId('who-are-you');
  if (await who.isVisible().catch(() => false)) await who.getByRole('button').first().click();
  await page.getByTestId('answering-as').waitFor();
  const question = await page.getByTestId('answer-card').nth(1).getAttribute('data-question');
  progress(`a result key on 657 answers: ${times} runs`);
  results.push(
    await measureAction(page, {
      name: 'fieldwork, 657 answers: result key → next question painted',
      times,
      run: () => page.keyboard.press('1'),
      rendered: page.locator(`[data-testid="answer-card"][data-question="${question}"][data-focused="true"]`),
      reset: async () => {
        await page.keyboard.press('ArrowUp');
        await page.locator('[data-testid="answer-card"][data-focused="true"]').first().waitFor();
      },
    }),
  );
  await close.click();
  return results;
}
