/**
 * The document model as a PDF (pdfmake, pure JS). Runs in the documents worker (pdf-worker.ts), never
 * on the main thread. pdfmake's URL and local-file access are both turned off: the only font is the
 * one shipped with the app (handed over as bytes, subset into each PDF), and images come only from
 * `data:` URLs checked beforehand (a web address is refused with DOCUMENT_IMAGE_REFUSED).
 */
import pdfmake from 'pdfmake';
import type { Content, ContentTable, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fitImageMm, type DocumentImage } from '../../shared/documents/image.ts';
import {
  contentWidthMm,
  resolveWidthsMm,
  type Block,
  type DocumentModel,
  type FormBlock,
  type FormRow,
  type ImageBlock,
  type Inline,
  type RowTone,
  type TableBlock,
  type TableCell as ModelCell,
  lines as splitLines,
} from '../../shared/documents/model.ts';
import { DocumentError, requireImage } from './document-error.ts';
import { KeepGroup, measureKeeps } from './pdf-keep.ts';
import { runs, textOf } from './pdf-text.ts';
import { THEME, imageBlockSizeMm, pageSizeMm, ptFromMm, watermarkLayout } from './theme.ts';

/** The shipped CJK font (Noto Sans SC, OFL): its Latin glyphs serve English documents too. */
export interface PdfFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

const FONT = 'NotoSansSC';
const color = (hex: string): string => `#${hex}`;
const PAD_X = ptFromMm(THEME.cellPaddingMm.x);
const PAD_Y = ptFromMm(THEME.cellPaddingMm.y);
const RULE = THEME.ruleWidthPt;

const GRID: CustomTableLayout = {
  hLineWidth: () => RULE,
  vLineWidth: () => RULE,
  hLineColor: () => color(THEME.color.rule),
  vLineColor: () => color(THEME.color.rule),
  paddingLeft: () => PAD_X,
  paddingRight: () => PAD_X,
  paddingTop: () => PAD_Y,
  paddingBottom: () => PAD_Y,
};

/** Column widths as pdfmake wants them: the cell's content box, without padding and rules. */
function innerWidthsPt(widthsMm: readonly number[]): number[] {
  return widthsMm.map((mm) => Math.max(4, ptFromMm(mm) - 2 * PAD_X - RULE) - (RULE / widthsMm.length));
}

/** A cell's lines: one text when it has one line (most cells: no stack for pdfmake to lay out around it). */
function cellStack(lines: readonly Inline[], extra: Record<string, unknown> = {}): TableCell {
  if (lines.length <= 1) return { ...(runs(lines[0] ?? []) as object), ...extra } as TableCell;
  return { stack: lines.map(runs), ...extra } as TableCell;
}

const TONE_FILL: Record<RowTone, string | undefined> = { normal: undefined, muted: undefined, emphasis: color(THEME.color.emphasisFill) };

function headerCell(text: string, align?: string): TableCell {
  return { ...textOf(text, true), color: color(THEME.color.accent), fillColor: color(THEME.color.headerFill), alignment: align ?? 'left' } as TableCell;
}

function dataTable(block: TableBlock, availableMm: number): ContentTable {
  const widths = resolveWidthsMm(
    block.columns.map((column) => column.width),
    availableMm,
  );
  const body: TableCell[][] = [block.columns.map((column) => headerCell(column.header, column.align))];
  for (const row of block.rows) {
    const cells: TableCell[] = [];
    let column = 0;
    const tone = row.tone ?? 'normal';
    for (const modelCell of row.cells as readonly ModelCell[]) {
      const span = Math.min(modelCell.span ?? 1, block.columns.length - column);
      cells.push(
        cellStack(modelCell.lines, {
          ...(span > 1 ? { colSpan: span } : {}),
          ...(TONE_FILL[tone] ? { fillColor: TONE_FILL[tone] } : {}),
          ...(tone === 'muted' ? { color: color(THEME.color.mutedText) } : {}),
          alignment: block.columns[column]?.align ?? 'left',
        }),
      );
      for (let i = 1; i < span; i++) cells.push({ text: '' });
      column += span;
    }
    while (column < block.columns.length) {
      cells.push({ text: '' });
      column += 1;
    }
    body.push(cells);
  }
  return {
    table: { widths: innerWidthsPt(widths), headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, body },
    layout: GRID,
    fontSize: THEME.sizePt.table,
    margin: [0, 0, 0, 8],
  };
}

/**
 * The pictures of one PDF (the logo, drawn signatures, photos), each decoded once by requireImage —
 * which refuses anything but a PNG or JPEG `data:` URL — and handed to pdfmake as those bytes under a
 * virtual file name (its key), so pdfkit does not decode the base64 a second time. The same picture
 * twice is one entry (and one image object in the PDF).
 */
class PdfImages {
  private readonly byUrl = new Map<string, string>();
  readonly byKey = new Map<string, DocumentImage>();

  constructor(private readonly prefix: string) {}

  add(dataUrl: string, what: string): { key: string; image: DocumentImage } {
    const known = this.byUrl.get(dataUrl);
    if (known) return { key: known, image: this.byKey.get(known)! };
    const image = requireImage(dataUrl, what);
    const key = `${this.prefix}-${this.byKey.size + 1}.${image.type}`;
    this.byUrl.set(dataUrl, key);
    this.byKey.set(key, image);
    return { key, image };
  }
}

/**
 * A form as pdfmake tables of the same column widths, one per section (the section's title is its
 * header row: kept with the first box, repeated when the section runs onto the next page). Boxes stay
 * whole unless the section has a breakable one (a long statement): pdfmake keeps rows whole per table.
 */
function formTables(block: FormBlock, availableMm: number, images: PdfImages): ContentTable[] {
  const widths = resolveWidthsMm(block.columns, availableMm);
  const groups: FormRow[][] = [];
  for (const row of block.rows) {
    if (row.kind === 'section' || !groups.length) groups.push([row]);
    else groups[groups.length - 1]!.push(row);
  }
  return groups.map((group, index) => {
    const body: TableCell[][] = [];
    const heights: (number | 'auto')[] = [];
    for (const row of group) {
      if (row.kind === 'section') {
        body.push([
          { ...(runs([{ text: row.text, bold: true }]) as object), color: color(THEME.color.accent), fillColor: color(THEME.color.headerFill), fontSize: THEME.sizePt.table + 0.5, colSpan: widths.length } as TableCell,
          ...Array.from({ length: widths.length - 1 }, (): TableCell => ({ text: '' })),
        ]);
        heights.push('auto');
        continue;
      }
      const cells: TableCell[] = [];
      let column = 0;
      for (const box of row.fields) {
        const span = Math.max(1, Math.min(box.span ?? 1, widths.length - column));
        const widthMm = widths.slice(column, column + span).reduce((sum, value) => sum + value, 0);
        const stack: Content[] = [];
        if (box.label) stack.push({ ...(runs([{ text: box.label, bold: !box.shaded }]) as object), fontSize: THEME.sizePt.formLabel, color: color(THEME.color.muted), margin: [0, 0, 0, 1.5] } as Content);
        stack.push(...box.lines.map(runs));
        if (box.image) {
          const { key, image } = images.add(box.image.dataUrl, box.image.description);
          const fitted = fitImageMm(image, box.image.heightMm, Math.min(box.image.maxWidthMm, widthMm - 2 * THEME.cellPaddingMm.x));
          stack.push({ image: key, width: ptFromMm(fitted.widthMm), height: ptFromMm(fitted.heightMm), margin: [0, 1, 0, 0] } as Content);
        }
        cells.push({ stack, ...(span > 1 ? { colSpan: span } : {}), ...(box.shaded ? { fillColor: color(THEME.color.keyFill) } : {}) } as TableCell);
        for (let i = 1; i < span; i++) cells.push({ text: '' });
        column += span;
      }
      if (column < widths.length) {
        cells.push({ text: '', ...(widths.length - column > 1 ? { colSpan: widths.length - column } : {}) } as TableCell);
        for (let i = column + 1; i < widths.length; i++) cells.push({ text: '' });
      }
      body.push(cells);
      heights.push(row.minHeightMm ? ptFromMm(row.minHeightMm) - 2 * PAD_Y : 'auto');
    }
    const titled = group[0]?.kind === 'section' && group.length > 1;
    return {
      table: {
        widths: innerWidthsPt(widths),
        ...(titled ? { headerRows: 1, keepWithHeaderRows: 1 } : {}),
        dontBreakRows: !group.some((row) => row.kind === 'fields' && row.breakable),
        body,
        heights: (row: number) => heights[row] ?? 'auto',
      },
      layout: GRID,
      fontSize: THEME.sizePt.table,
      // The tables of one form meet on a shared rule; the last leaves the usual space under it.
      margin: [0, 0, 0, index === groups.length - 1 ? 8 : 0],
    } as ContentTable;
  });
}

/** A picture on its own, its caption under it; the two never part across a page break. */
function imageContent(block: ImageBlock, availableMm: number, images: PdfImages): Content {
  const { key, image } = images.add(block.dataUrl, block.description || 'image');
  const size = imageBlockSizeMm(image, block, availableMm);
  const caption = block.caption.trim() ? splitLines(block.caption) : [];
  return {
    stack: [
      { image: key, width: ptFromMm(size.widthMm), height: ptFromMm(size.heightMm), alignment: 'center' },
      ...(caption.length ? [{ stack: caption.map(runs), fontSize: THEME.sizePt.note, color: color(THEME.color.muted), alignment: 'center', margin: [0, 2, 0, 0] } as Content] : []),
    ],
    unbreakable: true,
    margin: [0, 4, 0, 8],
  } as Content;
}

function blockContent(block: Block, availableMm: number, images: PdfImages): Content[] {
  switch (block.kind) {
    case 'image':
      return [imageContent(block, availableMm, images)];
    case 'form':
      return formTables(block, availableMm, images);
    case 'title':
      return [
        { ...textOf(block.title, true), fontSize: THEME.sizePt.title, color: color(THEME.color.accent), margin: [0, 0, 0, 2] } as Content,
        { ...textOf(block.subtitle ?? ''), fontSize: THEME.sizePt.subtitle, color: color(THEME.color.muted), margin: [0, 0, 0, 5] } as Content,
        {
          canvas: [{ type: 'line', x1: 0, y1: 0, x2: ptFromMm(availableMm), y2: 0, lineWidth: 1.5, lineColor: color(THEME.color.accent) }],
          margin: [0, 0, 0, 10],
        },
      ];
    case 'heading': {
      const size = { 1: THEME.sizePt.h1, 2: THEME.sizePt.h2, 3: THEME.sizePt.h3 }[block.level];
      const spacing: Record<1 | 2 | 3, [number, number]> = {
        1: [THEME.spacingPt.h1Before, THEME.spacingPt.h1After],
        2: [THEME.spacingPt.h2Before, THEME.spacingPt.h2After],
        3: [THEME.spacingPt.h3Before, THEME.spacingPt.h3After],
      };
      const [before, after] = spacing[block.level];
      return [{ ...textOf(block.text, true), fontSize: size, color: color(THEME.color.accent), margin: [0, before, 0, after] } as Content];
    }
    case 'paragraph':
      return [
        {
          ...(runs(block.content) as object),
          alignment: block.align,
          ...(block.tone === 'note' ? { fontSize: THEME.sizePt.note, color: color(THEME.color.muted) } : block.tone === 'lead' ? { fontSize: THEME.sizePt.subtitle } : {}),
          margin: [0, 0, 0, block.tone === 'note' ? 6 : THEME.spacingPt.paragraphAfter],
        } as Content,
      ];
    case 'keyValue': {
      const widths = resolveWidthsMm([block.keyWidth, { fraction: 1 }], availableMm);
      return [
        {
          table: {
            widths: innerWidthsPt(widths),
            dontBreakRows: true,
            body: block.rows.map((row) => [
              { ...textOf(row.key), color: color(THEME.color.muted), fillColor: color(THEME.color.keyFill) } as TableCell,
              cellStack(row.value),
            ]),
          },
          layout: GRID,
          fontSize: THEME.sizePt.table,
          margin: [0, 0, 0, 8],
        },
      ];
    }
    case 'table':
      return [dataTable(block, availableMm)];
    case 'list':
      return [{ ul: block.items.map(runs), margin: [4, 0, 0, 4] } as Content];
    case 'contents':
      return [
        { text: block.title, fontSize: THEME.sizePt.h1, bold: true, color: color(THEME.color.accent), margin: [0, 0, 0, 6] },
        ...block.entries.map(
          (entry): Content =>
            ({
              ...textOf(entry.text, entry.level === 1),
              fontSize: THEME.sizePt.contents,
              margin: [ptFromMm((entry.level - 1) * 6), entry.level === 1 ? 3 : 0, 0, 1],
            }) as Content,
        ),
        { text: '', margin: [0, 0, 0, 8] },
      ];
    case 'pageBreak':
      return [{ text: '', pageBreak: 'after' }];
    case 'signatures': {
      const widths = resolveWidthsMm([{ fraction: 0.3 }, { fraction: 0.26 }, { fraction: 0.28 }, { fraction: 0.16 }], availableMm);
      const { labels } = block;
      return [
        {
          table: {
            widths: innerWidthsPt(widths),
            headerRows: 1,
            dontBreakRows: true,
            heights: (row: number) => (row === 0 ? 'auto' : ptFromMm(THEME.signatureRowMm) - 2 * PAD_Y),
            body: [
              [labels.role, labels.name, labels.signature, labels.date].map((label) => headerCell(label)),
              ...block.signatories.map((signatory) => [signatory.role, signatory.name, '', ''].map((text): TableCell => ({ text }))),
            ],
          },
          layout: GRID,
          fontSize: THEME.sizePt.table,
          margin: [0, 8, 0, 8],
        } as ContentTable,
      ];
    }
  }
}

/**
 * The start of a block that must share a page with the headings before it: a table's header row and
 * first row, a form's first box (under its section title), the first signatory, a photo with its
 * caption; no space under it. Text and lists break after any line, so the floor under a heading
 * (pdf-keep.ts) does for them.
 */
function followerHead(block: Block | undefined, availableMm: number, images: PdfImages): Content[] {
  const start = ((): Block | null => {
    switch (block?.kind) {
      case 'table':
        return { ...block, rows: block.rows.slice(0, 1) };
      case 'keyValue':
        return { ...block, rows: block.rows.slice(0, 1) };
      case 'form':
        return { ...block, rows: block.rows.slice(0, block.rows[0]?.kind === 'section' ? 2 : 1) };
      case 'signatures':
        return { ...block, signatories: block.signatories.slice(0, 1) };
      case 'image':
        return block;
      default:
        return null;
    }
  })();
  if (!start) return [];
  const nodes = blockContent(start, availableMm, images);
  const last = nodes.at(-1) as { margin?: number[] };
  nodes[nodes.length - 1] = { ...last, margin: [...(last.margin ?? [0, 0, 0, 0]).slice(0, 3), 0] } as Content;
  return nodes;
}

/** The document's blocks as pdfmake content, each run of headings kept with what follows it (pdf-keep.ts). */
function flowContent(blocks: readonly Block[], availableMm: number, images: PdfImages): { content: Content[]; keeps: KeepGroup[] } {
  const content: Content[] = [];
  const keeps: KeepGroup[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.kind !== 'heading') {
      content.push(...blockContent(block, availableMm, images));
      continue;
    }
    let end = index;
    while (blocks[end + 1]?.kind === 'heading') end += 1;
    const headings = blocks.slice(index, end + 1);
    const next = blocks[end + 1];
    const group = new KeepGroup(
      () => headings.flatMap((heading) => blockContent(heading, availableMm, images)),
      () => followerHead(next, availableMm, images),
    );
    keeps.push(group);
    content.push(group.node);
    index = end;
  }
  return { content, keeps };
}

/** pdfmake's definition of a document (pure: testable without rendering). */
export function pdfDefinition(document: DocumentModel): TDocumentDefinitions {
  return pdfParts(document, 'aw-image').definition;
}

/**
 * The definition and the pictures it names: `images` maps each key to itself, the name of the virtual
 * file renderPdfBytes puts the picture's bytes in (`prefix` keeps two renders apart).
 */
function pdfParts(document: DocumentModel, prefix: string): { definition: TDocumentDefinitions; images: PdfImages; keeps: KeepGroup[] } {
  const { page } = document;
  const availableMm = contentWidthMm(page);
  const images = new PdfImages(prefix);
  const logo = document.branding.logoDataUrl ? images.add(document.branding.logoDataUrl, 'logo of the certification body') : null;
  const logoSize = logo ? fitImageMm(logo.image, THEME.logoHeightMm, THEME.logoMaxWidthMm) : null;
  const left = ptFromMm(page.marginsMm.left);
  const right = ptFromMm(page.marginsMm.right);
  const running = { fontSize: THEME.sizePt.running, color: color(THEME.color.muted) };

  const header = (): Content => ({
    margin: [left, ptFromMm(THEME.headerFromEdgeMm), right, 0],
    table: {
      widths: ['*', '*'],
      body: [
        [
          {
            stack: [
              ...(logo && logoSize ? [{ image: logo.key, width: ptFromMm(logoSize.widthMm), height: ptFromMm(logoSize.heightMm), margin: [0, 0, 0, 2] } as Content] : []),
              { text: document.branding.bodyName, bold: true, fontSize: THEME.sizePt.running + 0.5, color: color(THEME.color.accent) },
            ],
          },
          {
            stack: [
              // A draft says so in the header too, in text (the watermark is drawn across the page).
              ...(document.watermark ? [{ text: document.watermark, bold: true, fontSize: THEME.sizePt.running + 0.5, color: color(THEME.color.accent) }] : []),
              { text: document.running.headerRight, ...running },
            ],
            alignment: 'right',
            margin: [0, 0, 0, 0],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: (index) => (index === 1 ? 0.75 : 0),
      vLineWidth: () => 0,
      hLineColor: () => color(THEME.color.accent),
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => ptFromMm(1.5),
    },
  });

  const footerTop = ptFromMm(Math.max(2, page.marginsMm.bottom - THEME.footerFromEdgeMm - 5));
  const footer = (currentPage: number, pageCount: number): Content => ({
    margin: [left, footerTop, right, 0],
    table: {
      widths: ['*', 'auto'],
      body: [
        [
          { text: document.running.footerLeft, ...running },
          {
            text: document.running.pageNumber.map((part) => (typeof part === 'string' ? part : String(part.field === 'page' ? currentPage : pageCount))).join(''),
            alignment: 'right',
            ...running,
          },
        ],
      ],
    },
    layout: {
      hLineWidth: (index) => (index === 0 ? RULE : 0),
      vLineWidth: () => 0,
      hLineColor: () => color(THEME.color.rule),
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => ptFromMm(1.2),
      paddingBottom: () => 0,
    },
  });

  const issued = new Date(document.identity.issuedAt);
  const { content, keeps } = flowContent(document.blocks, availableMm, images);
  const definition = {
    pageSize: 'A4',
    pageOrientation: page.orientation,
    pageMargins: [left, ptFromMm(page.marginsMm.top), right, ptFromMm(page.marginsMm.bottom)],
    language: document.identity.language === 'en' ? 'en-GB' : 'zh-CN',
    info: {
      title: `${document.identity.title} ${document.identity.reference}`,
      author: document.branding.bodyName,
      subject: document.running.headerRight,
      creator: 'Audit Workbench',
      producer: 'Audit Workbench',
      ...(Number.isNaN(issued.getTime()) ? {} : { creationDate: issued }),
    },
    images: Object.fromEntries([...images.byKey.keys()].map((key) => [key, key])),
    ...(document.watermark ? { watermark: watermarkOf(document.watermark, page) } : {}),
    defaultStyle: { font: FONT, fontSize: THEME.sizePt.body, color: color(THEME.color.text), lineHeight: THEME.lineHeight },
    header,
    footer,
    content,
  } as TDocumentDefinitions;
  return { definition, images, keeps };
}

/** "DRAFT" / "草稿" on every page: pdfmake draws it over each page's content, see-through, in the shipped font. */
function watermarkOf(text: string, page: DocumentModel['page']): Record<string, unknown> {
  const layout = watermarkLayout(text, page);
  return { text, font: FONT, bold: true, fontSize: layout.sizePt, color: color(THEME.watermark.color), opacity: THEME.watermark.opacity, angle: -layout.angleDeg };
}

interface VirtualFiles {
  writeFileSync(name: string, content: Uint8Array): void;
  /** pdfmake's virtual files by name (it has no call to remove one). */
  readonly storage: Record<string, unknown>;
}

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
let renders = 0;

let fontsLoaded: PdfFonts | null = null;

/** Renders a PDF in this thread (the documents worker calls it; the main thread never does). */
export async function renderPdfBytes(document: DocumentModel, fonts: PdfFonts): Promise<Uint8Array> {
  const files = (pdfmake as unknown as { virtualfs: VirtualFiles }).virtualfs;
  let pictures: readonly string[] = [];
  try {
    const { definition, images, keeps } = pdfParts(document, `aw-image-${++renders}`);
    // No web address and no local file, ever: the policies refuse every request pdfmake could make.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    if (fontsLoaded !== fonts) {
      files.writeFileSync('aw-regular.ttf', asBuffer(fonts.regular));
      files.writeFileSync('aw-bold.ttf', asBuffer(fonts.bold));
      pdfmake.setFonts({ [FONT]: { normal: 'aw-regular.ttf', bold: 'aw-bold.ttf', italics: 'aw-regular.ttf', bolditalics: 'aw-bold.ttf' } });
      fontsLoaded = fonts;
    }
    pictures = [...images.byKey.keys()];
    for (const [key, image] of images.byKey) files.writeFileSync(key, asBuffer(image.bytes));
    const { page } = document;
    const sheet = pageSizeMm(page);
    await measureKeeps(keeps, definition, {
      widthPt: ptFromMm(sheet.width),
      sidesPt: [ptFromMm(page.marginsMm.left), ptFromMm(page.marginsMm.right)],
      innerHeightPt: ptFromMm(sheet.height - page.marginsMm.top - page.marginsMm.bottom),
    });
    const buffer = await pdfmake.createPdf(definition).getBuffer();
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    throw DocumentError.from(error);
  } finally {
    // The pictures leave the virtual files with the render (the worker lives on; a report has 100 photos).
    for (const key of pictures) delete files.storage[key];
  }
}
