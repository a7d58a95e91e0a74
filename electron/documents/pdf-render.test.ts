// The PDF renderer in the built documents worker (dist/workers/document-worker.cjs): the plan in
// both languages with the shipped font subset into the file, refusals crossing the worker as codes,
// and no request to the network or the disk from pdfmake.
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { contentWidthMm, resolveWidthsMm } from '../../shared/documents/model.ts';
import { planDocument } from '../../shared/documents/plan-document.ts';
import { DOCUMENT_LANGUAGES } from '../../shared/documents/plan-input.ts';
import { everyBlockDocument, samplePlanInput } from '../../tests/fixtures/plan-documents.ts';
import { WORKER_DIR } from '../../tests/helpers/temp.ts';
import { DocumentError } from './document-error.ts';
import { DocumentRenderer } from './document-renderer.ts';
import { builtFontDir, readPdfFonts } from './pdf-fonts.ts';
import { pdfDefinition, renderPdfBytes, scriptSegments } from './pdf-render.ts';
import { ptFromMm } from './theme.ts';

const renderer = new DocumentRenderer({ workerDir: WORKER_DIR });
afterAll(() => renderer.close());

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe.each(DOCUMENT_LANGUAGES)('the audit plan as PDF (%s)', (language) => {
  it('is a PDF with the shipped font embedded as a subset, and small', async () => {
    const bytes = await renderer.pdf(planDocument(samplePlanInput(language)));
    const text = latin1(bytes);
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
    // The font files are 10.5 MB each: a subset keeps the plan in the low hundreds of KB.
    expect(bytes.length).toBeLessThan(400 * 1024);
    expect(text).toContain('/Title');
  });
});

describe('the PDF renderer', () => {
  it('renders every kind of block, the page break giving a page of its own', async () => {
    const bytes = await renderer.pdf(everyBlockDocument());
    expect(latin1(bytes).match(/\/Type \/Page\b/g)).toHaveLength(2);
  });

  it('renders the .docx in the same worker', async () => {
    const bytes = await renderer.docx(planDocument(samplePlanInput('en')));
    expect(latin1(bytes.subarray(0, 2))).toBe('PK');
  });

  it('refuses a remote logo with a code that crosses the worker, and keeps serving', async () => {
    const input = samplePlanInput('zh-Hans');
    const document = planDocument({ ...input, certificationBody: { ...input.certificationBody, logoDataUrl: 'https://cb.example/logo.png' } });
    const error = await renderer.pdf(document).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentError);
    expect(error).toMatchObject({ code: 'DOCUMENT_IMAGE_REFUSED', params: { problem: 'remote' } });
    expect((await renderer.pdf(planDocument(input))).length).toBeGreaterThan(1000);
  });

  it('warms up without answering anything, and renders after it', async () => {
    const warmed = new DocumentRenderer({ workerDir: WORKER_DIR });
    try {
      await expect(warmed.warmUp()).resolves.toBeUndefined();
      expect(latin1((await warmed.pdf(planDocument(samplePlanInput('zh-Hans')))).subarray(0, 5))).toBe('%PDF-');
    } finally {
      await warmed.close();
    }
    const broken = new DocumentRenderer({ workerDir: path.join(WORKER_DIR, 'not-here') });
    await expect(broken.warmUp()).resolves.toBeUndefined();
    await expect(broken.pdf(planDocument(samplePlanInput('en')))).rejects.toMatchObject({ code: 'DOCUMENT_RENDER_FAILED' });
    await broken.close();
  });

  it('says which font is missing', async () => {
    const missing = new DocumentRenderer({ workerDir: WORKER_DIR, fontDir: path.join(WORKER_DIR, 'no-fonts-here') });
    try {
      const error = await missing.pdf(planDocument(samplePlanInput('en'))).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'DOCUMENT_FONT_MISSING' });
      expect((error as DocumentError).params.path).toContain('NotoSansSC_400Regular.ttf');
    } finally {
      await missing.close();
    }
  });

  it('fails the requests in flight when closed', async () => {
    const closing = new DocumentRenderer({ workerDir: WORKER_DIR });
    const outcome = closing.pdf(planDocument(samplePlanInput('en'))).catch((e: unknown) => e);
    await closing.close();
    expect(await outcome).toMatchObject({ code: 'DOCUMENT_RENDER_FAILED' });
  });

  it('never calls the network, whatever the document', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    try {
      const fonts = readPdfFonts(builtFontDir(WORKER_DIR));
      const input = samplePlanInput('en');
      for (const logoDataUrl of ['https://cb.example/logo.png', 'http://127.0.0.1:9/logo.png', '//cb.example/logo.png']) {
        const document = planDocument({ ...input, certificationBody: { ...input.certificationBody, logoDataUrl } });
        await expect(renderPdfBytes(document, fonts)).rejects.toMatchObject({ code: 'DOCUMENT_IMAGE_REFUSED' });
      }
      expect((await renderPdfBytes(planDocument(input), fonts)).length).toBeGreaterThan(1000);
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      fetch.mockRestore();
    }
  });

  it('gives tables the same widths as the .docx: the text width, column by column', () => {
    const model = planDocument(samplePlanInput('en'));
    const definition = pdfDefinition(model);
    const tables = (definition.content as { table?: { widths: number[] } }[]).filter((node) => node.table);
    expect(tables.length).toBeGreaterThan(6);
    const width = ptFromMm(contentWidthMm(model.page));
    for (const node of tables) {
      const cols = node.table!.widths;
      // Each column's content box plus its padding and a rule: the whole text width.
      const total = cols.reduce((sum, w) => sum + w, 0) + cols.length * (2 * ptFromMm(1.6) + 0.5) + 0.5;
      expect(Math.abs(total - width)).toBeLessThan(1);
    }
    expect(resolveWidthsMm([{ fraction: 1 }], 10)).toEqual([10]);
  });

  it('cuts text between Chinese and Latin, quotes going with the letters they touch', () => {
    expect(scriptSegments('client’s plan')).toEqual([{ text: 'client’s plan', latin: true }]);
    expect(scriptSegments('审核“计划”')).toEqual([{ text: '审核“计划”', latin: false }]);
    expect(scriptSegments('ISO/IEC 20000-1 的结合审核')).toEqual([
      { text: 'ISO/IEC 20000-1', latin: true },
      { text: ' 的结合审核', latin: false },
    ]);
  });
});
