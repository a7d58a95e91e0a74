import ExifReader from 'exifreader';
import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../../shared/store-errors.ts';
import {
  CAPTURE,
  GPS,
  chunkTypesOf,
  craftedPngHeader,
  exifOf,
  gpsIfdOf,
  markersOf,
  phoneJpeg,
  pixelsOf,
  pngChunk,
  screenshotPng,
  segment,
  withChunks,
  writeU32,
} from '../../../tests/helpers/photos.ts';
import { propertyRuns } from '../../../tests/helpers/property.ts';
import { handlePhoto } from './handle-photo.ts';

/** What an independent reader (exifreader) finds in a photo. */
const readBack = (bytes: Buffer) => ExifReader.load(bytes, { expanded: true });

const errorOf = (run: () => unknown): StoreError => {
  try {
    run();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
};

let phone: Buffer;
let edited: Buffer;
let pngFixture: Buffer;

beforeAll(async () => {
  phone = await phoneJpeg();
  edited = await phoneJpeg({ xmp: true, editorSegments: true, trailer: await phoneJpeg({ width: 80, height: 60 }) });
  pngFixture = withChunks(await screenshotPng(64, 48), [pngChunk('eXIf', Buffer.from(exifOf(phone)!.tiff)), pngChunk('tEXt', Buffer.from('Author\0Lee Auditor', 'latin1'))]);
});

describe('the fixtures carry what the policies act on (checked with exifreader)', () => {
  it('has orientation 6, a capture time, GPS and XMP', () => {
    const tags = readBack(edited);
    expect(tags.exif?.Orientation?.value).toBe(6);
    expect(tags.exif?.DateTimeOriginal?.description).toBe(CAPTURE.date);
    expect(tags.gps?.Latitude).toBeCloseTo(GPS.latitude, 4);
    expect(tags.xmp).toBeDefined();
    expect(markersOf(edited).map((m) => m.marker)).toEqual(expect.arrayContaining([0xe1, 0xed, 0xfe]));
  });
});

describe('strip-metadata, JPEG', () => {
  it('leaves no GPS, time, camera or XMP, keeps the orientation, and the photo decodes to the same pixels', async () => {
    const result = handlePhoto(edited, 'jpeg', 'strip-metadata', 'IMG_0042.jpg');
    const tags = readBack(result.bytes);
    expect(tags.gps).toBeUndefined();
    expect(tags.xmp).toBeUndefined();
    expect(tags.iptc).toBeUndefined();
    expect(tags.exif?.GPSLatitude).toBeUndefined();
    expect(tags.exif?.DateTimeOriginal).toBeUndefined();
    expect(tags.exif?.Make).toBeUndefined();
    expect(tags.exif?.Orientation?.value).toBe(6);
    expect(Object.keys(tags.exif ?? {}).sort()).toEqual(['Orientation']);
    // No comment, IPTC or XMP segment; the colour profile and the image segments stay.
    const markers = markersOf(result.bytes);
    expect(markers.filter((m) => m.marker === 0xe1)).toHaveLength(1);
    expect(markers.some((m) => m.marker === 0xed || m.marker === 0xfe)).toBe(false);
    expect(markers.some((m) => m.marker === 0xe2 && m.text.startsWith('ICC_PROFILE'))).toBe(true);
    // Nothing after the end of the image (the second, smaller picture is gone).
    expect(result.bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(result.bytes.indexOf(Buffer.from('TestPhone'))).toBe(-1);
    expect(result.bytes.indexOf(Buffer.from('Lee Auditor'))).toBe(-1);

    expect(await pixelsOf(result.bytes)).toEqual(await pixelsOf(edited));
    expect((await sharp(result.bytes).metadata()).orientation).toBe(6);
    expect(result).toMatchObject({ width: 400, height: 300, orientation: 6, capturedAt: null, latitude: null, longitude: null, warnings: [] });
    expect(result.removed).toEqual(['exif', 'gps', 'xmp', 'iptc', 'comment', 'other-metadata']);
  });

  it('copies the image segments byte for byte (never re-encodes)', () => {
    const result = handlePhoto(phone, 'jpeg', 'strip-metadata', 'p.jpg');
    const dqt = markersOf(phone).find((m) => m.marker === 0xdb)!.start;
    const imageData = phone.subarray(dqt);
    expect(result.bytes.subarray(result.bytes.length - imageData.length).equals(imageData)).toBe(true);
  });

  it('leaves no byte sequence of the original GPS directory or its values', () => {
    const tiff = exifOf(phone)!.tiff;
    const gps = gpsIfdOf(tiff)!;
    expect(gps.entries.size).toBeGreaterThanOrEqual(4);
    expect(phone.indexOf(gps.bytes)).toBeGreaterThan(0);
    const stripped = handlePhoto(phone, 'jpeg', 'strip-metadata', 'p.jpg').bytes;
    expect(stripped.indexOf(gps.bytes)).toBe(-1);
    for (const tag of [2, 4]) {
      const value = gps.entries.get(tag)!.valueBytes; // the 24 bytes of latitude / longitude rationals
      expect(value.length).toBe(24);
      expect(phone.indexOf(value)).toBeGreaterThan(0);
      expect(stripped.indexOf(value)).toBe(-1);
    }
    // And the directory entries one by one (12 bytes each).
    for (const { at } of gps.entries.values()) expect(stripped.indexOf(tiff.subarray(at, at + 12))).toBe(-1);
  });

  it('writes no EXIF at all when the orientation is 1', async () => {
    const photo = await phoneJpeg({ orientation: 1 });
    const result = handlePhoto(photo, 'jpeg', 'strip-metadata', 'p.jpg');
    expect(exifOf(result.bytes)).toBeNull();
    expect(result.orientation).toBe(1);
    expect(readBack(result.bytes).exif).toBeUndefined();
    expect(result.removed).toEqual(['exif', 'gps']);
  });

  it('keeps a JFIF header first and the minimal EXIF right after it', async () => {
    // The EXIF segment first, then a JFIF header, as some editors write them.
    const jfifApp0 = segment(0xe0, Buffer.from([...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]));
    const exifEnd = markersOf(phone).find((m) => m.marker === 0xe1)!.end;
    const withExif = Buffer.concat([phone.subarray(0, exifEnd), jfifApp0, phone.subarray(exifEnd)]);
    expect(markersOf(withExif)[0]!.marker).toBe(0xe1);
    const result = handlePhoto(withExif, 'jpeg', 'strip-metadata', 'p.jpg');
    const markers = markersOf(result.bytes);
    expect(markers[0]!.text.startsWith('JFIF')).toBe(true);
    expect(markers[1]!.marker).toBe(0xe1);
    expect(readBack(result.bytes).exif?.Orientation?.value).toBe(6);
    expect(result.removed).not.toContain('other-metadata');
  });

  it('drops a JFIF thumbnail (it may show what a crop removed)', async () => {
    const thumbnail = Buffer.alloc(2 * 2 * 3, 0xaa);
    const jfifApp0 = segment(0xe0, Buffer.concat([Buffer.from('JFIF\0', 'latin1'), Buffer.from([1, 2, 0, 0, 1, 0, 1, 2, 2]), thumbnail]));
    const plain = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#123' } }).jpeg().toBuffer();
    const photo = Buffer.concat([plain.subarray(0, 2), jfifApp0, plain.subarray(2)]);
    const result = handlePhoto(photo, 'jpeg', 'strip-metadata', 't.jpg');
    const app0 = markersOf(result.bytes)[0]!;
    expect(app0.marker).toBe(0xe0);
    expect(result.bytes.subarray(app0.start, app0.end)).toEqual(Buffer.from([0xff, 0xe0, 0, 16, ...Buffer.from('JFIF\0', 'latin1'), 1, 2, 0, 0, 1, 0, 1, 0, 0]));
    expect(result.removed).toEqual(['other-metadata']);
    expect(await pixelsOf(result.bytes)).toEqual(await pixelsOf(photo));
  });
});

describe('keep-capture-time, JPEG', () => {
  it('keeps and records the capture time with its offset, no GPS and nothing else', () => {
    const result = handlePhoto(edited, 'jpeg', 'keep-capture-time', 'IMG_0042.jpg');
    const tags = readBack(result.bytes);
    expect(tags.exif?.DateTimeOriginal?.description).toBe(CAPTURE.date);
    expect(tags.exif?.OffsetTimeOriginal?.description).toBe(CAPTURE.offset);
    expect(tags.exif?.Orientation?.value).toBe(6);
    expect(tags.gps).toBeUndefined();
    expect(tags.exif?.GPSLatitude).toBeUndefined();
    expect(tags.exif?.Make).toBeUndefined();
    expect(tags.xmp).toBeUndefined();
    expect(result.capturedAt).toBe('2026-03-14T09:26:53+08:00');
    expect(result).toMatchObject({ latitude: null, longitude: null, orientation: 6, warnings: [] });
    expect(result.removed).toEqual(['exif', 'gps', 'xmp', 'iptc', 'comment', 'other-metadata']);
    expect(result.bytes.indexOf(gpsIfdOf(exifOf(edited)!.tiff)!.bytes)).toBe(-1);
  });

  it('records a local time without an offset when the photo has none', async () => {
    const photo = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#444' } })
      .jpeg()
      .withExif({ IFD2: { DateTimeOriginal: '2025:12:31 23:59:59' } })
      .toBuffer();
    const result = handlePhoto(photo, 'jpeg', 'keep-capture-time', 'p.jpg');
    expect(result.capturedAt).toBe('2025-12-31T23:59:59');
    expect(readBack(result.bytes).exif?.OffsetTimeOriginal).toBeUndefined();
  });

  it('says so when the capture time is not a date, and keeps none', async () => {
    const photo = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#444' } })
      .jpeg()
      .withExif({ IFD0: { Orientation: '1' }, IFD2: { DateTimeOriginal: '0000:00:00 00:00:00' } })
      .toBuffer();
    const result = handlePhoto(photo, 'jpeg', 'keep-capture-time', 'p.jpg');
    expect(result.capturedAt).toBeNull();
    expect(result.warnings).toEqual(['capture-time-invalid']);
    expect(exifOf(result.bytes)).toBeNull();
  });
});

describe('keep-capture-time-and-location, JPEG', () => {
  it('stores the photo unchanged and records time and location as exifreader reads them', () => {
    const result = handlePhoto(edited, 'jpeg', 'keep-capture-time-and-location', 'IMG_0042.jpg');
    expect(result.bytes.equals(edited)).toBe(true);
    const tags = readBack(edited);
    expect(result.latitude).toBeCloseTo(tags.gps!.Latitude!, 6);
    expect(result.longitude).toBeCloseTo(tags.gps!.Longitude!, 6);
    expect(result).toMatchObject({ capturedAt: '2026-03-14T09:26:53+08:00', orientation: 6, width: 400, height: 300, removed: [], warnings: [] });
  });

  it('records south and west as negative degrees', async () => {
    const photo = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#444' } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '33/1 52/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '70/1 30/1 0/1' } })
      .toBuffer();
    const result = handlePhoto(photo, 'jpeg', 'keep-capture-time-and-location', 'p.jpg');
    expect(result.latitude).toBeCloseTo(-(33 + 52 / 60), 6);
    expect(result.longitude).toBeCloseTo(-70.5, 6);
    expect(result.capturedAt).toBeNull();
    expect(result.latitude).toBeCloseTo(readBack(photo).gps!.Latitude!, 6);
  });

  it('says so when the position is out of range, and records none', async () => {
    const photo = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#444' } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '95/1 0/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '10/1 0/1 0/1' } })
      .toBuffer();
    const result = handlePhoto(photo, 'jpeg', 'keep-capture-time-and-location', 'p.jpg');
    expect(result).toMatchObject({ latitude: null, longitude: null, warnings: ['location-invalid'] });
  });
});

describe('a JPEG with a broken EXIF block', () => {
  /** The phone photo with IFD0's offset pointing far past the block. */
  const brokenIfd0 = () => {
    const photo = Buffer.from(phone);
    const { at } = exifOf(photo)!;
    writeU32(photo.subarray(at), 4, 0xfffff000);
    return photo;
  };
  /** The phone photo with only the GPS directory's pointer broken (IFD0 still readable). */
  const brokenGpsPointer = () => {
    const photo = Buffer.from(phone);
    const { at, tiff } = exifOf(photo)!;
    const little = tiff.toString('latin1', 0, 2) === 'II';
    const ifd0 = little ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
    const count = little ? tiff.readUInt16LE(ifd0) : tiff.readUInt16BE(ifd0);
    for (let i = 0; i < count; i++) {
      const e = ifd0 + 2 + 12 * i;
      if ((little ? tiff.readUInt16LE(e) : tiff.readUInt16BE(e)) === 0x8825) writeU32(photo.subarray(at), e + 8, 0x7ffffff0);
    }
    return photo;
  };

  it('strip-metadata drops it; the photo still decodes', async () => {
    const photo = brokenIfd0();
    const result = handlePhoto(photo, 'jpeg', 'strip-metadata', 'broken.jpg');
    expect(exifOf(result.bytes)).toBeNull();
    expect(result).toMatchObject({ orientation: null, removed: ['exif'], warnings: ['exif-unreadable'] });
    expect(await pixelsOf(result.bytes)).toEqual(await pixelsOf(phone));
  });

  it('keep-capture-time records nothing and warns, never throws', () => {
    const result = handlePhoto(brokenIfd0(), 'jpeg', 'keep-capture-time', 'broken.jpg');
    expect(result).toMatchObject({ capturedAt: null, latitude: null, longitude: null, orientation: null, warnings: ['exif-unreadable'] });
    expect(exifOf(result.bytes)).toBeNull();
  });

  it('keep-capture-time-and-location keeps the bytes, records null fields and warns', () => {
    const photo = brokenIfd0();
    const result = handlePhoto(photo, 'jpeg', 'keep-capture-time-and-location', 'broken.jpg');
    expect(result.bytes.equals(photo)).toBe(true);
    expect(result).toMatchObject({ capturedAt: null, latitude: null, longitude: null, warnings: ['exif-unreadable'] });
  });

  it('keeps what is still readable when only the GPS directory is lost', () => {
    const photo = brokenGpsPointer();
    const kept = handlePhoto(photo, 'jpeg', 'keep-capture-time-and-location', 'broken.jpg');
    expect(kept).toMatchObject({ orientation: 6, capturedAt: '2026-03-14T09:26:53+08:00', latitude: null, longitude: null, warnings: ['exif-unreadable'] });
    const stripped = handlePhoto(photo, 'jpeg', 'strip-metadata', 'broken.jpg');
    expect(stripped.removed).toContain('gps');
    expect(readBack(stripped.bytes).exif?.Orientation?.value).toBe(6);
  });
});

describe('a damaged JPEG', () => {
  it('is refused with EVIDENCE_IMAGE_DAMAGED under every policy', () => {
    const cut = phone.subarray(0, Math.floor(phone.length * 0.7));
    const noStart = Buffer.concat([Buffer.from([0, 0]), phone.subarray(2)]);
    const badLength = Buffer.from(phone);
    badLength.writeUInt16BE(0xffff, 4); // the first segment claims to run past the file
    for (const bytes of [cut, noStart, badLength, Buffer.from([0xff, 0xd8, 0xff, 0xd9])]) {
      for (const policy of ['strip-metadata', 'keep-capture-time', 'keep-capture-time-and-location'] as const) {
        const error = errorOf(() => handlePhoto(bytes, 'jpeg', policy, 'cut.jpg'));
        expect(error.code).toBe('EVIDENCE_IMAGE_DAMAGED');
        expect(error.params).toEqual({ fileName: 'cut.jpg', format: 'JPEG' });
      }
    }
  });
});

describe('PNG', () => {
  let png: Buffer;
  let tiff: Buffer;
  beforeAll(async () => {
    tiff = Buffer.from(exifOf(phone)!.tiff);
    const plain = await screenshotPng();
    png = withChunks(plain, [
      pngChunk('eXIf', tiff),
      pngChunk('tEXt', Buffer.from('Author\0Lee Auditor', 'latin1')),
      pngChunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta exif:GPSLatitude="31,13.752N"/>', 'latin1')),
      pngChunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), (await import('node:zlib')).deflateSync('secret')])),
      pngChunk('tIME', Buffer.from([0x07, 0xea, 3, 14, 9, 26, 53])),
      pngChunk('iCCP', Buffer.concat([Buffer.from('sRGB\0\0', 'latin1'), (await import('node:zlib')).deflateSync(Buffer.alloc(16))])),
    ]);
    expect(readBack(png).exif?.Orientation?.value).toBe(6);
  });

  it('strip-metadata drops eXIf and the text and time chunks, keeps iCCP, writes the orientation back; it still decodes', async () => {
    const result = handlePhoto(png, 'png', 'strip-metadata', 'screen.png');
    const unique = (types: string[]) => types.filter((t, i) => t !== types[i - 1]);
    const dropped = ['tEXt', 'iTXt', 'zTXt', 'tIME'];
    expect(unique(chunkTypesOf(png))).toEqual(['IHDR', 'eXIf', ...dropped, 'iCCP', 'pHYs', 'IDAT', 'IEND']);
    expect(unique(chunkTypesOf(result.bytes))).toEqual(unique(chunkTypesOf(png)).filter((t) => !dropped.includes(t)));
    const tags = readBack(result.bytes);
    expect(tags.exif?.Orientation?.value).toBe(6);
    expect(tags.gps).toBeUndefined();
    expect(Object.keys(tags.exif ?? {})).toEqual(['Orientation']);
    expect(result.bytes.indexOf(Buffer.from('Lee Auditor'))).toBe(-1);
    expect(result.bytes.indexOf(gpsIfdOf(tiff)!.bytes)).toBe(-1);
    expect(result).toMatchObject({ width: 320, height: 200, orientation: 6, warnings: [] });
    expect(result.removed).toEqual(['exif', 'gps', 'xmp', 'png-text', 'other-metadata']);
    const decoded = await pixelsOf(result.bytes);
    expect(decoded).toEqual(await pixelsOf(png));
    expect((await sharp(result.bytes).metadata()).orientation).toBe(6);
  });

  it('keep-capture-time writes the time back into eXIf; keep-all stores the PNG unchanged', () => {
    const kept = handlePhoto(png, 'png', 'keep-capture-time', 'screen.png');
    expect(readBack(kept.bytes).exif?.DateTimeOriginal?.description).toBe(CAPTURE.date);
    expect(readBack(kept.bytes).gps).toBeUndefined();
    expect(kept.capturedAt).toBe('2026-03-14T09:26:53+08:00');
    const all = handlePhoto(png, 'png', 'keep-capture-time-and-location', 'screen.png');
    expect(all.bytes.equals(png)).toBe(true);
    expect(all.latitude).toBeCloseTo(GPS.latitude, 4);
    expect(all.longitude).toBeCloseTo(GPS.longitude, 4);
  });

  it('treats an eXIf chunk with a bad CRC as unreadable EXIF, and drops it', async () => {
    const damaged = withChunks(await screenshotPng(), [pngChunk('eXIf', tiff, true)]);
    const result = handlePhoto(damaged, 'png', 'strip-metadata', 's.png');
    expect(chunkTypesOf(result.bytes)).not.toContain('eXIf');
    expect(result).toMatchObject({ orientation: null, removed: ['exif'], warnings: ['exif-unreadable'] });
    await sharp(result.bytes).raw().toBuffer();
  });

  it('refuses a PNG with a bad signature, a missing image header, a damaged critical chunk or no end', async () => {
    const plain = await screenshotPng(16, 16);
    const badSignature = Buffer.from(plain);
    badSignature[1] = 0x51;
    const noIhdr = Buffer.concat([plain.subarray(0, 8), plain.subarray(33)]);
    const badIdatCrc = Buffer.from(plain);
    badIdatCrc[badIdatCrc.length - 13] = badIdatCrc[badIdatCrc.length - 13]! ^ 0xff; // the last byte of the IDAT CRC (IEND is 12 bytes)
    const cut = plain.subarray(0, plain.length - 12);
    for (const bytes of [badSignature, noIhdr, badIdatCrc, cut]) {
      const error = errorOf(() => handlePhoto(bytes, 'png', 'strip-metadata', 'bad.png'));
      expect(error.code).toBe('EVIDENCE_IMAGE_DAMAGED');
      expect(error.params).toEqual({ fileName: 'bad.png', format: 'PNG' });
    }
  });

  it('refuses a PNG that declares 100,000 × 100,000 pixels without decoding it', () => {
    // 64 bytes of pixel data: decoding would have reported the file damaged, not too large.
    const crafted = craftedPngHeader(100_000, 100_000);
    const error = errorOf(() => handlePhoto(crafted, 'png', 'keep-capture-time-and-location', 'huge.png'));
    expect(error.code).toBe('EVIDENCE_IMAGE_TOO_LARGE');
    expect(error.params).toEqual({ fileName: 'huge.png', width: 100_000, height: 100_000 });
  });
});

describe('any damage', () => {
  it('either gives a photo whose only metadata is the minimal EXIF, or refuses it with a StoreError', () => {
    const damage = fc.record({
      cutAt: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
      flips: fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 6 }),
      png: fc.boolean(),
    });
    fc.assert(
      fc.property(damage, fc.constantFrom('strip-metadata', 'keep-capture-time') as fc.Arbitrary<'strip-metadata' | 'keep-capture-time'>, ({ cutAt, flips, png: asPng }, policy) => {
        const original = asPng ? pngFixture : edited;
        const bytes = Buffer.from(cutAt === null ? original : original.subarray(0, cutAt % original.length));
        // Damage the header and metadata more often than the pixels.
        for (const { at, value } of flips) bytes[at % Math.min(bytes.length, 3000)] = value;
        let result;
        try {
          result = handlePhoto(bytes, asPng ? 'png' : 'jpeg', policy, 'x');
        } catch (error) {
          expect(error).toBeInstanceOf(StoreError);
          expect(['EVIDENCE_IMAGE_DAMAGED', 'EVIDENCE_IMAGE_TOO_LARGE']).toContain((error as StoreError).code);
          return;
        }
        expect(result.latitude).toBeNull();
        expect(result.bytes.indexOf(Buffer.from('Lee Auditor'))).toBe(-1);
        expect(result.bytes.indexOf(Buffer.from('TestPhone'))).toBe(-1);
        if (!asPng) {
          const app = markersOf(result.bytes).filter((m) => m.marker >= 0xe0 && m.marker <= 0xef && m.marker !== 0xe2);
          expect(app.every((m) => m.marker === 0xe0 ? m.text.startsWith('JFIF') : m.marker === 0xee || m.text.startsWith('Exif'))).toBe(true);
        }
      }),
      propertyRuns('handlePhoto on damaged photos', 300),
    );
  });
});
