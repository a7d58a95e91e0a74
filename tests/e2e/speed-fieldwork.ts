import type { Locator, Page } from '@playwright/test';
import { measureAction, median, type SpeedResult } from './speed.ts';

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
  const recent = page.getByTestId('recent-row').filter({ hasText: fileName.replace(/\.iso20k$/, '') });

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
  // The panel asks once who is typing; wait for the question or the answer before deciding.
  await who.or(page.getByTestId('answering-as')).first().waitFor();
  if (await who.isVisible()) await who.getByRole('button').first().click();
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

/**
 * Scrolling a long list (issue 15: "no long task over 50 ms while scrolling"): the wheel turned
 * `steps` times over `list`, 60 ms apart, while the page records every animation frame and every
 * long task. Samples are the gaps between frames (16.7 ms at 60 Hz when nothing blocks).
 */
export async function measureScroll(page: Page, name: string, list: Locator, steps: number): Promise<SpeedResult> {
  await list.hover();
  // A string, like speed.ts's probe: the bundler would wrap named functions of a closure in a helper the page does not have.
  await page.evaluate(`(() => {
    const probe = { frames: [], longTasks: [], running: true };
    globalThis.__awScroll = probe;
    new PerformanceObserver((entries) => { for (const entry of entries.getEntries()) probe.longTasks.push(entry.duration); }).observe({ type: 'longtask' });
    const frame = (time) => { probe.frames.push(time); if (probe.running) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  })()`);
  for (let step = 0; step < steps; step++) {
    await page.mouse.wheel(0, step < steps / 2 ? 400 : -400);
    await page.waitForTimeout(60);
  }
  const { frames, longTasks } = await page.evaluate(() => {
    const probe = (globalThis as unknown as { __awScroll: { frames: number[]; longTasks: number[]; running: boolean } }).__awScroll;
    probe.running = false;
    return { frames: probe.frames, longTasks: probe.longTasks };
  });
  const samples = frames.slice(1).map((time, index) => time - frames[index]!);
  return {
    name,
    samples,
    median: median(samples),
    worst: Math.max(...samples),
    longTasks: { count: longTasks.length, totalMs: longTasks.reduce((a, b) => a + b, 0), worstMs: Math.max(0, ...longTasks) },
  };
}

/** The evidence list of the large engagement (2,000 references), scrolled down and back. */
export async function measureEvidenceScroll(page: Page, fileName: string, progress: (message: string) => void = () => {}): Promise<SpeedResult> {
  await page.getByRole('heading', { name: 'Recent engagements' }).waitFor();
  await page.getByTestId('recent-row').filter({ hasText: fileName.replace(/\.iso20k$/, '') }).click();
  await page.getByTestId('fieldwork-progress-units').waitFor();
  await page.keyboard.press('Alt+7');
  await page.getByTestId('fieldwork-tab-evidence').click();
  const list = page.getByTestId('evidence-list');
  await list.waitFor();
  progress('scrolling 2,000 evidence references');
  const result = await measureScroll(page, 'evidence list, 2,000 references: wheel scrolling (frame gaps)', list, 40);
  await page.getByRole('button', { name: 'Close engagement' }).click();
  return result;
}
