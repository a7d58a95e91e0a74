import ExcelJS from 'exceljs';
import { refuse } from './pack-issues.ts';
import type { Table, TableRow } from './pack-table.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/**
 * The first worksheet (or the one named "Checklist") of an XLSX workbook, header row first. Clause
 * numbers typed as numbers (8.1) come back as their text. Old .xls and damaged files are refused.
 */
export async function readXlsxTable(bytes: Buffer): Promise<Table> {
  if (bytes.length === 0) refuse([{ message: 'The file is empty' }]);
  if (!ZIP_MAGIC.every((byte, i) => bytes[i] === byte)) {
    const isOldXls = bytes[0] === 0xd0 && bytes[1] === 0xcf;
    refuse([
      {
        message: isOldXls
          ? 'This is an old Excel 97–2003 (.xls) workbook. Save it as .xlsx (Excel Workbook) or CSV and import that.'
          : 'This is not an XLSX workbook (an .xlsx file is a zip archive). Save the sheet as .xlsx or CSV.',
      },
    ]);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    refuse([{ message: `The workbook cannot be read; it may be damaged or password-protected (${(error as Error).message})` }]);
  }
  const sheet = workbook.worksheets.find((ws) => ws.name.trim().toLowerCase() === 'checklist') ?? workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) refuse([{ message: 'The workbook has no rows: put a header row (clause, question, …) and one question per row in the first sheet' }]);
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  for (let column = 1; column <= sheet.columnCount; column++) headers.push(cellText(headerRow.getCell(column).value).trim());
  const rows: TableRow[] = [];
  for (let number = 2; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const cells = new Map<string, string>();
    headers.forEach((header, index) => {
      if (header) cells.set(header, cellText(row.getCell(index + 1).value));
    });
    rows.push({ row: number, cells });
  }
  return { headers: headers.filter(Boolean), rows };
}
