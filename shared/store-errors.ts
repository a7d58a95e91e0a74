/**
 * Error codes of the engagement store. They cross the worker boundary (and later the IPC and HTTP
 * transports) as plain JSON; the renderer turns each code into a message that says what to do.
 */
export const STORE_ERROR_CODES = [
  'FILE_NOT_FOUND',
  'NOT_A_FILE',
  'FILE_EMPTY',
  'NOT_SQLITE',
  'NOT_ENGAGEMENT',
  'TRUNCATED',
  'CORRUPT',
  'HOT_JOURNAL',
  'FOREIGN_JOURNAL',
  'WAL_PRESENT',
  'NEWER_VERSION',
  'OLDER_VERSION_READ_ONLY',
  'SCHEMA_MISMATCH',
  'LOCKED',
  'READ_ONLY',
  'FILE_EXISTS',
  'DESTINATION_OPEN',
  'INVALID_VALUE',
  'ROW_NOT_FOUND',
  'UNKNOWN_HANDLE',
  'JOB_CANCELLED',
  'BACKUP_NOT_FOUND',
  'NO_INSTALLATION_USER',
  'IO_ERROR',
  'MERGE_NOT_A_PACKAGE',
  'MERGE_PASSPHRASE_REQUIRED',
  'MERGE_WRONG_PASSPHRASE',
  'MERGE_DAMAGED',
  'MERGE_NOT_CLOSED',
  'MERGE_OTHER_ENGAGEMENT',
  'MERGE_NEWER_VERSION',
  'MERGE_BROKEN_CHAIN',
  'SOURCE_OPEN',
  'EARLIER_MEMBER_COPY',
  'NOT_A_TEAM_MEMBER',
  'FILE_DAMAGED',
  'PACK_NOT_FOUND',
  'PROFILE_NOT_FOUND',
  // Evidence files (issue 16).
  'EVIDENCE_FILE_EMPTY',
  'EVIDENCE_FILE_TOO_LARGE',
  'EVIDENCE_IMAGE_TOO_LARGE',
  'EVIDENCE_FORMAT_REFUSED',
  'EVIDENCE_IMAGE_DAMAGED',
  'EVIDENCE_UPLOAD_INCOMPLETE',
  'EVIDENCE_UPLOAD_GONE',
  'EVIDENCE_FILE_NOT_HERE',
  // Findings, the closing meeting, corrective actions (issue 17).
  'FINDING_NOT_FOUND',
  'FINDINGS_LEAD_ONLY',
  'CA_TRANSITION_REFUSED',
  'CA_DATE_BEFORE_AUDIT',
  'SIGNATURE_EMPTY',
  'LINKED_FILE_SAME_ENGAGEMENT',
  'LINKED_FILE_NEWER',
  // The audit report (issue 18).
  'REPORT_INCOMPLETE',
  // Record sampling from the client's exports (issue 20): the file (params: line, reason, fileName) …
  'SAMPLING_SOURCE_EMPTY',
  'SAMPLING_SOURCE_NOT_TABLE',
  'SAMPLING_SOURCE_NO_HEADER',
  'SAMPLING_SOURCE_SHEET_MISSING',
  'SAMPLING_SOURCE_ENCODING_UNKNOWN',
  'SAMPLING_SOURCE_UNREADABLE',
  'SAMPLING_BAD_ROW',
  // … the mapping and the population …
  'SAMPLING_NO_ID_COLUMN',
  'SAMPLING_NO_ROWS',
  'SAMPLING_ROWS_NOT_HERE',
  // … and the sample (size, strata, picks, seed).
  'SAMPLING_SIZE_INVALID',
  'SAMPLING_STRATUM_COLUMN',
  'SAMPLING_SEED_INVALID',
  'SAMPLING_PICK_INVALID',
  'INTERNAL',
] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number | boolean | null | readonly string[]>;

export interface StoreErrorJson {
  readonly code: StoreErrorCode;
  readonly params: ErrorParams;
  readonly message: string;
}

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly params: ErrorParams = {},
  ) {
    super(message);
    this.name = 'StoreError';
  }

  toJSON(): StoreErrorJson {
    return { code: this.code, params: this.params, message: this.message };
  }

  static fromJSON(json: StoreErrorJson): StoreError {
    return new StoreError(json.code, json.message, json.params);
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}
