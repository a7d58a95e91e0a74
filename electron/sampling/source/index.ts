/**
 * Reading a client's ITSM export for record sampling (issue 20, "Importing an export", "Bad input"):
 * detection and preview (sniffExport), then the streaming read of the kept columns (readExport).
 * The SQLite side (electron/sampling/) consumes the batches.
 */
export { sniffExport, PREVIEW_ROWS, type ExportPreview, type SniffOptions } from './sniff.ts';
export { readExport, BATCH_MAX, BATCH_MIN, type ReadExportOptions } from './read.ts';
export { SamplingSourceError, SOURCE_ERROR_CODES, type SourceErrorCode } from './errors.ts';
export { DELIMITERS, FIELD_LIMIT, type BadRow, type BadRowCode, type Delimiter, type ExportFormat, type ReadSummary, type SourceBatch, type SourceNotice, type SourceRow, type SourceSink } from './types.ts';
export type { BomEncoding } from './encoding.ts';
export type { Newline } from './dialect.ts';
