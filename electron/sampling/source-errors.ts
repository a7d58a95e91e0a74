import { StoreError, type StoreErrorCode } from '../../shared/store-errors.ts';
import { SamplingSourceError, type SourceErrorCode } from './source/index.ts';

const CODES: Record<SourceErrorCode, StoreErrorCode> = {
  EMPTY_FILE: 'SAMPLING_SOURCE_EMPTY',
  NOT_A_TABLE: 'SAMPLING_SOURCE_NOT_TABLE',
  NO_HEADER: 'SAMPLING_SOURCE_NO_HEADER',
  NO_SUCH_SHEET: 'SAMPLING_SOURCE_SHEET_MISSING',
  UNKNOWN_ENCODING: 'SAMPLING_SOURCE_ENCODING_UNKNOWN',
  UNKNOWN_DELIMITER: 'INVALID_VALUE',
  XLSX_DAMAGED: 'SAMPLING_SOURCE_UNREADABLE',
  UNREADABLE: 'SAMPLING_SOURCE_UNREADABLE',
};

/** A reader's refusal as the contract's error (the file's name added for the message); anything else passes through. */
export function sourceError(error: unknown, fileName: string): unknown {
  if (!(error instanceof SamplingSourceError)) return error;
  return new StoreError(CODES[error.code], error.message, { ...error.params, fileName, reason: String(error.params.reason ?? error.params.kind ?? error.code) });
}
