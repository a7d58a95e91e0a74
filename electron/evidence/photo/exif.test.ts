import ExifReader from 'exifreader';
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../tests/helpers/property.ts';
import { exifOf, phoneJpeg } from '../../../tests/helpers/photos.ts';
import { minimalExif, readExif } from './exif.ts';
import { exifSegment } from './jpeg.ts';

/** A JPEG carrying `tiff` as its EXIF, for exifreader to read back. */
async function jpegWith(tiff: Buffer): Promise<Buffer> {
  const plain = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#777' } }).jpeg().toBuffer();
  return Buffer.concat([plain.subarray(0, 2), exifSegment(tiff), plain.subarray(2)]);
}

const dateArb = fc
  .record({ y: fc.integer({ min: 1990, max: 2099 }), mo: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }), s: fc.integer({ min: 0, max: 59 }) })
  .map(({ y, mo, d, h, mi, s }) => `${y}:${String(mo).padStart(2, '0')}:${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}`);
const offsetArb = fc.record({ sign: fc.constantFrom('+', '-'), h: fc.integer({ min: 0, max: 14 }), m: fc.constantFrom(0, 30, 45) }).map(({ sign, h, m }) => `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('readExif', () => {
  it('reads what a real encoder wrote (little-endian, from libvips)', async () => {
    const facts = readExif(exifOf(await phoneJpeg({ orientation: 8 }))!.tiff);
    expect(facts).toMatchObject({ orientation: 8, dateTimeOriginal: '2026:03:14 09:26:53', offsetTimeOriginal: '+08:00', hasGps: true, hasMakerNote: false, damaged: false });
    expect(facts.gps).toEqual({ latitude: [31, 13, 45.12], latitudeRef: 'N', longitude: [121, 28, 12], longitudeRef: 'E' });
  });

  it('reports a block it cannot read as damaged instead of throwing', () => {
    expect(readExif(Buffer.alloc(0)).damaged).toBe(true);
    expect(readExif(Buffer.from('XX*\0\0\0\0\x08', 'latin1')).damaged).toBe(true);
    expect(readExif(Buffer.from('MM\0*\0\0\0\x08', 'latin1')).damaged).toBe(true); // IFD0 past the end
    const tooMany = Buffer.from('MM\0*\0\0\0\x08\xff\xff', 'latin1'); // 65,535 entries in 2 bytes
    expect(readExif(tooMany)).toMatchObject({ damaged: true, orientation: null });
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('II*\0', 'MM\0*'), (body, header) => {
        const facts = readExif(Buffer.concat([Buffer.from(header, 'latin1'), Buffer.from(body)]));
        expect(facts.orientation === null || (facts.orientation >= 1 && facts.orientation <= 8)).toBe(true);
      }),
      propertyRuns('readExif on random bytes', 2000),
    );
  });
});

describe('minimalExif', () => {
  it('writes nothing when there is nothing worth keeping', () => {
    expect(minimalExif({ orientation: null })).toBeNull();
    expect(minimalExif({ orientation: 1 })).toBeNull();
    expect(minimalExif({ orientation: 1, dateTimeOriginal: null })).toBeNull();
  });

  it('holds only the orientation, read back the same by exifreader', async () => {
    const tiff = minimalExif({ orientation: 6 })!;
    expect(tiff.length).toBeLessThan(40);
    const tags = ExifReader.load(await jpegWith(tiff), { expanded: true });
    expect(Object.keys(tags.exif ?? {})).toEqual(['Orientation']);
    expect(tags.exif?.Orientation?.value).toBe(6);
  });

  it('round-trips orientation, time and offset through our reader and exifreader', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 8 }), dateArb, fc.option(offsetArb, { nil: null }), async (orientation, date, offset) => {
        const tiff = minimalExif({ orientation, dateTimeOriginal: date, offsetTimeOriginal: offset })!;
        expect(readExif(tiff)).toMatchObject({ orientation, dateTimeOriginal: date, offsetTimeOriginal: offset, hasGps: false, damaged: false });
        const tags = ExifReader.load(await jpegWith(tiff), { expanded: true });
        expect(tags.exif?.Orientation?.value).toBe(orientation);
        expect(tags.exif?.DateTimeOriginal?.description).toBe(date);
        expect(tags.exif?.OffsetTimeOriginal?.description).toBe(offset ?? undefined);
        expect(tags.gps).toBeUndefined();
      }),
      propertyRuns('minimalExif round trip', 60),
    );
  });
});
