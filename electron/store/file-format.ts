/** Identity of an engagement file (*.iso20k): fixed bytes we can check before SQLite touches it. */

/** PRAGMA application_id of every engagement file ("AW20" in ASCII). */
export const ENGAGEMENT_APPLICATION_ID = 0x41573230;
/** PRAGMA application_id of the app-data store ("AWAD"): a different id so neither opens as the other. */
export const APP_DATA_APPLICATION_ID = 0x41574144;
export { ENGAGEMENT_EXTENSION } from '../../shared/file-kinds.ts';

export const SQLITE_HEADER_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** A rollback journal that starts with these bytes is hot: SQLite would roll it back on open. */
export const HOT_JOURNAL_MAGIC = Buffer.from('d9d505f920a163d7', 'hex');

export interface SqliteHeader {
  readonly pageSize: number;
  readonly writeVersion: number;
  readonly readVersion: number;
  readonly changeCounter: number;
  readonly pageCount: number;
  readonly pageCountValidFor: number;
  readonly userVersion: number;
  readonly applicationId: number;
}

/** Parses the 100-byte database header (https://sqlite.org/fileformat.html#the_database_header). */
export function parseSqliteHeader(bytes: Buffer): SqliteHeader | null {
  if (bytes.length < 100 || !bytes.subarray(0, 16).equals(SQLITE_HEADER_MAGIC)) return null;
  const rawPageSize = bytes.readUInt16BE(16);
  return {
    pageSize: rawPageSize === 1 ? 65536 : rawPageSize,
    writeVersion: bytes.readUInt8(18),
    readVersion: bytes.readUInt8(19),
    changeCounter: bytes.readUInt32BE(24),
    pageCount: bytes.readUInt32BE(28),
    pageCountValidFor: bytes.readUInt32BE(92),
    userVersion: bytes.readInt32BE(60),
    applicationId: bytes.readInt32BE(68) >>> 0,
  };
}

export function isValidPageSize(size: number): boolean {
  return size >= 512 && size <= 65536 && (size & (size - 1)) === 0;
}
