/**
 * PNG structure: a walk over the chunks of a PNG file with their CRCs checked, and the rewrite that
 * keeps the image and colour chunks as they are and drops every other ancillary chunk (EXIF, text,
 * times, private chunks). Pixels (IDAT) are never decoded or re-encoded.
 */
import zlib from 'node:zlib';
import type { PhotoRemoved } from '../../../shared/evidence/photo-metadata.ts';

export class NotAPng extends Error {}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngChunk {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly dataStart: number;
  readonly dataEnd: number;
  /** The stored CRC matches the chunk's type and data. */
  readonly crcOk: boolean;
}

export interface PngLayout {
  readonly width: number;
  readonly height: number;
  /** Every chunk from IHDR to IEND, in file order. */
  readonly chunks: readonly PngChunk[];
  /** Offset just past IEND; bytes after it are not part of the image. */
  readonly end: number;
}

/** A chunk is critical when the first letter of its type is upper case. */
const isCritical = (type: string) => type.charCodeAt(0) < 0x61;

/**
 * Ancillary chunks that describe how the pixels look (transparency, colour space, gamma, physical
 * size) or that hold pixels (APNG frames): kept. Everything else ancillary is metadata and dropped.
 */
const IMAGE_CHUNKS = new Set(['tRNS', 'cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'cICP', 'mDCV', 'cLLI', 'bKGD', 'hIST', 'pHYs', 'sPLT', 'acTL', 'fcTL', 'fdAT']);

const MAX_CHUNK_LENGTH = 0x7fffffff;

/** Walks a PNG from its signature to IEND; throws NotAPng when the structure cannot be followed. */
export function walkPng(bytes: Buffer): PngLayout {
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new NotAPng('no PNG signature');
  const chunks: PngChunk[] = [];
  let pos = 8;
  let hasImageData = false;
  for (;;) {
    if (pos + 12 > bytes.length) throw new NotAPng('cut off before IEND');
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new NotAPng(`chunk type at ${pos} is not letters`);
    if (length > MAX_CHUNK_LENGTH || pos + 12 + length > bytes.length) throw new NotAPng(`chunk ${type} runs past the file`);
    const dataStart = pos + 8;
    const dataEnd = dataStart + length;
    const crcOk = zlib.crc32(bytes.subarray(pos + 4, dataEnd)) === bytes.readUInt32BE(dataEnd);
    const chunk = { type, start: pos, end: dataEnd + 4, dataStart, dataEnd, crcOk };
    if (chunks.length === 0 && (type !== 'IHDR' || length !== 13)) throw new NotAPng('the first chunk is not an image header');
    if (isCritical(type) && !crcOk) throw new NotAPng(`chunk ${type} is damaged (CRC)`);
    chunks.push(chunk);
    pos = chunk.end;
    if (type === 'IDAT') hasImageData = true;
    if (type === 'IEND') break;
  }
  if (!hasImageData) throw new NotAPng('no image data');
  const width = bytes.readUInt32BE(chunks[0]!.dataStart);
  const height = bytes.readUInt32BE(chunks[0]!.dataStart + 4);
  if (width === 0 || height === 0) throw new NotAPng('image of no size');
  return { width, height, chunks, end: pos };
}

export type ChunkRole = { readonly kind: 'image' } | { readonly kind: 'exif' } | { readonly kind: 'metadata'; readonly removed: PhotoRemoved };

/** A text chunk's keyword (up to its NUL). */
const keywordOf = (bytes: Buffer, c: PngChunk): string => {
  const nul = bytes.indexOf(0, c.dataStart);
  return bytes.toString('latin1', c.dataStart, nul >= 0 && nul < c.dataEnd ? nul : Math.min(c.dataEnd, c.dataStart + 79));
};

/** What a chunk is for the photo policy: image data (kept), EXIF, or other metadata (dropped). */
export function roleOf(bytes: Buffer, c: PngChunk): ChunkRole {
  if (isCritical(c.type) || IMAGE_CHUNKS.has(c.type)) return { kind: 'image' };
  if (c.type === 'eXIf') return { kind: 'exif' };
  if (c.type === 'tEXt' || c.type === 'zTXt' || c.type === 'iTXt') {
    // XMP is an iTXt chunk; ImageMagick keeps EXIF, IPTC and XMP as hex "raw profiles" in text chunks.
    const keyword = keywordOf(bytes, c).toLowerCase();
    if (keyword === 'xml:com.adobe.xmp' || keyword === 'raw profile type xmp') return { kind: 'metadata', removed: 'xmp' };
    if (keyword === 'raw profile type exif' || keyword === 'raw profile type app1') return { kind: 'metadata', removed: 'exif' };
    if (keyword === 'raw profile type iptc' || keyword === 'raw profile type 8bim') return { kind: 'metadata', removed: 'iptc' };
    return { kind: 'metadata', removed: 'png-text' };
  }
  return { kind: 'metadata', removed: 'other-metadata' };
}

/** A PNG chunk with its length and CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** The EXIF of an eXIf chunk: the TIFF structure (a leading 'Exif\0\0', written by some tools, skipped). */
export function exifOfChunk(bytes: Buffer, c: PngChunk): Buffer {
  const data = bytes.subarray(c.dataStart, c.dataEnd);
  return data.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? data.subarray(6) : data;
}

/**
 * The PNG with only its image chunks: signature, IHDR, the given EXIF as an eXIf chunk (which must
 * come before the image data), then every kept chunk in its original order, ending with IEND.
 * Bytes after IEND are not kept.
 */
export function rebuildPng(bytes: Buffer, layout: PngLayout, exif: Buffer | null): Buffer {
  const parts: Buffer[] = [PNG_SIGNATURE];
  layout.chunks.forEach((c, i) => {
    // A damaged ancillary chunk would be skipped by every decoder: it is not copied.
    if (roleOf(bytes, c).kind !== 'image' || !c.crcOk) return;
    parts.push(bytes.subarray(c.start, c.end));
    if (i === 0 && exif) parts.push(pngChunk('eXIf', exif));
  });
  return Buffer.concat(parts);
}
