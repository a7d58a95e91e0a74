/**
 * Why an export cannot be read at all. A code with parameters, never an English sentence: the renderer
 * words it (DESIGN.md). Bad rows inside a readable file are not errors: they are reported with their
 * line (see `BadRow` in types.ts) and the caller decides to skip them or stop.
 */
export const SOURCE_ERROR_CODES = [
  /** The file has no bytes (or only a byte-order mark). */
  'EMPTY_FILE',
  /** Not a text table nor an XLSX workbook: params.kind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'zip' | 'xls' | 'gzip' | '7z' | 'rar' | 'binary'. */
  'NOT_A_TABLE',
  /** No header row at or after params.headerRow (the file or sheet has no records there). */
  'NO_HEADER',
  /** params.sheet is not in the workbook; params.sheets lists the ones that are. */
  'NO_SUCH_SHEET',
  /** params.encoding is not an encoding iconv-lite knows. */
  'UNKNOWN_ENCODING',
  /** params.delimiter is not one of , ; tab | */
  'UNKNOWN_DELIMITER',
  /** The workbook's zip or XML is damaged: params.reason. */
  'XLSX_DAMAGED',
  /** The file system refused: params.reason is the Node error code (ENOENT, EACCES…). */
  'UNREADABLE',
] as const;
export type SourceErrorCode = (typeof SOURCE_ERROR_CODES)[number];

export class SamplingSourceError extends Error {
  constructor(
    readonly code: SourceErrorCode,
    readonly params: Readonly<Record<string, string | number | readonly string[]>> = {},
  ) {
    super(`sampling source: ${code} ${JSON.stringify(params)}`);
    this.name = 'SamplingSourceError';
  }
}

/** A file-system error as UNREADABLE; anything already coded passes through. */
export function asSourceError(error: unknown): unknown {
  if (error instanceof SamplingSourceError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return new SamplingSourceError('UNREADABLE', { reason: code });
  return error;
}
