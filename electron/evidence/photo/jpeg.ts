/**
 * JPEG structure: a walk over the segments of a JPEG file (markers, lengths, entropy-coded scans),
 * and the rewrite that drops metadata segments while copying every other byte as it is. Pixels are
 * never decoded or re-encoded: the quantisation tables, frame header, Huffman tables and scans of
 * the result are byte-for-byte those of the original.
 */
import type { PhotoRemoved } from '../../../shared/evidence/photo-metadata.ts';

export class NotAJpeg extends Error {}

export interface JpegSegment {
  readonly marker: number;
  /** Offset of the segment's 0xFF marker byte. */
  readonly start: number;
  /** Offset just past the segment; for a scan (SOS), past its entropy-coded data. */
  readonly end: number;
  /** Offset of the segment's data, after the marker and the two length bytes. */
  readonly dataStart: number;
  /** Offset just past the segment's data (for SOS: past the scan header, before the entropy-coded data). */
  readonly dataEnd: number;
}

export interface JpegLayout {
  readonly width: number;
  readonly height: number;
  /** Every segment between SOI and EOI, in file order. */
  readonly segments: readonly JpegSegment[];
  /** Offset just past EOI; bytes after it are not part of the image. */
  readonly end: number;
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const isRst = (m: number) => m >= 0xd0 && m <= 0xd7;
/** Start-of-frame markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
export const isApp = (m: number) => m >= 0xe0 && m <= 0xef;
export const COM = 0xfe;

/** Walks a JPEG from SOI to EOI; throws NotAJpeg when the structure cannot be followed to its end. */
export function walkJpeg(bytes: Buffer): JpegLayout {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) throw new NotAJpeg('no start-of-image marker');
  const segments: JpegSegment[] = [];
  let frame: { width: number; height: number } | null = null;
  let scans = 0;
  let pos = 2;
  for (;;) {
    if (pos >= bytes.length || bytes[pos] !== 0xff) throw new NotAJpeg(`no marker at ${pos}`);
    const start = pos;
    while (pos < bytes.length && bytes[pos] === 0xff) pos++; // fill bytes
    if (pos >= bytes.length) throw new NotAJpeg('cut off before the end-of-image marker');
    const marker = bytes[pos++]!;
    if (marker === EOI) {
      if (!frame || scans === 0) throw new NotAJpeg('no frame or no scan');
      return { ...frame, segments, end: pos };
    }
    if (isRst(marker) || marker === 0x01) {
      segments.push({ marker, start, end: pos, dataStart: pos, dataEnd: pos });
      continue;
    }
    if (marker === SOI || marker === 0x00) throw new NotAJpeg(`unexpected marker ${marker.toString(16)}`);
    if (pos + 2 > bytes.length) throw new NotAJpeg('cut off in a segment length');
    const length = bytes.readUInt16BE(pos);
    if (length < 2 || pos + length > bytes.length) throw new NotAJpeg(`segment ${marker.toString(16)} runs past the file`);
    const dataStart = pos + 2;
    const dataEnd = pos + length;
    pos = dataEnd;
    if (isSof(marker)) {
      if (length < 8) throw new NotAJpeg('short frame header');
      frame = { height: bytes.readUInt16BE(dataStart + 1), width: bytes.readUInt16BE(dataStart + 3) };
      if (frame.width === 0 || frame.height === 0) throw new NotAJpeg('frame of no size');
    }
    if (marker === SOS) {
      if (!frame) throw new NotAJpeg('scan before the frame header');
      scans++;
      pos = endOfScan(bytes, pos);
    }
    segments.push({ marker, start, end: pos, dataStart, dataEnd });
  }
}

/** The offset of the first marker after entropy-coded data that starts at `from` (0xFF00 and RSTn belong to the data). */
function endOfScan(bytes: Buffer, from: number): number {
  let i = bytes.indexOf(0xff, from);
  while (i >= 0 && i + 1 < bytes.length) {
    const next = bytes[i + 1]!;
    if (next === 0x00 || isRst(next)) i = bytes.indexOf(0xff, i + 2);
    else if (next === 0xff) i += 1;
    else return i;
  }
  throw new NotAJpeg('cut off inside a scan');
}

const startsWith = (bytes: Buffer, at: number, end: number, prefix: string): boolean =>
  end - at >= prefix.length && bytes.toString('latin1', at, at + prefix.length) === prefix;

export type SegmentRole =
  | { readonly kind: 'image' }
  | { readonly kind: 'jfif' }
  | { readonly kind: 'icc' }
  | { readonly kind: 'adobe' }
  | { readonly kind: 'exif'; readonly tiffStart: number }
  | { readonly kind: 'metadata'; readonly removed: PhotoRemoved };

/** What a segment is for the photo policy: image data (kept), colour (kept) or metadata (dropped). */
export function roleOf(bytes: Buffer, s: JpegSegment): SegmentRole {
  if (s.marker === COM) return { kind: 'metadata', removed: 'comment' };
  if (!isApp(s.marker)) return { kind: 'image' };
  const has = (prefix: string) => startsWith(bytes, s.dataStart, s.dataEnd, prefix);
  switch (s.marker) {
    case 0xe0:
      return has('JFIF\0') ? { kind: 'jfif' } : { kind: 'metadata', removed: 'other-metadata' };
    case 0xe1:
      if (has('Exif\0\0') || has('Exif\0\xff')) return { kind: 'exif', tiffStart: s.dataStart + 6 };
      if (has('http://ns.adobe.com/xap/1.0/\0') || has('http://ns.adobe.com/xmp/extension/\0')) return { kind: 'metadata', removed: 'xmp' };
      return { kind: 'metadata', removed: 'other-metadata' };
    case 0xe2:
      return has('ICC_PROFILE\0') ? { kind: 'icc' } : { kind: 'metadata', removed: 'other-metadata' };
    case 0xed:
      return { kind: 'metadata', removed: 'iptc' };
    case 0xee:
      return has('Adobe') ? { kind: 'adobe' } : { kind: 'metadata', removed: 'other-metadata' };
    default:
      return { kind: 'metadata', removed: 'other-metadata' };
  }
}

/** An APP1 segment holding `tiff` as EXIF. */
export function exifSegment(tiff: Buffer): Buffer {
  const head = Buffer.alloc(10);
  head[0] = 0xff;
  head[1] = 0xe1;
  head.writeUInt16BE(2 + 6 + tiff.length, 2);
  head.write('Exif\0\0', 4, 'latin1');
  return Buffer.concat([head, tiff]);
}

/** The length of a JFIF header's data without a thumbnail ('JFIF\0', version, units, densities, 0 × 0). */
const JFIF_HEADER = 14;

/** Whether a JFIF header carries a thumbnail (which may show what a crop removed). */
export const jfifHasThumbnail = (s: JpegSegment): boolean => s.dataEnd - s.dataStart > JFIF_HEADER;

/** The JFIF header without its thumbnail. */
function jfifWithoutThumbnail(bytes: Buffer, s: JpegSegment): Buffer {
  if (!jfifHasThumbnail(s)) return bytes.subarray(s.start, s.end);
  const out = Buffer.concat([Buffer.from([0xff, 0xe0, 0, JFIF_HEADER + 2]), bytes.subarray(s.dataStart, s.dataStart + JFIF_HEADER)]);
  out[out.length - 2] = 0;
  out[out.length - 1] = 0;
  return out;
}

/**
 * The JPEG without its metadata segments: SOI, the JFIF header (without thumbnail) when the file
 * starts with one, the given EXIF (if any), then every image, ICC and Adobe segment in its original
 * order, then EOI. Bytes after EOI (a second image, a maker's trailer) are not kept.
 */
export function rebuildJpeg(bytes: Buffer, layout: JpegLayout, exif: Buffer | null): Buffer {
  const parts: Buffer[] = [Buffer.from([0xff, SOI])];
  const kept = layout.segments.filter((s) => {
    const kind = roleOf(bytes, s).kind;
    return kind === 'image' || kind === 'jfif' || kind === 'icc' || kind === 'adobe';
  });
  // JFIF wants its APP0 right after SOI, EXIF its APP1 right after SOI: a JFIF header first keeps both readable.
  const first = kept[0];
  if (first && roleOf(bytes, first).kind === 'jfif') parts.push(jfifWithoutThumbnail(bytes, first));
  if (exif) parts.push(exifSegment(exif));
  for (const s of kept) {
    if (s === first && roleOf(bytes, s).kind === 'jfif') continue;
    parts.push(roleOf(bytes, s).kind === 'jfif' ? jfifWithoutThumbnail(bytes, s) : bytes.subarray(s.start, s.end));
  }
  parts.push(Buffer.from([0xff, EOI]));
  return Buffer.concat(parts);
}
