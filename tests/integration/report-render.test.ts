// The audit report through the real renderers (the built documents worker): the Kestrel surveillance
// report and its Chinese twin as PDF and .docx, read back — every section, the findings' statements,
// "Page X of Y", the photos with their captions and alternative texts, the drawn signatures, and a
// draft's DRAFT across every PDF page. Needs `npm run build` (dist/workers, dist/fonts).
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentRenderer } from '../../electron/documents/index.ts';
import { FIXED_TEXTS, fixedText } from '../../shared/documents/fixed-text.ts';
import { DOCUMENT_LANGUAGES } from '../../shared/documents/plan-input.ts';
import { auditReportDocument } from '../../shared/documents/report-document.ts';
import { fullReportInput } from '../fixtures/report-inputs.ts';
import { docxParagraphs, openDocx } from '../helpers/docx-text.ts';
import { pdfPages } from '../helpers/pdf-text.ts';
import { WORKER_DIR } from '../helpers/temp.ts';

const renderer = new DocumentRenderer({ workerDir: WORKER_DIR });
afterAll(() => renderer.close());

/** pdf.js gives text in pieces with spaces between some of them: compare without white space. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');

describe.each(DOCUMENT_LANGUAGES)('the audit report rendered (%s)', (language) => {
  const input = fullReportInput(language, { draft: true });
  const model = auditReportDocument(input);
  const t = fixedText(language);
  const sections = ['summary', 'parties', 'audit', 'scope', 'team', 'dates', 'deviations', 'results', 'findings', 'earlier', 'conclusions', 'disclaimer', 'signatures', 'photos'] as const;
  const findings = input.findingGroups.flatMap((group) => group.findings);

  it('as PDF: every section, the statements, page numbers, the photos’ captions and DRAFT on every page', async () => {
    const pages = await pdfPages(await renderer.pdf(model));
    const all = squeeze(pages.map((page) => page.text).join(' '));
    for (const section of sections) expect(all, section).toContain(squeeze(FIXED_TEXTS[language][`report.section.${section}`]));
    for (const finding of findings) expect(all).toContain(squeeze(finding.notFulfilled));
    for (const photo of input.photos) expect(all).toContain(squeeze(photo.caption));
    expect(all).toContain(squeeze(t('engine.pageNumber', { page: 1, pages: pages.length })));
    for (const page of pages) expect(page.pieces.some((piece) => piece.text.includes(t('report.watermark')) && piece.angleDeg !== 0)).toBe(true);
  });

  it('as .docx: every section, the statements, the photos with alternative texts and the signatures as pictures', async () => {
    const bytes = await renderer.docx(model);
    const { body, headers } = await docxParagraphs(bytes);
    const all = body.join('\n');
    for (const section of sections) expect(all, section).toContain(FIXED_TEXTS[language][`report.section.${section}`]);
    for (const finding of findings) expect(all).toContain(finding.notFulfilled);
    expect(headers.join('\n')).toContain(t('report.watermark'));
    const docx = await openDocx(bytes);
    const xml = await docx.xml('word/document.xml');
    for (const photo of input.photos) expect(xml).toContain(photo.caption);
    // A draft is not signed; the issued report carries the drawn signatures.
    for (const person of input.signatories) expect(xml).not.toContain(t('ncForm.signatureOf', { name: person.name }));
    const issuedXml = await (await openDocx(await renderer.docx(auditReportDocument(fullReportInput(language))))).xml('word/document.xml');
    for (const person of input.signatories) expect(issuedXml).toContain(t('ncForm.signatureOf', { name: person.name }));
    expect(docx.files.filter((name) => name.startsWith('word/media/')).length).toBeGreaterThan(0);
  });
});
