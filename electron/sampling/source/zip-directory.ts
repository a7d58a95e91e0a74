import fs from 'node:fs';
import zlib from 'node:zlib';
import { SamplingSourceError } from './errors.ts';

/**
 * The little of a workbook's zip that exceljs's streaming reader does not give: the entry names (is it
 * a workbook at all?), the sheet names in workbook order, and each sheet's merged ranges (exceljs's
 * WorkbookReader skips <mergeCell>). Reads the central directory only, and inflates single entries as a
 * stream; never the whole file.
 */

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

export async function zipEntries(path: string): Promise<ZipEntry[]> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let end = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end === -1) throw new SamplingSourceError('XLSX_DAMAGED', { reason: 'no-directory' });
    const count = tail.readUInt16LE(end + 10);
    const dirSize = tail.readUInt32LE(end + 12);
    const dirOffset = tail.readUInt32LE(end + 16);
    if (dirOffset + dirSize > size) throw new SamplingSourceError('XLSX_DAMAGED', { reason: 'bad-directory' });
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50) throw new SamplingSourceError('XLSX_DAMAGED', { reason: 'bad-directory' });
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      entries.push({
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        localHeaderOffset: dir.readUInt32LE(p + 42),
        name: dir.toString('utf8', p + 46, p + 46 + nameLength),
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** The entry's inflated text, chunk by chunk (UTF-8: the XML parts of a workbook). */
export async function* entryText(path: string, entry: ZipEntry): AsyncGenerator<string> {
  const handle = await fs.promises.open(path, 'r');
  let start: number;
  try {
    const local = Buffer.alloc(30);
    await handle.read(local, 0, 30, entry.localHeaderOffset);
    if (local.readUInt32LE(0) !== 0x04034b50) throw new SamplingSourceError('XLSX_DAMAGED', { reason: 'bad-entry' });
    start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await handle.close();
  }
  if (entry.compressedSize === 0) return;
  const raw = fs.createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  const stream = entry.method === 0 ? raw : raw.pipe(zlib.createInflateRaw());
  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<string>) yield chunk;
  } finally {
    raw.destroy();
    stream.destroy();
  }
}

export async function entryWhole(path: string, entry: ZipEntry): Promise<string> {
  let text = '';
  for await (const chunk of entryText(path, entry)) text += chunk;
  return text;
}

const decodeXml = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );

export interface WorkbookSheet {
  readonly name: string;
  /** The sheet's part, e.g. xl/worksheets/sheet2.xml. */
  readonly part: string;
}

/** The sheets in workbook order, from xl/workbook.xml and its relationships. */
export async function workbookSheets(path: string, entries: readonly ZipEntry[]): Promise<WorkbookSheet[]> {
  const workbook = entries.find((e) => e.name === 'xl/workbook.xml');
  const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels');
  if (!workbook) throw new SamplingSourceError('XLSX_DAMAGED', { reason: 'no-workbook' });
  const targets = new Map<string, string>();
  if (rels) {
    for (const m of (await entryWhole(path, rels)).matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
      const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  const sheets: WorkbookSheet[] = [];
  for (const m of (await entryWhole(path, workbook)).matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    if (name !== undefined) sheets.push({ name: decodeXml(name), part: (rid && targets.get(rid)) || '' });
  }
  return sheets;
}

/** The merged ranges of a sheet part ('A2:A3'), scanning its XML as it inflates. */
export async function mergedRanges(path: string, entries: readonly ZipEntry[], part: string): Promise<string[]> {
  const entry = entries.find((e) => e.name === part);
  if (!entry) return [];
  const ranges: string[] = [];
  let carry = '';
  for await (const chunk of entryText(path, entry)) {
    const text = carry + chunk;
    const re = /<mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"/g;
    let last = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      ranges.push(m[1]!);
      last = re.lastIndex;
    }
    // Keep a tail that may hold a tag cut by the chunk boundary.
    carry = text.slice(Math.max(last, text.length - 200));
  }
  return ranges;
}

/** The last row of a sheet's <dimension ref="A1:L1000"> (near the start of its XML), or null. */
export async function sheetLastRow(path: string, entries: readonly ZipEntry[], part: string): Promise<number | null> {
  const entry = entries.find((e) => e.name === part);
  if (!entry) return null;
  let text = '';
  for await (const chunk of entryText(path, entry)) {
    text += chunk;
    if (text.includes('<sheetData') || text.length > 65_536) break;
  }
  const ref = /<dimension\b[^>]*\bref="[A-Z]*\d*:?[A-Z]*(\d+)"/.exec(text);
  return ref ? Number(ref[1]) : null;
}
