import fs from 'node:fs';
import { Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText } from './cell-text.ts';
import { modeOf } from './dialect.ts';
import { SamplingSourceError } from './errors.ts';
import type { BadRow, ReadSummary, SourceBatch, SourceNotice, SourceRow } from './types.ts';
import { mergedRanges, workbookSheets, zipEntries, type WorkbookSheet, type ZipEntry } from './zip-directory.ts';

/**
 * Streams one sheet of an XLSX export with exceljs's WorkbookReader (never the npm `xlsx` package, never
 * the whole workbook in memory). Shared strings and styles are cached (styles tell a date-formatted
 * cell, which exceljs gives as a Date); other sheets are parsed past without keeping anything. Merged
 * cells keep their value in the top-left cell only (as Excel stores them) and are reported as notices.
 */

export interface XlsxReadOptions {
  /** The sheet's name; null = the first sheet with a non-empty row. */
  readonly sheet: string | null;
  /** The sheet row of the header; null = the first non-empty row. */
  readonly headerRow: number | null;
  readonly columns: readonly number[] | null;
  readonly fieldLimit: number;
  readonly minBatch: number;
  readonly maxBatch: number;
}

export interface XlsxEvents {
  /** Before any batch: the sheet chosen and its header row. */
  header(fields: readonly string[], line: number, sheet: string): void;
  batch(batch: SourceBatch): Promise<void | 'stop'> | void | 'stop';
}

export interface WorkbookInfo {
  readonly entries: readonly ZipEntry[];
  readonly sheets: readonly WorkbookSheet[];
}

/** The zip's directory and sheets, or NOT_A_TABLE (a zip that is not a workbook). */
export async function workbookInfo(path: string): Promise<WorkbookInfo> {
  const entries = await zipEntries(path);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw new SamplingSourceError('NOT_A_TABLE', { kind: 'zip' });
  return { entries, sheets: await workbookSheets(path, entries) };
}

type ExcelRow = { number: number; values: unknown[] };
type SheetReader = AsyncIterable<ExcelRow> & { name?: string };

export async function readXlsx(path: string, info: WorkbookInfo, options: XlsxReadOptions, events: XlsxEvents): Promise<ReadSummary> {
  const names = info.sheets.map((s) => s.name);
  if (options.sheet !== null && !names.includes(options.sheet)) throw new SamplingSourceError('NO_SUCH_SHEET', { sheet: options.sheet, sheets: names });
  const totalBytes = (await fs.promises.stat(path)).size;
  let bytesRead = 0;
  const file = fs.createReadStream(path, { highWaterMark: 1 << 20 });
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytesRead += chunk.length;
      done(null, chunk);
    },
  });
  file.pipe(counter);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counter, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });

  let out: SourceRow[] = [];
  let bad: BadRow[] = [];
  let notices: SourceNotice[] = [];
  let delivered = 0;
  let badCount = 0;
  let chosen: string | null = null;

  const flush = async (final: boolean): Promise<boolean> => {
    while (out.length >= options.minBatch || (final && (out.length > 0 || bad.length > 0 || notices.length > 0))) {
      const rows = out.length > options.maxBatch ? out.splice(0, options.maxBatch) : out;
      if (rows === out) out = [];
      const batch: SourceBatch = { rows, badRows: bad, notices, bytesRead, totalBytes };
      bad = [];
      notices = [];
      delivered += rows.length;
      if ((await events.batch(batch)) === 'stop') return false;
    }
    return true;
  };
  const summary = (stopped: boolean): ReadSummary => ({ rows: delivered, badRows: badCount, stopped, bytesRead });

  try {
    for await (const worksheet of reader as unknown as AsyncIterable<SheetReader>) {
      const name = worksheet.name ?? '';
      const wanted = chosen === null && (options.sheet === null || options.sheet === name);
      let header: readonly string[] | null = null;
      let width = 0;
      /** Without a header row from the caller: the first rows, until the one with the most cells is known. */
      let waiting: { number: number; texts: string[]; last: number }[] | null = options.headerRow === null ? [] : null;

      const take = (number: number, texts: string[], last: number): void => {
        if (header === null) {
          header = texts.slice(0, last);
          width = header.length;
          chosen = name;
          events.header(header, number, name);
          return;
        }
        if (last > width) {
          bad.push({ line: number, code: 'RAGGED', params: { expected: width, actual: last } });
          badCount++;
          return;
        }
        if (texts.some((t) => t.length > options.fieldLimit)) {
          bad.push({ line: number, code: 'FIELD_TOO_LONG', params: { limit: options.fieldLimit } });
          badCount++;
          return;
        }
        const columns = options.columns;
        let cells: string[];
        if (columns === null) {
          cells = texts.slice(0, width);
          while (cells.length < width) cells.push('');
        } else {
          cells = new Array<string>(columns.length);
          for (let k = 0; k < columns.length; k++) cells[k] = texts[columns[k]!] ?? '';
        }
        out.push({ line: number, cells });
      };
      /** A title row above the header has fewer cells: the header is the first of the waiting rows with the usual width (dialect.ts's modeOf). */
      const decide = (): void => {
        const rows = waiting ?? [];
        waiting = null;
        const usual = modeOf(rows.map((r) => r.last));
        const at = rows.findIndex((r) => r.last === usual);
        for (const r of rows.slice(Math.max(0, at))) take(r.number, r.texts, r.last);
      };

      for await (const row of worksheet) {
        if (!wanted || (chosen !== null && chosen !== name)) continue; // parse past: exceljs reads the sheets in one stream
        const values = row.values;
        const texts: string[] = [];
        let last = 0;
        for (let c = 1; c < values.length; c++) {
          const text = cellText(values[c]);
          texts.push(text);
          if (text !== '') last = c;
        }
        if (last === 0) continue; // an empty row
        if (header === null && options.headerRow !== null && row.number < options.headerRow) continue;
        if (waiting) {
          waiting.push({ number: row.number, texts, last });
          if (waiting.length >= 10) decide();
          continue;
        }
        take(row.number, texts, last);
        if (out.length >= options.minBatch && !(await flush(false))) return summary(true);
      }
      if (waiting && wanted) decide();
      if (chosen === name) {
        const part = info.sheets.find((s) => s.name === name)?.part ?? '';
        for (const range of await mergedRanges(path, info.entries, part)) {
          notices.push({ code: 'MERGED_CELLS', params: { range, line: Number(/\d+/.exec(range)?.[0] ?? 0) } });
        }
        break;
      }
    }
    if (chosen === null) throw new SamplingSourceError('NO_HEADER', { headerRow: options.headerRow ?? 1 });
    return summary(!(await flush(true)));
  } catch (error) {
    if (error instanceof SamplingSourceError) throw error;
    throw new SamplingSourceError('XLSX_DAMAGED', { reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
  } finally {
    file.destroy();
    counter.destroy();
  }
}
