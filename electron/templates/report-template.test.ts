// A CB's own audit report template: checked (fillable, unknown and misplaced names reported, a broken
// one refused) and filled in English and Chinese, in this thread and through the built worker.
import { describe, expect, it } from 'vitest';
import { REPORT_PLACEHOLDERS } from '../../shared/templates/report-placeholders.ts';
import { docx, p } from '../../tests/fixtures/docx-builder.ts';
import { demoReportEngagement } from '../../tests/fixtures/report-engagement.ts';
import { cbReportTemplate, sampleReportInput } from '../../tests/fixtures/report-template-files.ts';
import { cbPlanTemplate } from '../../tests/fixtures/template-files.ts';
import { docxParagraphs } from '../../tests/helpers/docx-text.ts';
import { WORKER_DIR } from '../../tests/helpers/temp.ts';
import { checkTemplate, fillReportTemplate } from './template-check.ts';
import { TemplateService } from './index.ts';

const text = async (bytes: Uint8Array) => {
  const parts = await docxParagraphs(bytes);
  return [...parts.headers, ...parts.body, ...parts.footers].join('\n');
};

describe('a CB’s audit report template', () => {
  it('checks as fillable, with the names it uses and those it leaves out', async () => {
    const check = await checkTemplate(cbReportTemplate('en'), 'audit-report');
    expect(check).toMatchObject({ fillable: true, issues: [] });
    expect(check.used).toEqual(expect.arrayContaining(['client.name', 'client.creditCode', 'recommendation.text', 'findingGroups', 'findingGroups/findings', 'findingGroups/findings/number', 'results/grid/point', 'days/activities/title', 'earlierNcs/effectiveness', 'disclaimer']));
    expect(check.unused).toEqual(expect.arrayContaining(['findings', 'statement.marksControl.verdict', 'surveillance']));
  });

  it('reports names it does not know and fields outside their section, and refuses a broken one', async () => {
    const misspelt = await checkTemplate(docx({ body: [p('{client.nmae} {number} {#sessions}{title}{/sessions}'), p('{#findings}{number}{/findings}')] }), 'audit-report');
    expect(misspelt.fillable).toBe(true);
    expect(misspelt.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'UNKNOWN_PLACEHOLDER', params: expect.objectContaining({ name: 'client.nmae' }) }),
        expect.objectContaining({ code: 'UNKNOWN_PLACEHOLDER', params: expect.objectContaining({ name: 'sessions' }) }),
        expect.objectContaining({ code: 'OUTSIDE_SECTION', params: expect.objectContaining({ name: 'number' }) }),
      ]),
    );
    // An audit plan template chosen as the report's by mistake: its sessions are unknown here.
    expect((await checkTemplate(cbPlanTemplate('en'), 'audit-report')).issues.some((issue) => issue.code === 'UNKNOWN_PLACEHOLDER' && issue.params.name === 'sessions')).toBe(true);
    const unclosed = await checkTemplate(docx({ body: [p('{#findings}{number}')] }), 'audit-report');
    expect(unclosed).toMatchObject({ fillable: false, issues: [expect.objectContaining({ code: 'UNCLOSED_SECTION' })] });
    expect(await fillReportTemplate(new Uint8Array(docx({ body: [p('{#findings}{number}')] })), sampleReportInput('en'), 'en')).toMatchObject({ ok: false });
  });

  it.each(['en', 'zh-Hans'] as const)('fills the report in %s: the client, every finding number, the recommendation, the statements', async (language) => {
    const input = sampleReportInput(language);
    const filled = await fillReportTemplate(new Uint8Array(cbReportTemplate(language)), input, language);
    if (!filled.ok) throw new Error(JSON.stringify(filled.check.issues));
    const all = await text(filled.bytes);
    expect(all).toContain(input.client.name);
    for (const group of input.findingGroups) {
      expect(all).toContain(`${group.gradeName} (1)`);
      for (const finding of group.findings) expect(all).toContain(finding.number);
    }
    expect(all).toContain(input.recommendation!.text);
    expect(all).toContain(input.client.creditCode!);
    expect(all).toContain(input.statements.find((statement) => statement.item === 'conformity_effectiveness')!.verdict);
    expect(all).not.toMatch(/\{[#/]?[\w.]+\}/);
    if (language === 'zh-Hans') {
      expect(all).toContain('审核日期');
      expect(all).toContain('2027年3月15日至16日');
      expect(all).toContain('Sam Client 拒绝签字：Disagrees with the grade');
      expect(all).toContain('所收集的审核证据基于对信息的抽样');
    } else {
      expect(all).toContain('15\u2009–\u200916 March 2027');
      expect(all).toContain('Signed by Sam Client, Service manager');
    }
  });

  it('prints DRAFT where the template asks, only for a draft', async () => {
    const input = sampleReportInput('en');
    const draft = await fillReportTemplate(new Uint8Array(cbReportTemplate('en')), { ...input, draft: true }, 'en');
    const issued = await fillReportTemplate(new Uint8Array(cbReportTemplate('en')), input, 'en');
    if (!draft.ok || !issued.ok) throw new Error('not filled');
    expect((await docxParagraphs(draft.bytes)).headers.join('')).toContain('DRAFT');
    expect((await docxParagraphs(issued.bytes)).headers.join('')).not.toContain('DRAFT');
  });

  it('fills through the template service’s worker as in this thread', async () => {
    const service = new TemplateService({ workerDir: WORKER_DIR });
    const input = sampleReportInput('zh-Hans');
    const filled = await service.fillReportTemplate(cbReportTemplate('zh-Hans'), input, 'zh-Hans');
    if (!filled.ok) throw new Error(JSON.stringify(filled.check.issues));
    expect(await text(filled.bytes)).toContain(input.client.name);
    expect(await service.checkTemplate(cbReportTemplate('zh-Hans'), 'audit-report')).toMatchObject({ fillable: true, issues: [] });
  });

  it('fills the demo engagement’s report as the worker builds it, in English and Chinese', async () => {
    // The service is shut down after the test (tests/helpers/services.ts).
    const engagement = await demoReportEngagement({ complete: true });
    for (const language of ['en', 'zh-Hans'] as const) {
        const input = await engagement.input({ language });
        const filled = await fillReportTemplate(new Uint8Array(cbReportTemplate(language)), input, language);
        if (!filled.ok) throw new Error(JSON.stringify(filled.check.issues));
        const all = await text(filled.bytes);
        expect(all).toContain(input.client.name);
        const numbers = input.findingGroups.flatMap((group) => group.findings.map((finding) => finding.number));
        expect(numbers.length).toBeGreaterThan(1);
        for (const number of numbers) expect(all).toContain(number);
        expect(input.recommendation).not.toBeNull();
        expect(all).toContain(input.recommendation!.text);
        expect(all).not.toMatch(/\{[#/]?[\w.]+\}/);
    }
  });

  it('has a catalogue whose names are unique at every level', () => {
    const unique = (placeholders: typeof REPORT_PLACEHOLDERS): void => {
      expect(new Set(placeholders.map((placeholder) => placeholder.name)).size).toBe(placeholders.length);
      for (const placeholder of placeholders) if (placeholder.fields) unique(placeholder.fields);
    };
    unique(REPORT_PLACEHOLDERS);
  });
});
