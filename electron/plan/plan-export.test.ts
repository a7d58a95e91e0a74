import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentRenderer } from '../documents/index.ts';
import { createDemoEngagement } from '../engagement/demo-engagement.ts';
import { TemplateService } from '../templates/index.ts';
import { cbPlanTemplate } from '../../tests/fixtures/template-files.ts';
import { docxParagraphs } from '../../tests/helpers/docx-text.ts';
import { startTestService } from '../../tests/helpers/services.ts';
import { tempDir, WORKER_DIR } from '../../tests/helpers/temp.ts';
import { PlanExporter } from './plan-export.ts';
import { profileKindTemplates } from '../templates/index.ts';

const renderers: DocumentRenderer[] = [];
afterEach(async () => {
  for (const renderer of renderers.splice(0)) await renderer.close();
});

async function setUp() {
  const service = await startTestService();
  const dir = tempDir();
  const { handle } = await createDemoEngagement(service, path.join(dir, 'demo.iso20k'));
  const renderer = new DocumentRenderer({ workerDir: WORKER_DIR });
  renderers.push(renderer);
  return { service, dir, handle, exporter: new PlanExporter(service, renderer, new TemplateService({ workerDir: WORKER_DIR })) };
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('exporting the audit plan', () => {
  it('writes each export as the next revision with its SHA-256 in the register, PDF and Word, English and Chinese', async () => {
    const { service, dir, handle, exporter } = await setUp();
    const pdf = await exporter.export(handle, { format: 'pdf', language: 'en', file: path.join(dir, 'plan.pdf') });
    expect(pdf).toMatchObject({ revision: 1, template: '' });
    expect(fs.readFileSync(pdf.file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(pdf.file)).toBe(pdf.sha256);
    const docx = await exporter.export(handle, { format: 'docx', language: 'zh-Hans', file: path.join(dir, 'plan.docx') });
    expect(docx.revision).toBe(2);
    const text = (await docxParagraphs(new Uint8Array(fs.readFileSync(docx.file)))).body.join('\n');
    expect(text).toContain('审核计划');
    expect(text).toContain('Kestrel Data Services Ltd');
    const register = await service.call(handle, 'listExports', 'audit-plan');
    expect(register.map((row) => [row.revision, row.format, row.language, row.sha256])).toEqual([
      [2, 'docx', 'zh-Hans', docx.sha256],
      [1, 'pdf', 'en', pdf.sha256],
    ]);
  });

  it('keeps a CB template the lead picked in the engagement’s profile copy, offers it, and fills it', async () => {
    const { service, dir, handle, exporter } = await setUp();
    const file = path.join(dir, 'Meridian plan template.docx');
    fs.writeFileSync(file, cbPlanTemplate('en'));
    const before = await service.call(handle, 'cbProfile');
    const kept = await exporter.keepTemplate(handle, file, 'en');
    expect(kept).toMatchObject({ key: 'audit-plan-1', kind: 'audit-plan', fileName: 'Meridian plan template.docx', language: 'en' });
    const after = await service.call(handle, 'cbProfile');
    expect(after!.sha256).not.toBe(before!.sha256);
    expect(JSON.parse(after!.content)).toMatchObject({ id: before!.profile_id, formatVersion: 2 });
    expect((await profileKindTemplates(service, handle, 'audit-plan')).map((template) => template.key)).toEqual(['audit-plan-1']);

    fs.rmSync(file); // kept in the engagement: the file is no longer needed
    const filled = await exporter.export(handle, { format: 'docx', language: 'en', file: path.join(dir, 'filled.docx'), template: { profileTemplate: 'audit-plan-1' } });
    expect(filled.template).toBe('Meridian plan template.docx');
    const text = (await docxParagraphs(new Uint8Array(fs.readFileSync(filled.file)))).body.join('\n');
    expect(text).toContain('Kestrel Data Services Ltd');
    expect(text).toContain('Problem management');
    expect((await service.call(handle, 'listExports', 'audit-plan'))[0]).toMatchObject({ template: 'Meridian plan template.docx', format: 'docx' });
    expect(await service.call(handle, 'verifyChain')).toMatchObject({ ok: true });
  });

  it('refuses a template that is not a Word document, writing and recording nothing', async () => {
    const { service, dir, handle, exporter } = await setUp();
    const file = path.join(dir, 'Scanned plan.docx');
    fs.writeFileSync(file, Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1'));
    await expect(exporter.keepTemplate(handle, file, 'en')).rejects.toMatchObject({ code: 'TEMPLATE_REFUSED', params: { issues: ['NOT_DOCX'] } });
    const target = path.join(dir, 'out.docx');
    await expect(exporter.export(handle, { format: 'docx', language: 'en', file: target, template: { file } })).rejects.toMatchObject({ code: 'TEMPLATE_REFUSED' });
    await expect(exporter.export(handle, { format: 'docx', language: 'en', file: target, template: { profileTemplate: 'none' } })).rejects.toMatchObject({ code: 'NO_TEMPLATE' });
    expect(fs.existsSync(target)).toBe(false);
    expect(await service.call(handle, 'listExports')).toEqual([]);
    expect(await service.call(handle, 'nextRevision', 'audit-plan')).toBe(1);
  });
});
