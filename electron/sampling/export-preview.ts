import path from 'node:path';
import type { ExportPreviewView } from '../../shared/contract/sampling-views.ts';
import { guessMapping } from '../../shared/sampling/export-columns.ts';
import { detectDayFirst, parseRecordDate } from '../../shared/sampling/record-dates.ts';
import { exportReader } from './export-reader.ts';
import type { SniffOptions } from './source/index.ts';
import { sourceError } from './source-errors.ts';

/**
 * Whether the dates read day first: what their values say (25/03 says day first), false when every value
 * reads without the choice (ISO dates, Chinese dates, month names: nothing to ask), null when it must be asked.
 */
function dayFirstOf(dates: readonly string[]): boolean | null {
  const decided = detectDayFirst(dates).dayFirst;
  if (decided !== null) return decided;
  const values = dates.filter((text) => text.trim() !== '');
  return values.every((text) => parseRecordDate(text, { dayFirst: null }) !== null) ? false : null;
}

/**
 * What the import wizard shows of an export: how it is encoded and cut, its columns with the roles
 * guessed from the headers (a known ITSM tool's preset, else by name), the first rows, the first
 * problems and whether its dates read day first. Nothing of it is written to the engagement.
 */
export async function previewExport(file: string, reading: SniffOptions): Promise<ExportPreviewView> {
  const fileName = path.basename(file);
  try {
    const preview = await (await exportReader()).sniffExport(file, reading);
    const guess = guessMapping(preview.headers);
    const dateColumns = guess.roles.flatMap((role, i) => (role === 'opened' || role === 'closed' ? [i] : []));
    const dates = preview.previewRows.flatMap((row) => dateColumns.map((i) => row.cells[i] ?? ''));
    return {
      fileName,
      format: preview.format,
      size: preview.size,
      encoding: preview.encoding ?? '',
      encodingCandidates: preview.encodingCandidates,
      bom: preview.bom,
      encodingConflict: preview.encodingConflict,
      delimiter: preview.delimiter ?? '',
      sheets: preview.sheets,
      sheet: preview.sheet,
      headerRow: preview.headerRow,
      columns: preview.headers.map((header, index) => ({ index, header, original: preview.originalHeaders[index] ?? header, role: guess.roles[index] ?? 'drop' })),
      previewRows: preview.previewRows.map((row) => row.cells),
      estimatedRows: preview.estimatedRows,
      problems: preview.problems.map((row) => ({ line: row.line, code: row.code, params: { ...row.params } })),
      preset: guess.presetId,
      dayFirst: dayFirstOf(dates),
    };
  } catch (error) {
    throw sourceError(error, fileName);
  }
}
