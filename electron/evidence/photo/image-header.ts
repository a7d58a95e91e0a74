/**
 * An image's declared size, read from its header without decoding a pixel: what decides whether
 * an image may be decoded at all (preview, report copy). A crafted PNG that declares
 * 100,000 × 100,000 pixels is refused here in microseconds instead of exhausting memory later.
 */
import { imageSize } from 'image-size';
import { checkDeclaredSize, formatLabel, sniffFormat } from '../../../shared/evidence/file-format.ts';
import { StoreError } from '../../../shared/store-errors.ts';

export interface ImageHeader {
  readonly width: number;
  readonly height: number;
  /** EXIF orientation 1–8 where the header gives it (JPEG), otherwise null. */
  readonly orientation: number | null;
}

/**
 * The declared width, height and orientation of an image (JPEG, PNG, GIF, BMP, WebP, TIFF, …).
 * Throws EVIDENCE_IMAGE_DAMAGED when the header cannot be read and EVIDENCE_IMAGE_TOO_LARGE when
 * the declared size is more than any camera or screen makes.
 */
export function imageSizeOf(bytes: Buffer, fileName: string): ImageHeader {
  const damaged = (why: string) => {
    const format = formatLabel(sniffFormat(bytes, fileName).format);
    return new StoreError('EVIDENCE_IMAGE_DAMAGED', `${fileName}: the ${format} header cannot be read (${why})`, { fileName, format });
  };
  let size: { width: number; height: number; orientation?: number };
  try {
    size = imageSize(bytes);
  } catch (error) {
    throw damaged(error instanceof Error ? error.message : String(error));
  }
  const { width, height } = size;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw damaged(`declared size ${width} × ${height}`);
  if (checkDeclaredSize(width, height) === 'absurd') {
    throw new StoreError('EVIDENCE_IMAGE_TOO_LARGE', `${fileName} declares ${width} × ${height} pixels`, { fileName, width, height });
  }
  const orientation = size.orientation !== undefined && Number.isInteger(size.orientation) && size.orientation >= 1 && size.orientation <= 8 ? size.orientation : null;
  return { width, height, orientation };
}
