import fs from 'node:fs';
import { ENGAGEMENT_APPLICATION_ID, HOT_JOURNAL_MAGIC, SQLITE_HEADER_MAGIC, isValidPageSize } from './file-format.ts';

/**
 * What lies in `<file>-journal`, read with plain reads before SQLite may see it. SQLite rolls back
 * any journal whose first byte is non-zero and deletes whatever it cannot use, so the kind decides
 * what we do first:
 * - 'none': no journal, or an empty one;
 * - 'leftover': the magic is zeroed: the normal remains of a transaction that ended in exclusive
 *   mode, or of one interrupted before its journal was synced (SQLite ignores it);
 * - 'hot': a rollback journal of this file (magic, our page size, page 1 — if it holds it — ours):
 *   recovered only with the user's consent;
 * - 'foreign': anything else — random bytes, text, the journal of another database. SQLite would
 *   delete it, or worse play another database's pages into ours; it is set aside first.
 */
export type JournalKind = 'none' | 'leftover' | 'hot' | 'foreign';

/** The journal header's fixed part (https://sqlite.org/fileformat.html#the_rollback_journal). */
const HEADER_BYTES = 28;
/** Reading every page record of a huge journal is not needed to tell ours from another's. */
const MAX_RECORDS_CHECKED = 10_000;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = fs.readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

/** A journal page record that holds page 1 must hold page 1 of an engagement file. */
function pageOneIsOurs(page: Buffer): boolean {
  return page.length >= 72 && page.subarray(0, 16).equals(SQLITE_HEADER_MAGIC) && page.readUInt32BE(68) === ENGAGEMENT_APPLICATION_ID;
}

/** Whether a journal that starts with the magic belongs to the database whose page size is `pageSize`. */
function hotJournalIsOurs(fd: number, size: number, pageSize: number): boolean {
  const header = readAt(fd, 0, HEADER_BYTES);
  if (header.length < HEADER_BYTES) return false;
  const declaredRecords = header.readUInt32BE(8);
  const sectorSize = header.readUInt32BE(20);
  const journalPageSize = header.readUInt32BE(24);
  if (journalPageSize !== pageSize || !isValidPageSize(sectorSize) || sectorSize < HEADER_BYTES) return false;
  const recordSize = 4 + pageSize + 4;
  const available = Math.floor(Math.max(0, size - sectorSize) / recordSize);
  // 0xFFFFFFFF: the count was never written (no-sync mode); SQLite then reads what is there.
  const records = Math.min(declaredRecords === 0xffffffff ? available : declaredRecords, available, MAX_RECORDS_CHECKED);
  for (let i = 0; i < records; i++) {
    const offset = sectorSize + i * recordSize;
    const pageNumber = readAt(fd, offset, 4).readUInt32BE(0);
    if (pageNumber === 1) return pageOneIsOurs(readAt(fd, offset + 4, 100));
  }
  return true;
}

/** Classifies `<file>-journal` for the database file whose page size is `pageSize`. */
export function classifyJournal(journalPath: string, pageSize: number): JournalKind {
  let fd: number;
  try {
    fd = fs.openSync(journalPath, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw error;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return 'none';
    const head = readAt(fd, 0, HEADER_BYTES);
    // SQLite writes a journal's header with the magic zeroed and sets the magic only when it syncs
    // the journal, before the first page reaches the file; it zeroes it again when the transaction
    // ends in exclusive mode. Either way SQLite will not play it back: ours, and harmless.
    if (head.subarray(0, HOT_JOURNAL_MAGIC.length).every((byte) => byte === 0)) return 'leftover';
    if (head.length >= HOT_JOURNAL_MAGIC.length && head.subarray(0, HOT_JOURNAL_MAGIC.length).equals(HOT_JOURNAL_MAGIC)) {
      return hotJournalIsOurs(fd, size, pageSize) ? 'hot' : 'foreign';
    }
    return 'foreign';
  } finally {
    fs.closeSync(fd);
  }
}
