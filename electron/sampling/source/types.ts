/** The shapes the readers hand to the lead's import (electron/sampling/) and to the preview. */

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export type ExportFormat = 'csv' | 'xlsx';

/** Longest field (in characters) a record may hold; a longer one is a FIELD_TOO_LONG bad row, skipped whole. */
export const FIELD_LIMIT = 1_000_000;

/**
 * A record that cannot be imported as it stands, at the physical line it starts on (1-based, counting
 * newlines inside quoted fields; the sheet's row number in an XLSX).
 * - RAGGED: too few fields, or more fields with something in the extra ones (params.expected, params.actual);
 * - UNCLOSED_QUOTE: a quoted field never closed: the rest of the file was swallowed into it;
 * - NUL_BYTE: a NUL character in a field (params.column, 0-based);
 * - FIELD_TOO_LONG: a field longer than FIELD_LIMIT characters (params.limit); the record is skipped;
 * - CUT_OFF: the file ends in the middle of this record (no final newline and too few fields).
 */
export type BadRowCode = 'RAGGED' | 'UNCLOSED_QUOTE' | 'NUL_BYTE' | 'FIELD_TOO_LONG' | 'CUT_OFF';
export interface BadRow {
  readonly line: number;
  readonly code: BadRowCode;
  readonly params: Readonly<Record<string, number>>;
}

/** Worth telling the auditor, not a bad row. MERGED_CELLS: params.range ('A2:A3'), params.line (its first row). */
export interface SourceNotice {
  readonly code: 'MERGED_CELLS';
  readonly params: Readonly<{ range: string; line: number }>;
}

export interface SourceRow {
  /** The physical line (CSV) or sheet row (XLSX) the record starts on. */
  readonly line: number;
  /** The kept columns only, in the order of `columns`. */
  readonly cells: readonly string[];
}

export interface SourceBatch {
  readonly rows: readonly SourceRow[];
  readonly badRows: readonly BadRow[];
  readonly notices: readonly SourceNotice[];
  /** Bytes of the file read so far (for XLSX: of the workbook's zip), for progress. */
  readonly bytesRead: number;
  readonly totalBytes: number;
}

/** The caller's side: commit a slice, report progress; throw or answer 'stop' to cancel (the file is closed at once). */
export interface SourceSink {
  batch(batch: SourceBatch): Promise<void | 'stop'> | void | 'stop';
}

export interface ReadSummary {
  readonly rows: number;
  readonly badRows: number;
  /** The sink said 'stop'. */
  readonly stopped: boolean;
  readonly bytesRead: number;
}
