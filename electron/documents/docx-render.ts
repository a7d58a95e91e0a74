/**
 * The document model as a .docx (the `docx` library): explicit table and column widths (a fixed
 * layout, so Word and LibreOffice agree), a running header with the CB's logo and name and a footer
 * with PAGE / NUMPAGES fields, the East Asian font and language set on the default run so Chinese
 * shows in both word processors. No font is embedded and nothing is fetched.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ITableBordersOptions,
  type ParagraphChild,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { fitImageMm } from '../../shared/documents/image.ts';
import {
  contentWidthMm,
  lines as splitLines,
  resolveWidthsMm,
  type Align,
  type Block,
  type DocumentModel,
  type FormBlock,
  type FormField,
  type ImageBlock,
  type Inline,
  type KeyValueBlock,
  type SignatureBlock,
  type TableBlock,
  type TableCell as ModelCell,
  type RowTone,
} from '../../shared/documents/model.ts';
import { DocumentError } from './document-error.ts';
import { DocxPictures } from './docx-pictures.ts';
import { CJK, DOCX_FONTS, THEME, imageBlockSizeMm, watermarkLayout } from './theme.ts';

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);
const halfPoints = (pt: number): number => Math.round(pt * 2);
/** docx sizes images in pixels at 96 per inch. */
const pixels = (mm: number): number => Math.round((mm / 25.4) * 96);

const BULLETS = 'aw-bullets';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const rule: IBorderOptions = { style: BorderStyle.SINGLE, size: THEME.ruleWidthPt * 8, color: THEME.color.rule };
const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const GRID: ITableBordersOptions = { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule };
const NO_BORDERS: ITableBordersOptions = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

interface RunStyle {
  readonly sizePt?: number;
  readonly color?: string;
  readonly bold?: boolean;
}

function runs(content: Inline, style: RunStyle = {}): TextRun[] {
  return content.map(
    (part) =>
      new TextRun({
        text: part.text,
        bold: part.bold || style.bold || undefined,
        italics: part.italic || undefined,
        size: style.sizePt ? halfPoints(style.sizePt) : undefined,
        color: style.color,
      }),
  );
}

/**
 * The paragraph style of table and form text (its size, no space after, the line spacing), so the
 * thousands of cells of a large report say only what differs from it, like body text from the
 * document's defaults: a smaller file, built and zipped faster, that Word and LibreOffice show alike.
 */
const TABLE_TEXT = 'AwTableText';

/** What a paragraph gets without saying so: the document's defaults, or the table text style. */
const IMPLIED = {
  body: { sizePt: THEME.sizePt.body, afterPt: THEME.spacingPt.paragraphAfter },
  table: { sizePt: THEME.sizePt.table, afterPt: 0 },
} as const;

interface ParagraphStyle extends RunStyle {
  readonly align?: Align;
  readonly afterPt?: number;
  readonly keepNext?: boolean;
  /** Text in a table cell or form box: the table text style. */
  readonly table?: boolean;
}

function textParagraph(content: Inline, style: ParagraphStyle = {}): Paragraph {
  const implied = style.table ? IMPLIED.table : IMPLIED.body;
  const afterPt = style.afterPt ?? implied.afterPt;
  return new Paragraph({
    style: style.table ? TABLE_TEXT : undefined,
    children: runs(content, { ...style, sizePt: style.sizePt === implied.sizePt ? undefined : style.sizePt }),
    alignment: style.align && style.align !== 'left' ? ALIGN[style.align] : undefined,
    spacing: afterPt === implied.afterPt ? undefined : { after: Math.round(afterPt * 20) },
    keepNext: style.keepNext,
  });
}

const cellMargins = {
  top: twips(THEME.cellPaddingMm.y),
  bottom: twips(THEME.cellPaddingMm.y),
  left: twips(THEME.cellPaddingMm.x),
  right: twips(THEME.cellPaddingMm.x),
};

const fill = (color: string) => ({ type: ShadingType.CLEAR, color: 'auto', fill: color });

/** A cell: its width, its padding from the table's default (`fixedTable`), text at the top as Word's default has it. */
function tableCell(lines: readonly Inline[], widthMm: number, options: { span?: number; fill?: string; style?: RunStyle; align?: Align } = {}): TableCell {
  const paragraphs = (lines.length ? lines : [[]]).map((content) => textParagraph(content, { table: true, align: options.align, ...options.style }));
  return new TableCell({
    children: paragraphs,
    width: { size: twips(widthMm), type: WidthType.DXA },
    columnSpan: options.span && options.span > 1 ? options.span : undefined,
    shading: options.fill ? fill(options.fill) : undefined,
  });
}

function fixedTable(widthsMm: readonly number[], rows: TableRow[], borders: ITableBordersOptions = GRID): Table {
  return new Table({
    rows,
    width: { size: twips(widthsMm.reduce((sum, width) => sum + width, 0)), type: WidthType.DXA },
    columnWidths: widthsMm.map(twips),
    layout: TableLayoutType.FIXED,
    margins: cellMargins,
    borders,
  });
}

const TONE_FILL: Record<RowTone, string | undefined> = { normal: undefined, muted: undefined, emphasis: THEME.color.emphasisFill };

function dataTable(block: TableBlock, availableMm: number): Table {
  const widths = resolveWidthsMm(
    block.columns.map((column) => column.width),
    availableMm,
  );
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((column, index) =>
      tableCell([[{ text: column.header }]], widths[index]!, { fill: THEME.color.headerFill, style: { bold: true, color: THEME.color.accent }, align: column.align }),
    ),
  });
  const body = block.rows.map((row) => {
    let column = 0;
    const cells = row.cells.map((modelCell: ModelCell) => {
      const span = Math.min(modelCell.span ?? 1, block.columns.length - column);
      const width = widths.slice(column, column + span).reduce((sum, value) => sum + value, 0);
      const align = block.columns[column]?.align;
      column += span;
      const tone = row.tone ?? 'normal';
      return tableCell(modelCell.lines, width, { span, fill: TONE_FILL[tone], style: tone === 'muted' ? { color: THEME.color.mutedText } : {}, align });
    });
    return new TableRow({ cantSplit: true, children: cells });
  });
  return fixedTable(widths, [header, ...body]);
}

function keyValueTable(block: KeyValueBlock, availableMm: number): Table {
  const widths = resolveWidthsMm([block.keyWidth, { fraction: 1 }], availableMm);
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          tableCell([[{ text: row.key }]], widths[0]!, { fill: THEME.color.keyFill, style: { color: THEME.color.muted } }),
          tableCell(row.value, widths[1]!),
        ],
      }),
  );
  return fixedTable(widths, rows);
}

function signatureTable(block: SignatureBlock, availableMm: number): Table {
  const widths = resolveWidthsMm([{ fraction: 0.3 }, { fraction: 0.26 }, { fraction: 0.28 }, { fraction: 0.16 }], availableMm);
  const { labels } = block;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [labels.role, labels.name, labels.signature, labels.date].map((label, index) =>
      tableCell([[{ text: label }]], widths[index]!, { fill: THEME.color.headerFill, style: { bold: true, color: THEME.color.accent } }),
    ),
  });
  const rows = block.signatories.map(
    (signatory) =>
      new TableRow({
        cantSplit: true,
        height: { value: twips(THEME.signatureRowMm), rule: 'atLeast' },
        children: [signatory.role, signatory.name, '', ''].map((text, index) => tableCell([[{ text }]], widths[index]!)),
      }),
  );
  return fixedTable(widths, [header, ...rows]);
}

/** A form's box: its caption (small, grey), its lines, then its image (a drawn signature) on a single-spaced line. */
function formCell(box: FormField, widthMm: number, span: number, pictures: DocxPictures): TableCell {
  const paragraphs: Paragraph[] = [];
  if (box.label) paragraphs.push(textParagraph([{ text: box.label }], { table: true, sizePt: THEME.sizePt.formLabel, color: THEME.color.muted, bold: !box.shaded, afterPt: 1.5, keepNext: true }));
  for (const content of box.lines) paragraphs.push(textParagraph(content, { table: true }));
  if (box.image) {
    const { image, standIn } = pictures.add(box.image.dataUrl, box.image.description);
    const fitted = fitImageMm(image, box.image.heightMm, Math.min(box.image.maxWidthMm, widthMm - 2 * THEME.cellPaddingMm.x));
    paragraphs.push(
      new Paragraph({
        children: [new ImageRun({ type: image.type, data: standIn, transformation: { width: pixels(fitted.widthMm), height: pixels(fitted.heightMm) }, altText: { name: 'signature', description: box.image.description, title: box.image.description } })],
        spacing: { before: 20, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      }),
    );
  }
  if (!paragraphs.length) paragraphs.push(textParagraph([], { table: true }));
  return new TableCell({
    children: paragraphs,
    width: { size: twips(widthMm), type: WidthType.DXA },
    columnSpan: span > 1 ? span : undefined,
    shading: box.shaded ? fill(THEME.color.keyFill) : undefined,
  });
}

function formTable(block: FormBlock, availableMm: number, pictures: DocxPictures): Table {
  const widths = resolveWidthsMm(block.columns, availableMm);
  const rows = block.rows.map((row) => {
    if (row.kind === 'section') {
      return new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            children: [textParagraph([{ text: row.text }], { table: true, sizePt: THEME.sizePt.table + 0.5, bold: true, color: THEME.color.accent, keepNext: true })],
            width: { size: twips(availableMm), type: WidthType.DXA },
            columnSpan: widths.length > 1 ? widths.length : undefined,
            shading: fill(THEME.color.headerFill),
          }),
        ],
      });
    }
    let column = 0;
    const cells = row.fields.map((box) => {
      const span = Math.max(1, Math.min(box.span ?? 1, widths.length - column));
      const width = widths.slice(column, column + span).reduce((sum, value) => sum + value, 0);
      column += span;
      return formCell(box, width, span, pictures);
    });
    // A row whose boxes do not reach the last column is closed with an empty box.
    if (column < widths.length) cells.push(formCell({ label: '', lines: [] }, widths.slice(column).reduce((sum, value) => sum + value, 0), widths.length - column, pictures));
    return new TableRow({
      cantSplit: !row.breakable,
      ...(row.minHeightMm ? { height: { value: twips(row.minHeightMm), rule: 'atLeast' as const } } : {}),
      children: cells,
    });
  });
  return fixedTable(widths, rows);
}

const HEADING_LEVEL = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function blockElements(block: Block, availableMm: number, isFirst: boolean, pictures: DocxPictures): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          children: runs([{ text: block.title }], { sizePt: THEME.sizePt.title, color: THEME.color.accent, bold: true }),
          spacing: { before: isFirst ? 0 : 240, after: 60 },
          keepNext: true,
        }),
        new Paragraph({
          children: runs([{ text: block.subtitle ?? '' }], { sizePt: THEME.sizePt.subtitle, color: THEME.color.muted }),
          border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: THEME.color.accent, space: 6 } },
          spacing: { after: 240 },
        }),
      ];
    case 'heading':
      return [new Paragraph({ children: [new TextRun({ text: block.text })], heading: HEADING_LEVEL[block.level], keepNext: true, keepLines: true })];
    case 'paragraph': {
      const style: RunStyle = block.tone === 'note' ? { sizePt: THEME.sizePt.note, color: THEME.color.muted } : block.tone === 'lead' ? { sizePt: THEME.sizePt.subtitle } : {};
      return [textParagraph(block.content, { ...style, align: block.align, afterPt: block.tone === 'note' ? 6 : THEME.spacingPt.paragraphAfter })];
    }
    case 'keyValue':
      return [keyValueTable(block, availableMm), spacer()];
    case 'table':
      return [dataTable(block, availableMm), spacer()];
    case 'list':
      return block.items.map((item) => new Paragraph({ children: runs(item), numbering: { reference: BULLETS, level: 0 }, spacing: { after: 60 } }));
    case 'contents':
      return [
        new Paragraph({ children: runs([{ text: block.title }], { bold: true, color: THEME.color.accent, sizePt: THEME.sizePt.h1 }), spacing: { after: 120 }, keepNext: true }),
        ...block.entries.map(
          (entry) =>
            new Paragraph({
              children: runs([{ text: entry.text }], { sizePt: THEME.sizePt.contents, bold: entry.level === 1 }),
              indent: { left: twips((entry.level - 1) * 6) },
              spacing: { after: entry.level === 1 ? 60 : 20 },
            }),
        ),
        spacer(),
      ];
    case 'form':
      return [formTable(block, availableMm, pictures), spacer()];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'signatures':
      return [spacer(), signatureTable(block, availableMm)];
    case 'image':
      return imageParagraphs(block, availableMm, pictures);
  }
}

/**
 * A picture on a single-spaced line of its own (LibreOffice clips an inline image on a line spaced by
 * a multiple), kept on the page of its caption: a small note, one paragraph per line. The file's
 * bytes go into the package as they are (docx-pictures.ts).
 */
function imageParagraphs(block: ImageBlock, availableMm: number, pictures: DocxPictures): Paragraph[] {
  const { image, standIn } = pictures.add(block.dataUrl, block.description || 'image');
  const size = imageBlockSizeMm(image, block, availableMm);
  const captionLines = block.caption.trim() ? splitLines(block.caption) : [];
  const picture = new Paragraph({
    children: [
      new ImageRun({
        type: image.type,
        data: standIn,
        transformation: { width: pixels(size.widthMm), height: pixels(size.heightMm) },
        altText: { name: 'photo', description: block.description, title: block.description },
      }),
    ],
    alignment: AlignmentType.CENTER,
    keepNext: captionLines.length > 0,
    keepLines: true,
    spacing: { before: 80, after: captionLines.length ? 40 : 160, line: 240, lineRule: LineRuleType.AUTO },
  });
  const caption = captionLines.map((content, index) =>
    textParagraph(content, { sizePt: THEME.sizePt.note, color: THEME.color.muted, align: 'center', afterPt: index === captionLines.length - 1 ? 8 : 0, keepNext: index < captionLines.length - 1 }),
  );
  return [picture, ...caption];
}

/** A little space after a table (Word glues a following paragraph to the table's last row). */
const spacer = (): Paragraph => new Paragraph({ children: [], spacing: { after: 80, line: 200 } });

function runningHeader(document: DocumentModel, availableMm: number, pictures: DocxPictures): Header {
  const logo = document.branding.logoDataUrl ? pictures.add(document.branding.logoDataUrl, 'logo of the certification body') : null;
  const size = logo ? fitImageMm(logo.image, THEME.logoHeightMm, THEME.logoMaxWidthMm) : null;
  const widths = resolveWidthsMm([{ fraction: 0.5 }, { fraction: 0.5 }], availableMm);
  const small = { sizePt: THEME.sizePt.running, color: THEME.color.muted };
  const left: ParagraphChild[] = [];
  if (logo && size) left.push(new ImageRun({ type: logo.image.type, data: logo.standIn, transformation: { width: pixels(size.widthMm), height: pixels(size.heightMm) }, altText: { name: 'logo', description: document.branding.bodyName, title: document.branding.bodyName } }));
  const cellOf = (children: Paragraph[], width: number): TableCell =>
    new TableCell({ children, width: { size: twips(width), type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, margins: { top: 0, bottom: twips(1.5), left: 0, right: 0 } });
  const table = new Table({
    rows: [
      new TableRow({
        children: [
          cellOf(
            [
              // Single line spacing: LibreOffice clips an inline image on a line spaced by a multiple.
              ...(left.length ? [new Paragraph({ children: left, spacing: { after: 40, line: 240, lineRule: LineRuleType.AUTO } })] : []),
              new Paragraph({ children: runs([{ text: document.branding.bodyName }], { sizePt: THEME.sizePt.running + 0.5, color: THEME.color.accent, bold: true }) }),
            ],
            widths[0]!,
          ),
          cellOf(
            [
              ...(document.watermark ? [new Paragraph({ children: runs([{ text: document.watermark }], { sizePt: THEME.sizePt.running + 0.5, color: THEME.color.accent, bold: true }), alignment: AlignmentType.RIGHT })] : []),
              new Paragraph({ children: runs([{ text: document.running.headerRight }], small), alignment: AlignmentType.RIGHT }),
            ],
            widths[1]!,
          ),
        ],
      }),
    ],
    width: { size: twips(availableMm), type: WidthType.DXA },
    columnWidths: widths.map(twips),
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, bottom: { style: BorderStyle.SINGLE, size: 6, color: THEME.color.accent } },
  });
  return new Header({ children: [table, new Paragraph({ children: document.watermark ? [watermarkShape(document.watermark, document.page)] : [], spacing: { after: 0, line: 120 } })] });
}

/**
 * Word's own text watermark (Design › Watermark): a VML WordArt shape anchored in the header, centred
 * on the page behind the text, so it prints on every page and Word can remove or replace it; LibreOffice
 * imports it as a Fontwork shape. The header's right side also names the word in text (headerRight).
 */
function watermarkShape(text: string, page: DocumentModel['page']): TextWatermark {
  const layout = watermarkLayout(text, page);
  return new TextWatermark({
    text,
    font: CJK.test(text) ? DOCX_FONTS.eastAsia : DOCX_FONTS.latin,
    bold: true,
    color: THEME.watermark.color,
    opacity: THEME.watermark.opacity,
    width: layout.widthPt,
    height: layout.heightPt,
    rotation: 360 - layout.angleDeg,
  });
}

function runningFooter(document: DocumentModel, availableMm: number): Footer {
  const small = { size: halfPoints(THEME.sizePt.running), color: THEME.color.muted };
  const pageNumber = document.running.pageNumber.map((part) =>
    typeof part === 'string'
      ? new TextRun({ text: part, ...small })
      : new TextRun({ children: [part.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES], ...small }),
  );
  return new Footer({
    children: [
      new Paragraph({
        children: [new TextRun({ text: document.running.footerLeft, ...small }), new TextRun({ text: '\t', ...small }), ...pageNumber],
        tabStops: [{ type: TabStopType.RIGHT, position: twips(availableMm) }],
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: THEME.color.rule, space: 4 } },
      }),
    ],
  });
}

/** The .docx file of a document model. */
export async function renderDocx(document: DocumentModel): Promise<Uint8Array> {
  try {
    return await buildDocx(document);
  } catch (error) {
    throw DocumentError.from(error);
  }
}

async function buildDocx(document: DocumentModel): Promise<Uint8Array> {
  const { page } = document;
  const availableMm = contentWidthMm(page);
  const language = document.identity.language === 'en' ? 'en-GB' : 'zh-CN';
  const headingRun = (sizePt: number) => ({ size: halfPoints(sizePt), bold: true, color: THEME.color.accent, font: { ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, eastAsia: DOCX_FONTS.eastAsia, cs: DOCX_FONTS.latin } });
  const pictures = new DocxPictures();
  const children = document.blocks.flatMap((block, index) => blockElements(block, availableMm, index === 0, pictures));
  const file = new Document({
    creator: document.identity.issuedBy,
    title: `${document.identity.title} ${document.identity.reference}`,
    description: `${document.branding.bodyName} · ${document.running.headerRight}`,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, eastAsia: DOCX_FONTS.eastAsia, cs: DOCX_FONTS.latin },
            size: halfPoints(THEME.sizePt.body),
            color: THEME.color.text,
            language: { value: language, eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: { after: THEME.spacingPt.paragraphAfter * 20, line: Math.round(THEME.lineHeight * 240) } },
        },
        heading1: { run: headingRun(THEME.sizePt.h1), paragraph: { spacing: { before: THEME.spacingPt.h1Before * 20, after: THEME.spacingPt.h1After * 20 }, keepNext: true } },
        heading2: { run: headingRun(THEME.sizePt.h2), paragraph: { spacing: { before: THEME.spacingPt.h2Before * 20, after: THEME.spacingPt.h2After * 20 }, keepNext: true } },
        heading3: { run: headingRun(THEME.sizePt.h3), paragraph: { spacing: { before: THEME.spacingPt.h3Before * 20, after: THEME.spacingPt.h3After * 20 }, keepNext: true } },
      },
      paragraphStyles: [
        {
          id: TABLE_TEXT,
          name: 'Table text',
          basedOn: 'Normal',
          quickFormat: false,
          run: { size: halfPoints(IMPLIED.table.sizePt) },
          paragraph: { spacing: { after: IMPLIED.table.afterPt * 20, line: Math.round(THEME.lineHeight * 240) } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: twips(6), hanging: twips(4) } } } }],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(210), height: twips(297), orientation: page.orientation === 'portrait' ? 'portrait' : 'landscape' },
            margin: {
              top: twips(page.marginsMm.top),
              right: twips(page.marginsMm.right),
              bottom: twips(page.marginsMm.bottom),
              left: twips(page.marginsMm.left),
              header: twips(THEME.headerFromEdgeMm),
              footer: twips(THEME.footerFromEdgeMm),
            },
          },
        },
        headers: { default: runningHeader(document, availableMm, pictures) },
        footers: { default: runningFooter(document, availableMm) },
        children,
      },
    ],
  });
  return pictures.pack(new Uint8Array(await Packer.toBuffer(file)));
}
