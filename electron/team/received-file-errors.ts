import { StoreError, isStoreError, type StoreErrorCode } from '../../shared/store-errors.ts';

/**
 * Every failure reading a file received from a team member becomes a code the renderer explains:
 * damaged, not closed properly, not a package, from a newer app. Raw SQLite or JSON messages never
 * cross the transport (an unexpected error stays INTERNAL and is logged where it happened).
 */

/** Store refusals of a file to open, as they read when the file is someone else's copy to import. */
const RECEIVED: Partial<Record<StoreErrorCode, { code: StoreErrorCode; reason?: string }>> = {
  HOT_JOURNAL: { code: 'MERGE_NOT_CLOSED', reason: 'hot_journal' },
  FOREIGN_JOURNAL: { code: 'MERGE_NOT_CLOSED', reason: 'foreign_journal' },
  WAL_PRESENT: { code: 'MERGE_NOT_CLOSED', reason: 'wal' },
  NOT_ENGAGEMENT: { code: 'MERGE_NOT_A_PACKAGE' },
  NOT_SQLITE: { code: 'MERGE_NOT_A_PACKAGE' },
  FILE_EMPTY: { code: 'MERGE_DAMAGED', reason: 'empty' },
  TRUNCATED: { code: 'MERGE_DAMAGED', reason: 'truncated' },
  CORRUPT: { code: 'MERGE_DAMAGED', reason: 'corrupt' },
  SCHEMA_MISMATCH: { code: 'MERGE_DAMAGED', reason: 'structure' },
  NEWER_VERSION: { code: 'MERGE_NEWER_VERSION' },
};

function sqliteErrorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

function fromSqlite(code: string): StoreError | null {
  const damaged = (reason: string): StoreError => new StoreError('MERGE_DAMAGED', `The file is damaged (${reason})`, { reason });
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR_SHORT_READ')) return damaged('corrupt');
  if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG') return damaged('invalid_value');
  // A read-only connection meets a journal it would have to roll back: the copy was not closed.
  if (code === 'SQLITE_READONLY_ROLLBACK' || code === 'SQLITE_READONLY_RECOVERY') {
    return new StoreError('MERGE_NOT_CLOSED', 'The copy was not closed properly', { reason: 'hot_journal' });
  }
  if (code.startsWith('SQLITE_READONLY')) return new StoreError('READ_ONLY', 'This engagement is open read-only');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new StoreError('LOCKED', 'The file is open in another program');
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL') {
    return new StoreError('IO_ERROR', 'The file could not be read');
  }
  return null;
}

/** The error to report for a failure while reading or merging a received file. */
export function receivedFileError(error: unknown): unknown {
  if (isStoreError(error)) {
    const mapped = RECEIVED[error.code];
    if (!mapped) return error;
    const { requiredVersion } = error.params;
    return new StoreError(mapped.code, error.message, {
      ...(mapped.reason ? { reason: mapped.reason } : {}),
      ...(requiredVersion !== undefined ? { requiredVersion } : {}),
    });
  }
  if (error instanceof SyntaxError) return new StoreError('MERGE_DAMAGED', 'A recorded value cannot be read', { reason: 'unreadable_value' });
  const sqlite = sqliteErrorCode(error);
  return (sqlite && fromSqlite(sqlite)) || error;
}

/** Runs `read` and reports any failure as a received-file error. */
export function readingReceived<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw receivedFileError(error);
  }
}

/**
 * A failure while merging a package that was read and verified: values that break this file's
 * rules are the package's fault; damage, a full disk or a read-only file are this engagement's.
 */
export function mergeError(error: unknown): unknown {
  if (isStoreError(error)) return error;
  const code = sqliteErrorCode(error);
  if (code && (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG')) {
    return new StoreError('MERGE_DAMAGED', 'A value in the package breaks a rule of the engagement file', { reason: 'invalid_value' });
  }
  // Every value of the package was checked: a value that cannot be read is one of this file's.
  if (error instanceof SyntaxError || code?.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new StoreError('CORRUPT', 'This engagement is damaged: the import stopped, nothing was changed');
  }
  return (code && fromSqlite(code)) || error;
}

/** Runs a merge and reports any failure as the package's or this engagement's, by mergeError. */
export function merging<T>(merge: () => T): T {
  try {
    return merge();
  } catch (error) {
    throw mergeError(error);
  }
}
