import { expect, test } from './fixtures.ts';
import { measureTodaysScreens } from './speed.ts';

/**
 * Keeps the UI speed harness (speed.ts) working on today's screens: the same actions the UI bench
 * measures. Only that samples were taken — a benchmark is never a timed test, so no thresholds.
 */
test('the speed harness measures opening the demo, every section switch and the checklist search', async ({ page, host, problems }) => {
  void problems;
  // Twice: enough to go through the harness's repeat (close, reopen); the figures are the bench's job.
  const times = 2;
  await page.goto(host.url);
  const results = await measureTodaysScreens(page, times);

  expect(results.map((r) => r.name)).toEqual([
    'open the demo (click → Overview rendered)',
    'Overview (Alt+1 from Setup → rendered)',
    'Setup (Alt+2 from Overview → rendered)',
    'Scope (Alt+3 from Overview → rendered)',
    'Team (Alt+4 from Overview → rendered)',
    'Checklist (Alt+5 from Overview → rendered)',
    'Plan (Alt+6 from Overview → rendered)',
    'checklist search ("climate change" typed → hit rendered)',
  ]);
  for (const result of results) {
    expect(result.samples, result.name).toHaveLength(times);
    for (const sample of result.samples) {
      expect(Number.isFinite(sample), `${result.name}: ${sample}`).toBe(true);
      expect(sample, result.name).toBeGreaterThanOrEqual(0);
    }
    expect(result.median, result.name).toBeLessThanOrEqual(result.worst);
    expect(result.longTasks.count, result.name).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(result.longTasks.totalMs) && Number.isFinite(result.longTasks.worstMs), result.name).toBe(true);
  }
  console.log(results.map((r) => `${r.name}: median ${r.median.toFixed(1)} ms, worst ${r.worst.toFixed(1)} ms, samples ${r.samples.map((s) => s.toFixed(1)).join(' ')}`).join('\n'));
});
