import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentRenderer } from '../documents/index.ts';
import { createDemoEngagement } from '../engagement/demo-engagement.ts';
import type { EngagementService } from '../engagement/engagement-service.ts';
import { TemplateService } from '../templates/index.ts';
import { cbNcFormTemplate, signatureDataUrl } from '../../tests/fixtures/nc-documents.ts';
import { docxParagraphs } from '../../tests/helpers/docx-text.ts';
import { startTestService } from '../../tests/helpers/services.ts';
import { tempDir, WORKER_DIR } from '../../tests/helpers/temp.ts';
import { NcDocumentExporter, perNonconformityFile } from './nc-document-export.ts';
import { profileKindTemplates } from '../templates/index.ts';

const renderers: DocumentRenderer[] = [];
afterEach(async () => {
  for (const renderer of renderers.splice(0)) await renderer.close();
});

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const pdfText = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const docxText = async (file: string) => {
  const parts = await docxParagraphs(new Uint8Array(fs.readFileSync(file)));
  return [...parts.body, ...parts.headers, ...parts.footers].join('\n');
};

/** The demo engagement (stage 2, closing meeting on 10 Dec) with a major, a minor and an observation, acknowledged at the closing meeting. */
async function withFindings(service: EngagementService, handle: string) {
  const engagementId = (await service.summary(handle)).engagementId;
  const team = await service.listRows(handle, 'team_member');
  const lead = team.find((member) => member.role === 'lead')!;
  const leadId = lead.id as string;
  const auditorId = ((team.find((member) => member.role === 'auditor') ?? lead).id) as string;
  const finding = async (seq: number, grade: string, number: string, clause: string, notFulfilled: string) => {
    const row = await service.createRow(handle, 'finding', {
      engagement_id: engagementId,
      raised_by: auditorId,
      provisional_seq: seq,
      final_number: number,
      final_seq: 1,
      grade,
      requirement: `ISO/IEC 20000-1:2018 ${clause} requirement.`,
      evidence: `Evidence for ${number}: records sampled on 9 December.`,
      not_fulfilled: notFulfilled,
      procedure: 'CHG-PR-01',
      process: 'Change management',
      auditee_representative: 'Priya Raman',
      raised_on: '2026-12-09',
    });
    await service.createRow(handle, 'finding_clause', { engagement_id: engagementId, finding_id: row.id as string, clause });
    return row.id as string;
  };
  const major = await finding(1, 'major', 'MAJ-01', '8.5.1.3', 'Emergency changes are not approved after implementation.');
  const minor = await finding(2, 'minor', 'MIN-01', '7.5.3', 'The published service catalogue is not the current version.');
  await finding(3, 'observation', 'OBS-01', '8.4.3', 'Capacity reviewed yearly.');
  await service.createRow(handle, 'nc_acknowledgement', { engagement_id: engagementId, finding_id: major, status: 'signed', signer_name: 'Priya Raman', signer_role: 'Service Delivery Manager', signature: signatureDataUrl(4), recorded_at: '2026-12-10T16:00:00.000Z', recorded_by: leadId });
  await service.createRow(handle, 'nc_acknowledgement', { engagement_id: engagementId, finding_id: minor, status: 'declined', signer_name: 'Mark Ellis', signer_role: 'CIO', declined_reason: 'Wants to consult the service owner first', recorded_at: '2026-12-10T16:05:00.000Z', recorded_by: leadId });
  await service.createRow(handle, 'member_signature', { engagement_id: engagementId, team_member_id: leadId, signature: signatureDataUrl(3), drawn_at: '2026-12-10T15:00:00.000Z' });
  await service.createRow(handle, 'audit_statement', { engagement_id: engagementId, item: 'recommendation', verdict: 'grant-after-verification', text: '', reason: '' });
  const closing = (await service.listRows(handle, 'plan_session')).find((session) => session.kind === 'closing')!;
  await service.createRow(handle, 'meeting_point', { engagement_id: engagementId, session_id: closing.id as string, point: 'findings_presented', confirmed: 1, note: '' });
  for (const [name, role, organization, presence] of [
    ['Priya Raman', 'Service Delivery Manager', 'Kestrel Data Services Ltd', 'present'],
    ['Samuel Okafor', 'Network Operations Lead', 'Kestrel Data Services Ltd', 'remote'],
    ['Absent Person', 'CFO', 'Kestrel Data Services Ltd', 'absent'],
  ] as const) {
    await service.createRow(handle, 'attendance', { engagement_id: engagementId, session_id: closing.id as string, name, role, organization, presence });
  }
  return { lead, major, minor };
}

async function setUp() {
  const service = await startTestService();
  const dir = tempDir();
  const { handle } = await createDemoEngagement(service, path.join(dir, 'demo.iso20k'));
  // The demo raises findings of its own: set aside, so each test's findings are the only ones.
  for (const row of await service.listRows(handle, 'finding')) await service.deleteRow(handle, 'finding', row.id as string);
  const renderer = new DocumentRenderer({ workerDir: WORKER_DIR });
  renderers.push(renderer);
  return { service, dir, handle, exporter: new NcDocumentExporter(service, renderer, new TemplateService({ workerDir: WORKER_DIR })) };
}

describe('exporting the NC forms and the closing meeting record', () => {
  it('refuses NC forms while there is no nonconformity, recording nothing', async () => {
    const { service, dir, handle, exporter } = await setUp();
    await expect(exporter.exportForms(handle, { format: 'pdf', language: 'en', file: path.join(dir, 'nc.pdf'), perNonconformity: false })).rejects.toMatchObject({ code: 'INVALID_VALUE' });
    expect(fs.existsSync(path.join(dir, 'nc.pdf'))).toBe(false);
    expect(await service.call(handle, 'listExports')).toEqual([]);
  });

  it('writes every nonconformity’s form, one file or one per NC, as revisions of nc-form with their SHA-256', { timeout: 60_000 }, async () => {
    const { service, dir, handle, exporter } = await setUp();
    await withFindings(service, handle);
    const all = await exporter.exportForms(handle, { format: 'pdf', language: 'en', file: path.join(dir, 'NC forms.pdf'), perNonconformity: false });
    expect(all.revision).toBe(1);
    expect(all.files).toHaveLength(1);
    expect(sha256(all.files[0]!.file)).toBe(all.files[0]!.sha256);
    if (hasPdftotext) {
      const text = pdfText(all.files[0]!.file);
      for (const number of ['MAJ-01', 'MIN-01']) expect(text).toContain(number);
      expect(text).not.toContain('OBS-01');
      expect(text).toContain('Declined to sign: Wants to consult the service owner first');
      // A major at stage 2: verified within 6 months of the last day (10 Dec 2026 → 10 Jun 2027) unless the CB's limit is earlier.
      expect(text).toMatch(/Verification due/);
    }

    const each = await exporter.exportForms(handle, { format: 'docx', language: 'zh-Hans', file: path.join(dir, '不符合报告.docx'), perNonconformity: true });
    expect(each.revision).toBe(2);
    expect(each.files.map((file) => [file.number, path.basename(file.file)])).toEqual([
      ['MAJ-01', '不符合报告 MAJ-01.docx'],
      ['MIN-01', '不符合报告 MIN-01.docx'],
    ]);
    const first = await docxText(each.files[0]!.file);
    expect(first).toContain('不符合报告');
    expect(first).toContain('MAJ-01');
    expect(first).not.toContain('MIN-01');
    expect(first).toContain('公司盖章');
    expect(first).not.toContain('不合格');
    const register = await service.call(handle, 'listExports', 'nc-form');
    expect(register.map((row) => [row.revision, row.format, row.file_name])).toEqual(
      expect.arrayContaining([
        [2, 'docx', '不符合报告 MAJ-01.docx'],
        [2, 'docx', '不符合报告 MIN-01.docx'],
        [1, 'pdf', 'NC forms.pdf'],
      ]),
    );
    expect(await service.call(handle, 'verifyChain')).toMatchObject({ ok: true });
  });

  it('writes the closing meeting record: attendance, statements, acknowledgements and the recommendation subject to the CB’s decision', { timeout: 60_000 }, async () => {
    const { service, dir, handle, exporter } = await setUp();
    await withFindings(service, handle);
    const record = await exporter.exportRecord(handle, { format: 'docx', language: 'zh-Hans', file: path.join(dir, 'record.docx') });
    expect(record.revision).toBe(1);
    const text = await docxText(record.file);
    expect(text).toContain('末次会议记录');
    expect(text).toContain('MAJ-01');
    expect(text).toContain('OBS-01');
    expect(text).toContain('Mark Ellis 拒绝签字：Wants to consult the service owner first');
    expect(text).toContain('审核组推荐在所提出不符合的纠正和纠正措施经验证后授予认证。');
    expect(text).toContain('通报了审核发现及其等级。');
    // Attendance as recorded: the remote attendee marked so, the absent one left out.
    expect(text).toContain('Samuel Okafor');
    expect(text).toContain('远程');
    expect(text).not.toContain('Absent Person');
    expect((await service.call(handle, 'listExports', 'closing-meeting'))[0]).toMatchObject({ revision: 1, format: 'docx', language: 'zh-Hans', sha256: record.sha256 });
  });

  it('fills the CB’s NC-form template: every NC in {#ncs} in one file, or one file per NC when the template holds one', { timeout: 60_000 }, async () => {
    const { service, dir, handle, exporter } = await setUp();
    await withFindings(service, handle);
    const allTemplate = path.join(dir, 'CB NC form.docx');
    fs.writeFileSync(allTemplate, cbNcFormTemplate('en', 'all'));
    const check = await exporter.checkTemplate(handle, { file: allTemplate }, 'en');
    expect(check).toMatchObject({ fillable: true, issues: [] });
    expect(check.used).toContain('ncs');
    const filled = await exporter.exportForms(handle, { format: 'docx', language: 'en', file: path.join(dir, 'filled.docx'), perNonconformity: false, template: { file: allTemplate } });
    expect(filled.template).toBe('CB NC form.docx');
    expect(filled.files).toHaveLength(1);
    const text = await docxText(filled.files[0]!.file);
    for (const expected of ['MAJ-01', 'MIN-01', 'Major nonconformity', 'Declined to sign: Wants to consult the service owner first', 'Acknowledged by Priya Raman on 10 December 2026']) expect(text).toContain(expected);

    const eachTemplate = path.join(dir, 'CB NC form each.docx');
    fs.writeFileSync(eachTemplate, cbNcFormTemplate('zh-Hans', 'each'));
    const each = await exporter.exportForms(handle, { format: 'docx', language: 'zh-Hans', file: path.join(dir, 'each.docx'), perNonconformity: false, template: { file: eachTemplate } });
    expect(each.files.map((file) => path.basename(file.file))).toEqual(['each MAJ-01.docx', 'each MIN-01.docx']);
    const second = await docxText(each.files[1]!.file);
    expect(second).toContain('MIN-01');
    expect(second).toContain('轻微不符合');
    expect(second).toContain('拒绝签字');
    expect((await service.call(handle, 'listExports', 'nc-form'))[0]).toMatchObject({ template: 'CB NC form each.docx', language: 'zh-Hans' });
  });

  it('keeps a picked NC-form template in the engagement’s profile copy, offers it and fills it without the file; refuses one that cannot fill', { timeout: 60_000 }, async () => {
    const { service, dir, handle, exporter } = await setUp();
    await withFindings(service, handle);
    const bad = path.join(dir, 'Scanned form.docx');
    fs.writeFileSync(bad, Buffer.from('%PDF-1.7\n%%EOF\n', 'latin1'));
    await expect(exporter.keepTemplate(handle, bad, 'en')).rejects.toMatchObject({ code: 'TEMPLATE_REFUSED', params: { issues: ['NOT_DOCX'] } });
    const file = path.join(dir, 'Meridian NC form.docx');
    fs.writeFileSync(file, cbNcFormTemplate('en', 'all'));
    const kept = await exporter.keepTemplate(handle, file, 'en');
    expect(kept).toMatchObject({ key: 'nc-form-1', kind: 'nc-form', fileName: 'Meridian NC form.docx', language: 'en' });
    expect((await profileKindTemplates(service, handle, 'nc-form')).map((template) => template.key)).toEqual(['nc-form-1']);
    fs.rmSync(file);
    const filled = await exporter.exportForms(handle, { format: 'docx', language: 'en', file: path.join(dir, 'kept.docx'), perNonconformity: false, template: { profileTemplate: 'nc-form-1' } });
    expect(filled).toMatchObject({ revision: 1, template: 'Meridian NC form.docx' });
    await expect(exporter.exportForms(handle, { format: 'docx', language: 'en', file: path.join(dir, 'none.docx'), perNonconformity: false, template: { profileTemplate: 'nc-form-9' } })).rejects.toMatchObject({ code: 'NO_TEMPLATE' });
    expect(await service.call(handle, 'verifyChain')).toMatchObject({ ok: true });
  });

  it('names one file per nonconformity after the chosen file and the number', () => {
    expect(perNonconformityFile('/x/NC forms.pdf', 'MAJ-01')).toBe(path.join('/x', 'NC forms MAJ-01.pdf'));
    expect(perNonconformityFile('/x/f.docx', 'A/B:1')).toBe(path.join('/x', 'f A B 1.docx'));
  });
});
