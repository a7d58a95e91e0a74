import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportGateView } from '../../../shared/contract/report-views.ts';
import { cbReportTemplate } from '../../../tests/fixtures/report-template-files.ts';
import { makeReportReady } from '../../../tests/helpers/report-ready.ts';
import { ask, runJob, testRouter } from '../../../tests/helpers/router.ts';

describe('the report’s channels', () => {
  it('shows the check with where to fix each item, the next revision, the photo annex and the register', { timeout: 120_000 }, async () => {
    const { router, service, workspace } = await testRouter();
    const handle = ((await ask(router, 'engagement:openDemo', {})).value as { summary: { handle: string } }).summary.handle;
    const gate = (await ask(router, 'report:gate', { engagementHandle: handle })).value as ReportGateView;
    expect(gate).toMatchObject({ auditType: 'stage2', ready: false, nextRevision: 1, photos: { count: 0, bytes: 0 }, revisions: [] });
    expect(gate.items.find((item) => item.code === 'nc-unacknowledged')).toMatchObject({ blocking: true, fix: { section: 'findings', tab: 'closing' } });

    await makeReportReady(service, handle);
    const issued = await runJob(router, { kind: 'report:export', engagementHandle: handle, format: 'docx', language: 'en', file: 'Kestrel report', draft: false, photos: false });
    expect(issued).toMatchObject({ ok: true, value: { file: 'Kestrel report.docx', revision: 1, draft: false } });
    const after = (await ask(router, 'report:gate', { engagementHandle: handle })).value as ReportGateView;
    expect(after).toMatchObject({ ready: true, nextRevision: 2, revisions: [{ kind: 'audit-report', revision: 1, format: 'docx', fileName: 'Kestrel report.docx', exportedBy: 'Helen Marsh' }] });
    expect(after.items.map((item) => [item.code, item.blocking])).toEqual([['unresolved-opinion', false]]);

    // The CB's report template: checked, kept in the engagement's profile, then offered.
    expect((await ask(router, 'report:templates', { engagementHandle: handle })).value).toEqual([]);
    fs.writeFileSync(path.join(workspace, 'Meridian report.docx'), cbReportTemplate('en'));
    expect((await ask(router, 'report:checkTemplate', { engagementHandle: handle, template: { file: 'Meridian report.docx' }, language: 'en' })).value).toMatchObject({ fillable: true });
    expect(await ask(router, 'report:keepTemplate', { engagementHandle: handle, file: 'Meridian report.docx', language: 'en' })).toMatchObject({ ok: true, value: { key: 'audit-report-1' } });
    expect((await ask(router, 'report:templates', { engagementHandle: handle })).value).toEqual([{ key: 'audit-report-1', title: 'Meridian report', fileName: 'Meridian report.docx', language: 'en' }]);
    expect((await ask(router, 'report:prepare', { engagementHandle: handle })).value).toBeNull();
  });
});
