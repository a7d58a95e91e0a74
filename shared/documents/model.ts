/**
 * The document model: what a document the app issues says, in blocks, independent of the file
 * format. Every document (the audit plan, NC forms, the closing-meeting record, the audit report) is a
 * pure function of the engagement's data into this model; electron/documents/ renders it to .docx and
 * to PDF, so both files show the same content. Pure TypeScript: no Node, no DOM.
 */
import type { DocumentLanguage } from './plan-input.ts';

/** A piece of text with its emphasis. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** One line (paragraph) of text: runs printed one after another. */
export type Inline = readonly Run[];

export type Align = 'left' | 'center' | 'right';

/**
 * A column's or key's width: a fraction of what is left after the fixed widths (fractions of one
 * table are normalised to their sum), or millimetres. Both renderers turn these into the same
 * absolute widths (`resolveWidthsMm`), so Word, LibreOffice and the PDF lay a table out alike.
 */
export type Width = { readonly fraction: number } | { readonly mm: number };

/** The document's title, at the start of the first page. */
export interface TitleBlock {
  readonly kind: 'title';
  readonly title: string;
  readonly subtitle: string | null;
}

export interface HeadingBlock {
  readonly kind: 'heading';
  readonly level: 1 | 2 | 3;
  readonly text: string;
}

/** `note`: smaller and grey (explanations under a table); `lead`: a little larger (an introduction). */
export type ParagraphTone = 'normal' | 'note' | 'lead';

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly content: Inline;
  readonly tone: ParagraphTone;
  readonly align: Align;
}

/** A two-column table of labels and values (the audit details, the client). */
export interface KeyValueBlock {
  readonly kind: 'keyValue';
  readonly keyWidth: Width;
  readonly rows: readonly { readonly key: string; readonly value: readonly Inline[] }[];
}

export interface TableColumn {
  readonly header: string;
  readonly width: Width;
  readonly align?: Align;
}

export interface TableCell {
  readonly lines: readonly Inline[];
  /** How many columns this cell covers (1 when absent); the row then has fewer cells. */
  readonly span?: number;
}

/** `muted`: a break or an aside, shown grey; `emphasis`: a meeting, shown shaded. */
export type RowTone = 'normal' | 'muted' | 'emphasis';

export interface TableRow {
  readonly cells: readonly TableCell[];
  readonly tone?: RowTone;
}

/** A table with a header row repeated on every page, and explicit column widths. */
export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

export interface ListBlock {
  readonly kind: 'list';
  readonly items: readonly Inline[];
}

/** A contents list written by the app (from the headings, `contentsOf`), not a word-processor field. */
export interface ContentsBlock {
  readonly kind: 'contents';
  readonly title: string;
  readonly entries: readonly { readonly level: 1 | 2 | 3; readonly text: string }[];
}

export interface PageBreakBlock {
  readonly kind: 'pageBreak';
}

/** Who signs or approves: a row per person with room for a signature and a date. */
export interface SignatureBlock {
  readonly kind: 'signatures';
  readonly labels: { readonly role: string; readonly name: string; readonly signature: string; readonly date: string };
  readonly signatories: readonly { readonly role: string; readonly name: string }[];
}

/** An image printed inside a form's box: a drawn signature (PNG/JPEG `data:` URL only, like the logo). */
export interface FormImage {
  readonly dataUrl: string;
  /** Printed this tall unless that makes it wider than `maxWidthMm`. */
  readonly heightMm: number;
  readonly maxWidthMm: number;
  /** What it shows (alternative text in the .docx): "Signature of Li Wei". */
  readonly description: string;
}

/**
 * One box of a form: a small caption at its top (''), its content, and an image under the content.
 * `shaded`: a label box (grey, like a key of a key-value table).
 */
export interface FormField {
  readonly label: string;
  readonly lines: readonly Inline[];
  /** How many of the form's columns it covers (1 when absent). */
  readonly span?: number;
  readonly image?: FormImage;
  readonly shaded?: boolean;
}

/** A form's row: a section title across the whole width, or boxes. */
export type FormRow =
  | { readonly kind: 'section'; readonly text: string }
  | {
      readonly kind: 'fields';
      readonly fields: readonly FormField[];
      /** Room to write in by hand: the row is at least this tall. */
      readonly minHeightMm?: number;
      /** The row may break across pages (a long statement); other rows stay whole. */
      readonly breakable?: boolean;
    };

/**
 * A form printed as boxes on a grid (the NC form, signature blocks with drawn signatures): no header
 * row, section rows shaded across the width, boxes with a caption and room to write in.
 */
export interface FormBlock {
  readonly kind: 'form';
  readonly columns: readonly Width[];
  readonly rows: readonly FormRow[];
}

/**
 * A picture printed on its own line (a photo of the report's evidence annex): a PNG or JPEG `data:`
 * URL (like the logo: anything else is refused, nothing is fetched), fitted into `maxWidthMm` ×
 * `maxHeightMm` keeping its aspect from `widthPx` × `heightPx`, with a caption under it.
 */
export interface ImageBlock {
  readonly kind: 'image';
  readonly dataUrl: string;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly maxWidthMm: number;
  readonly maxHeightMm: number;
  /** Printed under the picture (one or more lines); '' for none. */
  readonly caption: string;
  /** What it shows, for the .docx's alternative text. */
  readonly description: string;
}

export type Block =
  | ImageBlock
  | FormBlock
  | TitleBlock
  | HeadingBlock
  | ParagraphBlock
  | KeyValueBlock
  | TableBlock
  | ListBlock
  | ContentsBlock
  | PageBreakBlock
  | SignatureBlock;

/** A part of the running "Page X of Y" text: literal text or a page-number field. */
export type PageNumberPart = string | { readonly field: 'page' } | { readonly field: 'pages' };

export interface PageSetup {
  readonly size: 'A4';
  readonly orientation: 'portrait' | 'landscape';
  readonly marginsMm: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

/** Which document, which revision, issued when and by whom, in which language. */
export interface DocumentModelIdentity {
  /** What kind of document ('audit-plan', …): file names and the change log name it. */
  readonly kind: string;
  readonly title: string;
  readonly reference: string;
  readonly revision: number;
  /** UTC instant (ISO 8601). */
  readonly issuedAt: string;
  readonly issuedBy: string;
  readonly language: DocumentLanguage;
}

export interface DocumentModel {
  readonly identity: DocumentModelIdentity;
  /**
   * The certification body's name and logo. The logo must be a `data:image/png` or
   * `data:image/jpeg` base64 URL: the renderers refuse anything else (no image is ever fetched).
   */
  readonly branding: { readonly bodyName: string; readonly logoDataUrl: string | null };
  readonly page: PageSetup;
  /** Printed on every page: the header's right side (reference, revision) and the footer. */
  readonly running: {
    readonly headerRight: string;
    readonly footerLeft: string;
    readonly pageNumber: readonly PageNumberPart[];
  };
  readonly blocks: readonly Block[];
  /**
   * Printed large and light across every page ("DRAFT", "草稿"): a document that is not the issued
   * one. Absent for an issued document.
   */
  readonly watermark?: string;
}

/** The name the task brief and later documents use. */
export type { DocumentModel as Document };

export const A4_MM = { width: 210, height: 297 } as const;

// ——— Builders: documents are written with these, so a model stays well formed. ———

export const run = (text: string, emphasis: { bold?: boolean; italic?: boolean } = {}): Run => ({ text, ...emphasis });

/** Plain text as one line. */
export const line = (text: string): Inline => [{ text }];

/** Text split at line breaks into lines (addresses, objectives typed over several lines). */
export const lines = (text: string): Inline[] =>
  text
    .trim()
    .split(/\r?\n/)
    .map((part) => line(part.trimEnd()));

export const title = (text: string, subtitle: string | null = null): TitleBlock => ({ kind: 'title', title: text, subtitle });
export const heading = (level: 1 | 2 | 3, text: string): HeadingBlock => ({ kind: 'heading', level, text });

export const paragraph = (content: string | Inline, options: { tone?: ParagraphTone; align?: Align } = {}): ParagraphBlock => ({
  kind: 'paragraph',
  content: typeof content === 'string' ? line(content) : content,
  tone: options.tone ?? 'normal',
  align: options.align ?? 'left',
});

export const cell = (content: string | Inline | readonly Inline[], span?: number): TableCell => {
  const cellLines: readonly Inline[] =
    typeof content === 'string' ? lines(content) : content.length > 0 && Array.isArray(content[0]) ? (content as readonly Inline[]) : [content as Inline];
  return span && span > 1 ? { lines: cellLines, span } : { lines: cellLines };
};

export const pageBreak = (): PageBreakBlock => ({ kind: 'pageBreak' });

/** A form's box: a caption, its content (text split at line breaks, or lines), and options. */
export const field = (
  label: string,
  content: string | readonly Inline[] = [],
  options: { span?: number; image?: FormImage | null; shaded?: boolean } = {},
): FormField => ({
  label,
  lines: typeof content === 'string' ? (content.trim() ? lines(content) : []) : content,
  ...(options.span && options.span > 1 ? { span: options.span } : {}),
  ...(options.image ? { image: options.image } : {}),
  ...(options.shaded ? { shaded: true } : {}),
});

/** The contents list of the headings up to `maxLevel` that follow it. */
export function contentsOf(blocks: readonly Block[], contentsTitle: string, maxLevel: 1 | 2 | 3 = 2): ContentsBlock {
  const entries = blocks.flatMap((block) => (block.kind === 'heading' && block.level <= maxLevel ? [{ level: block.level, text: block.text }] : []));
  return { kind: 'contents', title: contentsTitle, entries };
}

// ——— Layout arithmetic both renderers share ———

/** The width between the margins. */
export function contentWidthMm(page: PageSetup): number {
  const width = page.orientation === 'portrait' ? A4_MM.width : A4_MM.height;
  return width - page.marginsMm.left - page.marginsMm.right;
}

/**
 * Absolute widths in millimetres: fixed widths as given, fractions share the rest in proportion.
 * Both renderers use this, so a table is as wide, column by column, in Word, LibreOffice and the PDF.
 */
export function resolveWidthsMm(widths: readonly Width[], availableMm: number): number[] {
  const fixed = widths.reduce((sum, width) => sum + ('mm' in width ? width.mm : 0), 0);
  const fractions = widths.reduce((sum, width) => sum + ('fraction' in width ? width.fraction : 0), 0);
  const rest = Math.max(0, availableMm - fixed);
  return widths.map((width) => ('mm' in width ? width.mm : fractions > 0 ? (rest * width.fraction) / fractions : 0));
}

/** Every text a document prints, in reading order (tests check both renderings against it). */
export function documentTexts(document: DocumentModel): string[] {
  const inline = (content: Inline): string => content.map((part) => part.text).join('');
  const texts: string[] = [document.branding.bodyName, document.running.headerRight, document.running.footerLeft];
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'title':
        texts.push(block.title, ...(block.subtitle ? [block.subtitle] : []));
        break;
      case 'heading':
        texts.push(block.text);
        break;
      case 'paragraph':
        texts.push(inline(block.content));
        break;
      case 'keyValue':
        for (const row of block.rows) texts.push(row.key, ...row.value.map(inline));
        break;
      case 'table':
        texts.push(...block.columns.map((column) => column.header));
        for (const row of block.rows) for (const tableCell of row.cells) texts.push(...tableCell.lines.map(inline));
        break;
      case 'list':
        texts.push(...block.items.map(inline));
        break;
      case 'contents':
        texts.push(block.title, ...block.entries.map((entry) => entry.text));
        break;
      case 'signatures':
        texts.push(block.labels.role, block.labels.name, block.labels.signature, block.labels.date);
        for (const signatory of block.signatories) texts.push(signatory.role, signatory.name);
        break;
      case 'form':
        for (const row of block.rows) {
          if (row.kind === 'section') texts.push(row.text);
          else for (const box of row.fields) texts.push(box.label, ...box.lines.map(inline));
        }
        break;
      case 'image':
        texts.push(block.caption);
        break;
      case 'pageBreak':
        break;
    }
  }
  if (document.watermark) texts.push(document.watermark);
  return texts.filter((text) => text !== '');
}
