/**
 * A strict reader of the few EXIF fields the photo policy needs, and a writer of the minimal EXIF
 * block written back after stripping. EXIF is a TIFF structure: a byte-order mark, directories
 * (IFDs) of 12-byte entries, and values stored elsewhere in the block at offsets.
 *
 * Strict because the question is not only "what does it say" but "can it be trusted": exifreader
 * (used by the tests as an independent reader) skips a damaged directory silently, while a photo
 * policy must say when it could not read the block ('exif-unreadable'). Every offset is checked
 * against the block's length; no directory is followed twice; nothing is allocated from a count.
 */

export interface ExifFacts {
  /** Orientation 1–8 from IFD0, null when absent or out of range. */
  readonly orientation: number | null;
  /** DateTimeOriginal as written ('YYYY:MM:DD HH:MM:SS' in a well-formed photo), not yet validated. */
  readonly dateTimeOriginal: string | null;
  /** OffsetTimeOriginal as written ('+08:00'), not yet validated. */
  readonly offsetTimeOriginal: string | null;
  /** The block points to a GPS directory (even an empty or damaged one: a location may be there). */
  readonly hasGps: boolean;
  /** GPSLatitude/GPSLongitude with their references, as read (converted and checked by gpsDegrees). */
  readonly gps: { readonly latitude: readonly number[]; readonly latitudeRef: string; readonly longitude: readonly number[]; readonly longitudeRef: string } | null;
  readonly hasMakerNote: boolean;
  /** Some part of the block could not be read: the fields above hold only what was readable. */
  readonly damaged: boolean;
}

const TAG = {
  orientation: 0x0112,
  exifIfd: 0x8769,
  gpsIfd: 0x8825,
  exifVersion: 0x9000,
  dateTimeOriginal: 0x9003,
  offsetTimeOriginal: 0x9011,
  makerNote: 0x927c,
  gpsLatitudeRef: 1,
  gpsLatitude: 2,
  gpsLongitudeRef: 3,
  gpsLongitude: 4,
} as const;

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;
const ASCII = 2;
const UNDEFINED = 7;
const IFD = 13;

class Damaged extends Error {}

interface Entry {
  readonly type: number;
  readonly count: number;
  /** Where the value's bytes start in the block, or -1 when they lie outside it. */
  readonly at: number;
}

class TiffReader {
  private readonly view: DataView;
  readonly little: boolean;

  constructor(readonly bytes: Uint8Array) {
    if (bytes.length < 8) throw new Damaged('shorter than a TIFF header');
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const order = String.fromCharCode(bytes[0]!, bytes[1]!);
    if (order !== 'II' && order !== 'MM') throw new Damaged('no byte order');
    this.little = order === 'II';
    if (this.u16(2) !== 42) throw new Damaged('not TIFF');
  }

  u16 = (at: number): number => this.view.getUint16(at, this.little);
  u32 = (at: number): number => this.view.getUint32(at, this.little);

  /** The entries of the directory at `offset`, by tag; throws when the directory is outside the block. */
  directory(offset: number): Map<number, Entry> {
    if (offset < 8 || offset + 2 > this.bytes.length) throw new Damaged(`directory at ${offset} is outside the block`);
    const count = this.u16(offset);
    if (offset + 2 + 12 * count > this.bytes.length) throw new Damaged(`directory at ${offset} runs past the block`);
    const entries = new Map<number, Entry>();
    for (let i = 0; i < count; i++) {
      const e = offset + 2 + 12 * i;
      const type = this.u16(e + 2);
      const size = TYPE_SIZE[type];
      if (size === undefined) continue; // unknown types are skipped, as TIFF readers must
      const n = this.u32(e + 4);
      const bytes = size * n;
      const at = bytes <= 4 ? e + 8 : this.u32(e + 8);
      entries.set(this.u16(e), { type, count: n, at: at + bytes <= this.bytes.length ? at : -1 });
    }
    return entries;
  }

  /** A pointer to another directory (LONG or IFD, one value), or null when absent. */
  pointer(entry: Entry | undefined): number | null {
    if (!entry) return null;
    if ((entry.type !== LONG && entry.type !== IFD) || entry.count !== 1 || entry.at < 0) throw new Damaged('bad directory pointer');
    return this.u32(entry.at);
  }

  short(entry: Entry | undefined): number | null {
    if (!entry) return null;
    if (entry.at < 0) throw new Damaged('value outside the block');
    if (entry.type === SHORT && entry.count >= 1) return this.u16(entry.at);
    if (entry.type === LONG && entry.count >= 1) return this.u32(entry.at);
    return null;
  }

  ascii(entry: Entry | undefined): string | null {
    if (!entry) return null;
    if (entry.at < 0) throw new Damaged('value outside the block');
    if (entry.type !== ASCII && entry.type !== UNDEFINED) return null;
    let text = '';
    for (let i = 0; i < entry.count; i++) {
      const c = this.bytes[entry.at + i]!;
      if (c === 0) break;
      text += String.fromCharCode(c);
    }
    return text.trim();
  }

  rationals(entry: Entry | undefined): number[] | null {
    if (!entry) return null;
    if (entry.at < 0) throw new Damaged('value outside the block');
    if (entry.type !== RATIONAL) return null;
    const values: number[] = [];
    for (let i = 0; i < entry.count && i < 3; i++) {
      const den = this.u32(entry.at + 8 * i + 4);
      values.push(den === 0 ? Number.NaN : this.u32(entry.at + 8 * i) / den);
    }
    return values;
  }
}

/**
 * The fields of an EXIF block (the TIFF structure, without JPEG's 'Exif\0\0' prefix) that the photo
 * policy needs. Never throws: what cannot be read is null and `damaged` is set.
 */
export function readExif(tiff: Uint8Array): ExifFacts {
  const facts = { orientation: null as number | null, dateTimeOriginal: null as string | null, offsetTimeOriginal: null as string | null, hasGps: false, gps: null as ExifFacts['gps'], hasMakerNote: false, damaged: false };
  let reader: TiffReader;
  let ifd0: Map<number, Entry>;
  try {
    reader = new TiffReader(tiff);
    ifd0 = reader.directory(reader.u32(4));
  } catch (error) {
    if (error instanceof Damaged || error instanceof RangeError) return { ...facts, damaged: true };
    throw error;
  }
  const attempt = (read: () => void) => {
    try {
      read();
    } catch (error) {
      if (!(error instanceof Damaged || error instanceof RangeError)) throw error;
      facts.damaged = true;
    }
  };
  attempt(() => {
    const orientation = reader.short(ifd0.get(TAG.orientation));
    facts.orientation = orientation !== null && orientation >= 1 && orientation <= 8 ? orientation : null;
  });
  attempt(() => {
    const offset = reader.pointer(ifd0.get(TAG.exifIfd));
    if (offset === null) return;
    const exif = reader.directory(offset);
    facts.hasMakerNote = exif.has(TAG.makerNote);
    attempt(() => {
      facts.dateTimeOriginal = reader.ascii(exif.get(TAG.dateTimeOriginal));
    });
    attempt(() => {
      facts.offsetTimeOriginal = reader.ascii(exif.get(TAG.offsetTimeOriginal));
    });
  });
  facts.hasGps = ifd0.has(TAG.gpsIfd);
  attempt(() => {
    const offset = reader.pointer(ifd0.get(TAG.gpsIfd));
    if (offset === null) return;
    const gps = reader.directory(offset);
    const latitude = reader.rationals(gps.get(TAG.gpsLatitude));
    const longitude = reader.rationals(gps.get(TAG.gpsLongitude));
    if (latitude && longitude) facts.gps = { latitude, latitudeRef: reader.ascii(gps.get(TAG.gpsLatitudeRef)) ?? '', longitude, longitudeRef: reader.ascii(gps.get(TAG.gpsLongitudeRef)) ?? '' };
  });
  return facts;
}

/** What the minimal EXIF block written after stripping holds. */
export interface MinimalExif {
  readonly orientation: number | null;
  readonly dateTimeOriginal?: string | null;
  readonly offsetTimeOriginal?: string | null;
}

/**
 * A minimal EXIF block (TIFF structure, big-endian) holding only the orientation and, when given,
 * DateTimeOriginal and OffsetTimeOriginal; null when there is nothing worth writing (no
 * orientation other than 1 and no time).
 */
export function minimalExif(fields: MinimalExif): Buffer | null {
  const orientation = fields.orientation !== null && fields.orientation >= 1 && fields.orientation <= 8 ? fields.orientation : null;
  const date = fields.dateTimeOriginal ?? null;
  const offset = date !== null ? (fields.offsetTimeOriginal ?? null) : null;
  if ((orientation === null || orientation === 1) && date === null) return null;

  const ifd0Entries = (orientation !== null ? 1 : 0) + (date !== null ? 1 : 0);
  const ifd0Size = 2 + 12 * ifd0Entries + 4;
  const exifEntries = date !== null ? 2 + (offset !== null ? 1 : 0) : 0;
  const exifIfdAt = 8 + ifd0Size;
  const exifIfdSize = exifEntries > 0 ? 2 + 12 * exifEntries + 4 : 0;
  const dateBytes = date !== null ? Buffer.from(`${date}\0`, 'latin1') : Buffer.alloc(0);
  const offsetBytes = offset !== null ? Buffer.from(`${offset}\0`, 'latin1') : Buffer.alloc(0);
  const dateAt = exifIfdAt + exifIfdSize;
  const offsetAt = dateAt + dateBytes.length;
  const out = Buffer.alloc(offsetAt + (offsetBytes.length > 4 ? offsetBytes.length : 0));

  out.write('MM', 0, 'latin1');
  out.writeUInt16BE(42, 2);
  out.writeUInt32BE(8, 4);
  let at = 8;
  const entry = (tag: number, type: number, count: number, write: (valueAt: number) => void) => {
    out.writeUInt16BE(tag, at);
    out.writeUInt16BE(type, at + 2);
    out.writeUInt32BE(count, at + 4);
    write(at + 8);
    at += 12;
  };
  out.writeUInt16BE(ifd0Entries, at);
  at += 2;
  if (orientation !== null) entry(TAG.orientation, SHORT, 1, (v) => out.writeUInt16BE(orientation, v));
  if (date !== null) entry(TAG.exifIfd, LONG, 1, (v) => out.writeUInt32BE(exifIfdAt, v));
  out.writeUInt32BE(0, at); // no further directory (no thumbnail)
  at += 4;
  if (date !== null) {
    out.writeUInt16BE(exifEntries, at);
    at += 2;
    entry(TAG.exifVersion, UNDEFINED, 4, (v) => out.write('0232', v, 'latin1'));
    entry(TAG.dateTimeOriginal, ASCII, dateBytes.length, (v) => out.writeUInt32BE(dateAt, v));
    if (offset !== null) {
      entry(TAG.offsetTimeOriginal, ASCII, offsetBytes.length, (v) => (offsetBytes.length > 4 ? out.writeUInt32BE(offsetAt, v) : offsetBytes.copy(out, v)));
    }
    out.writeUInt32BE(0, at);
    dateBytes.copy(out, dateAt);
    if (offsetBytes.length > 4) offsetBytes.copy(out, offsetAt);
  }
  return out;
}
