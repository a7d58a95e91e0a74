/**
 * Bytes ↔ base64 for the evidence channels, in pieces: a 1 MiB chunk is never turned into one
 * binary string of a million characters (String.fromCharCode over a whole chunk overflows the call
 * stack; one character per byte doubles the memory), and a whole file is never held at once.
 */

/** Bytes encoded per step: a multiple of 3, so each step's base64 has no padding and the steps join. */
export const BASE64_STEP_BYTES = 3 * 8 * 1024;
/** Characters decoded per step: a multiple of 4 (whole base64 quanta). */
const DECODE_STEP_CHARS = 4 * 8 * 1024;

/** Base64 of `bytes`, built from steps of 24 KiB (each a few hundred small strings, joined once). */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += BASE64_STEP_BYTES) {
    const step = bytes.subarray(at, Math.min(at + BASE64_STEP_BYTES, bytes.length));
    let binary = '';
    // 8 KiB per fromCharCode call: well below any engine's argument limit.
    for (let i = 0; i < step.length; i += 8192) binary += String.fromCharCode.apply(null, step.subarray(i, i + 8192) as unknown as number[]);
    parts.push(btoa(binary));
  }
  return parts.join('');
}

/** The bytes of a base64 text (as the evidence channels send it: no line breaks), decoded in steps. */
export function base64ToBytes(data: string): Uint8Array {
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((data.length / 4) * 3 - padding);
  let written = 0;
  for (let at = 0; at < data.length; at += DECODE_STEP_CHARS) {
    const binary = atob(data.slice(at, at + DECODE_STEP_CHARS));
    for (let i = 0; i < binary.length; i++) out[written++] = binary.charCodeAt(i);
  }
  return out;
}

/** The pieces a file of `size` bytes is sent in: in order from 0, each at most `chunkBytes`. */
export function chunkRanges(size: number, chunkBytes: number): { seq: number; start: number; end: number }[] {
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1) throw new RangeError('chunkBytes must be a positive integer');
  const ranges: { seq: number; start: number; end: number }[] = [];
  for (let start = 0, seq = 0; start < size; start += chunkBytes, seq++) ranges.push({ seq, start, end: Math.min(start + chunkBytes, size) });
  return ranges;
}
