/**
 * What an evidence file is, what it may be called and how large it may be: pure rules shared by the
 * engagement worker (which decides) and the renderer (which checks early and explains).
 *
 * A file's kind is decided by its first bytes (magic numbers), never by its name: a PNG renamed
 * .txt is still a PNG, a script renamed .jpg is not a photo. The name only chooses between formats
 * whose bytes look alike (plain text, SVG, a zip that is an Office document).
 */

export type FileFormat = 'jpeg' | 'png' | 'gif' | 'bmp' | 'webp' | 'heic' | 'avif' | 'tiff' | 'pdf' | 'svg' | 'text' | 'zip' | 'office' | 'other';

/** The formats whose metadata (EXIF, GPS, XMP) the photo policy is applied to. */
export type PhotoFormat = 'jpeg' | 'png';

export interface SniffedFormat {
  readonly format: FileFormat;
  readonly mediaType: string;
}

/** How many bytes from the start of a file `sniffFormat` looks at. */
export const SNIFF_BYTES = 64;

/**
 * Image formats that are refused: they carry EXIF/XMP (location, camera, time) in places we do not
 * rewrite losslessly (HEIC/AVIF item boxes, WebP RIFF chunks, TIFF and camera-raw IFDs), so the
 * certification body's photo policy could not be applied to them.
 */
export const REFUSED_IMAGE_FORMATS: readonly FileFormat[] = ['heic', 'avif', 'webp', 'tiff'];

export const isPhotoFormat = (format: FileFormat): format is PhotoFormat => format === 'jpeg' || format === 'png';

export const isRefusedImageFormat = (format: FileFormat): boolean => REFUSED_IMAGE_FORMATS.includes(format);

/** The name of a format as people know it, for messages ("is not a complete JPEG image"). */
export function formatLabel(format: FileFormat): string {
  const labels: Record<FileFormat, string> = {
    jpeg: 'JPEG',
    png: 'PNG',
    gif: 'GIF',
    bmp: 'BMP',
    webp: 'WebP',
    heic: 'HEIC/HEIF',
    avif: 'AVIF',
    tiff: 'TIFF / camera raw',
    pdf: 'PDF',
    svg: 'SVG',
    text: 'text',
    zip: 'zip',
    office: 'Office',
    other: 'binary',
  };
  return labels[format];
}

export const EVIDENCE_LIMITS = {
  /**
   * One evidence file. A log extract or a ticket-system export of several hundred MB fits; the
   * engagement stays one file that a FAT32 USB stick (at most 4 GiB per file) and a return package
   * still carry with several such files in it. Larger evidence is attached as an extract (the period
   * or the records sampled) or recorded as a reference to where the client keeps it.
   */
  maxFileBytes: 512 * 1024 * 1024,
  /**
   * One photo (JPEG/PNG). Applying the photo policy reads the photo whole into memory; a 200-megapixel
   * phone JPEG is about 40 MB, so 64 MiB is every real photo with room to spare.
   */
  maxPhotoBytes: 64 * 1024 * 1024,
  /**
   * Declared pixels of an image that is decoded (preview, report copy). The largest photos made are
   * the full-resolution mode of 200-megapixel phone sensors (16,320 × 12,240 = 199.8 MP); no screen
   * comes near. A larger declared size is treated as crafted or damaged and is never decoded (a
   * decoder would need gigabytes).
   */
  maxImagePixels: 210_000_000,
  /** Declared width or height, for the same reason (a panorama of 30,000 px is already rare). */
  maxImageSide: 30_000,
  /** The long side of the copy of a photo made once for reports: the text width of an A4 page (17 cm) at about 240 dpi. */
  reportCopySide: 1600,
} as const;

/** Whether an image's declared size could be real; 'absurd' is not decoded (crafted or damaged). */
export function checkDeclaredSize(width: number, height: number): 'ok' | 'absurd' {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) return 'absurd';
  if (width > EVIDENCE_LIMITS.maxImageSide || height > EVIDENCE_LIMITS.maxImageSide) return 'absurd';
  return width * height > EVIDENCE_LIMITS.maxImagePixels ? 'absurd' : 'ok';
}

// ---------------------------------------------------------------------------------------------
// Sniffing

const ascii = (head: Uint8Array, at: number, text: string): boolean => {
  if (at + text.length > head.length) return false;
  for (let i = 0; i < text.length; i++) if (head[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

const bytesAt = (head: Uint8Array, at: number, bytes: readonly number[]): boolean => {
  if (at + bytes.length > head.length) return false;
  return bytes.every((b, i) => head[at + i] === b);
};

const latin1 = (head: Uint8Array, from: number, to: number): string => String.fromCharCode(...head.subarray(from, to));

/** The name's ending, lower case, without the dot ('' when none). */
export function extensionOf(fileName: string): string {
  const last = fileName.split(/[/\\]/).pop() ?? '';
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** Generic HEIF image brands: the compatible brands say whether the image is HEVC (HEIC) or AV1 (AVIF). */
const GENERIC_HEIF_BRANDS = new Set(['mif1', 'msf1']);
/** Canon CR3 raw is an ISO-BMFF file: camera raw, refused with TIFF and the other raws. */
const RAW_BRANDS = new Set(['crx ']);

/** An ISO-BMFF `ftyp` box: major brand and compatible brands, as far as `head` holds them. */
function isoBrands(head: Uint8Array): { major: string; compatible: string[] } | null {
  if (!ascii(head, 4, 'ftyp') || head.length < 12) return null;
  const boxSize = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
  const end = Math.min(head.length, boxSize >= 16 ? boxSize : 16);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= end; at += 4) compatible.push(latin1(head, at, at + 4));
  return { major: latin1(head, 8, 12), compatible };
}

function sniffIsoBmff(head: Uint8Array): SniffedFormat | null {
  const brands = isoBrands(head);
  if (!brands) return null;
  const { major, compatible } = brands;
  const any = (set: Set<string>) => compatible.some((b) => set.has(b));
  const avif: SniffedFormat = { format: 'avif', mediaType: 'image/avif' };
  const heic = (brand: string): SniffedFormat => ({ format: 'heic', mediaType: brand === 'heic' || brand === 'heix' || brand === 'hevc' || brand === 'hevx' ? 'image/heic' : 'image/heif' });
  if (AVIF_BRANDS.has(major)) return avif;
  if (HEIF_BRANDS.has(major)) return heic(major);
  if (RAW_BRANDS.has(major)) return { format: 'tiff', mediaType: 'image/x-canon-cr3' };
  if (GENERIC_HEIF_BRANDS.has(major) || any(AVIF_BRANDS) || any(HEIF_BRANDS)) {
    if (any(AVIF_BRANDS)) return avif;
    const hevc = compatible.find((b) => HEIF_BRANDS.has(b));
    return heic(hevc ?? major);
  }
  return null;
}

/** Byte-order marks and the encodings they announce. */
function byteOrderMark(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytesAt(head, 0, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (bytesAt(head, 0, [0xff, 0xfe])) return 'utf-16le';
  if (bytesAt(head, 0, [0xfe, 0xff])) return 'utf-16be';
  return null;
}

/**
 * Whether the bytes read as UTF-8 text: valid UTF-8 (a sequence cut by the end of `head` allowed),
 * no NUL and no control character other than tab, line and page breaks and escape (logs have colours).
 */
function looksLikeUtf8Text(head: Uint8Array): boolean {
  for (const b of head) {
    if (b === 0x00 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a text starts with an <svg> element once a BOM, white space, an XML declaration or other
 * processing instructions, comments and a DOCTYPE are skipped (a DOCTYPE naming svg counts).
 */
function startsAsSvg(text: string): boolean {
  let rest = text.replace(/^\uFEFF/, '');
  for (;;) {
    rest = rest.replace(/^\s+/, '');
    if (/^<!doctype\s+svg\b/i.test(rest)) return true;
    const close = rest.startsWith('<?') ? '?>' : rest.startsWith('<!--') ? '-->' : /^<!doctype/i.test(rest) ? '>' : null;
    if (close === null) return /^<svg[\s>/]/i.test(rest) || /^<[A-Za-z_][\w.-]*:svg[\s>/]/.test(rest);
    const end = rest.indexOf(close, 2);
    // A declaration or comment cut off by the end of the bytes looked at: the name decides.
    if (end < 0) return false;
    rest = rest.slice(end + close.length);
  }
}

/** Text media types by name; markup that a browser would run (HTML, XML, XHTML) is labelled plain text. */
const TEXT_TYPES = new Map<string, string>(Object.entries({
  txt: 'text/plain',
  text: 'text/plain',
  log: 'text/plain',
  out: 'text/plain',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  ndjson: 'application/json',
  md: 'text/markdown',
  markdown: 'text/markdown',
  xml: 'text/plain',
  html: 'text/plain',
  htm: 'text/plain',
  xhtml: 'text/plain',
  yaml: 'text/plain',
  yml: 'text/plain',
  ini: 'text/plain',
  cfg: 'text/plain',
  conf: 'text/plain',
  properties: 'text/plain',
  sql: 'text/plain',
  eml: 'text/plain',
  sh: 'text/plain',
  ps1: 'text/plain',
  bat: 'text/plain',
  cmd: 'text/plain',
  py: 'text/plain',
  js: 'text/plain',
  rtf: 'text/plain',
}));

const OFFICE_ZIP_TYPES = new Map<string, string>(Object.entries({
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  docm: 'application/vnd.ms-word.document.macroEnabled.12',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.12',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  pptm: 'application/vnd.ms-powerpoint.presentation.macroEnabled.12',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
}));

/** Office 97–2003 files are OLE compound files; the name tells which application. */
const OFFICE_OLE_TYPES = new Map<string, string>(Object.entries({
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
}));

function textFormat(ext: string, charset: 'utf-8' | 'utf-16le' | 'utf-16be' | null): SniffedFormat {
  const base = TEXT_TYPES.get(ext) ?? 'text/plain';
  return { format: 'text', mediaType: charset === 'utf-16le' || charset === 'utf-16be' ? `${base}; charset=${charset}` : base };
}

/**
 * The format of a file from its first bytes (at most SNIFF_BYTES are looked at) and its name.
 * Magic numbers decide; the name's ending only chooses between text-like formats (text, SVG) and
 * says which Office document a zip or OLE file is.
 */
export function sniffFormat(head: Uint8Array, fileName: string): SniffedFormat {
  const bytes = head.subarray(0, SNIFF_BYTES);
  const ext = extensionOf(fileName);

  if (bytesAt(bytes, 0, [0xff, 0xd8, 0xff])) return { format: 'jpeg', mediaType: 'image/jpeg' };
  if (bytesAt(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { format: 'png', mediaType: 'image/png' };
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return { format: 'gif', mediaType: 'image/gif' };
  if (ascii(bytes, 0, 'BM') && bytes.length >= 18) {
    const dibHeader = bytes[14]! | (bytes[15]! << 8) | (bytes[16]! << 16) | (bytes[17]! << 24);
    if ([12, 40, 52, 56, 64, 108, 124].includes(dibHeader)) return { format: 'bmp', mediaType: 'image/bmp' };
  }
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return { format: 'webp', mediaType: 'image/webp' };
  const iso = sniffIsoBmff(bytes);
  if (iso) return iso;
  // TIFF and the camera raws built on it (DNG, CR2, NEF, ARW; ORF and RW2 use their own magic), BigTIFF, Fujifilm RAF.
  if (ascii(bytes, 0, 'II*\0') || ascii(bytes, 0, 'MM\0*') || ascii(bytes, 0, 'II+\0') || ascii(bytes, 0, 'MM\0+')) return { format: 'tiff', mediaType: 'image/tiff' };
  if (ascii(bytes, 0, 'IIRO') || ascii(bytes, 0, 'IIRS') || ascii(bytes, 0, 'IIU\0')) return { format: 'tiff', mediaType: 'image/tiff' };
  if (ascii(bytes, 0, 'FUJIFILMCCD-RAW')) return { format: 'tiff', mediaType: 'image/x-fuji-raf' };
  if (ascii(bytes, 0, '%PDF-') || (bytesAt(bytes, 0, [0xef, 0xbb, 0xbf]) && ascii(bytes, 3, '%PDF-'))) return { format: 'pdf', mediaType: 'application/pdf' };
  if (ascii(bytes, 0, 'PK\x03\x04') || ascii(bytes, 0, 'PK\x05\x06')) {
    const office = OFFICE_ZIP_TYPES.get(ext);
    return office ? { format: 'office', mediaType: office } : { format: 'zip', mediaType: 'application/zip' };
  }
  if (bytesAt(bytes, 0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const office = OFFICE_OLE_TYPES.get(ext);
    return office ? { format: 'office', mediaType: office } : { format: 'other', mediaType: 'application/octet-stream' };
  }

  const bom = byteOrderMark(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') return textFormat(ext, bom);
  if (looksLikeUtf8Text(bytes)) {
    if (startsAsSvg(new TextDecoder('utf-8').decode(bytes)) || ext === 'svg' || ext === 'svgz') return { format: 'svg', mediaType: 'image/svg+xml' };
    return textFormat(ext, null);
  }
  // Text in a legacy encoding (GBK, Windows-1252) is text when its name says so.
  if (ext === 'svg') return { format: 'svg', mediaType: 'image/svg+xml' };
  if (TEXT_TYPES.has(ext)) return textFormat(ext, null);
  return { format: 'other', mediaType: 'application/octet-stream' };
}

// ---------------------------------------------------------------------------------------------
// File names

/** The longest name kept, in UTF-16 code units (Windows paths stay under 260 with a folder of 80). */
export const MAX_FILE_NAME_LENGTH = 180;
/** An ending longer than this is not an extension but part of the name. */
const MAX_EXTENSION_LENGTH = 16;

/**
 * Characters dropped from names: C0 and C1 controls (NUL included), DEL, the line and paragraph
 * separators, bidirectional marks, embeddings, overrides and isolates (an "exe.jpg" that reads
 * "gpj.exe"), the BOM, and lone surrogates (not valid in any file system's encoding).
 */
// eslint-disable-next-line no-control-regex -- control characters are what the pattern removes
const DROPPED = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Characters Windows refuses in names, replaced so the file can be saved anywhere later. */
const WINDOWS_INVALID = /[<>:"|?*]/g;
/** Names Windows reserves for devices, with any extension ("CON.txt" is the console too). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

const trimEnds = (text: string): string => text.replace(/^[\s.]+|[\s.]+$/g, '');

/** `text` cut to at most `max` UTF-16 units without splitting a character (grapheme). */
function cutTo(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)) {
    if (out.length + segment.length > max) break;
    out += segment;
  }
  return out;
}

/**
 * A name safe to store and later save as a file on any system: the last segment of a path only (a
 * name like "../../x" or "C:\\Users\\x.png" keeps "x" and "x.png"), no control or direction
 * characters, NFC, no leading or trailing dots or spaces, no Windows device name, at most
 * MAX_FILE_NAME_LENGTH units keeping the extension. `changed` says whether anything was altered.
 */
export function cleanFileName(name: string): { name: string; changed: boolean } {
  const segments = name.split(/[/\\]/);
  let out = segments[segments.length - 1] ?? '';
  out = out.replace(DROPPED, '').normalize('NFC').replace(WINDOWS_INVALID, '_');
  out = trimEnds(out);
  const stem = out.split('.')[0] ?? '';
  if (WINDOWS_RESERVED.test(stem.trimEnd())) out = `_${out}`;
  if (out.length > MAX_FILE_NAME_LENGTH) {
    const dot = out.lastIndexOf('.');
    const ext = dot > 0 && out.length - dot <= MAX_EXTENSION_LENGTH + 1 ? out.slice(dot) : '';
    out = trimEnds(cutTo(out.slice(0, out.length - ext.length), MAX_FILE_NAME_LENGTH - ext.length)) + ext;
    out = trimEnds(out);
    // A first character longer than the room left (hundreds of combining marks) leaves only the extension.
    if (WINDOWS_RESERVED.test((out.split('.')[0] ?? '').trimEnd())) out = `_${out}`;
  }
  if (out === '') out = 'file';
  return { name: out, changed: out !== name };
}
