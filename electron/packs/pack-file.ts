import fs from 'node:fs';
import path from 'node:path';
import type { ChecklistPack } from '../../shared/checklist/pack.ts';
import { refuse } from './pack-issues.ts';
import { readCsvTable } from './pack-csv.ts';
import { packFromTable, type TablePackMeta } from './pack-table.ts';
import { parsePackJson } from './pack-validate.ts';
import { readXlsxTable } from './pack-xlsx.ts';

/**
 * A checklist file may be JSON (the format itself), or a CB's sheet as CSV or XLSX. Old .xls
 * workbooks are listed too, so the auditor who picks one is told to save it as .xlsx.
 */
export { PACK_FILE_EXTENSIONS } from '../../shared/file-kinds.ts';
export const MAX_PACK_FILE_BYTES = 20 * 1024 * 1024;

export type PackFileFormat = 'json' | 'csv' | 'xlsx';

export function packFileFormat(file: string): PackFileFormat | null {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.csv') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  return null;
}

/**
 * Reads and checks a pack file; any problem is a PackImportError listing where it is. Nothing is
 * written here: the library adds the pack only when this returned one.
 */
export async function readPackFile(file: string, tableMeta: TablePackMeta | null): Promise<ChecklistPack> {
  const format = packFileFormat(file);
  if (path.extname(file).toLowerCase() === '.xls') {
    refuse([{ message: 'This is an old Excel 97–2003 (.xls) workbook. Save it as .xlsx (Excel Workbook) or CSV and import that.' }]);
  }
  if (!format) refuse([{ message: `"${path.basename(file)}" is not a checklist file: use .json (the pack format), .csv or .xlsx` }]);
  const size = fs.statSync(file).size;
  if (size > MAX_PACK_FILE_BYTES) refuse([{ message: `The file is ${(size / 1048576).toFixed(1)} MB; a checklist file can be at most 20 MB` }]);
  const bytes = fs.readFileSync(file);
  if (format === 'json') return parsePackJson(decodeUtf8(bytes));
  if (!tableMeta) refuse([{ message: 'A CSV or XLSX checklist needs the pack id, version, title and standard: fill them in and import again' }]);
  const table = format === 'csv' ? readCsvTable(decodeUtf8(bytes)) : await readXlsxTable(bytes);
  return packFromTable(table, tableMeta, format === 'csv' ? 'The CSV file' : 'The workbook');
}

/**
 * Strict UTF-8: a file saved in another encoding is refused rather than imported with broken letters.
 * A text file names the line of the first character that cannot be read (an ä or – saved as
 * Windows-1252 by a plain "CSV" export), so the auditor can see which file and setting it was.
 */
function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (bytes.includes(0)) refuse([{ message: 'The file is not UTF-8 text (or not text at all). Save it as "CSV UTF-8" or as JSON in UTF-8.' }]);
    const text = new TextDecoder('utf-8').decode(bytes);
    refuse([
      {
        line: text.slice(0, Math.max(0, text.indexOf('\uFFFD'))).split('\n').length,
        message: 'The file is not UTF-8 text: a character on this line cannot be read. Save it as "CSV UTF-8" or as JSON in UTF-8.',
      },
    ]);
  }
}
