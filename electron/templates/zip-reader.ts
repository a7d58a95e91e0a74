import zlib from 'node:zlib';

/**
 * Reads a zip's central directory and inflates single entries, never more than an entry declares.
 * Written here rather than taken from a zip library because a template is hostile input until checked:
 * the check must see the declared sizes before anything is inflated, inflate with a hard cap (a zip
 * bomb declares little and inflates to gigabytes), and notice encrypted entries, duplicate names and
 * CRC errors that lenient readers pass over. Deflate itself is node:zlib's.
 */

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  /** What the directory declares; inflating checks it. */
  readonly size: number;
  readonly crc: number;
  readonly localHeaderOffset: number;
}

export type ZipProblem = 'bad-directory' | 'unsupported-compression' | 'bad-data' | 'declared-size-wrong' | 'crc' | 'duplicate-part';

export class ZipError extends Error {
  constructor(
    readonly reason: ZipProblem,
    readonly part?: string,
  ) {
    super(`zip: ${reason}${part ? ` (${part})` : ''}`);
    this.name = 'ZipError';
  }
}

const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function u64(data: DataView, at: number): number {
  const value = data.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('bad-directory');
  return Number(value);
}

interface Directory {
  readonly count: number;
  readonly offset: number;
  readonly size: number;
}

/** The end-of-central-directory record (zip64 when the classic fields overflow). */
function directoryOf(bytes: Uint8Array): Directory {
  const data = view(bytes);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (data.getUint32(at, true) !== END) continue;
    if (at + 22 + data.getUint16(at + 20, true) !== bytes.length) continue; // a signature inside the comment
    if (data.getUint16(at + 4, true) !== 0 || data.getUint16(at + 6, true) !== 0) throw new ZipError('bad-directory'); // split archives
    let count = data.getUint16(at + 10, true);
    let size = data.getUint32(at + 12, true);
    let offset = data.getUint32(at + 16, true);
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      const locator = at - 20;
      if (locator < 0 || data.getUint32(locator, true) !== END64_LOCATOR) throw new ZipError('bad-directory');
      const end64 = u64(data, locator + 8);
      if (end64 + 56 > bytes.length || data.getUint32(end64, true) !== END64) throw new ZipError('bad-directory');
      count = u64(data, end64 + 32);
      size = u64(data, end64 + 40);
      offset = u64(data, end64 + 48);
    }
    if (offset + size > bytes.length) throw new ZipError('bad-directory');
    return { count, offset, size };
  }
  throw new ZipError('bad-directory');
}

/** How many entries the directory says it holds, read before any entry is parsed. */
export function zipEntryCount(bytes: Uint8Array): number {
  return directoryOf(bytes).count;
}

/** The entries of the central directory, checked against the file's bounds. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const { count, offset, size } = directoryOf(bytes);
  const data = view(bytes);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || data.getUint32(at, true) !== CENTRAL) throw new ZipError('bad-directory');
    const flags = data.getUint16(at + 8, true);
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > bytes.length) throw new ZipError('bad-directory');
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = data.getUint32(at + 20, true);
    let entrySize = data.getUint32(at + 24, true);
    let localHeaderOffset = data.getUint32(at + 42, true);
    // Zip64 extra field: the 64-bit values, in order, of the fields that overflowed.
    for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = data.getUint16(extra, true);
      const length = data.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        if (entrySize === 0xffffffff) {
          entrySize = u64(data, field);
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(data, field);
          field += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(data, field);
      }
      extra += 4 + length;
    }
    if (names.has(name)) throw new ZipError('duplicate-part', name);
    names.add(name);
    entries.push({
      name,
      method: data.getUint16(at + 10, true),
      encrypted: (flags & 1) === 1,
      compressedSize,
      size: entrySize,
      crc: data.getUint32(at + 16, true),
      localHeaderOffset,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's content: at most its declared size, which it must match exactly, with its CRC. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = view(bytes);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || data.getUint32(local, true) !== LOCAL) throw new ZipError('bad-directory', entry.name);
  const start = local + 30 + data.getUint16(local + 26, true) + data.getUint16(local + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ZipError('bad-directory', entry.name);
  const raw = bytes.subarray(start, start + entry.compressedSize);
  let content: Uint8Array;
  if (entry.method === 0) {
    content = raw;
  } else if (entry.method === 8) {
    try {
      content = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      // Past the cap: the entry holds more than it declares (a bomb hiding its size).
      const code = (error as { code?: string }).code;
      throw new ZipError(code === 'ERR_BUFFER_TOO_LARGE' ? 'declared-size-wrong' : 'bad-data', entry.name);
    }
  } else {
    throw new ZipError('unsupported-compression', entry.name);
  }
  if (content.length !== entry.size) throw new ZipError('declared-size-wrong', entry.name);
  if (zlib.crc32(content) >>> 0 !== entry.crc >>> 0) throw new ZipError('crc', entry.name);
  return content;
}
