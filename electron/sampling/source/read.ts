import { readCsv } from './csv-reader.ts';
import { detectNewline } from './dialect.ts';
import { canonicalEncoding, readBom } from './encoding.ts';
import { asSourceError, SamplingSourceError } from './errors.ts';
import { checkDelimiter, formatOf, readHead } from './sniff.ts';
import { FIELD_LIMIT, type ExportFormat, type ReadSummary, type SourceSink } from './types.ts';
import { readXlsx, workbookInfo } from './xlsx-reader.ts';
import iconv from 'iconv-lite';

/** The choices the preview settled (ExportPreview's values), and the kept columns. */
export interface ReadExportOptions {
  readonly format: ExportFormat;
  /** CSV only. */
  readonly encoding?: string;
  readonly delimiter?: string;
  /** XLSX only. */
  readonly sheet?: string;
  /** The physical line (CSV) or sheet row (XLSX) of the header, as the preview found it. */
  readonly headerRow: number;
  /** The kept columns' indexes (0-based, in the header); a dropped column's values are never handed on. */
  readonly columns: readonly number[];
}

/** Rows waiting before a batch goes to the sink, and the most in one. */
export const BATCH_MIN = 2000;
export const BATCH_MAX = 5000;

/**
 * Streams the whole export to the sink in batches of 2,000–5,000 rows with the bad rows met on the way.
 * The sink is awaited between batches: it commits, reports progress, and cancels by throwing or
 * answering 'stop' (the file is closed at once).
 */
export async function readExport(path: string, options: ReadExportOptions, sink: SourceSink): Promise<ReadSummary> {
  for (const c of options.columns) if (!Number.isInteger(c) || c < 0) throw new RangeError(`column index ${c}`);
  const { head, size } = await readHead(path);
  const format = formatOf(head, size);
  if (format !== options.format) throw new SamplingSourceError(format === 'xlsx' ? 'NOT_A_TABLE' : 'XLSX_DAMAGED', format === 'xlsx' ? { kind: 'zip' } : { reason: 'not-a-zip' });
  const batch = (b: Parameters<SourceSink['batch']>[0]) => sink.batch(b);
  try {
    if (format === 'xlsx') {
      const info = await workbookInfo(path);
      return await readXlsx(path, info, { sheet: options.sheet ?? null, headerRow: options.headerRow, columns: options.columns, fieldLimit: FIELD_LIMIT, minBatch: BATCH_MIN, maxBatch: BATCH_MAX }, { header() {}, batch });
    }
    const encoding = canonicalEncoding(options.encoding ?? 'utf-8');
    const delimiter = checkDelimiter(options.delimiter ?? ',');
    const skipBytes = readBom(head)?.length ?? 0;
    const newline = detectNewline(iconv.decode(Buffer.from(head.subarray(skipBytes)), encoding, { stripBOM: false }));
    return await readCsv(
      path,
      { encoding, delimiter, newline, skipBytes, headerRow: options.headerRow, columns: options.columns, fieldLimit: FIELD_LIMIT, minBatch: BATCH_MIN, maxBatch: BATCH_MAX },
      { header() {}, batch },
    );
  } catch (error) {
    throw asSourceError(error);
  }
}
