import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { cbReportTemplate } from '../../tests/fixtures/report-template-files.ts';
import { docxParagraphs } from '../../tests/helpers/docx-text.ts';
import { pdfPages } from '../../tests/helpers/pdf-text.ts';
import { makeReportReady } from '../../tests/helpers/report-ready.ts';
import { startTestService } from '../../tests/helpers/services.ts';
import { tempDir, WORKER_DIR } from '../../tests/helpers/temp.ts';
import type { JobProgress } from '../jobs/job-context.ts';
import { DocumentRenderer } from '../documents/index.ts';
import { createDemoEngagement } from '../engagement/demo-engagement.ts';
import { TemplateService } from '../templates/index.ts';
import { ReportExporter } from './report-export.ts';

const renderers: DocumentRenderer[] = [];
afterEach(async () => {
  for (const renderer of renderers.splice(0)) await renderer.close();
});

const pdfText = async (file: string) => (await pdfPages(new Uint8Array(fs.readFileSync(file)))).map((page) => page.text);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const docxText = async (bytes: Uint8Array) => {
  const parts = await docxParagraphs(bytes);
  return [...parts.body, ...parts.headers, ...parts.footers].join('\n');
};

/** The demo engagement (stage 2, Kestrel) as the lead has it on the last afternoon, and the report's exporter. */
async function setUp() {
  const service = await startTestService(['Helen Marsh', 'HM']);
  const dir = tempDir();
  const file = path.join(dir, 'demo.iso20k');
  const { handle } = await createDemoEngagement(service, file);
  const renderer = new DocumentRenderer({ workerDir: WORKER_DIR });
  renderers.push(renderer);
  return { service, dir, file, handle, exporter: new ReportExporter(service, renderer, new TemplateService({ workerDir: WORKER_DIR })) };
}

describe('exporting the audit report', () => {
  it('exports a draft while the check lists items, and refuses the final report until it passes', { timeout: 120_000 }, async () => {
    const { service, dir, handle, exporter } = await setUp();
    const { items } = await service.call(handle, 'reportGate');
    const blocking = items.filter((item) => item.blocking);
    expect(blocking.length).toBeGreaterThan(0);

    const phases: JobProgress[] = [];
    const draft = await exporter.export(handle, { format: 'pdf', language: 'en', file: path.join(dir, 'draft.pdf'), draft: true, photos: false }, (progress) => phases.push(progress));
    expect(draft).toMatchObject({ revision: 1, draft: true, template: '' });
    expect(sha256(fs.readFileSync(draft.file))).toBe(draft.sha256);
    expect([...new Set(phases.map((progress) => progress.phase))]).toEqual(['reading', 'rendering', 'writing']);
    expect(phases.at(-1)).toMatchObject({ done: 3, total: 3 });
    const pages = await pdfText(draft.file);
    // DRAFT on every page.
    for (const page of pages) expect(page).toContain('DRAFT');
    expect(pages.join('\n')).toContain('Kestrel Data Services Ltd');
    expect(await service.call(handle, 'listExports')).toEqual([expect.objectContaining({ kind: 'audit-report-draft', revision: 1, format: 'pdf', sha256: draft.sha256 })]);
    // A draft uses no revision: the next issued report is still revision 1.
    expect(await service.call(handle, 'nextRevision', 'audit-report')).toBe(1);

    const final = path.join(dir, 'final.pdf');
    await expect(exporter.export(handle, { format: 'pdf', language: 'en', file: final, draft: false, photos: false })).rejects.toMatchObject({ code: 'REPORT_INCOMPLETE', params: { count: blocking.length } });
    await expect(exporter.exportPackage(handle, { language: 'en', file: path.join(dir, 'package.zip'), photos: false })).rejects.toMatchObject({ code: 'REPORT_INCOMPLETE' });
    expect(fs.existsSync(final)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'package.zip'))).toBe(false);
    expect(await service.call(handle, 'listExports')).toHaveLength(1);
  });

  it('issues revision 1 once the check passes, then revision 2; the register lists every revision with its SHA-256', { timeout: 120_000 }, async () => {
    const { service, dir, handle, exporter } = await setUp();
    await exporter.export(handle, { format: 'pdf', language: 'en', file: path.join(dir, 'draft.pdf'), draft: true, photos: false });
    const left = await makeReportReady(service, handle);
    // The demo's diverging opinion stays unresolved: the report states it, it does not block.
    expect(left.map((item) => [item.code, item.blocking])).toEqual([['unresolved-opinion', false]]);

    const first = await exporter.export(handle, { format: 'pdf', language: 'en', file: path.join(dir, 'Report.pdf'), draft: false, photos: false });
    expect(first).toMatchObject({ revision: 1, draft: false });
    expect((await pdfText(first.file)).join('\n')).not.toContain('DRAFT');
    const second = await exporter.export(handle, { format: 'docx', language: 'en', file: path.join(dir, 'Report.docx'), draft: false, photos: false });
    expect(second).toMatchObject({ revision: 2, draft: false });
    const text = await docxText(new Uint8Array(fs.readFileSync(second.file)));
    expect(text).toContain('Kestrel Data Services Ltd');
    expect(text).not.toContain('DRAFT');

    const revisions = await exporter.revisions(handle);
    expect(revisions.map((entry) => [entry.kind, entry.revision, entry.format, entry.draft, entry.fileName])).toEqual([
      ['audit-report', 2, 'docx', false, 'Report.docx'],
      ['audit-report', 1, 'pdf', false, 'Report.pdf'],
      ['audit-report-draft', 1, 'pdf', true, 'draft.pdf'],
    ]);
    expect(revisions[0]).toMatchObject({ sha256: second.sha256, size: second.size, exportedBy: 'Helen Marsh', language: 'en' });
    expect(revisions[1]!.sha256).toBe(sha256(fs.readFileSync(first.file)));
    expect(await service.call(handle, 'verifyChain')).toMatchObject({ ok: true });
  });

  it('writes the technical-review package: the issued report, the documents, the evidence index and the data, every entry fingerprinted', { timeout: 180_000 }, async () => {
    const { service, dir, handle, exporter } = await setUp();
    await makeReportReady(service, handle);
    // A client's text that a spreadsheet would run as a formula.
    const finding = (await service.listRows(handle, 'finding')).find((row) => row.grade === 'minor')!;
    await service.updateRow(handle, 'finding', String(finding.id), { procedure: '=1+1' });

    const phases: string[] = [];
    const result = await exporter.exportPackage(handle, { language: 'en', file: path.join(dir, 'Review.zip'), photos: false }, (progress) => phases.push(progress.phase));
    expect(result).toMatchObject({ revision: 1, reportRevision: 1 });
    expect([...new Set(phases)]).toEqual(['reading', 'rendering', 'writing']);
    const bytes = new Uint8Array(fs.readFileSync(result.file));
    expect(sha256(bytes)).toBe(result.sha256);
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(result.entries);
    expect(result.entries).toEqual([
      'audit-report.pdf',
      'audit-report.docx',
      'audit-plan.pdf',
      'nc-forms.pdf',
      'closing-meeting.pdf',
      'evidence-index.xlsx',
      'findings.json',
      'findings.xlsx',
      'plan.json',
      'plan.xlsx',
      'conclusions.json',
      'conclusions.xlsx',
      // The demo's incident sample: its items and the selection record anyone can recompute (issue 20).
      'samples.json',
      'samples.xlsx',
      'selection-records/sample-01.json',
      'manifest.json',
      'README.txt',
    ]);

    const json = (name: string) => JSON.parse(new TextDecoder().decode(files[name])) as Record<string, unknown>;
    const manifest = json('manifest.json') as { reportRevision: number; entries: { name: string; sha256: string; size: number }[] };
    expect(manifest.reportRevision).toBe(1);
    for (const entry of manifest.entries) expect(entry.sha256, entry.name).toBe(sha256(files[entry.name]!));
    expect(new TextDecoder().decode(files['README.txt'])).toContain(sha256(files['manifest.json']!));
    expect((json('findings.json').findings as unknown[]).length).toBe((await service.listRows(handle, 'finding')).length);
    expect(json('plan.json')).toHaveProperty('sessions');
    expect(json('conclusions.json')).toHaveProperty('recommendation.key');
    expect(await docxText(files['audit-report.docx']!)).toContain('Kestrel Data Services Ltd');

    const workbook = async (name: string) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(files[name]!) as unknown as ArrayBuffer);
      return book;
    };
    const findings = (await workbook('findings.xlsx')).getWorksheet('Findings')!;
    const procedure = (findings.getRow(1).values as unknown[]).indexOf('Procedure');
    const values = findings.getColumn(procedure).values;
    expect(values).toContain("'=1+1");
    expect(values).not.toContain('=1+1');
    const evidence = await workbook('evidence-index.xlsx');
    expect(evidence.worksheets.map((sheet) => sheet.name)).toEqual(['References', 'Files']);
    expect(evidence.getWorksheet('References')!.rowCount - 1).toBe((await service.listRows(handle, 'evidence_item')).length);
    expect((await workbook('conclusions.xlsx')).getWorksheet('Results')!.getCell('A1').font?.bold).toBe(true);

    // The report inside is the issued revision 1, as PDF and .docx; the zip is recorded as a review package.
    const register = await service.call(handle, 'listExports');
    expect(register.map((row) => [row.kind, row.revision, row.format, row.file_name, row.sha256]).sort()).toEqual(
      [
        ['audit-report', 1, 'docx', 'Review.zip/audit-report.docx', sha256(files['audit-report.docx']!)],
        ['audit-report', 1, 'pdf', 'Review.zip/audit-report.pdf', sha256(files['audit-report.pdf']!)],
        ['review-package', 1, 'zip', 'Review.zip', result.sha256],
      ].sort(),
    );
    expect(await service.call(handle, 'nextRevision', 'audit-report')).toBe(2);
  });

  it('asks what the audit type needs: a surveillance its items, stage 1 its readiness and document review (and no NC forms in its package)', { timeout: 180_000 }, async () => {
    const { service, dir, handle, exporter } = await setUp();
    const codes = async () => new Set((await service.call(handle, 'reportGate')).items.map((item) => item.code));
    await service.updateEngagement(handle, { audit_type: 'surveillance1' });
    expect(await codes()).toContain('surveillance-item');
    await makeReportReady(service, handle);
    expect((await exporter.export(handle, { format: 'pdf', language: 'en', file: path.join(dir, 'Surveillance.pdf'), draft: false, photos: false })).revision).toBe(1);

    // At stage 1 the team records areas of concern, never graded nonconformities.
    await service.updateEngagement(handle, { audit_type: 'stage1' });
    for (const finding of await service.listRows(handle, 'finding')) await service.updateRow(handle, 'finding', String(finding.id), { grade: 'area_of_concern' });
    const stage1 = await codes();
    for (const code of ['readiness', 'document-review', 'recommendation'] as const) expect(stage1).toContain(code);
    for (const code of ['surveillance-item', 'conclusion', 'nc-unacknowledged'] as const) expect(stage1).not.toContain(code);
    await makeReportReady(service, handle);
    const result = await exporter.exportPackage(handle, { language: 'zh-Hans', file: path.join(dir, '第一阶段.zip'), photos: false });
    expect(result.entries).not.toContain('nc-forms.pdf');
    const files = unzipSync(new Uint8Array(fs.readFileSync(result.file)));
    const conclusions = JSON.parse(new TextDecoder().decode(files['conclusions.json'])) as { language: string; stage1: { readiness: unknown[] } | null };
    expect(conclusions.language).toBe('zh-Hans');
    expect(conclusions.stage1?.readiness.length).toBeGreaterThan(0);
  });

  it('fills the CB’s report template kept in the engagement’s profile; a draft says so, a template that cannot fill is refused', { timeout: 120_000 }, async () => {
    const { dir, handle, exporter } = await setUp();
    const file = path.join(dir, 'Meridian report.docx');
    fs.writeFileSync(file, cbReportTemplate('en'));
    expect(await exporter.checkTemplate(handle, { file }, 'en')).toMatchObject({ fillable: true, fileName: 'Meridian report.docx' });
    const bad = path.join(dir, 'Scanned report.docx');
    fs.writeFileSync(bad, Buffer.from('%PDF-1.7\n%%EOF\n', 'latin1'));
    await expect(exporter.keepTemplate(handle, bad, 'en')).rejects.toMatchObject({ code: 'TEMPLATE_REFUSED', params: { issues: ['NOT_DOCX'] } });
    expect(await exporter.keepTemplate(handle, file, 'en')).toMatchObject({ key: 'audit-report-1', kind: 'audit-report', fileName: 'Meridian report.docx' });
    fs.rmSync(file);

    const draft = await exporter.export(handle, { format: 'docx', language: 'en', file: path.join(dir, 'Filled.docx'), draft: true, photos: false, template: { profileTemplate: 'audit-report-1' } });
    expect(draft).toMatchObject({ revision: 1, draft: true, template: 'Meridian report.docx' });
    const text = await docxText(new Uint8Array(fs.readFileSync(draft.file)));
    expect(text).toContain('Kestrel Data Services Ltd');
    expect(text).toContain('DRAFT');
    expect(await exporter.revisions(handle)).toEqual([expect.objectContaining({ kind: 'audit-report-draft', template: 'Meridian report.docx', format: 'docx' })]);
  });

  it('refuses to export from a file open read-only, writing and recording nothing', { timeout: 120_000 }, async () => {
    const { service, dir, file, handle, exporter } = await setUp();
    await service.close(handle);
    fs.chmodSync(file, 0o444);
    const reopened = await service.openFile(file);
    expect(reopened.summary.readOnly).toBe(true);
    await expect(exporter.export(reopened.handle, { format: 'pdf', language: 'en', file: path.join(dir, 'draft.pdf'), draft: true, photos: false })).rejects.toMatchObject({ code: 'READ_ONLY' });
    await expect(exporter.exportPackage(reopened.handle, { language: 'en', file: path.join(dir, 'package.zip'), photos: false })).rejects.toMatchObject({ code: 'READ_ONLY' });
    expect(fs.readdirSync(dir).sort()).toEqual(['demo.iso20k']);
  });
});
