import fs from 'node:fs';
import { StoreError } from '../../shared/store-errors.ts';
import {
  ENGAGEMENT_APPLICATION_ID,
  isValidPageSize,
  parseSqliteHeader,
  type SqliteHeader,
} from './file-format.ts';
import { classifyJournal, type JournalKind } from './journal-check.ts';

export interface PreopenReport {
  readonly header: SqliteHeader;
  readonly size: number;
  readonly mtimeMs: number;
  /** The file's mode has no write bit, or opening it for writing failed. */
  readonly readOnly: boolean;
  /** A hot rollback journal is beside the file (only returned when recovery was allowed). */
  readonly hotJournal: boolean;
  /** A -journal that is not ours lies beside the file (only returned when setting it aside was allowed). */
  readonly foreignJournal: boolean;
}

export interface PreopenOptions {
  /** The user agreed to roll back a hot journal. */
  readonly allowHotJournal?: boolean;
  /** The caller sets a foreign journal aside (copies, then removes it) before SQLite opens the file. */
  readonly allowForeignJournal?: boolean;
}

/** The first bytes of a file, with a descriptor closed at once (never on an open engagement). */
export function readPrefix(path: string, length: number): Buffer {
  const fd = fs.openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = fs.readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

function statOrNull(path: string): fs.Stats | null {
  try {
    return fs.statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function writable(path: string, stat: fs.Stats): boolean {
  // Root passes access(W_OK) on any file, so the mode bits decide first (CI runs as root).
  if ((stat.mode & 0o222) === 0) return false;
  try {
    fs.closeSync(fs.openSync(path, 'r+'));
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return false;
    throw error;
  }
}

/**
 * Checks a file with plain reads before SQLite may touch it: SQLite would otherwise roll back a
 * journal, apply a -wal, or write to a file that is not ours. The caller has already made sure the
 * file is not open in this process (closing our descriptor would drop that connection's locks).
 */
export function preopenCheck(path: string, options: PreopenOptions = {}): PreopenReport {
  const stat = statOrNull(path);
  if (!stat) throw new StoreError('FILE_NOT_FOUND', `No file at ${path}`, { path });
  if (!stat.isFile()) throw new StoreError('NOT_A_FILE', `${path} is a folder, not an engagement file`, { path });
  if (stat.size === 0) throw new StoreError('FILE_EMPTY', `${path} is empty (0 bytes)`, { path });

  const header = parseSqliteHeader(readPrefix(path, 100));
  if (!header || !isValidPageSize(header.pageSize)) {
    throw new StoreError('NOT_SQLITE', `${path} is not an engagement file (not a SQLite database)`, { path });
  }
  if (header.applicationId !== ENGAGEMENT_APPLICATION_ID) {
    throw new StoreError('NOT_ENGAGEMENT', `${path} is a database of another application`, {
      path,
      applicationId: header.applicationId,
    });
  }
  const wal = statOrNull(`${path}-wal`);
  if (wal && wal.size > 0) {
    throw new StoreError('WAL_PRESENT', `A write-ahead log (${path}-wal) lies beside the file`, { path });
  }

  const journal: JournalKind = classifyJournal(`${path}-journal`, header.pageSize);
  const hotJournal = journal === 'hot';
  if (hotJournal && !options.allowHotJournal) {
    throw new StoreError('HOT_JOURNAL', `${path} was not closed properly: an unfinished change must be rolled back`, {
      path,
    });
  }
  if (journal === 'foreign' && !options.allowForeignJournal) {
    throw new StoreError('FOREIGN_JOURNAL', `A file ${path}-journal that Audit Workbench did not write lies beside the file`, {
      path,
    });
  }

  const pageCountKnown = header.pageCountValidFor === header.changeCounter && header.pageCount > 0;
  // A crash during COMMIT can leave page 1 (new size) written before the file grew; the hot
  // journal holds the original size and rollback restores it, so that file is not truncated.
  if (!hotJournal && (stat.size % header.pageSize !== 0 || (pageCountKnown && stat.size < header.pageCount * header.pageSize))) {
    throw new StoreError('TRUNCATED', `${path} is shorter than its header says: it was cut off`, {
      path,
      size: stat.size,
      expected: pageCountKnown ? header.pageCount * header.pageSize : -1,
    });
  }

  return {
    header,
    size: stat.size,
    mtimeMs: stat.mtimeMs,
    readOnly: !writable(path, stat),
    hotJournal,
    foreignJournal: journal === 'foreign',
  };
}
