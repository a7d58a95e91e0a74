/**
 * The report-sized copy of a photo, made once for documents: turned upright, at most 1,600 px on its
 * long side, a JPEG without any metadata (no EXIF, GPS, XMP or colour profile: colours converted to
 * sRGB). The same photo always gives the same bytes.
 */
import type Sharp from 'sharp';
import { EVIDENCE_LIMITS, formatLabel, sniffFormat } from '../../../shared/evidence/file-format.ts';
import { StoreError } from '../../../shared/store-errors.ts';
import { imageSizeOf } from './image-header.ts';

/**
 * sharp (libvips, ~30 MB of native code) is loaded when the first photo is attached, not when the
 * engagement worker starts: loading it there added ~50 ms to every open (measured: 20 → 69 ms).
 */
let loaded: Promise<typeof Sharp> | null = null;
const loadSharp = (): Promise<typeof Sharp> => (loaded ??= import('sharp').then((module) => module.default));

/** JPEG quality of report copies: no visible loss at print size, about 250–400 KB for a 1,600 px photo. */
export const REPORT_COPY_QUALITY = 82;

/**
 * Makes the report copy of a photo (any image sharp reads; photos are JPEG or PNG). The declared
 * size is checked from the header before anything is decoded. Throws EVIDENCE_IMAGE_TOO_LARGE or
 * EVIDENCE_IMAGE_DAMAGED (with `fileName` in its parameters).
 */
export async function reportCopy(bytes: Buffer, fileName: string): Promise<Buffer> {
  imageSizeOf(bytes, fileName);
  const side = EVIDENCE_LIMITS.reportCopySide;
  const sharp = await loadSharp();
  try {
    return await sharp(bytes, { limitInputPixels: EVIDENCE_LIMITS.maxImagePixels, failOn: 'error' })
      .rotate()
      .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
      // Transparent screenshots get a white page behind them, as they would on paper.
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: REPORT_COPY_QUALITY, chromaSubsampling: '4:2:0' })
      .toBuffer();
  } catch (error) {
    const format = formatLabel(sniffFormat(bytes, fileName).format);
    throw new StoreError('EVIDENCE_IMAGE_DAMAGED', `${fileName}: the ${format} image cannot be decoded (${error instanceof Error ? error.message : String(error)})`, { fileName, format });
  }
}
