/**
 * The certification body's photo policy applied to a JPEG or PNG photo, losslessly: metadata
 * segments or chunks are dropped or kept, a minimal EXIF block is written back where the policy keeps
 * something (the orientation, without which phone photos show sideways; the capture time), and the
 * pixels are never decoded or re-encoded.
 *
 * - strip-metadata: no EXIF, GPS, XMP, IPTC, comments or text; the orientation kept when not 1.
 * - keep-capture-time: as strip, and DateTimeOriginal (+ OffsetTimeOriginal) kept and recorded.
 * - keep-capture-time-and-location: the photo stored as it is (proof of presence); its capture time
 *   and GPS position recorded as fields of the photo.
 */
import type { PhotoPolicy } from '../../../shared/cb-profile/profile.ts';
import { checkDeclaredSize, formatLabel, type PhotoFormat } from '../../../shared/evidence/file-format.ts';
import { captureTime, gpsDegrees, isExifOffset, sortRemoved, sortWarnings, type PhotoRemoved, type PhotoWarning } from '../../../shared/evidence/photo-metadata.ts';
import { StoreError } from '../../../shared/store-errors.ts';
import { minimalExif, readExif, type ExifFacts } from './exif.ts';
import { NotAJpeg, jfifHasThumbnail, rebuildJpeg, roleOf as jpegRole, walkJpeg } from './jpeg.ts';
import { NotAPng, exifOfChunk, rebuildPng, roleOf as pngRole, walkPng } from './png.ts';

export interface PhotoResult {
  /** What is stored: the original bytes (keep-capture-time-and-location) or the rewritten photo. */
  readonly bytes: Buffer;
  /** The size of the stored pixels (before the orientation is applied). */
  readonly width: number;
  readonly height: number;
  /** EXIF orientation 1–8 (6: shown turned 90° clockwise), null when the photo has none. */
  readonly orientation: number | null;
  /** 'YYYY-MM-DDTHH:MM:SS', with '+HH:MM' when the photo says its offset from UTC; null unless the policy keeps it. */
  readonly capturedAt: string | null;
  /** Decimal degrees (south and west negative); null unless the policy keeps the location. */
  readonly latitude: number | null;
  readonly longitude: number | null;
  /** What the photo carried and the stored bytes no longer carry (stable codes, stable order). */
  readonly removed: PhotoRemoved[];
  /** What could not be done as the policy asks (stable codes). */
  readonly warnings: PhotoWarning[];
}

/** A photo's structure as the policy needs it, for either format. */
interface PhotoParts {
  readonly width: number;
  readonly height: number;
  /** The EXIF blocks (TIFF structures) the photo carries, in file order. */
  readonly exif: readonly Buffer[];
  /** An EXIF block was present but could not be taken out whole (a PNG eXIf chunk with a bad CRC). */
  readonly exifDamaged: boolean;
  /** The metadata other than EXIF that a rewrite drops. */
  readonly other: ReadonlySet<PhotoRemoved>;
  readonly rebuild: (exif: Buffer | null) => Buffer;
}

/** Whether an XMP packet (or any metadata text) carries a GPS position. */
const mentionsGps = (bytes: Buffer, start: number, end: number): boolean => bytes.subarray(start, end).includes('GPSLatitude', 0, 'latin1');

/** Whether the bytes after the image's end are more than padding (a second image, a maker's trailer). */
const hasTrailer = (bytes: Buffer, from: number): boolean => {
  for (let i = from; i < bytes.length; i++) if (bytes[i] !== 0x00 && bytes[i] !== 0xff) return true;
  return false;
};

function jpegParts(bytes: Buffer): PhotoParts {
  const layout = walkJpeg(bytes);
  const exif: Buffer[] = [];
  const other = new Set<PhotoRemoved>();
  for (const s of layout.segments) {
    const role = jpegRole(bytes, s);
    if (role.kind === 'exif') exif.push(bytes.subarray(role.tiffStart, s.dataEnd));
    if (role.kind === 'jfif' && jfifHasThumbnail(s)) other.add('other-metadata');
    if (role.kind === 'metadata') {
      other.add(role.removed);
      if (role.removed === 'xmp' && mentionsGps(bytes, s.dataStart, s.dataEnd)) other.add('gps');
    }
  }
  if (hasTrailer(bytes, layout.end)) other.add('other-metadata');
  return { width: layout.width, height: layout.height, exif, exifDamaged: false, other, rebuild: (block) => rebuildJpeg(bytes, layout, block) };
}

function pngParts(bytes: Buffer): PhotoParts {
  const layout = walkPng(bytes);
  const exif: Buffer[] = [];
  let exifDamaged = false;
  const other = new Set<PhotoRemoved>();
  for (const c of layout.chunks) {
    const role = pngRole(bytes, c);
    if (role.kind === 'exif') {
      if (c.crcOk) exif.push(exifOfChunk(bytes, c));
      else exifDamaged = true;
    }
    if (role.kind === 'metadata') {
      other.add(role.removed);
      if (role.removed === 'xmp' && mentionsGps(bytes, c.dataStart, c.dataEnd)) other.add('gps');
    }
  }
  if (hasTrailer(bytes, layout.end)) other.add('other-metadata');
  return { width: layout.width, height: layout.height, exif, exifDamaged, other, rebuild: (block) => rebuildPng(bytes, layout, block) };
}

/**
 * Applies the photo policy to a JPEG or PNG. Synchronous and lossless. Throws
 * EVIDENCE_IMAGE_DAMAGED when the file's structure cannot be followed (the photo would not decode)
 * and EVIDENCE_IMAGE_TOO_LARGE when it declares an impossible size; a damaged EXIF block is never a
 * reason to refuse a photo (it is dropped, or kept as it is, with the warning 'exif-unreadable').
 */
export function handlePhoto(bytes: Buffer, format: PhotoFormat, policy: PhotoPolicy, fileName: string): PhotoResult {
  let parts: PhotoParts;
  try {
    parts = format === 'jpeg' ? jpegParts(bytes) : pngParts(bytes);
  } catch (error) {
    if (error instanceof NotAJpeg || error instanceof NotAPng) {
      throw new StoreError('EVIDENCE_IMAGE_DAMAGED', `${fileName} is not a complete ${formatLabel(format)} image: ${error.message}`, { fileName, format: formatLabel(format) });
    }
    throw error;
  }
  const { width, height } = parts;
  if (checkDeclaredSize(width, height) === 'absurd') {
    throw new StoreError('EVIDENCE_IMAGE_TOO_LARGE', `${fileName} declares ${width} × ${height} pixels`, { fileName, width, height });
  }

  const blocks: ExifFacts[] = parts.exif.map((tiff) => readExif(tiff));
  const facts = blocks[0] ?? null;
  const warnings = new Set<PhotoWarning>();
  if (parts.exifDamaged || blocks.some((b) => b.damaged)) warnings.add('exif-unreadable');
  const orientation = facts?.orientation ?? null;
  const time = captureTime(facts?.dateTimeOriginal ?? null, facts?.offsetTimeOriginal ?? null);

  if (policy === 'keep-capture-time-and-location') {
    if (time.invalid) warnings.add('capture-time-invalid');
    let latitude: number | null = null;
    let longitude: number | null = null;
    if (facts?.gps) {
      latitude = gpsDegrees(facts.gps.latitude, facts.gps.latitudeRef, 'latitude');
      longitude = gpsDegrees(facts.gps.longitude, facts.gps.longitudeRef, 'longitude');
      if (latitude === null || longitude === null) {
        latitude = longitude = null;
        warnings.add('location-invalid');
      }
    }
    return { bytes, width, height, orientation, capturedAt: time.capturedAt, latitude, longitude, removed: [], warnings: sortWarnings(warnings) };
  }

  const keepTime = policy === 'keep-capture-time';
  if (keepTime && time.invalid) warnings.add('capture-time-invalid');
  const capturedAt = keepTime ? time.capturedAt : null;
  const offset = facts?.offsetTimeOriginal ?? null;
  const written = minimalExif({
    orientation,
    dateTimeOriginal: capturedAt !== null ? (facts?.dateTimeOriginal ?? null) : null,
    offsetTimeOriginal: capturedAt !== null && offset !== null && isExifOffset(offset) ? offset : null,
  });
  const removed = new Set<PhotoRemoved>(parts.other);
  if (parts.exif.length > 0 || parts.exifDamaged) removed.add('exif');
  if (blocks.some((b) => b.hasGps)) removed.add('gps');
  if (blocks.some((b) => b.hasMakerNote)) removed.add('maker-notes');
  return { bytes: parts.rebuild(written), width, height, orientation, capturedAt, latitude: null, longitude: null, removed: sortRemoved(removed), warnings: sortWarnings(warnings) };
}
