import fs from 'node:fs';
import iconv from 'iconv-lite';
import { cleanHeaders } from '../../../shared/sampling/export-columns.ts';
import { readCsv } from './csv-reader.ts';
import { detectDelimiter, detectHeaderLine, detectNewline, type Newline } from './dialect.ts';
import { canonicalEncoding, detectEncoding, readBom, sameEncoding, type BomEncoding } from './encoding.ts';
import { asSourceError, SamplingSourceError } from './errors.ts';
import { fileKindOf } from './file-kind.ts';
import { DELIMITERS, FIELD_LIMIT, type BadRow, type Delimiter, type ExportFormat, type SourceNotice, type SourceRow } from './types.ts';
import { mergedRanges, sheetLastRow } from './zip-directory.ts';
import { readXlsx, workbookInfo } from './xlsx-reader.ts';

/** What the preview shows and the import then asks for; every detected choice can be changed and sniffed again. */
export interface ExportPreview {
  readonly format: ExportFormat;
  readonly size: number;
  /** CSV: as asked, else detected; null for XLSX. */
  readonly encoding: string | null;
  readonly encodingCandidates: readonly string[];
  /** What the byte-order mark said, if there is one. */
  readonly bom: BomEncoding | null;
  /** A BOM that contradicts the chosen encoding (the BOM's bytes are skipped all the same). */
  readonly encodingConflict: boolean;
  readonly delimiter: Delimiter | null;
  readonly newline: Newline | null;
  /** XLSX: the sheets in workbook order and the one shown; [] and null for CSV. */
  readonly sheets: readonly string[];
  readonly sheet: string | null;
  /** The physical line (CSV) or sheet row (XLSX) of the header. */
  readonly headerRow: number;
  /** Cleaned: unique, non-empty ("Column 3", "Status (2)"). */
  readonly headers: readonly string[];
  readonly originalHeaders: readonly string[];
  /** The first 50 records after the header, every column. */
  readonly previewRows: readonly SourceRow[];
  /** Records after the header: exact when the whole file was read for the preview, else estimated from the bytes. */
  readonly estimatedRows: number;
  readonly estimateExact: boolean;
  /** The first bad rows met while previewing (at most 20). */
  readonly problems: readonly BadRow[];
  readonly notices: readonly SourceNotice[];
}

export interface SniffOptions {
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly sheet?: string;
  readonly headerRow?: number;
}

export const PREVIEW_ROWS = 50;
const MAX_PROBLEMS = 20;
const HEAD_BYTES = 256 * 1024;

export async function readHead(path: string, bytes = HEAD_BYTES): Promise<{ head: Uint8Array; size: number }> {
  try {
    const handle = await fs.promises.open(path, 'r');
    try {
      const size = (await handle.stat()).size;
      const buffer = Buffer.alloc(Math.min(size, bytes));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return { head: buffer.subarray(0, bytesRead), size };
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw asSourceError(error);
  }
}

export function checkDelimiter(delimiter: string): Delimiter {
  if (!(DELIMITERS as readonly string[]).includes(delimiter)) throw new SamplingSourceError('UNKNOWN_DELIMITER', { delimiter });
  return delimiter as Delimiter;
}

/** The format by the first bytes, refusing what is not a table. */
export function formatOf(head: Uint8Array, size: number): ExportFormat {
  const bom = readBom(head);
  if (size === 0 || (bom && size === bom.length)) throw new SamplingSourceError('EMPTY_FILE');
  const guess = detectEncoding(head, size === head.length);
  const kind = fileKindOf(head, guess.encoding.startsWith('utf-16'));
  if (kind === 'zip') return 'xlsx';
  if (kind !== 'text') throw new SamplingSourceError('NOT_A_TABLE', { kind });
  return 'csv';
}

export async function sniffExport(path: string, options: SniffOptions = {}): Promise<ExportPreview> {
  const { head, size } = await readHead(path);
  const format = formatOf(head, size);
  try {
    return format === 'xlsx' ? await sniffXlsx(path, size, options) : await sniffCsv(path, head, size, options);
  } catch (error) {
    throw asSourceError(error);
  }
}

async function sniffCsv(path: string, head: Uint8Array, size: number, options: SniffOptions): Promise<ExportPreview> {
  const guess = detectEncoding(head, size === head.length);
  const encoding = options.encoding !== undefined ? canonicalEncoding(options.encoding) : guess.encoding;
  const bom = guess.bom;
  const skipBytes = bom?.length ?? 0;
  const text = iconv.decode(Buffer.from(head.subarray(skipBytes)), encoding, { stripBOM: false });
  if (text.trim() === '') throw new SamplingSourceError('EMPTY_FILE');
  const delimiter = options.delimiter !== undefined ? checkDelimiter(options.delimiter) : detectDelimiter(text);
  const newline = detectNewline(text);
  const headerRow = options.headerRow ?? detectHeaderLine(text, delimiter);

  let header: readonly string[] = [];
  let headerLine = headerRow;
  const previewRows: SourceRow[] = [];
  const problems: BadRow[] = [];
  let records = 0;
  let bytesAtStop = size;
  const summary = await readCsv(
    path,
    { encoding, delimiter, newline, skipBytes, headerRow, columns: null, fieldLimit: FIELD_LIMIT, minBatch: 1, maxBatch: Number.MAX_SAFE_INTEGER, chunkBytes: 64 * 1024 },
    {
      header(fields, line) {
        header = fields;
        headerLine = line;
      },
      batch(batch) {
        for (const row of batch.rows) if (previewRows.length < PREVIEW_ROWS) previewRows.push(row);
        for (const bad of batch.badRows) if (problems.length < MAX_PROBLEMS) problems.push(bad);
        records += batch.rows.length + batch.badRows.length;
        bytesAtStop = batch.bytesRead;
        return previewRows.length >= PREVIEW_ROWS ? 'stop' : undefined;
      },
    },
  );
  const exact = !summary.stopped;
  const cleaned = cleanHeaders(header);
  return {
    format: 'csv',
    size,
    encoding,
    encodingCandidates: encoding === guess.encoding ? guess.candidates : [encoding, ...guess.candidates.filter((c) => c !== encoding)],
    bom: bom?.encoding ?? null,
    encodingConflict: bom !== null && !sameEncoding(bom.encoding, encoding),
    delimiter,
    newline,
    sheets: [],
    sheet: null,
    headerRow: headerLine,
    headers: cleaned.headers,
    originalHeaders: cleaned.original,
    previewRows,
    estimatedRows: exact ? records : Math.round((records * size) / Math.max(1, bytesAtStop)),
    estimateExact: exact,
    problems,
    notices: [],
  };
}

async function sniffXlsx(path: string, size: number, options: SniffOptions): Promise<ExportPreview> {
  const info = await workbookInfo(path);
  let header: readonly string[] = [];
  let headerLine = 0;
  let sheet = '';
  const previewRows: SourceRow[] = [];
  const problems: BadRow[] = [];
  let records = 0;
  const summary = await readXlsx(
    path,
    info,
    { sheet: options.sheet ?? null, headerRow: options.headerRow ?? null, columns: null, fieldLimit: FIELD_LIMIT, minBatch: 1, maxBatch: PREVIEW_ROWS },
    {
      header(fields, line, name) {
        header = fields;
        headerLine = line;
        sheet = name;
      },
      batch(batch) {
        for (const row of batch.rows) if (previewRows.length < PREVIEW_ROWS) previewRows.push(row);
        for (const bad of batch.badRows) if (problems.length < MAX_PROBLEMS) problems.push(bad);
        records += batch.rows.length + batch.badRows.length;
        return previewRows.length >= PREVIEW_ROWS ? 'stop' : undefined;
      },
    },
  );
  const part = info.sheets.find((s) => s.name === sheet)?.part ?? '';
  const notices: SourceNotice[] = (await mergedRanges(path, info.entries, part)).map((range) => ({ code: 'MERGED_CELLS', params: { range, line: Number(/\d+/.exec(range)?.[0] ?? 0) } }));
  const lastRow = summary.stopped ? await sheetLastRow(path, info.entries, part) : null;
  const cleaned = cleanHeaders(header);
  return {
    format: 'xlsx',
    size,
    encoding: null,
    encodingCandidates: [],
    bom: null,
    encodingConflict: false,
    delimiter: null,
    newline: null,
    sheets: info.sheets.map((s) => s.name),
    sheet,
    headerRow: headerLine,
    headers: cleaned.headers,
    originalHeaders: cleaned.original,
    previewRows,
    estimatedRows: summary.stopped ? Math.max(records, (lastRow ?? 0) - headerLine) : records,
    estimateExact: !summary.stopped,
    problems,
    notices,
  };
}
