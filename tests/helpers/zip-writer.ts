import zlib from 'node:zlib';

/**
 * A minimal zip writer for test files (the repo has no zip library of its own): stored or deflated
 * entries, and the lies a hostile file tells — a declared size smaller than the content (a zip bomb
 * that hides), an entry flagged as encrypted, a wrong CRC — which no well-behaved library would write.
 */
export interface ZipEntryInput {
  readonly name: string;
  readonly data: Uint8Array | string;
  readonly method?: 'store' | 'deflate';
  /** Declared uncompressed size, when it should not be the real one. */
  readonly declaredSize?: number;
  /** Sets general-purpose bit 0 (encrypted) without encrypting. */
  readonly flagEncrypted?: boolean;
  readonly badCrc?: boolean;
}

export function zipFiles(entries: readonly ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const method = entry.method ?? 'deflate';
    const body = method === 'deflate' ? zlib.deflateRawSync(raw) : raw;
    const crc = (zlib.crc32(raw) ^ (entry.badCrc ? 0xffffffff : 0)) >>> 0;
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? raw.length;
    const flags = 0x0800 | (entry.flagEncrypted ? 1 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method === 'deflate' ? 8 : 0, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method === 'deflate' ? 8 : 0, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
