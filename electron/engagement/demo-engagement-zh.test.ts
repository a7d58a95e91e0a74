import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatViolation, loadTerminology, wrongTermsIn } from '../../scripts/terminology.ts';
import { checkProfile } from '../../shared/cb-profile/profile-validate.ts';
import { REPORT_FIELDS } from '../../shared/cb-profile/profile.ts';
import { creditCodeProblem } from '../../shared/credit-code.ts';
import type { Engagement } from '../../shared/engagement.ts';
import { findingNature } from '../../shared/findings/finding-nature.ts';
import { checkStatement } from '../../shared/findings/statement-check.ts';
import { gatePasses } from '../../shared/report/completeness.ts';
import { isServiceCategory, parseCategories } from '../../shared/scope/service-categories.ts';
import { docxParagraphs } from '../../tests/helpers/docx-text.ts';
import { pdfPages } from '../../tests/helpers/pdf-text.ts';
import { startTestService } from '../../tests/helpers/services.ts';
import { tempDir, WORKER_DIR } from '../../tests/helpers/temp.ts';
import { DocumentRenderer } from '../documents/index.ts';
import { shippedPacks } from '../packs/index.ts';
import { NcDocumentExporter } from '../nc-documents/nc-document-export.ts';
import { TemplateService } from '../templates/index.ts';
import { DEMO_EN } from './demo-data-en.ts';
import { DEMO_ZH } from './demo-data-zh.ts';
import { createDemoEngagement, demoDataFor } from './demo-engagement.ts';
import { demoProfile } from './demo-profile.ts';

const renderers: DocumentRenderer[] = [];
afterEach(async () => {
  for (const renderer of renderers.splice(0)) await renderer.close();
});

/** The Chinese twin in a temp file, open in a test service with 李伟 (the team leader) at this computer. */
async function chineseDemo() {
  const service = await startTestService(['李伟', 'LW']);
  const dir = tempDir();
  const opened = await createDemoEngagement(service, path.join(dir, DEMO_ZH.fileName), 'zh-CN');
  return { service, dir, handle: opened.handle, engagement: opened.summary.engagement as Engagement };
}

/** What the CB's report form asks beyond 17021-1, all of which the twin records on day 1. */
const CHINESE_GATE_CODES = ['cb-identity', 'client-details', 'credit-code', 'licence-check', 'criteria', 'objectives', 'scope', 'service-category', 'deviation-reason', 'lead', 'registration-number', 'dates'];
/** What the twin, at the end of day 1 of four, has still to do: the rest of the audit. */
const LATER_GATE_CODES = ['statement', 'actual-times', 'conclusion', 'findings-unnumbered', 'recommendation', 'nc-unacknowledged', 'unresolved-opinion'];

describe('the demo engagement’s Chinese twin', () => {
  it('opens for the Chinese interface; the English demo for any other', () => {
    expect(demoDataFor('zh-CN')).toBe(DEMO_ZH);
    expect(demoDataFor('en')).toBe(DEMO_EN);
  });

  it('is 云帆 at stage 2 by 青岚认证: a valid Chinese CB profile, a valid credit code, CCAA numbers and declarations, CNCA categories (its MD 1 sample and plan: demo-engagement.test.ts)', { timeout: 60_000 }, async () => {
    const { service, handle, engagement } = await chineseDemo();
    expect(engagement).toMatchObject({ client_name: '苏州云帆信息技术服务有限公司', time_zone: 'Asia/Shanghai', audit_language: 'zh-CN', licence_covers_scope: 1, certificate_second_language: 'en' });
    expect(creditCodeProblem(engagement.client_credit_code)).toBeNull();
    expect(engagement.client_credit_code).toHaveLength(18);
    expect(engagement.certificate_wording).toMatch(/[\u4e00-\u9fff]/);
    expect(engagement.certificate_wording_second).toMatch(/^IT service management activities/);

    // The CB's profile: valid, its CNCA approval and CNAS accreditation numbers, 一般不符合 for the minor grade, every Chinese report field required.
    const stored = (await service.call(handle, 'cbProfile'))!;
    const checked = checkProfile(JSON.parse(stored.content));
    expect(checked.ok ? [] : checked.issues).toEqual([]);
    const profile = demoProfile(DEMO_ZH.profile);
    expect(profile.certificationBody?.cncaApprovalNumber).toMatch(/^CNCA-R-\d{4}-\d{3}$/);
    expect(profile.certificationBody?.cnasAccreditationNumber).toMatch(/^CNAS C\d{3}$/);
    expect(profile.grades.filter((grade) => grade.isNonconformity).map((grade) => grade.name['zh-Hans'])).toEqual(['严重不符合', '一般不符合']);
    expect([...profile.requiredReportFields].sort()).toEqual([...REPORT_FIELDS].sort());

    // The team: auditors with CCAA registration numbers, everyone's impartiality declared.
    const team = await service.listRows(handle, 'team_member');
    for (const member of team.filter((row) => row.role === 'lead' || row.role === 'auditor')) expect(member.registration_number).toMatch(/^CCAA \d{4}-N1ITSM-\d{7}$/);
    expect(team.every((member) => member.no_conflict === 1 && member.declared_on === '2026-11-20')).toBe(true);

    // Every service has a CNCA category (one of the eight, by key).
    const services = await service.listRows(handle, 'service');
    expect(services).toHaveLength(3);
    for (const row of services) expect(parseCategories(String(row.categories)).some(isServiceCategory), String(row.name)).toBe(true);

    expect(await service.call(handle, 'verifyChain')).toMatchObject({ ok: true });
  });

  it('gives the Chinese report every field a Chinese CB requires; the gate lists only what days 2–4 will do', { timeout: 60_000 }, async () => {
    const { service, handle } = await chineseDemo();
    const input = await service.call(handle, 'reportInput', { language: 'zh-Hans', revision: 1, issuedAt: '2026-12-17T09:00:00.000Z', issuedBy: '李伟', draft: false, photos: false });
    expect([...input.requiredFields].sort()).toEqual([...REPORT_FIELDS].sort());
    expect(input.certificationBody).toMatchObject({ name: '青岚认证有限公司', cncaApprovalNumber: 'CNCA-R-2019-517', cnasAccreditationNumber: 'CNAS C317' });
    expect(input.client.creditCode).toBe('91320594MA27YF3Q8P');
    expect(creditCodeProblem(input.client.creditCode!)).toBeNull();
    expect(input.client.businessLicenceCheck).toMatch(/[\u4e00-\u9fff]/);
    expect(input.audit.scope).toMatch(/云主机托管/);
    expect(input.audit.scopeOtherLanguage).toMatch(/managed cloud hosting/);
    for (const service of input.services) expect(service.category, service.name).toMatch(/[\u4e00-\u9fff]/);
    for (const member of input.team.filter((row) => !row.accompanying)) expect(member.registrationNumber, member.name).toMatch(/^CCAA /);
    // Auditor-days: the CB's eight planned in full (two auditors, four days of 8 hours), and day 1's as held with the start and end of each activity.
    const days = input.auditorDays;
    expect([days.allocatedOnSite, days.allocatedRemote]).toEqual([7, 1]);
    expect([days.plannedOnSite, days.plannedRemote]).toEqual([7, 1]);
    expect(days.actualOnSite + days.actualRemote).toBeGreaterThan(1.5);
    const day1 = input.days.find((day) => day.day === '2026-12-14')!;
    expect(day1).toMatchObject({ start: '08:30', end: '17:30' });
    expect(day1.activities.length).toBeGreaterThanOrEqual(4);
    for (const activity of day1.activities) expect(`${activity.start}–${activity.end}`).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);
    expect(input.statements.find((statement) => statement.item === 'no_penalties')).toMatchObject({ verdictKey: 'confirmed', verdict: '自上次审核以来未发生' });
    // The findings by the CB's grades: a 严重不符合, two 一般不符合, then the rest.
    expect(input.findingGroups.map((group) => [group.gradeName, group.findings.length])).toEqual([
      ['严重不符合', 1],
      ['一般不符合', 2],
      ['观察项', 1],
      ['改进机会', 1],
      ['良好实践', 1],
    ]);

    const gate = await service.call(handle, 'reportGate');
    const codes = new Set(gate.items.map((item) => item.code));
    expect([...codes].filter((code) => CHINESE_GATE_CODES.includes(code))).toEqual([]);
    expect([...codes].filter((code) => !LATER_GATE_CODES.includes(code))).toEqual([]);
    // Day 1's sessions ran with their times; the statements recorded so far are complete (no_penalties).
    const notRecorded = gate.items.filter((item) => item.code === 'actual-times').map((item) => String(item.params.day));
    expect(notRecorded.length).toBeGreaterThan(0);
    expect(notRecorded.includes('2026-12-14')).toBe(false);
    expect(gate.items.filter((item) => item.code === 'statement').map((item) => item.params.item)).not.toContain('no_penalties');
    expect(gatePasses(gate.items)).toBe(false);
  });

  it('has 陈静’s GB18030 incident export imported through the Chinese ITSM preset, sampled and tested like the English one', { timeout: 60_000 }, async () => {
    const { service, handle } = await chineseDemo();
    const sampling = await service.call(handle, 'samplingState');
    expect(sampling.populations).toMatchObject([{ topic: 'incident', sourceName: '事件工单导出_2026年9-11月.csv', encoding: 'gb18030', rowCount: 960, skippedRows: 0, rowsHere: true }]);
    const columns = sampling.populations[0]!.columns.map((column) => [column.name, column.role]);
    expect(columns).toEqual(expect.arrayContaining([['工单编号', 'id'], ['创建时间', 'opened'], ['优先级', 'priority'], ['事件描述', 'attribute']]));
    expect(columns.map(([name]) => name)).not.toContain('报告人');
    expect(sampling.samples).toMatchObject([{ method: 'stratified', stratify_by: '优先级', seed: 'qinglan-incidents-2026-12-15' }]);
    expect(sampling.items).toHaveLength(12);
    expect(new Set(sampling.items.map((item) => item.stratum))).toEqual(new Set(['P1-紧急', 'P2-高', 'P3-中', 'P4-低']));
    const verified = await service.startJob(handle, 'verifySample', () => [sampling.samples[0]!.id] as const).result;
    expect(verified).toMatchObject({ matches: true, checkedItems: 12 });
  });

  it('exports the NC forms in Chinese with the company seal area and the CB’s grade labels', { timeout: 90_000 }, async () => {
    const { service, dir, handle } = await chineseDemo();
    const renderer = new DocumentRenderer({ workerDir: WORKER_DIR });
    renderers.push(renderer);
    const exporter = new NcDocumentExporter(service, renderer, new TemplateService({ workerDir: WORKER_DIR }));
    const word = await exporter.exportForms(handle, { format: 'docx', language: 'zh-Hans', file: path.join(dir, '不符合报告.docx'), perNonconformity: false });
    const parts = await docxParagraphs(new Uint8Array(fs.readFileSync(word.files[0]!.file)));
    const text = [...parts.body, ...parts.headers, ...parts.footers].join('\n');
    for (const expected of ['不符合报告', '公司盖章', '严重不符合', '一般不符合', '苏州云帆信息技术服务有限公司', '青岚认证有限公司', 'CHG-2026-0412', 'SLA-JSL-2023']) expect(text).toContain(expected);
    expect(text).not.toContain('不合格');
    // Processes are named as auditors name them ("8.2.4 服务目录管理"), never by the pack's process key.
    const keys = shippedPacks()[0]!.processes.map((process) => process.key);
    expect(keys.filter((key) => text.includes(key))).toEqual([]);
    expect(text).toMatch(/8\.\d(\.\d)* [\u4e00-\u9fff]+管理/);
    // The PDF: one form per nonconformity, each with its seal box.
    const pdf = await exporter.exportForms(handle, { format: 'pdf', language: 'zh-Hans', file: path.join(dir, '不符合报告.pdf'), perNonconformity: false });
    const printed = (await pdfPages(new Uint8Array(fs.readFileSync(pdf.files[0]!.file)))).map((page) => page.text.replace(/\s+/g, '')).join('\n');
    expect(printed.split('公司盖章')).toHaveLength(4);
    for (const grade of ['严重不符合', '一般不符合']) expect(printed).toContain(grade);
  });

  it('writes its findings as the statement check wants them: facts only, nothing vague, no cause or solution', () => {
    const grades = demoProfile(DEMO_ZH.profile).grades;
    for (const finding of DEMO_ZH.findings.findings) {
      expect(checkStatement({ nature: findingNature(grades, finding.grade), evidence: finding.evidence, notFulfilled: finding.notFulfilled }), finding.from).toEqual([]);
    }
    expect(DEMO_ZH.findings.findings.map((finding) => finding.grade)).toEqual(expect.arrayContaining(['major', 'minor']));
  });

  it('uses the terminology list’s terms wherever the English demo says the same thing', () => {
    const terms = loadTerminology().terms;
    const violations = demoTextPairs().flatMap(([key, en, zh]) => wrongTermsIn(key, en, zh, terms));
    expect(violations.map(formatViolation)).toEqual([]);
  });
});

/**
 * The twin's Chinese texts with their English equivalents: the English demo's text at the same place
 * (the twin tells the same story), a profile text's English beside it, the certificate's wording in
 * its second language.
 */
function demoTextPairs(): [key: string, en: string, zh: string][] {
  const pairs: [string, string, string][] = [];
  const walk = (en: unknown, zh: unknown, key: string): void => {
    if (typeof zh === 'string') {
      if (typeof en === 'string' && /[\u4e00-\u9fff]/.test(zh)) pairs.push([key, en, zh]);
      return;
    }
    if (zh === null || typeof zh !== 'object') return;
    const record = zh as Record<string, unknown>;
    if (typeof record['zh-Hans'] === 'string' && typeof record.en === 'string') pairs.push([key, record.en, record['zh-Hans']]);
    for (const [field, value] of Object.entries(record)) walk(en !== null && typeof en === 'object' ? (en as Record<string, unknown>)[field] : undefined, value, `${key}.${field}`);
  };
  walk(DEMO_EN, DEMO_ZH, 'demo');
  const wording = DEMO_ZH.preparation.engagement;
  pairs.push(['demo.preparation.engagement.certificate_wording', wording.certificate_wording_second!, wording.certificate_wording!]);
  return pairs;
}
