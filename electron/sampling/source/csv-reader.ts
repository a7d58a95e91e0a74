import fs from 'node:fs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { Newline } from './dialect.ts';
import { SamplingSourceError } from './errors.ts';
import type { BadRow, Delimiter, ReadSummary, SourceBatch, SourceRow } from './types.ts';

/**
 * Streams a CSV export: bytes read piece by piece into one buffer, text from a streaming decoder,
 * records from papaparse's low-level Parser run on each decoded chunk with `ignoreLastRow` (the
 * unfinished record waits for the next chunk) — the file is never whole in memory; the most held is
 * one chunk plus one unfinished record, and a record longer than the field limit is skipped by a quote-
 * aware scan instead of being accumulated.
 *
 * Line numbers without a second pass over every field: a chunk's line breaks are counted once (a native
 * indexOf loop); when they equal the records' terminators no record holds a newline and lines simply
 * follow; only a chunk with embedded newlines has its fields searched.
 */

export interface CsvReadOptions {
  readonly encoding: string;
  readonly delimiter: Delimiter;
  readonly newline: Newline;
  /** Bytes to skip at the start (the byte-order mark, whatever encoding was chosen). */
  readonly skipBytes: number;
  /** The physical line the header starts on (1-based); the first record starting there or later is the header. */
  readonly headerRow: number;
  /** The kept columns' indexes; null delivers every field as parsed. */
  readonly columns: readonly number[] | null;
  readonly fieldLimit: number;
  /** Deliver once this many rows wait (1 for a preview); never more than maxBatch in one batch. */
  readonly minBatch: number;
  readonly maxBatch: number;
  readonly chunkBytes?: number;
}

export interface CsvEvents {
  header(fields: readonly string[], line: number): void;
  batch(batch: SourceBatch): Promise<void | 'stop'> | void | 'stop';
}

export async function readCsv(path: string, options: CsvReadOptions, events: CsvEvents): Promise<ReadSummary> {
  const totalBytes = (await fs.promises.stat(path)).size;
  // Node's own decoder for UTF-8 and UTF-16 LE (native, faster than iconv-lite's); iconv-lite streams the rest.
  const decoder = nativeDecoder(options.encoding) ?? iconv.getDecoder(options.encoding, { stripBOM: false });
  const parser = new Papa.Parser({ delimiter: options.delimiter, newline: options.newline, quoteChar: '"', escapeChar: '"' });
  const nl = options.newline === '\r' ? '\r' : '\n';
  const nlLength = options.newline.length;
  const limit = options.fieldLimit;
  const columns = options.columns;

  let pending = '';
  /** The line `pending` starts on. */
  let line = 1;
  let header: readonly string[] | null = null;
  let expected = 0;
  let out: SourceRow[] = [];
  let bad: BadRow[] = [];
  let bytesRead = options.skipBytes;
  let delivered = 0;
  let badCount = 0;
  /** A record over the limit being skipped: where it started, and whether the scan is inside quotes. */
  let skipping: { line: number; inQuotes: boolean } | null = null;

  const countNl = (text: string, from: number, to: number): number => {
    let n = 0;
    let at = text.indexOf(nl, from);
    while (at !== -1 && at < to) {
      n++;
      at = text.indexOf(nl, at + 1);
    }
    return n;
  };

  /** Scans a skipped record for its end: the first line break outside quotes. Returns the index after it, or -1. */
  const skipScan = (text: string): number => {
    const state = skipping!;
    let pos = 0;
    for (;;) {
      const quote = text.indexOf('"', pos);
      if (state.inQuotes) {
        if (quote === -1) {
          line += countNl(text, pos, text.length);
          return -1;
        }
        line += countNl(text, pos, quote);
        state.inQuotes = false;
        pos = quote + 1;
        continue;
      }
      const end = text.indexOf(options.newline, pos);
      if (end !== -1 && (quote === -1 || end < quote)) {
        line += countNl(text, pos, end) + 1;
        return end + nlLength;
      }
      if (quote === -1) {
        line += countNl(text, pos, text.length);
        return -1;
      }
      line += countNl(text, pos, quote);
      state.inQuotes = true;
      pos = quote + 1;
    }
  };

  const pushBad = (row: BadRow): void => {
    bad.push(row);
    badCount++;
  };

  const parse = (input: string, final: boolean): void => {
    for (;;) {
      if (skipping) {
        const end = skipScan(input);
        if (end === -1) {
          if (final) pushBad({ line: skipping.line, code: skipping.inQuotes ? 'UNCLOSED_QUOTE' : 'FIELD_TOO_LONG', params: skipping.inQuotes ? {} : { limit } });
          pending = '';
          return;
        }
        pushBad({ line: skipping.line, code: 'FIELD_TOO_LONG', params: { limit } });
        skipping = null;
        input = input.slice(end);
      }
      const result = parser.parse(input, 0, !final) as { data: string[][]; errors: { code: string; row: number }[]; meta: { cursor: number } };
      const data = result.data;
      const cursor = final ? input.length : result.meta.cursor;
      const terminators = final ? data.length - 1 : data.length;
      const sequential = data.length === 0 || countNl(input, 0, cursor) === terminators;
      const firstNul = input.indexOf('\0');
      const hasNul = firstNul !== -1 && firstNul < cursor;
      const mayBeLong = cursor > limit;
      let unclosedRow = -1;
      if (final) for (const error of result.errors) if (error.code === 'MissingQuotes') unclosedRow = error.row;
      const endsWithNewline = input.endsWith(options.newline);

      for (let i = 0; i < data.length; i++) {
        const fields = data[i]!;
        const rowLine = line;
        if (sequential) line++;
        else {
          let embedded = 0;
          for (const field of fields) if (field.length > 0 && field.indexOf(nl) !== -1) embedded += countNl(field, 0, field.length);
          line += 1 + embedded;
        }
        if (i === unclosedRow) {
          pushBad({ line: rowLine, code: 'UNCLOSED_QUOTE', params: {} });
          continue;
        }
        if (fields.length === 1 && fields[0] === '') continue; // a blank line
        if (mayBeLong && fields.some((f) => f.length > limit)) {
          pushBad({ line: rowLine, code: 'FIELD_TOO_LONG', params: { limit } });
          continue;
        }
        if (header === null) {
          if (rowLine >= options.headerRow) {
            header = fields;
            expected = fields.length;
            events.header(fields, rowLine);
          }
          continue;
        }
        if (fields.length !== expected) {
          if (fields.length < expected) {
            const cut = final && i === data.length - 1 && !endsWithNewline;
            pushBad({ line: rowLine, code: cut ? 'CUT_OFF' : 'RAGGED', params: { expected, actual: fields.length } });
            continue;
          }
          let extra = false;
          for (let k = expected; k < fields.length; k++) if (fields[k] !== '') extra = true;
          if (extra) {
            pushBad({ line: rowLine, code: 'RAGGED', params: { expected, actual: fields.length } });
            continue;
          }
        }
        if (hasNul) {
          const column = fields.findIndex((f) => f.indexOf('\0') !== -1);
          if (column !== -1) {
            pushBad({ line: rowLine, code: 'NUL_BYTE', params: { column } });
            continue;
          }
        }
        if (columns === null) out.push({ line: rowLine, cells: fields });
        else {
          const cells = new Array<string>(columns.length);
          for (let k = 0; k < columns.length; k++) cells[k] = fields[columns[k]!] ?? '';
          out.push({ line: rowLine, cells });
        }
      }
      pending = final ? '' : cursor === 0 ? input : input.slice(cursor);
      if (!final && pending.length > limit) {
        skipping = { line, inQuotes: false };
        input = pending;
        pending = '';
        continue;
      }
      return;
    }
  };

  /** Hands waiting rows to the caller; false when it asked to stop. */
  const flush = async (final: boolean): Promise<boolean> => {
    while (out.length >= options.minBatch || bad.length >= options.maxBatch || (final && (out.length > 0 || bad.length > 0))) {
      const rows = out.length > options.maxBatch ? out.splice(0, options.maxBatch) : out;
      if (rows === out) out = [];
      const badRows = bad;
      bad = [];
      delivered += rows.length;
      const answer = await events.batch({ rows, badRows, notices: [], bytesRead, totalBytes });
      if (answer === 'stop') return false;
    }
    return true;
  };

  // One buffer read into again and again (the decoder copies): a read stream allocated a new buffer per
  // chunk, and those waited for the garbage collector. 64 KB pieces, not 1 MB: a decoded megabyte is a
  // string V8 keeps outside its young generation (freed only by a full collection): an import of 10⁶
  // rows peaked 70–150 MB higher with them, and the reader alone took 5.1 s against 1.8 s now.
  const file = await fs.promises.open(path, 'r');
  const buffer = Buffer.allocUnsafe(options.chunkBytes ?? 1 << 16);
  try {
    for (;;) {
      const { bytesRead: read } = await file.read(buffer, 0, buffer.length, bytesRead);
      if (read === 0) break;
      bytesRead += read;
      const text = decoder.write(buffer.subarray(0, read));
      if (!text) continue;
      parse(pending ? pending + text : text, false);
      if (!(await flush(false))) return { rows: delivered, badRows: badCount, stopped: true, bytesRead };
    }
    const tail = decoder.end() ?? '';
    parse(pending + tail, true);
    if (header === null) throw new SamplingSourceError('NO_HEADER', { headerRow: options.headerRow });
    if (!(await flush(true))) return { rows: delivered, badRows: badCount, stopped: true, bytesRead };
    return { rows: delivered, badRows: badCount, stopped: false, bytesRead };
  } finally {
    await file.close();
  }
}

/** TextDecoder in streaming mode (simdutf inside: several times faster than iconv-lite or StringDecoder on UTF-8). */
function nativeDecoder(encoding: string): { write(b: Buffer): string; end(): string } | null {
  if (encoding !== 'utf-8' && encoding !== 'utf-16le') return null;
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  return { write: (b) => decoder.decode(b, { stream: true }), end: () => decoder.decode() };
}
