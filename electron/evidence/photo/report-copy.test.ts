import ExifReader from 'exifreader';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../shared/store-errors.ts';
import { craftedPngHeader, exifOf, phoneJpeg, screenshotPng, writeU32 } from '../../../tests/helpers/photos.ts';
import { handlePhoto } from './handle-photo.ts';
import { reportCopy } from './report-copy.ts';

const rejection = async (promise: Promise<unknown>): Promise<StoreError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
};

describe('reportCopy', () => {
  it('turns a 4000 × 3000 phone photo with orientation 6 upright into 1200 × 1600, with no metadata, the same bytes twice', async () => {
    const photo = await phoneJpeg({ width: 4000, height: 3000, orientation: 6 });
    const first = await reportCopy(photo, 'IMG_0042.jpg');
    const second = await reportCopy(photo, 'IMG_0042.jpg');
    expect(first.equals(second)).toBe(true);
    const meta = await sharp(first).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 1600 });
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    const tags = ExifReader.load(first, { expanded: true });
    expect(tags.exif).toBeUndefined();
    expect(tags.gps).toBeUndefined();
    expect(first.length).toBeLessThan(photo.length);
  });

  it('makes the copy from a stripped photo too (the orientation it kept turns it upright)', async () => {
    const photo = await phoneJpeg({ width: 2000, height: 1500, orientation: 6 });
    const stripped = handlePhoto(photo, 'jpeg', 'strip-metadata', 'p.jpg').bytes;
    expect(await sharp(await reportCopy(stripped, 'p.jpg')).metadata()).toMatchObject({ width: 1200, height: 1600 });
  });

  it('makes the copy of a photo kept as it is with a broken EXIF block', async () => {
    const photo = Buffer.from(await phoneJpeg({ width: 800, height: 600 }));
    writeU32(photo.subarray(exifOf(photo)!.at), 4, 0xfffff000);
    expect(await sharp(await reportCopy(photo, 'broken.jpg')).metadata()).toMatchObject({ width: 800, height: 600 });
  });

  it('never enlarges a small screenshot, and puts transparency on white', async () => {
    const png = await screenshotPng(320, 200);
    const copy = await reportCopy(png, 'screen.png');
    const meta = await sharp(copy).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 320, height: 200, channels: 3 });
    const transparent = await sharp({ create: { width: 10, height: 10, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const { data } = await sharp(await reportCopy(transparent, 't.png')).raw().toBuffer({ resolveWithObject: true });
    expect(Math.min(...data)).toBeGreaterThan(245);
  });

  it('refuses an absurd declared size before decoding, and a damaged photo', async () => {
    const huge = await rejection(reportCopy(craftedPngHeader(100_000, 100_000), 'huge.png'));
    expect(huge.code).toBe('EVIDENCE_IMAGE_TOO_LARGE');
    const photo = await phoneJpeg();
    const cut = await rejection(reportCopy(photo.subarray(0, Math.floor(photo.length * 0.6)), 'cut.jpg'));
    expect(cut.code).toBe('EVIDENCE_IMAGE_DAMAGED');
    expect(cut.params).toEqual({ fileName: 'cut.jpg', format: 'JPEG' });
    // A header that reads, with image data that does not decode.
    const badData = await rejection(reportCopy(craftedPngHeader(200, 100), 'bad.png'));
    expect(badData.code).toBe('EVIDENCE_IMAGE_DAMAGED');
  });
});
