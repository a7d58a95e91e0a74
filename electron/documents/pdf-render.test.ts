// The PDF renderer in the built documents worker (dist/workers/document-worker.cjs): the plan in
// both languages with the shipped font subset into the file, refusals crossing the worker as codes,
// no request to the network or the disk from pdfmake, photos with their captions, and a draft's
// watermark on every page.
import path from 'node:path';
import pdfmake from 'pdfmake';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { contentWidthMm, resolveWidthsMm } from '../../shared/documents/model.ts';
import { planDocument } from '../../shared/documents/plan-document.ts';
import { DOCUMENT_LANGUAGES } from '../../shared/documents/plan-input.ts';
import { everyBlockDocument, samplePlanInput } from '../../tests/fixtures/plan-documents.ts';
import { photoBlock, photoDataUrl, planWith } from '../../tests/fixtures/document-photos.ts';
import { pdfPages } from '../../tests/helpers/pdf-text.ts';
import { WORKER_DIR } from '../../tests/helpers/temp.ts';
import { DocumentError } from './document-error.ts';
import { DocumentRenderer } from './document-renderer.ts';
import { builtFontDir, readPdfFonts } from './pdf-fonts.ts';
import { pdfDefinition, renderPdfBytes } from './pdf-render.ts';
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
});

describe('the image block in the PDF', () => {
  const photos = Promise.all([photoDataUrl(1200, 1600), photoDataUrl(640, 360, 'png')]);

  it('embeds each picture once, the JPEG as it is, and prints the captions', async () => {
    const [tall, wide] = await photos;
    const model = planWith([
      photoBlock(tall.dataUrl, { widthPx: 1200, heightPx: 1600 }),
      photoBlock(wide.dataUrl, { widthPx: 640, heightPx: 360 }, { caption: 'Backup console', maxWidthMm: 80 }),
      photoBlock(tall.dataUrl, { widthPx: 1200, heightPx: 1600 }, { caption: 'The same photo again' }),
    ]);
    const bytes = await renderer.pdf(model);
    const text = latin1(bytes);
    // The tall JPEG (twice on the pages, once in the file), the wide PNG, the logo and its alpha (an SMask image).
    expect(text.match(/\/Subtype \/Image/g)).toHaveLength(4);
    expect(text).toMatch(/\/Width 1200[\s\S]{0,200}\/Height 1600|\/Height 1600[\s\S]{0,200}\/Width 1200/);
    expect(text).toContain('/DCTDecode');
    // The JPEG's own bytes: pdfkit passes a JPEG through untouched.
    expect(Buffer.from(bytes).includes(tall.bytes)).toBe(true);
    const all = (await pdfPages(bytes)).map((page) => page.text).join('\n');
    for (const caption of ['Photo 1 — Server room, rack 4', 'Taken on 14 Mar 2026', 'Backup console', 'The same photo again']) expect(all).toContain(caption);
  });

  it('sizes a picture as the .docx does, and keeps it with its caption', async () => {
    const [tall] = await photos;
    const definition = pdfDefinition(planWith([photoBlock(tall.dataUrl, { widthPx: 1200, heightPx: 1600 })]));
    const node = (definition.content as { stack?: { image?: string; width?: number; height?: number }[]; unbreakable?: boolean }[]).at(-1)!;
    expect(node.unbreakable).toBe(true);
    const picture = node.stack![0]!;
    expect(picture.image).toMatch(/\.jpg$/);
    expect(picture.height).toBeCloseTo(ptFromMm(100), 3);
    expect(picture.width).toBeCloseTo(ptFromMm(75), 3);
  });

  it('refuses a photo that is not a PNG or JPEG data URL, across the worker', async () => {
    const error = await renderer.pdf(planWith([photoBlock('data:image/gif;base64,R0lGODlhAQABAAAAACw=', { widthPx: 1, heightPx: 1 })])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentError);
    expect(error).toMatchObject({ code: 'DOCUMENT_IMAGE_REFUSED', params: { problem: 'unsupported-type', what: 'Server room, rack 4' } });
  });

  it('leaves no picture in pdfmake\'s virtual files after a render, whatever its outcome', async () => {
    const [tall, wide] = await photos;
    const fonts = readPdfFonts(builtFontDir(WORKER_DIR));
    const files = (pdfmake as unknown as { virtualfs: { storage: Record<string, unknown> } }).virtualfs.storage;
    await renderPdfBytes(planWith([photoBlock(tall.dataUrl, { widthPx: 1200, heightPx: 1600 }), photoBlock(wide.dataUrl, { widthPx: 640, heightPx: 360 })]), fonts);
    // A PNG pdfkit cannot read fails the render after the pictures went in.
    const broken = `data:image/png;base64,${Buffer.concat([Buffer.from(wide.bytes.subarray(0, 33)), Buffer.alloc(64)]).toString('base64')}`;
    await expect(renderPdfBytes(planWith([photoBlock(broken, { widthPx: 640, heightPx: 360 })]), fonts)).rejects.toMatchObject({ code: 'DOCUMENT_RENDER_FAILED' });
    expect(Object.keys(files).filter((name) => name.includes('image'))).toEqual([]);
  });
});

describe.each([
  ['en', 'DRAFT'],
  ['zh-Hans', '草稿'],
] as const)('a draft PDF (%s)', (language, word) => {
  it(`prints "${word}" across every page, diagonally, and in the header`, async () => {
    const bytes = await renderer.pdf(planWith([], { watermark: word }, language));
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      const marks = page.pieces.filter((piece) => piece.text === word);
      // The header's word, level, and the watermark, along the page's diagonal (55° on A4 portrait).
      expect(marks.map((mark) => Math.abs(mark.angleDeg)).sort((a, b) => a - b)).toEqual([0, 55]);
    }
  });

  it('prints no watermark when the document is issued', async () => {
    const pages = await pdfPages(await renderer.pdf(planDocument(samplePlanInput(language))));
    for (const page of pages) expect(page.pieces.some((piece) => piece.text === word || piece.angleDeg !== 0)).toBe(false);
  });
});
