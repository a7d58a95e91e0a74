import { parse, type InfoRecord } from 'csv-parse/sync';
import { refuse } from './pack-issues.ts';
import type { Table, TableRow } from './pack-table.ts';

interface CsvError extends Error {
  code?: string;
  lines?: number;
}

/** Guesses the delimiter from the header line: spreadsheets in many locales save CSV with ";". */
function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/**
 * A CSV file (UTF-8, header row first) as a table whose rows know the line they start on. A broken
 * quote is refused with the line where the broken record starts.
 */
export function readCsvTable(text: string): Table {
  if (text.trim() === '') refuse([{ message: 'The file is empty' }]);
  if (text.includes('\u0000')) refuse([{ message: 'This is not a text file: it contains binary data. Save the sheet as CSV (UTF-8) or XLSX.' }]);
  // The line each record ends on: the next record starts on the line after.
  const endLines: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[], context: InfoRecord) => {
        endLines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    const csv = error as CsvError;
    const line = (endLines.at(-1) ?? 0) + 1;
    if (csv.code === 'CSV_QUOTE_NOT_CLOSED') refuse([{ line, message: 'A quoted cell that starts in this record is never closed (a missing ")' }]);
    if (csv.code === 'INVALID_OPENING_QUOTE' || csv.code === 'CSV_INVALID_CLOSING_QUOTE') {
      refuse([{ line: csv.lines ?? line, message: 'A quote (") in the middle of a cell: put the whole cell in quotes and double any quote inside it ("")' }]);
    }
    refuse([{ line: csv.lines ?? line, message: `Not a readable CSV file: ${csv.message}` }]);
  }
  const [head, ...body] = records;
  const headers = (head ?? []).map((h) => h.trim());
  const rows: TableRow[] = [];
  body.forEach((record, index) => {
    const cells = new Map<string, string>();
    headers.forEach((header, column) => cells.set(header, record[column] ?? ''));
    rows.push({ row: index + 2, line: (endLines[index] ?? 0) + 1, cells });
  });
  return { headers, rows };
}
