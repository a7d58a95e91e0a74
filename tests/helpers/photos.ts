/**
 * Photos for the tests of the photo policy, made with real encoders (sharp/libvips) and, where a
 * test needs what no encoder writes (a damaged EXIF block, a crafted header), edited by hand.
 */
import zlib from 'node:zlib';
import sharp from 'sharp';

export const CAPTURE = { date: '2026:03:14 09:26:53', offset: '+08:00' };
/** 31° 13' 45.12" N, 121° 28' 12" E (Shanghai), as a phone writes them. */
export const GPS = { lat: '31/1 13/1 4512/100', lon: '121/1 28/1 1200/100', latitude: 31.2292, longitude: 121.47 };

export const XMP_WITH_GPS = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 exif:GPSLatitude="31,13.752N" exif:GPSLongitude="121,28.2E"><dc:creator><rdf:Seq><rdf:li>Lee Auditor</rdf:li></rdf:Seq></dc:creator></rdf:Description>
</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

export interface PhoneJpegOptions {
  readonly width?: number;
  readonly height?: number;
  readonly orientation?: number;
  readonly gps?: boolean;
  readonly time?: boolean;
  readonly xmp?: boolean;
  /** Adds a JPEG comment and an IPTC (APP13) segment, as photo editors do. */
  readonly editorSegments?: boolean;
  /** Appends a second image after the end of the first, as multi-picture (MPF) phone photos do. */
  readonly trailer?: Buffer;
}

/** A photo as a phone makes it: noise for pixels, EXIF with camera, time, GPS and orientation, optional XMP. */
export async function phoneJpeg(options: PhoneJpegOptions = {}): Promise<Buffer> {
  const { width = 400, height = 300, orientation = 6, gps = true, time = true, xmp = false, editorSegments = false } = options;
  let image = sharp({ create: { width, height, channels: 3, background: '#336699', noise: { type: 'gaussian', mean: 120, sigma: 40 } } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'TP-1', Software: 'TestOS 17.4' },
      IFD2: time ? { DateTimeOriginal: CAPTURE.date, OffsetTimeOriginal: CAPTURE.offset } : {},
      IFD3: gps ? { GPSLatitudeRef: 'N', GPSLatitude: GPS.lat, GPSLongitudeRef: 'E', GPSLongitude: GPS.lon } : {},
    })
    .withMetadata({ orientation });
  if (xmp) image = image.withXmp(XMP_WITH_GPS);
  let jpeg: Buffer = await image.toBuffer();
  if (editorSegments) {
    const iptcBody = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), Buffer.from('8BIM\x04\x04\0\0\0\0\0\x0e\x1c\x02\x5a\0\x08Shanghai', 'latin1')]);
    jpeg = insertSegments(jpeg, [segment(0xed, iptcBody), segment(0xfe, Buffer.from('Taken in the server room, rack 4', 'latin1'))]);
  }
  if (options.trailer) jpeg = Buffer.concat([jpeg, options.trailer]);
  return jpeg;
}

/** A JPEG segment with its marker and length. */
export function segment(marker: number, body: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** `jpeg` with `segments` inserted just before its first quantisation table (after the APPn segments). */
export function insertSegments(jpeg: Buffer, segments: Buffer[]): Buffer {
  const at = markersOf(jpeg).find((m) => m.marker === 0xdb)!.start;
  return Buffer.concat([jpeg.subarray(0, at), ...segments, jpeg.subarray(at)]);
}

/** The markers of a JPEG's header segments up to the first scan (a walk independent of the code under test). */
export function markersOf(jpeg: Buffer): { marker: number; start: number; end: number; text: string }[] {
  const out: { marker: number; start: number; end: number; text: string }[] = [];
  let pos = 2;
  while (pos + 4 <= jpeg.length && jpeg[pos] === 0xff) {
    const marker = jpeg[pos + 1]!;
    const length = jpeg.readUInt16BE(pos + 2);
    out.push({ marker, start: pos, end: pos + 2 + length, text: jpeg.toString('latin1', pos + 4, Math.min(pos + 2 + length, pos + 40)) });
    if (marker === 0xda) break;
    pos += 2 + length;
  }
  return out;
}

/** The TIFF structure inside the JPEG's EXIF APP1 segment, and where it starts in the file. */
export function exifOf(jpeg: Buffer): { tiff: Buffer; at: number } | null {
  const app1 = markersOf(jpeg).find((m) => m.marker === 0xe1 && m.text.startsWith('Exif\0\0'));
  return app1 ? { tiff: jpeg.subarray(app1.start + 10, app1.end), at: app1.start + 10 } : null;
}

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };

/** An IFD of a TIFF structure: where it is, its bytes, and the bytes of each value stored outside it. */
export function ifdAt(tiff: Buffer, offset: number): { offset: number; bytes: Buffer; entries: Map<number, { at: number; valueBytes: Buffer }> } {
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const count = u16(offset);
  const entries = new Map<number, { at: number; valueBytes: Buffer }>();
  for (let i = 0; i < count; i++) {
    const e = offset + 2 + 12 * i;
    const size = (TYPE_SIZE[u16(e + 2)] ?? 1) * u32(e + 4);
    const valueAt = size <= 4 ? e + 8 : u32(e + 8);
    entries.set(u16(e), { at: e, valueBytes: tiff.subarray(valueAt, valueAt + size) });
  }
  return { offset, bytes: tiff.subarray(offset, offset + 2 + 12 * count + 4), entries };
}

/** IFD0 and, when the block has one, the GPS IFD. */
export function gpsIfdOf(tiff: Buffer): ReturnType<typeof ifdAt> | null {
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const ifd0 = ifdAt(tiff, little ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4));
  const pointer = ifd0.entries.get(0x8825);
  if (!pointer) return null;
  const offset = little ? pointer.valueBytes.readUInt32LE(0) : pointer.valueBytes.readUInt32BE(0);
  return ifdAt(tiff, offset);
}

/** Writes a 32-bit value in the TIFF's byte order. */
export function writeU32(tiff: Buffer, at: number, value: number): void {
  if (tiff.toString('latin1', 0, 2) === 'II') tiff.writeUInt32LE(value, at);
  else tiff.writeUInt32BE(value, at);
}

/** A PNG chunk with a correct CRC (or a wrong one when asked). */
export function pngChunk(type: string, data: Buffer, badCrc = false): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE((zlib.crc32(out.subarray(4, 8 + data.length)) ^ (badCrc ? 1 : 0)) >>> 0, 8 + data.length);
  return out;
}

/** The chunk types of a PNG, in order (a walk independent of the code under test). */
export function chunkTypesOf(png: Buffer): string[] {
  const types: string[] = [];
  for (let pos = 8; pos + 8 <= png.length; pos += 12 + png.readUInt32BE(pos)) types.push(png.toString('latin1', pos + 4, pos + 8));
  return types;
}

/** `png` with `chunks` inserted right after IHDR. */
export function withChunks(png: Buffer, chunks: Buffer[]): Buffer {
  const afterIhdr = 8 + 12 + 13;
  return Buffer.concat([png.subarray(0, afterIhdr), ...chunks, png.subarray(afterIhdr)]);
}

/** A screenshot as a PNG: noise with transparency, no metadata. */
export async function screenshotPng(width = 320, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 40, g: 90, b: 160, alpha: 0.8 }, noise: { type: 'gaussian', mean: 128, sigma: 30 } } }).png().toBuffer();
}

/** A PNG whose header declares `width` × `height` (with a valid CRC), followed by a token of image data. */
export function craftedPngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, adaptive filtering, not interlaced
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(64))), pngChunk('IEND', Buffer.alloc(0))]);
}

/** The decoded pixels of an image as they are stored (no orientation applied), for byte comparison. */
export async function pixelsOf(image: Buffer): Promise<{ data: Buffer; width: number; height: number; channels: number }> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}
