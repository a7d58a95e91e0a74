/**
 * The CB's logo travels inside the profile as a data URL (one file to import, mail and copy into an
 * engagement), so it is held to PNG or JPEG and PROFILE_LIMITS.logoChars characters: a report prints
 * it small, and every engagement that chooses the profile carries a copy.
 */

/** The same pattern as the JSON Schema's /properties/logo: a PNG or JPEG data URL with canonical base64. */
export const LOGO_DATA_URL = /^data:image\/(png|jpeg);base64,(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/u;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The first bytes that base64 text encodes (enough for a file signature; no atob in shared/). */
function leadingBytes(base64: string, count: number): number[] {
  const bytes: number[] = [];
  for (let i = 0; i + 4 <= base64.length && bytes.length < count; i += 4) {
    const quad = [...base64.slice(i, i + 4)].map((ch) => (ch === '=' ? 0 : BASE64.indexOf(ch)));
    const n = (quad[0]! << 18) | (quad[1]! << 12) | (quad[2]! << 6) | quad[3]!;
    const padding = base64.slice(i, i + 4).split('=').length - 1;
    [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff].slice(0, 3 - padding).forEach((byte) => bytes.push(byte));
  }
  return bytes.slice(0, count);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

export type LogoProblem = 'not-image-data-url' | 'not-png-content' | 'not-jpeg-content';

/** Why a logo data URL is not the image it says it is, or null. The length is checked by the shape. */
export function logoProblem(dataUrl: string): LogoProblem | null {
  const match = LOGO_DATA_URL.exec(dataUrl);
  if (!match) return 'not-image-data-url';
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const signature = match[1] === 'png' ? PNG_SIGNATURE : JPEG_SIGNATURE;
  const bytes = leadingBytes(base64, signature.length);
  const matches = bytes.length === signature.length && signature.every((byte, i) => bytes[i] === byte);
  if (matches) return null;
  return match[1] === 'png' ? 'not-png-content' : 'not-jpeg-content';
}
