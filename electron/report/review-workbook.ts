import ExcelJS from 'exceljs';
import type { Cell, ReviewSheet } from '../../shared/report/review-tables.ts';
import { spreadsheetSafe } from '../../shared/report/spreadsheet-safe.ts';

/** The widest a column starts (characters); long statements wrap in the cell instead. */
const MAX_COLUMN_CHARS = 60;

const safe = (value: Cell): string | number | null => (typeof value === 'string' ? spreadsheetSafe(value) : value);

/**
 * A workbook of the technical-review package: one sheet per table, the header row bold and frozen,
 * every text cell through `spreadsheetSafe` (a client's text beginning with "=" never becomes a
 * formula when the back office opens or edits it). Numbers stay numbers.
 */
export async function reviewWorkbook(sheets: readonly ReviewSheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Audit Workbench';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = worksheet.addRow(sheet.columns.map(spreadsheetSafe));
    header.font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row.map(safe));
    sheet.columns.forEach((title, index) => {
      const column = worksheet.getColumn(index + 1);
      const longest = sheet.rows.reduce((width, row) => Math.max(width, String(row[index] ?? '').length), title.length);
      column.width = Math.min(MAX_COLUMN_CHARS, Math.max(8, longest + 2));
      if (longest > MAX_COLUMN_CHARS) column.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
