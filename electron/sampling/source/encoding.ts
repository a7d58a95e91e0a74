import iconv from 'iconv-lite';
import { SamplingSourceError } from './errors.ts';

/**
 * Which encoding a CSV export is in, from its first bytes. Order of evidence: a byte-order mark; UTF-16
 * without a BOM from where the NUL bytes fall (ASCII in UTF-16 LE is `x 00`, in BE `00 x`); bytes that
 * are valid UTF-8; otherwise GB18030 (Chinese ITSM exports) against Windows-1252 (Western European
 * Excel) by a score. The caller may always choose another; a BOM that contradicts the choice is shown.
 */

export type BomEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export interface Bom {
  readonly encoding: BomEncoding;
  readonly length: number;
}

const BOMS: readonly { encoding: BomEncoding; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'gb18030', bytes: [0x84, 0x31, 0x95, 0x33] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

export function readBom(head: Uint8Array): Bom | null {
  for (const bom of BOMS) {
    if (head.length >= bom.bytes.length && bom.bytes.every((b, i) => head[i] === b)) return { encoding: bom.encoding, length: bom.bytes.length };
  }
  return null;
}

/** The canonical name of an encoding the caller asks for, or UNKNOWN_ENCODING. */
export function canonicalEncoding(name: string): string {
  const lower = name.trim().toLowerCase();
  if (!iconv.encodingExists(lower)) throw new SamplingSourceError('UNKNOWN_ENCODING', { encoding: name });
  const aliases: Record<string, string> = { utf8: 'utf-8', cp1252: 'windows-1252', 'win-1252': 'windows-1252', utf16le: 'utf-16le', utf16be: 'utf-16be', 'ucs-2': 'utf-16le', gbk: 'gbk', cp936: 'gbk' };
  return aliases[lower] ?? lower;
}

/** Whether two names denote the same bytes (for the BOM conflict): GBK is a subset of GB18030, 'utf-16' follows its BOM. */
export function sameEncoding(bom: BomEncoding, chosen: string): boolean {
  if (bom === chosen) return true;
  if (bom === 'gb18030') return chosen === 'gbk' || chosen === 'gb2312';
  if (bom.startsWith('utf-16')) return chosen === 'utf-16' || chosen === 'ucs2';
  return false;
}

export interface EncodingGuess {
  readonly encoding: string;
  /** Plausible choices, best first (the detected one first). */
  readonly candidates: readonly string[];
  readonly bom: Bom | null;
}

/** `complete`: the sample is the whole file (a multi-byte sequence cut at its end is then not forgiven). */
export function detectEncoding(sample: Uint8Array, complete: boolean): EncodingGuess {
  const bom = readBom(sample);
  if (bom) return { encoding: bom.encoding, candidates: withOthers(bom.encoding), bom };
  const utf16 = utf16ByNuls(sample);
  if (utf16) return { encoding: utf16, candidates: withOthers(utf16), bom: null };
  if (isUtf8(sample, complete)) return { encoding: 'utf-8', candidates: withOthers('utf-8'), bom: null };
  const chinese = gb18030Score(sample);
  const encoding = chinese.cjk > chinese.latin ? 'gb18030' : 'windows-1252';
  return { encoding, candidates: withOthers(encoding), bom: null };
}

function withOthers(first: string): string[] {
  return [first, ...['utf-8', 'gb18030', 'windows-1252', 'utf-16le', 'utf-16be'].filter((e) => e !== first)];
}

/** UTF-16 without a BOM: at least a quarter of the byte pairs have a NUL on one side and almost none on the other. */
function utf16ByNuls(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  if (pairs < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) even++;
    if (sample[2 * i + 1] === 0) odd++;
  }
  if (odd >= pairs / 4 && even <= pairs / 50) return 'utf-16le';
  if (even >= pairs / 4 && odd <= pairs / 50) return 'utf-16be';
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(sample: Uint8Array, complete: boolean): boolean {
  let end = sample.length;
  if (!complete) {
    // A sample cut inside a multi-byte sequence: drop the sequence's start (at most 3 bytes back).
    for (let back = 1; back <= 3 && end - back >= 0; back++) {
      const b = sample[end - back] as number;
      if (b < 0x80) break;
      if (b >= 0xc0) {
        end -= back;
        break;
      }
    }
  }
  try {
    strictUtf8.decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Chinese text in GB18030 is runs of high bytes in pairs (both bytes ≥ 0xA1 for the common GB2312
 * hanzi, lead 0xB0–0xF7); Latin text in Windows-1252 has mostly isolated high bytes (é, ü, € between
 * ASCII letters). `cjk` counts hanzi pairs, `latin` isolated high bytes and high-byte runs of odd length.
 */
export function gb18030Score(sample: Uint8Array): { cjk: number; latin: number } {
  let cjk = 0;
  let latin = 0;
  let i = 0;
  while (i < sample.length) {
    if ((sample[i] as number) < 0x80) {
      i++;
      continue;
    }
    let end = i;
    while (end < sample.length && (sample[end] as number) >= 0x80) end++;
    const run = end - i;
    if (run === 1) {
      // A lone high byte: Latin (é, ü, € between ASCII). GBK can pair a lead with an ASCII-range trail,
      // but Chinese text is overwhelmingly GB2312 hanzi, both bytes high.
      latin++;
    } else {
      if (run % 2 === 1) latin++;
      for (let p = i; p + 1 < end; p += 2) {
        const lead = sample[p] as number;
        const trail = sample[p + 1] as number;
        if (lead >= 0xb0 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) cjk++;
      }
    }
    i = end;
  }
  return { cjk, latin };
}
