import { describe, expect, it } from 'vitest';
import { SAMPLE_PLAN_INPUT } from '../../shared/templates/plan-sample.ts';
import { BAD_TEMPLATES, cbPlanTemplate, largePlan } from '../../tests/fixtures/template-files.ts';
import { docxTableRows } from '../../tests/helpers/template-docx.ts';
import { WORKER_DIR } from '../../tests/helpers/temp.ts';
import { checkTemplate, fillPlanTemplate } from './template-check.ts';
import { TemplateService } from './index.ts';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('the template service (each request in its own worker thread, the built bundle)', () => {
  const service = new TemplateService({ workerDir: WORKER_DIR });

  it('checks as the check itself does, for a good template and a refused one', async () => {
    expect(await service.checkTemplate(cbPlanTemplate(), 'audit-plan')).toEqual(await checkTemplate(cbPlanTemplate(), 'audit-plan'));
    const docm = BAD_TEMPLATES.find((bad) => bad.code === 'MACRO_ENABLED')!.bytes();
    expect(await service.checkTemplate(docm, 'audit-plan')).toMatchObject({ fillable: false, issues: [{ code: 'MACRO_ENABLED' }] });
  });

  it('fills the plan of 80 sessions: one table row per session', async () => {
    const result = await service.fillPlanTemplate(cbPlanTemplate(), largePlan(), 'en');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(docxTableRows(result.bytes).filter((row) => row.length === 6)).toHaveLength(81);
  });

  it('answers FILL_FAILED, never throws, when the worker runs too long or cannot start', async () => {
    expect(await new TemplateService({ workerDir: WORKER_DIR, timeoutMs: 1 }).checkTemplate(cbPlanTemplate(), 'audit-plan')).toMatchObject({
      fillable: false,
      issues: [{ code: 'FILL_FAILED', params: { error: 'Timeout' } }],
    });
    expect(await new TemplateService({ workerDir: '/nonexistent' }).fillPlanTemplate(cbPlanTemplate(), SAMPLE_PLAN_INPUT, 'en')).toMatchObject({
      ok: false,
      check: { issues: [{ code: 'FILL_FAILED', params: { error: 'WorkerStopped' } }] },
    });
  });

  it('timings: what a fill would cost the main thread, and the round trip through a worker (printed)', async () => {
    const template = cbPlanTemplate();
    const input = largePlan();
    const inThread = { check: [] as number[], fill: [] as number[], fillSmall: [] as number[], worker: [] as number[] };
    for (let i = 0; i < 7; i++) {
      let started = performance.now();
      await checkTemplate(template, 'audit-plan');
      inThread.check.push(performance.now() - started);
      started = performance.now();
      await fillPlanTemplate(template, input, 'en');
      inThread.fill.push(performance.now() - started);
      started = performance.now();
      await fillPlanTemplate(template, SAMPLE_PLAN_INPUT, 'en');
      inThread.fillSmall.push(performance.now() - started);
      started = performance.now();
      await service.fillPlanTemplate(template, input, 'en');
      inThread.worker.push(performance.now() - started);
    }
    const report = Object.fromEntries(Object.entries(inThread).map(([name, values]) => [name, Math.round(median(values))]));
    console.info(`[templates] median ms over 7 runs — check (trial fill included): ${report.check}; fill 80 sessions: ${report.fill}; fill 5 sessions: ${report.fillSmall}; worker round trip, 80 sessions: ${report.worker}`);
    expect(report.worker).toBeLessThan(5000);
  });
});
