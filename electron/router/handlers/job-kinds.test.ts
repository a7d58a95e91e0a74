import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOB_KINDS, type JobKind } from '../../../shared/contract/jobs.ts';
import { makeReportReady } from '../../../tests/helpers/report-ready.ts';
import { ask, routerWithEngagement, runJob } from '../../../tests/helpers/router.ts';

/**
 * Every job kind of the contract, started through the router as the renderer starts it, ends with
 * exactly the result its declaration promises (the renderer's runJob hands that type on unchecked).
 */
const COPY_VIEW = ['file', 'sha256', 'size'];
const EXPORT_VIEW = ['downloadUrl', 'file', 'revision', 'sha256', 'size', 'template'];
const PREVIEW_VIEW = [
  'clockAheadMs',
  'conflictsOpen',
  'conflictsOpened',
  'encrypted',
  'entriesAdded',
  'entriesAlreadyPresent',
  'fieldsChanged',
  'fileName',
  'files',
  'kind',
  'rowsAdded',
  'sha256',
  'sourceActorName',
];

describe('typed job results through the router', () => {
  it('each declared kind answers with its declared result', { timeout: 180_000 }, async () => {
    const { router, service, handle, workspace } = await routerWithEngagement();
    const results = new Map<JobKind, unknown>();
    const run = async (kind: JobKind, input: Record<string, unknown>): Promise<void> => {
      const outcome = await runJob(router, { kind, engagementHandle: handle, ...input });
      expect(outcome, kind).toMatchObject({ ok: true });
      results.set(kind, outcome.value);
    };
    await run('engagement:checkFile', {});
    await run('engagement:saveCopy', { file: 'Lead copy' });
    // No channel edits the team yet (it comes with the row editors): the service adds the member.
    const member = await service.createRow(handle, 'team_member', { name: 'Lee Chan', initials: 'LC', role: 'auditor' });
    await run('team:memberCopy', { memberId: String(member.id), file: 'Lee' });
    await run('team:exportPackage', { file: 'Lead package' });
    await run('team:previewImport', { file: 'Lead package.iso20k-return' });
    await run('team:import', { file: 'Lead package.iso20k-return' });
    // Record sampling: an export in the workspace imported, a sample drawn (as the typing member), extended, verified.
    fs.writeFileSync(path.join(workspace, 'incidents.csv'), ['Number,Priority', ...Array.from({ length: 40 }, (_, i) => `INC${100 + i},P${1 + (i % 3)}`)].join('\n'));
    await ask(router, 'fieldwork:linkMe', { engagementHandle: handle, memberId: String(member.id) });
    await run('sampling:import', {
      file: 'incidents.csv',
      format: 'csv',
      reading: { encoding: 'utf-8', delimiter: ',', headerRow: 1 },
      columns: [
        { index: 0, name: 'Number', role: 'id' },
        { index: 1, name: 'Priority', role: 'priority' },
      ],
      badRows: 'skip',
      topic: '4',
      name: 'Incidents',
      periodFrom: null,
      periodTo: null,
      siteId: '',
    });
    const populationId = (results.get('sampling:import') as { population: { id: string } }).population.id;
    await run('sampling:draw', { populationId, samplingPlan: '', sizing: 'judgment', justification: 'Typical.', confidence: null, tolerableRate: null, expectedRate: null, statisticalModel: '', size: 5, method: 'random' });
    const sampleId = (results.get('sampling:draw') as { sampleId: string }).sampleId;
    await run('sampling:extend', { sampleId, more: 2 });
    await run('sampling:verify', { sampleId });
    expect(Object.keys(results.get('sampling:import') as object).sort()).toEqual(['existed', 'population', 'skipped', 'skippedCount']);
    expect(results.get('sampling:draw')).toEqual({ sampleId, added: 5, size: 5 });
    expect(results.get('sampling:extend')).toEqual({ sampleId, added: 2, size: 7 });
    expect(results.get('sampling:verify')).toMatchObject({ matches: true, populationMatches: true, checkedItems: 7, differences: [], judgmentalItems: 0 });
    // The report: a draft of the blank engagement; the package of the demo once its check passes.
    await run('report:export', { format: 'pdf', language: 'en', file: 'Draft report', draft: true, photos: false });
    const demo = ((await ask(router, 'engagement:openDemo', {})).value as { summary: { handle: string } }).summary.handle;
    await makeReportReady(service, demo);
    const pkg = await runJob(router, { kind: 'report:exportPackage', engagementHandle: demo, language: 'en', file: 'Review package', photos: false });
    expect(pkg, 'report:exportPackage').toMatchObject({ ok: true });
    results.set('report:exportPackage', pkg.value);

    expect(results.get('engagement:checkFile')).toEqual({ state: 'ok', entries: expect.any(Number) });
    for (const kind of ['engagement:saveCopy', 'team:memberCopy', 'team:exportPackage'] as const) expect(Object.keys(results.get(kind) as object).sort(), kind).toEqual(COPY_VIEW);
    for (const kind of ['team:previewImport', 'team:import'] as const) expect(Object.keys(results.get(kind) as object).sort(), kind).toEqual(PREVIEW_VIEW);
    expect(Object.keys(results.get('report:export') as object).sort()).toEqual([...EXPORT_VIEW, 'draft', 'signature'].sort());
    expect(results.get('report:export')).toMatchObject({ file: 'Draft report.pdf', draft: true, revision: 1, signature: null });
    expect(Object.keys(results.get('report:exportPackage') as object).sort()).toEqual([...EXPORT_VIEW, 'entries', 'reportRevision'].sort());
    expect(results.get('report:exportPackage')).toMatchObject({ file: 'Review package.zip', reportRevision: 1 });
    // A new kind must be added here (and to the renderer's use of it).
    expect([...results.keys()].sort()).toEqual([...JOB_KINDS].sort());
  });
});
