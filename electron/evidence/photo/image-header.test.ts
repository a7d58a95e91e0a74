import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../shared/store-errors.ts';
import { craftedPngHeader, exifOf, phoneJpeg, screenshotPng, writeU32 } from '../../../tests/helpers/photos.ts';
import { imageSizeOf } from './image-header.ts';

const errorOf = (run: () => unknown): StoreError => {
  try {
    run();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
};

describe('imageSizeOf', () => {
  it('reads the declared size and orientation of photos and screenshots', async () => {
    expect(imageSizeOf(await phoneJpeg({ width: 640, height: 480, orientation: 6 }), 'p.jpg')).toEqual({ width: 640, height: 480, orientation: 6 });
    expect(imageSizeOf(await phoneJpeg({ orientation: 1 }), 'p.jpg')).toEqual({ width: 400, height: 300, orientation: 1 });
    expect(imageSizeOf(await screenshotPng(320, 200), 's.png')).toEqual({ width: 320, height: 200, orientation: null });
    const gif = await sharp({ create: { width: 50, height: 20, channels: 3, background: '#000' } }).gif().toBuffer();
    expect(imageSizeOf(gif, 'a.gif')).toEqual({ width: 50, height: 20, orientation: null });
    const webp = await sharp({ create: { width: 30, height: 40, channels: 3, background: '#000' } }).webp().toBuffer();
    expect(imageSizeOf(webp, 'a.webp')).toMatchObject({ width: 30, height: 40 });
  });

  it('refuses a PNG declaring 100,000 × 100,000 pixels from its header alone', () => {
    // The crafted file carries 64 bytes of pixel data: a decoder would call it damaged, so "too
    // large" can only come from the header (no timing: a timed assertion flakes on a busy machine).
    const crafted = craftedPngHeader(100_000, 100_000);
    const error = errorOf(() => imageSizeOf(crafted, 'huge.png'));
    expect(error.code).toBe('EVIDENCE_IMAGE_TOO_LARGE');
    expect(error.params).toEqual({ fileName: 'huge.png', width: 100_000, height: 100_000 });
    expect(errorOf(() => imageSizeOf(craftedPngHeader(40_000, 10), 'wide.png')).code).toBe('EVIDENCE_IMAGE_TOO_LARGE');
    expect(imageSizeOf(craftedPngHeader(16_320, 12_240), 'phone-200mp.png')).toMatchObject({ width: 16_320, height: 12_240 });
  });

  it('calls a header it cannot read damaged, with the format in words', async () => {
    const jpeg = await phoneJpeg();
    for (const [bytes, format] of [
      [jpeg.subarray(0, 200), 'JPEG'],
      [craftedPngHeader(0, 10), 'PNG'],
      [Buffer.from('not an image at all'), 'text'],
    ] as const) {
      const error = errorOf(() => imageSizeOf(Buffer.from(bytes), 'x'));
      expect(error.code).toBe('EVIDENCE_IMAGE_DAMAGED');
      expect(error.params).toEqual({ fileName: 'x', format });
    }
  });

  it('still reads the size of a JPEG whose EXIF block is broken', async () => {
    const photo = Buffer.from(await phoneJpeg());
    writeU32(photo.subarray(exifOf(photo)!.at), 4, 0xfffff000);
    expect(imageSizeOf(photo, 'broken.jpg')).toMatchObject({ width: 400, height: 300 });
  });
});
