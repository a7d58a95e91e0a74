/**
 * Images a document may carry (the CB's logo): only PNG or JPEG inside a `data:` URL. Anything else —
 * a web address, a file path, another format — is refused with a code, so no renderer ever fetches
 * or reads an image from elsewhere. Pure: the renderers on both sides read the size from here.
 */

export interface DocumentImage {
  readonly type: 'png' | 'jpg';
  readonly bytes: Uint8Array;
  readonly widthPx: number;
  readonly heightPx: number;
}

/** Why an image was refused: `remote` (a URL to fetch), `not-data-url`, `unsupported-type`, `unreadable`. */
export type ImageProblem = 'remote' | 'not-data-url' | 'unsupported-type' | 'unreadable';

export type ImageReading = { readonly ok: true; readonly image: DocumentImage } | { readonly ok: false; readonly problem: ImageProblem };

const HEADER = /^data:(image\/[a-z0-9.+-]+);base64,/i;
const BASE64 = /^[A-Za-z0-9+/=\s]*$/;

/** Base64 text (no whitespace, length checked) into bytes: the host's decoder when it has a faster one. */
export type Base64Decoder = (text: string) => Uint8Array;

/**
 * The image in a `data:` URL, or why it is refused. `decode`: how base64 becomes bytes; the default
 * works anywhere, Node's Buffer is ten times faster for a report's hundred photos (electron/documents).
 */
export function readImageDataUrl(source: string, decode: Base64Decoder = decodeBase64): ImageReading {
  const trimmed = source.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) || trimmed.startsWith('//')) return { ok: false, problem: 'remote' };
  const header = HEADER.exec(trimmed.slice(0, 100));
  const body = header ? trimmed.slice(header[0].length) : '';
  // One scan for the usual case, base64 without whitespace; the rest is checked and cleaned as it comes.
  const plain = header !== null && !/[^A-Za-z0-9+/=]/.test(body);
  if (!header || (!plain && !BASE64.test(body))) return { ok: false, problem: trimmed.toLowerCase().startsWith('data:') ? 'unsupported-type' : 'not-data-url' };
  const mime = header[1]!.toLowerCase();
  const type = mime === 'image/png' ? 'png' : mime === 'image/jpeg' || mime === 'image/jpg' ? 'jpg' : null;
  if (!type) return { ok: false, problem: 'unsupported-type' };
  const text = plain ? body : body.replace(/\s+/g, '');
  if (!wellFormedBase64(text)) return { ok: false, problem: 'unreadable' };
  let bytes: Uint8Array;
  try {
    bytes = decode(text);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const size = type === 'png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size) return { ok: false, problem: 'unreadable' };
  return { ok: true, image: { type, bytes, ...size } };
}

/** What atob accepts: no lone character after whole groups, and padding only to end the last group. */
function wellFormedBase64(text: string): boolean {
  const pad = text.indexOf('=');
  if (pad < 0) return text.length % 4 !== 1;
  return text.length % 4 === 0 && pad >= text.length - 2 && /^=+$/.test(text.slice(pad));
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(bytes: Uint8Array): { widthPx: number; heightPx: number } | null {
  if (bytes.length < 24 || PNG_SIGNATURE.some((value, i) => bytes[i] !== value)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The first chunk is IHDR: width and height are its first two 32-bit fields.
  if (String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!) !== 'IHDR') return null;
  const widthPx = view.getUint32(16);
  const heightPx = view.getUint32(20);
  return widthPx > 0 && heightPx > 0 ? { widthPx, heightPx } : null;
}

/** The size from the first start-of-frame marker (baseline, progressive, …: C0–CF but C4, C8, CC). */
function jpegSize(bytes: Uint8Array): { widthPx: number; heightPx: number } | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const heightPx = (bytes[offset + 5]! << 8) | bytes[offset + 6]!;
      const widthPx = (bytes[offset + 7]! << 8) | bytes[offset + 8]!;
      return widthPx > 0 && heightPx > 0 ? { widthPx, heightPx } : null;
    }
    offset += 2 + length;
  }
  return null;
}

/** The size to print an image at: `heightMm` tall unless that makes it wider than `maxWidthMm`. */
export function fitImageMm(image: DocumentImage, heightMm: number, maxWidthMm: number): { widthMm: number; heightMm: number } {
  const ratio = image.widthPx / image.heightPx;
  const width = heightMm * ratio;
  return width <= maxWidthMm ? { widthMm: width, heightMm } : { widthMm: maxWidthMm, heightMm: maxWidthMm / ratio };
}
