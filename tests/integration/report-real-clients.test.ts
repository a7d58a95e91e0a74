// Real clients read every kind of audit report (issue 18): our layout in English and Chinese (the
// Kestrel surveillance report, its Chinese twin as a draft, the stage 1 report, an empty new
// engagement's draft), the demo engagement's completed report as the real builder makes it (English
// and Chinese, with the photo annex), and a CB's report template filled (issued, and a Chinese draft).
// LibreOffice headless converts every .docx in one batched call with a fresh profile folder;
// `pdftotext -layout` finds the client, every finding number, the grades, the recommendation, the
// headings, "Page 1 of N" … "Page N of N", and DRAFT on every page of a draft (and on none of an
// issued report), in LibreOffice's PDFs and in ours (the built documents worker: `npm run build`
// first). Skipped on a machine without the tools, failing in CI where .ci/run installs them
// (tests/helpers/real-clients.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentRenderer } from '../../electron/documents/index.ts';
import { TemplateService } from '../../electron/templates/index.ts';
import { FIXED_TEXTS, fixedText, type FixedTextKey } from '../../shared/documents/fixed-text.ts';
import { auditReportDocument } from '../../shared/documents/report-document.ts';
import type { ReportInput } from '../../shared/documents/report-input.ts';
import { demoReportEngagement } from '../fixtures/report-engagement.ts';
import { fullReportInput, minimalReportInput, stage1ReportInput } from '../fixtures/report-inputs.ts';
import { cbReportTemplate } from '../fixtures/report-template-files.ts';
import { expectConverted, libreOfficeToPdf, pdftotext, realClientsDescribe, type Conversion } from '../helpers/real-clients.ts';
import { WORKER_DIR } from '../helpers/temp.ts';

const run = realClientsDescribe('report-real-clients');

/** Long texts are compared in reading order without white space: lines wrap. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');

/**
 * The laid-out text's first column read down the page, its lines joined: a finding number wrapped in
 * the narrow first column of the template's findings table ("MCS-" / "27-0412-" / "OBS-01") reads
 * whole here (pdftotext's reading order mixes a wrapped cell with its neighbours).
 */
const firstColumn = (laidOut: string): string =>
  laidOut
    .split('\n')
    .map((line) => /^\S+/.exec(line)?.[0] ?? ' ')
    .join('');

/** Each PDF read once: its laid-out pages (pdftotext ends each with a form feed) and its squeezed reading-order text. */
const reads = new Map<string, { pages: string[]; reading: string }>();
function read(file: string): { pages: string[]; reading: string } {
  let text = reads.get(file);
  if (!text) {
    text = { pages: pdftotext(file).split('\f').slice(0, -1), reading: squeeze(pdftotext(file, { layout: false })) };
    reads.set(file, text);
  }
  return text;
}

/** Every report of this suite, in the order it is written. */
const NAMES = ['full-en', 'full-zh-draft', 'stage1-en', 'minimal-en-draft', 'template-en', 'template-zh-draft', 'demo-en', 'demo-zh'];

interface ReportCase {
  readonly name: string;
  /** Our layout (auditReportDocument: the full report, or stage 1's for a stage 1 audit), or the CB's template filled. */
  readonly kind: 'layout' | 'template';
  readonly input: ReportInput;
}

const REPORT_SECTIONS: readonly FixedTextKey[] = ['report.title', 'report.section.summary', 'report.section.parties', 'report.section.audit', 'report.section.scope', 'report.section.team', 'report.section.dates', 'report.section.results', 'report.section.findings', 'report.section.conclusions', 'report.section.disclaimer', 'report.section.signatures'];
const STAGE1_SECTIONS: readonly FixedTextKey[] = ['report.stage1Title', 'report.section.summary', 'report.section.documentReview', 'report.section.readiness', 'report.section.concerns', 'report.section.stage2Plan', 'report.section.signatures'];
/** The template's own headings (tests/fixtures/report-template-files.ts). */
const TEMPLATE_HEADINGS = { en: ['Audit report', 'Unified social credit code', 'Recommendation:', 'Audit team'], 'zh-Hans': ['审核报告', '受审核组织', '统一社会信用代码', '审核准则', '推荐意见', '审核发现', '审核组', '与审核计划的偏离', '分歧意见'] } as const;

/** What a reader must find: the finding numbers (short tokens), and the client, grades, recommendation and headings (texts that wrap). */
function expected({ input, kind }: ReportCase): { numbers: string[]; texts: string[] } {
  const language = input.document.language;
  const groups = input.findingGroups.filter((group) => group.findings.length > 0);
  const numbers = groups.flatMap((group) => group.findings.map((finding) => finding.number));
  const headings = kind === 'template' ? TEMPLATE_HEADINGS[language] : (input.audit.type === 'stage1' ? STAGE1_SECTIONS : REPORT_SECTIONS).map((key) => FIXED_TEXTS[language][key]);
  const texts = [input.client.name, ...groups.map((group) => group.gradeName), input.recommendation?.text ?? '', ...headings].filter(Boolean);
  return { numbers, texts };
}

run('every kind of audit report read by LibreOffice and pdftotext', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-report-clients-'));
  const converted = path.join(folder, 'libreoffice');
  const renderer = new DocumentRenderer({ workerDir: WORKER_DIR });
  const cases: ReportCase[] = [];
  let conversion: Conversion;

  const docx = (name: string) => path.join(folder, `${name}.docx`);
  const ours = (name: string) => path.join(folder, `${name}.pdf`);
  const theirs = (name: string) => path.join(converted, `${name}.pdf`);

  beforeAll(async () => {
    // The completed demo engagement's report as the engagement worker builds it, with the photo annex:
    // recorded in its worker while the fixtures' documents are written.
    const demo = demoReportEngagement({ complete: true });
    cases.push(
      { name: 'full-en', kind: 'layout', input: fullReportInput('en') },
      { name: 'full-zh-draft', kind: 'layout', input: fullReportInput('zh-Hans', { draft: true }) },
      { name: 'stage1-en', kind: 'layout', input: stage1ReportInput() },
      { name: 'minimal-en-draft', kind: 'layout', input: minimalReportInput('en') },
      { name: 'template-en', kind: 'template', input: fullReportInput('en') },
      { name: 'template-zh-draft', kind: 'template', input: fullReportInput('zh-Hans', { draft: true }) },
    );
    const templates = new TemplateService({ workerDir: WORKER_DIR });
    for (const { name, kind, input } of cases) {
      const language = input.document.language;
      if (kind === 'layout') {
        fs.writeFileSync(docx(name), await renderer.docx(auditReportDocument(input)));
        continue;
      }
      // The CB's template filled through the template worker, as the export does.
      const fill = await templates.fillReportTemplate(cbReportTemplate(language), input, language);
      if (!fill.ok) throw new Error(`${name}: the CB template did not fill: ${JSON.stringify(fill.check.issues)}`);
      fs.writeFileSync(docx(name), fill.bytes);
    }
    const engagement = await demo;
    for (const [name, language] of [['demo-en', 'en'], ['demo-zh', 'zh-Hans']] as const) {
      const input = await engagement.input({ language, photos: true });
      cases.push({ name, kind: 'layout', input });
      fs.writeFileSync(docx(name), await renderer.docx(auditReportDocument(input)));
    }
    // One batched call for every .docx, while our renderer writes the PDFs.
    const soffice = libreOfficeToPdf(cases.map(({ name }) => docx(name)), converted, folder);
    for (const { name, kind, input } of cases) if (kind === 'layout') fs.writeFileSync(ours(name), await renderer.pdf(auditReportDocument(input)));
    conversion = await soffice;
  }, 300_000);
  afterAll(async () => {
    await renderer.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('LibreOffice converts every .docx to PDF without error', () => {
    expectConverted(conversion);
    expect(cases.map(({ name }) => name)).toEqual(NAMES);
    for (const { name } of cases) expect(fs.statSync(theirs(name)).size, name).toBeGreaterThan(10_000);
  });

  it('the demo engagement’s completed report is issued, with findings, a recommendation and photos to look for', () => {
    for (const name of ['demo-en', 'demo-zh']) {
      const { input } = cases.find((report) => report.name === name)!;
      expect(input.draft, name).toBe(false);
      expect(input.findingGroups.flatMap((group) => group.findings).length, name).toBeGreaterThan(1);
      expect(input.recommendation?.text, name).toBeTruthy();
      expect(input.photos.length, name).toBeGreaterThan(0);
    }
  });

  describe.each(NAMES)('%s', (name) => {
    const report = () => cases.find((entry) => entry.name === name)!;
    /** Ours and LibreOffice's for our layout; LibreOffice's for a filled template (the app exports it as .docx only). */
    const files = () => (report().kind === 'template' ? [theirs(name)] : [ours(name), theirs(name)]);

    it('shows the client, every finding number, the grades, the recommendation and the headings', () => {
      const { numbers, texts } = expected(report());
      if (name !== 'minimal-en-draft') expect(numbers.length).toBeGreaterThan(1);
      for (const file of files()) {
        const { pages, reading } = read(file);
        const laidOut = pages.join('\f');
        for (const number of numbers) expect(report().kind === 'template' ? firstColumn(laidOut) : laidOut, `${number} in ${file}`).toContain(number);
        for (const text of texts) expect(reading, `${text} in ${file}`).toContain(squeeze(text));
        if (report().input.document.language === 'zh-Hans') {
          expect(laidOut, file).toContain('轻微不符合');
          expect(laidOut, file).not.toContain('不合格');
        }
      }
    });

    it('numbers its pages “Page 1 of N” … “Page N of N” in its language', () => {
      if (report().kind === 'template') return; // a CB's template numbers its pages as the CB wrote it (this one does not)
      const t = fixedText(report().input.document.language);
      for (const file of files()) {
        const { pages } = read(file);
        expect(pages.length, file).toBeGreaterThan(1);
        pages.forEach((page, index) => expect(page, `page ${index + 1} of ${file}`).toContain(t('engine.pageNumber', { page: index + 1, pages: pages.length })));
      }
    });

    it('prints DRAFT on every page of a draft (each page read on its own), and on none of an issued report', () => {
      const { input } = report();
      const watermark = fixedText(input.document.language)('report.watermark');
      for (const file of files()) {
        const { pages } = read(file);
        pages.forEach((page, index) => {
          if (input.draft) expect(pdftotext(file, { pages: [index + 1, index + 1] }), `page ${index + 1} of ${file}`).toContain(watermark);
          else expect(page, `page ${index + 1} of ${file}`).not.toContain(watermark);
        });
      }
    });
  });
});
