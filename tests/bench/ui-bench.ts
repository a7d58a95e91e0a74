/**
 * UI speed (issue 11): the built browser host (its own process, fresh workspace and app-data) and the
 * production renderer in Debian's chromium, launched as playwright.config.ts launches it; each action
 * of today's screens measured BENCH_UI_RUNS times (default 15) by the harness of tests/e2e/speed.ts
 * (the page's clock: the input event to the first animation frame after the outcome rendered).
 * Runs last in `npm run bench`; alone, after `npm run build`: `npx tsx tests/bench/ui-bench.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import config from '../../playwright.config.ts';
import { measureAnswerKey, measureLargePlan, measureTodaysScreens, type SpeedResult } from '../e2e/speed.ts';
import { LARGE_PLAN_FILE, writeLargePlanEngagement } from './large-plan-engagement.ts';
import { LARGE_FIELDWORK_FILE, writeLargeFieldworkEngagement } from './large-fieldwork-engagement.ts';
import { measureEvidenceScroll, measureLargeFieldwork } from '../e2e/speed-fieldwork.ts';
import { measureLargeFindings } from '../e2e/speed-findings.ts';
import { LARGE_FINDINGS, LARGE_FINDINGS_FILE, writeLargeFindingsEngagement } from './large-findings-engagement.ts';
import { measureLargeSample } from '../e2e/speed-sampling.ts';
import { LARGE_POPULATION_NAME, LARGE_SAMPLE, LARGE_SAMPLE_FILE, writeLargeSampleEngagement } from './large-sample-engagement.ts';
import { BenchFolder } from './bench-temp.ts';
import { describeMachine } from './machine.ts';
import { machineLines } from './report.ts';
import { HOST_BUNDLE, startHostProcess } from './soak-host.ts';

const RUNS = Number(process.env.BENCH_UI_RUNS ?? 15);
/** `BENCH_UI_ONLY=sampling` measures the sample grid alone (while working on it: the whole section takes minutes). */
const ONLY_SAMPLING = process.env.BENCH_UI_ONLY === 'sampling';
const RENDERER = path.resolve(import.meta.dirname, '../../dist/renderer/index.html');

/** Goals per action, once an issue names one (e.g. '< 100'); '-' until then. */
const GOALS: Readonly<Record<string, string>> = {
  'Plan with 80 sessions, 6 people (Alt+6 from Overview → rendered)': '< 150',
  'fieldwork: result key → next question painted': '< 16 (worst < 50)',
  'open 657 answers + 2,000 evidence (recent → Overview with fieldwork progress rendered)': '< 300',
  'Fieldwork, 657 answers (Alt+7 from Overview → first question rendered)': '< 300',
  'fieldwork, 657 answers: result key → next question painted': '< 16 (worst < 50)',
  'evidence list, 2,000 references: wheel scrolling (frame gaps)': 'no long task > 50',
  'findings list, 1,000 findings: a word typed in the search → count shown': 'no long task > 50',
  'findings list, 1,000 findings: wheel scrolling (frame gaps)': 'no long task > 50',
  'sample grid, 10,000 items: wheel scrolling (frame gaps)': 'no long task > 50',
  'sample grid, 10,000 items: result key (P/F) → cell painted': 'no long task > 50',
};

export interface UiBenchResult {
  readonly results: SpeedResult[];
  readonly warnings: string[];
}

export async function runUiBench(progress: (message: string) => void): Promise<UiBenchResult> {
  const executable = config.use?.launchOptions?.executablePath;
  for (const [what, file] of [
    ['host bundle', HOST_BUNDLE],
    ['renderer', RENDERER],
    ['chromium', executable],
  ] as const) {
    if (!file || !fs.existsSync(file)) return { results: [], warnings: [`UI bench skipped: no ${what} at ${file} (run "npm run bench", which builds)`] };
  }
  // Its own temp folder: the bench's main folder is gone by the time this section runs.
  const folder = new BenchFolder();
  const workspace = folder.sub('ui-workspace');
  if (!ONLY_SAMPLING) {
    progress('UI: writing an engagement with an 80-session plan');
    await writeLargePlanEngagement(workspace, folder.sub('ui-bench-app-data'), path.resolve(import.meta.dirname, '../../dist/workers'));
    progress('UI: writing an engagement with the pack answered by three members and 2,000 evidence references');
    await writeLargeFieldworkEngagement(workspace, folder.sub('ui-bench-fieldwork-app-data'), path.resolve(import.meta.dirname, '../../dist/workers'));
    progress('UI: writing an engagement with 1,000 findings');
    await writeLargeFindingsEngagement(workspace, folder.sub('ui-bench-findings-app-data'), path.resolve(import.meta.dirname, '../../dist/workers'));
  }
  progress('UI: writing an engagement with a sample of 10,000 items from 12,000 records');
  await writeLargeSampleEngagement(workspace, folder.sub('ui-bench-sample-app-data'), path.resolve(import.meta.dirname, '../../dist/workers'));
  const host = await startHostProcess(workspace, folder.sub('ui-app-data')).catch((error: unknown) => {
    folder.remove();
    throw error;
  });
  const browser = await chromium.launch({ ...config.use?.launchOptions, headless: true }).catch(async (error: unknown) => {
    await host.stop();
    folder.remove();
    throw error;
  });
  try {
    const page = await (await browser.newContext({ viewport: config.use?.viewport ?? null })).newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${host.origin}/#token=${host.token}`);
    const results: SpeedResult[] = [];
    if (ONLY_SAMPLING) {
      // The first-run screen, answered as measureTodaysScreens answers it.
      await page.getByLabel('Full name').fill('Helen Marsh');
      await page.getByLabel('Initials').fill('HM');
      await page.getByRole('button', { name: 'Start' }).click();
    } else {
      results.push(...(await measureTodaysScreens(page, RUNS, (message) => progress(`UI: ${message}`))));
      results.push(await measureLargePlan(page, Math.max(RUNS, 10), LARGE_PLAN_FILE, (message) => progress(`UI: ${message}`)));
      results.push(await measureAnswerKey(page, Math.max(RUNS, 10), (message) => progress(`UI: ${message}`)));
      results.push(...(await measureLargeFieldwork(page, Math.max(RUNS, 10), LARGE_FIELDWORK_FILE, (message) => progress(`UI: ${message}`))));
      results.push(await measureEvidenceScroll(page, LARGE_FIELDWORK_FILE, (message) => progress(`UI: ${message}`)));
      results.push(...(await measureLargeFindings(page, Math.max(RUNS, 10), LARGE_FINDINGS_FILE, LARGE_FINDINGS, (message) => progress(`UI: ${message}`))));
    }
    results.push(...(await measureLargeSample(page, Math.min(RUNS, 5), LARGE_SAMPLE_FILE, LARGE_POPULATION_NAME, LARGE_SAMPLE, (message) => progress(`UI: ${message}`))));
    return { results, warnings: problems.map((problem) => `UI bench: page error: ${problem}`) };
  } finally {
    await browser.close();
    await host.stop();
    folder.remove();
  }
}

const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

/** The section's table, in Markdown like the others, and the samples underneath. */
export function uiBenchText(ui: UiBenchResult): string {
  const header = ['action', 'runs', 'median ms', 'worst ms', 'goal', 'long tasks', 'long-task ms', 'worst long task ms'];
  const rows = ui.results.map((r) => [
    r.name,
    String(r.samples.length),
    ms(r.median),
    ms(r.worst),
    GOALS[r.name] ?? '-',
    String(r.longTasks.count),
    ms(r.longTasks.totalMs),
    r.longTasks.count ? ms(r.longTasks.worstMs) : '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 || i === 4 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [
    line(header),
    rule,
    ...rows.map(line),
    '',
    '  ms: from the input event to the first animation frame after the outcome rendered, on the page\'s clock;',
    '  long tasks: ≥ 50 ms on the main thread from each action\'s start until the page was idle again, over all runs;',
    '  the search waits 120 ms after each keystroke by design; the first open of the demo (which writes the file) is not measured.',
    ...ui.results.map((r) => `  ${r.name}: ${r.samples.length > 30 ? `${r.samples.length} samples, ${r.samples.filter((s) => s > 50).length} over 50 ms` : r.samples.map((s) => s.toFixed(0)).join(' ')}`),
  ].join('\n');
}

// Alone: `npx tsx tests/bench/ui-bench.ts` (after `npm run build`).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const began = performance.now();
  const machine = describeMachine();
  const ui = await runUiBench((message) => process.stderr.write(`[${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s] ${message}\n`));
  console.log(`\nAudit Workbench UI benchmark — ${new Date().toISOString()}`);
  console.log(machineLines(machine));
  console.log('');
  console.log(uiBenchText(ui));
  for (const warning of ui.warnings) console.log(`\nWARNING: ${warning}`);
}
