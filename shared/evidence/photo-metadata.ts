/**
 * What handling a photo's metadata reports, as stable codes the renderer turns into words, and the
 * pure rules that turn EXIF values into the fields recorded with a photo (capture time, location).
 */

/** What a photo carried and no longer carries once the photo policy was applied, in this order. */
export const PHOTO_REMOVED = [
  'exif', // the EXIF block (camera, settings, times, thumbnail); a minimal one may be written back
  'gps', // a location: the EXIF GPS directory, or GPS fields in XMP
  'xmp', // XMP (editing history, descriptions, often a copy of the EXIF)
  'iptc', // IPTC / Photoshop records (captions, names, places)
  'comment', // JPEG comments
  'png-text', // PNG text chunks (tEXt, zTXt, iTXt)
  'maker-notes', // the camera maker's private EXIF data (serial numbers, sometimes locations)
  'other-metadata', // anything else outside the pixels: other APPn segments, PNG tIME and private chunks, data after the image's end
] as const;
export type PhotoRemoved = (typeof PHOTO_REMOVED)[number];

/** What could not be done as the policy asks, without refusing the photo. */
export const PHOTO_WARNINGS = [
  'exif-unreadable', // the EXIF block is damaged: what it said (orientation, time, location) is not known
  'capture-time-invalid', // the photo's capture time is not a date (a camera without a set clock)
  'location-invalid', // the photo's GPS position is out of range or incomplete
] as const;
export type PhotoWarning = (typeof PHOTO_WARNINGS)[number];

/** The removed codes in their stable order, each once. */
export const sortRemoved = (codes: Iterable<PhotoRemoved>): PhotoRemoved[] => {
  const present = new Set(codes);
  return PHOTO_REMOVED.filter((code) => present.has(code));
};

/** The warnings in their stable order, each once. */
export const sortWarnings = (codes: Iterable<PhotoWarning>): PhotoWarning[] => {
  const present = new Set(codes);
  return PHOTO_WARNINGS.filter((code) => present.has(code));
};

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Whether `text` is an EXIF date and time ('YYYY:MM:DD HH:MM:SS') of a real moment. */
export function isExifDateTime(text: string): boolean {
  const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59;
}

/** Whether `text` is an EXIF offset from UTC ('+08:00', '-05:30'), within the offsets that exist. */
export function isExifOffset(text: string): boolean {
  const m = /^[+-](\d{2}):(\d{2})$/.exec(text);
  return !!m && Number(m[1]) <= 14 && Number(m[2]) <= 59;
}

/**
 * The capture time recorded with a photo: 'YYYY-MM-DDTHH:MM:SS', with '+HH:MM' when the photo says
 * its offset from UTC (cameras without one record the local time of the place, which we keep as it
 * is). `invalid` when the photo has a value that is not a date.
 */
export function captureTime(dateTimeOriginal: string | null, offsetTimeOriginal: string | null): { capturedAt: string | null; invalid: boolean } {
  if (dateTimeOriginal === null || dateTimeOriginal.trim() === '') return { capturedAt: null, invalid: false };
  if (!isExifDateTime(dateTimeOriginal)) return { capturedAt: null, invalid: true };
  const local = `${dateTimeOriginal.slice(0, 4)}-${dateTimeOriginal.slice(5, 7)}-${dateTimeOriginal.slice(8, 10)}T${dateTimeOriginal.slice(11)}`;
  return { capturedAt: offsetTimeOriginal !== null && isExifOffset(offsetTimeOriginal) ? `${local}${offsetTimeOriginal}` : local, invalid: false };
}

/**
 * Decimal degrees from EXIF GPS degrees, minutes and seconds and their reference ('N'/'S' for a
 * latitude, 'E'/'W' for a longitude); null when the value is incomplete or out of range.
 */
export function gpsDegrees(dms: readonly number[], ref: string, axis: 'latitude' | 'longitude'): number | null {
  if (dms.length !== 3 || !dms.every((v) => Number.isFinite(v) && v >= 0)) return null;
  const [deg, min, sec] = dms as [number, number, number];
  if (min >= 60 || sec >= 60) return null;
  const refs = axis === 'latitude' ? ['N', 'S'] : ['E', 'W'];
  if (!refs.includes(ref)) return null;
  const value = deg + min / 60 + sec / 3600;
  if (value > (axis === 'latitude' ? 90 : 180)) return null;
  const signed = ref === refs[1] ? -value : value;
  // Seven decimals are about 1 cm: more is noise from the rationals.
  const rounded = Math.round(signed * 1e7) / 1e7;
  return rounded === 0 ? 0 : rounded;
}
