// A heading never ends a PDF page, without pdfmake laying the document out again (pdf-keep.ts): the
// heading lands at every height near a page's foot (more or less text before it) and must share its
// page with the first row of a tall table, with a second heading, or with text; what follows starts
// right under it.
import { describe, expect, it } from 'vitest';
import { cell, heading, paragraph, type Block, type DocumentModel } from '../../shared/documents/model.ts';
import { planDocument } from '../../shared/documents/plan-document.ts';
import { samplePlanInput } from '../../tests/fixtures/plan-documents.ts';
import { WORKER_DIR } from '../../tests/helpers/temp.ts';
import { builtFontDir, readPdfFonts } from './pdf-fonts.ts';
import { KEEP_BELOW_HEADING_MM } from './pdf-keep.ts';
import { pdfDefinition, renderPdfBytes } from './pdf-render.ts';
import { MM_PER_PT } from './theme.ts';

const fonts = readPdfFonts(builtFontDir(WORKER_DIR));

/** Each page's lines of text (pieces at one height joined), top to bottom, with their height from the page's top in points. */
async function pageLines(bytes: Uint8Array): Promise<{ text: string; y: number }[][]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loading = getDocument({ data: bytes.slice(), useWorkerFetch: false, disableFontFace: true, verbosity: 0 });
  try {
    const pdf = await loading.promise;
    const pages: { text: string; y: number }[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const height = page.view[3]!;
      const lines = new Map<number, string[]>();
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || !item.str.trim() || Math.abs(item.transform[1] as number) > 0.01) continue;
        const y = Math.round(height - (item.transform[5] as number));
        lines.set(y, [...(lines.get(y) ?? []), item.str]);
      }
      pages.push([...lines].sort(([a], [b]) => a - b).map(([y, texts]) => ({ y, text: texts.join(' ') })));
    }
    return pages;
  } finally {
    await loading.destroy();
  }
}

/** The plan's frame (header, footer, page) around `blocks`: `before` one-line paragraphs, then the blocks. */
function document(before: number, blocks: Block[]): DocumentModel {
  const frame = planDocument(samplePlanInput('en'));
  const filler = Array.from({ length: before }, (_, index) => paragraph(`Filler paragraph ${index + 1}`));
  return { ...frame, blocks: [...filler, ...blocks] };
}

const tallTable: Block = {
  kind: 'table',
  columns: [
    { header: 'Clause', width: { mm: 25 } },
    { header: 'What was seen', width: { fraction: 1 } },
  ],
  rows: [{ cells: [cell('8.5.1'), cell(Array.from({ length: 12 }, (_, i) => `Tall row line ${i + 1}`).join('\n'))] }, { cells: [cell('8.5.2'), cell('Second row')] }],
};

/** The page (0-based) and line a text starts on. */
function find(pages: { text: string; y: number }[][], text: string): { page: number; line: number; y: number } {
  for (const [page, lines] of pages.entries()) {
    const line = lines.findIndex((candidate) => candidate.text.includes(text));
    if (line >= 0) return { page, line, y: lines[line]!.y };
  }
  throw new Error(`${text} is not in the PDF`);
}

/** The lines of the body (the running header and footer left out). */
const bodyOf = (lines: { text: string; y: number }[]): { text: string; y: number }[] => lines.filter((line) => line.y > 90 && line.y < 842 - 50);

describe('a heading at the foot of a PDF page', () => {
  // About 32 one-line paragraphs fill a page: these put the heading at every height over the last third of the first.
  const sweep = Array.from({ length: 14 }, (_, i) => 20 + i);

  it('goes with the header row and the whole first row of the table under it, however tall', async () => {
    for (const before of sweep) {
      const pages = await pageLines(await renderPdfBytes(document(before, [heading(2, 'Records seen'), tallTable]), fonts));
      const title = find(pages, 'Records seen');
      expect(find(pages, 'What was seen').page, `${before} paragraphs before`).toBe(title.page);
      expect(find(pages, 'Tall row line 12').page, `${before} paragraphs before`).toBe(title.page);
    }
  });

  it('keeps two headings in a row together, with the text after them', async () => {
    for (const before of sweep) {
      const pages = await pageLines(await renderPdfBytes(document(before, [heading(1, '9  Audit findings'), heading(2, 'Minor nonconformity (2)'), paragraph('The first finding’s statement.')]), fonts));
      const first = find(pages, 'Audit findings');
      expect(find(pages, 'Minor nonconformity').page, `${before} paragraphs before`).toBe(first.page);
      expect(find(pages, 'first finding').page, `${before} paragraphs before`).toBe(first.page);
      // And at least the floor of room under the second heading, or a page of its own.
      const text = bodyOf(pages[first.page]!);
      expect(text.at(-1)!.text).not.toContain('Minor nonconformity');
    }
  });

  it('leaves no room behind: what follows starts right under the heading, and a heading that moves starts its page', async () => {
    const pages = await pageLines(await renderPdfBytes(document(5, [heading(2, 'Records seen'), tallTable, paragraph('After the table')]), fonts));
    const title = find(pages, 'Records seen');
    const header = find(pages, 'What was seen');
    expect(header.page).toBe(title.page);
    // The heading's line, its space below and the table's top padding: well under a centimetre.
    expect((header.y - title.y) * MM_PER_PT).toBeLessThan(10);
    expect((find(pages, 'After the table').y - find(pages, 'Second row').y) * MM_PER_PT).toBeLessThan(12);

    const moved = await pageLines(await renderPdfBytes(document(31, [heading(2, 'Records seen'), tallTable]), fonts));
    const at = find(moved, 'Records seen');
    expect(at.page).toBe(1);
    expect(bodyOf(moved[1]!)[0]!.text).toContain('Records seen');
  });

  it('needs no second layout: the definition has no page-break callback, and the floor is the room before measuring', () => {
    const definition = pdfDefinition(document(0, [heading(2, 'Records seen'), tallTable]));
    expect(definition.pageBreakBefore).toBeUndefined();
    const stack = (definition.content as { unbreakable?: boolean; margin?: number[]; stack?: { margin?: number[] }[] }[]).find((node) => node.unbreakable && node.stack);
    expect(stack?.margin?.[3]).toBeCloseTo(-KEEP_BELOW_HEADING_MM / MM_PER_PT, 3);
  });
});
