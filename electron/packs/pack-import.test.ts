import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChecklistPack } from '../../shared/checklist/pack.ts';
import {
  CB_TABLE_META,
  cbPack,
  cbPackText,
  cbQuestions,
  cbSheetRows,
  csvText,
  PackFiles,
  type SheetCell,
} from '../../tests/fixtures/pack-files.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { readPackFile } from './pack-file.ts';
import { PackImportError, type PackIssue } from './pack-issues.ts';
import type { TablePackMeta } from './pack-table.ts';
import { readXlsxTable } from './pack-xlsx.ts';

/**
 * A CB's checklist file picked in the import dialog, read as the app reads it (readPackFile: by its
 * extension). A sheet comes with the identity typed into the form; a JSON pack carries its own.
 */
const importPackFile = (file: string): Promise<ChecklistPack> => readPackFile(file, file.endsWith('.json') ? null : CB_TABLE_META);

const EXPECTED_COLUMNS = 'clause, clause_title, question_id, question, aspect, guidance, weaknesses, evidence';

function folder(): PackFiles {
  return new PackFiles(tempDir('aw-pack-files-'));
}

/** The refusal importing `file` must end in (its issues are what the dialog lists). */
async function refusalOf(file: string, tableMeta: TablePackMeta | null = file.endsWith('.json') ? null : CB_TABLE_META): Promise<PackImportError> {
  const importing = readPackFile(file, tableMeta);
  await expect(importing).rejects.toThrow(PackImportError);
  return (await importing.catch((error: unknown) => error)) as PackImportError;
}

/** 1-based line of the nth occurrence of `needle` (found in the file's text, not by the code under test). */
function lineOf(text: string, needle: string, nth = 1): number {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${nth} times`);
  }
  return text.slice(0, at).split('\n').length;
}

/** The CB pack file with one hand edit, pretty-printed as the app exports (one property a line). */
function editedPackText(edit: (pack: Record<string, unknown>, at: (pointer: string) => Record<string, unknown>) => void): string {
  const pack = JSON.parse(cbPackText()) as Record<string, unknown>;
  const at = (pointer: string): Record<string, unknown> =>
    pointer
      .split('/')
      .slice(1)
      .reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, pack);
  edit(pack, at);
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** What a sheet import of the CB checklist must give: the same tree and questions, English only. */
function expectCbChecklistFromSheet(pack: ChecklistPack): void {
  expect(pack).toMatchObject({
    format: 'audit-workbench-checklist-pack',
    formatVersion: 1,
    id: 'cb.nordcert.iso20000-1',
    version: '1.0.0',
    title: { en: 'NordCert ISO/IEC 20000-1 checklist' },
    publisher: 'NordCert GmbH',
    standard: { designation: 'ISO/IEC 20000-1', edition: '2018', criteria: 'ISO/IEC 20000-1:2018 + Amd 1:2024' },
    languages: ['en'],
    defaultLanguage: 'en',
    processes: [],
  });
  expect(pack.clauses.map((clause) => [clause.number, clause.parent, clause.title])).toEqual(
    cbPack().clauses.map((clause) => [clause.number, clause.parent, { en: clause.title.en }]),
  );
  for (const clause of pack.clauses) expect(clause.questions ?? [], clause.number).toEqual(cbQuestions(clause.number));
  const policy = pack.clauses.find((clause) => clause.id === '8.5.1')!.questions![0]!;
  expect(policy.guidance?.en).toBe(
    'The policy names the change types, who approves each and how emergency changes are reviewed afterwards.\nIt is reviewed at least yearly; "standard" changes are listed.',
  );
  expect(pack.clauses.find((clause) => clause.id === '8.5.1')!.questions![1]!.evidence).toEqual([
    { en: 'Change records, 10 sampled' },
    { en: 'CAB minutes' },
    { en: 'Deployment logs' },
  ]);
}

/** The CB sheet as a workbook: clause numbers such as 8, 8.5 and 9.2 typed as numbers, one rich-text question. */
function cbWorkbookRows(): SheetCell[][] {
  return cbSheetRows().map((row, r) =>
    row.map((cell, c): SheetCell => {
      if (r > 0 && c === 0 && /^\d+(\.\d+)?$/.test(cell)) return Number(cell);
      if (cell.startsWith('Follow three major incidents')) {
        return { richText: [{ text: 'Follow three ' }, { font: { bold: true }, text: 'major incidents' }, { text: cell.slice('Follow three major incidents'.length) }] };
      }
      return cell;
    }),
  );
}

describe('importing good pack files', () => {
  it('reads the CB pack as JSON, exactly as written', async () => {
    const file = folder().text('nordcert.json', cbPackText());
    expect(await importPackFile(file)).toEqual({ ...cbPack(), $schema: 'checklist-pack.schema.json' });
  });

  it('reads a JSON pack saved with a BOM (Windows Notepad)', async () => {
    const file = folder().text('nordcert.json', `\uFEFF${cbPackText()}`);
    expect((await importPackFile(file)).id).toBe('cb.nordcert.iso20000-1');
  });

  it.each([
    { label: 'comma-delimited with a BOM', delimiter: ',', bom: true },
    { label: 'semicolon-delimited with a BOM (a German Excel)', delimiter: ';', bom: true },
    { label: 'comma-delimited without a BOM', delimiter: ',', bom: false },
  ] as const)('reads the CB checklist saved as CSV, $label, multi-line cells included', async ({ delimiter, bom }) => {
    const file = folder().csv('nordcert.csv', cbSheetRows(), { delimiter, bom });
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(bom);
    expect(text).toContain(`${delimiter}"The policy names`);
    expectCbChecklistFromSheet(await importPackFile(file));
  });

  it('reads the CB checklist saved as XLSX, clause numbers typed as numbers and a rich-text cell', async () => {
    const file = await folder().xlsx('nordcert.xlsx', cbWorkbookRows());
    const table = await readXlsxTable(fs.readFileSync(file));
    expect(table.rows.map((row) => row.cells.get('Clause'))).toEqual(['8', '8.5', '8.5.1', '8.5.1', '8.6', '8.6.1', '9', '9.2']);
    expectCbChecklistFromSheet(await importPackFile(file));
  });
});

describe('refusing bad JSON pack files', () => {
  it('names the line and column of a syntax error (a comma deleted by hand)', async () => {
    const text = cbPackText().replace('"version": "1.0.0",', '"version": "1.0.0"');
    const error = await refusalOf(folder().text('nordcert.json', text));
    expect(error.issues).toEqual([{ line: lineOf(text, '"title": {'), message: 'Not valid JSON at column 3: a comma was expected' }]);
    expect(error.message).toBe('line 7: Not valid JSON at column 3: a comma was expected');
  });

  it('names the trailing comma left after deleting the last item', async () => {
    const text = cbPackText().replace(/\n\s*\{\n\s*"key": "incident",\n\s*"clause": "8\.6\.1"\n\s*\}/, '');
    const error = await refusalOf(folder().text('nordcert.json', text));
    expect(error.issues).toEqual([
      { line: lineOf(text, '"clause": "8.5.1"') + 1, message: 'Not valid JSON at column 6: a comma before the closing ] (remove this comma after the last item)' },
    ]);
  });

  it('says a file cut off while copying ends too early, just after its last character', async () => {
    const text = cbPackText().split('\n').slice(0, 6).join('\n') + '\n';
    const error = await refusalOf(folder().text('nordcert.json', text));
    expect(error.issues).toEqual([
      { line: 6, message: 'Not valid JSON at column 22: the file ends before the pack is complete (it may have been cut off while copying)' },
    ]);
    expect(text.split('\n')[5]).toBe('  "version": "1.0.0",');
  });

  it('refuses an empty file', async () => {
    const error = await refusalOf(folder().text('nordcert.json', ''));
    expect(error.issues).toEqual([{ message: 'The file is empty' }]);
  });

  it("refuses another program's JSON file: not a pack", async () => {
    const text = '{\n  "name": "nordcert-checklist",\n  "version": "1.0.0",\n  "questions": []\n}\n';
    const error = await refusalOf(folder().text('package.json', text));
    expect(error.issues).toEqual([
      { path: '/format', line: 1, message: 'This is not an Audit Workbench checklist pack: "format" must be "audit-workbench-checklist-pack"' },
    ]);
  });

  it('refuses a pack in a newer format version, asking for an app update', async () => {
    const text = cbPackText().replace('"formatVersion": 1', '"formatVersion": 2');
    const error = await refusalOf(folder().text('nordcert.json', text));
    expect(error.issues).toEqual([
      {
        path: '/formatVersion',
        line: lineOf(text, '"formatVersion": 2'),
        message: 'This pack uses format 2; this version of Audit Workbench reads format 1. Update the app to import it.',
      },
    ]);
  });

  it('names the question that has no text, on the line where the question starts', async () => {
    const text = editedPackText((_, at) => delete at('/clauses/2/questions/1').text);
    const error = await refusalOf(folder().text('nordcert.json', text));
    expect(error.issues).toEqual([{ path: '/clauses/2/questions/1', line: lineOf(text, '"id": "nc-8.5.1-02"') - 1, message: '"text" is missing' }]);
    expect(text.split('\n')[error.issues[0]!.line! - 1]!.trim()).toBe('{');
  });

  it('names a repeated question id and where it was first used', async () => {
    const text = editedPackText((_, at) => (at('/clauses/4/questions/0').id = 'nc-8.5.1-01'));
    const error = await refusalOf(folder().text('nordcert.json', text));
    expect(error.issues).toEqual([
      {
        path: '/clauses/4/questions/0/id',
        line: lineOf(text, '"id": "nc-8.5.1-01"', 2),
        message: 'The id "nc-8.5.1-01" is already used at /clauses/2/questions/0',
      },
    ]);
  });

  it('names a clause whose parent is not in the pack', async () => {
    const text = editedPackText((_, at) => (at('/clauses/4').parent = '8.4'));
    const error = await refusalOf(folder().text('nordcert.json', text));
    expect(error.issues).toEqual([
      { path: '/clauses/4/parent', line: lineOf(text, '"parent": "8.4"'), message: 'The parent "8.4" of clause "8.6.1" is not a clause of this pack' },
    ]);
  });

  it('names a lens item that maps onto a clause the pack does not have', async () => {
    const text = editedPackText((_, at) => ((at('/lenses/0/groups/0/items/0').clauses as string[])[0] = '8.5.9'));
    const error = await refusalOf(folder().text('nordcert.json', text));
    expect(error.issues).toEqual([
      {
        path: '/lenses/0/groups/0/items/0/clauses/0',
        line: lineOf(text, '"8.5.9"'),
        message: 'Lens item "nc-change" maps onto clause "8.5.9", which is not in the pack',
      },
    ]);
  });

  it('names a text that lacks the default language', async () => {
    const text = editedPackText((_, at) => (at('/clauses/4').title = { de: 'Störungsmanagement' }));
    const error = await refusalOf(folder().text('nordcert.json', text));
    expect(error.issues).toEqual([
      { path: '/clauses/4/title', line: lineOf(text, '"de": "Störungsmanagement"') - 1, message: 'Has no text in the pack\'s default language "en"' },
    ]);
  });

  it('refuses a version that is not MAJOR.MINOR.PATCH', async () => {
    const text = cbPackText().replace('"version": "1.0.0"', '"version": "1.0"');
    const error = await refusalOf(folder().text('nordcert.json', text));
    expect(error.issues).toEqual([
      { path: '/version', line: lineOf(text, '"version": "1.0"'), message: 'must be a version number such as 1.2.0 (MAJOR.MINOR.PATCH)' },
    ]);
  });

  it('names a property the format does not know, on its own line', async () => {
    const text = editedPackText((_, at) => (at('/clauses/2/questions/1').notes = 'ask the CAB chair'));
    const error = await refusalOf(folder().text('nordcert.json', text));
    expect(error.issues).toEqual([
      { path: '/clauses/2/questions/1/notes', line: lineOf(text, '"notes"'), message: '"notes" is not a property the format knows' },
    ]);
    expect(error.message).toBe(`line ${lineOf(text, '"notes"')}, /clauses/2/questions/1/notes: "notes" is not a property the format knows`);
  });

  it('checks the shape first, then reports every broken rule in one go', async () => {
    const text = editedPackText((pack, at) => {
      pack.version = '1.0';
      at('/clauses/4').parent = '8.4';
    });
    const error = await refusalOf(folder().text('nordcert.json', text));
    // The shape comes first: rules run only on a pack whose shape is right.
    expect(error.issues.map((issue) => issue.path)).toEqual(['/version']);
    const fixed = editedPackText((_, at) => {
      at('/clauses/4').parent = '8.4';
      at('/clauses/6/questions/0').id = 'nc-8.5.1-02';
    });
    const rules = await refusalOf(folder().text('nordcert.json', fixed));
    expect(rules.issues.map((issue) => issue.path)).toEqual(['/clauses/4/parent', '/clauses/6/questions/0/id']);
  });
});

describe('refusing bad CSV files', () => {
  it('names the missing "question" column and lists what the header has', async () => {
    const file = folder().csv('nordcert.csv', [
      ['Clause', 'Requirement', 'Check'],
      ['8.5.1', 'Change management', 'Ask for the change policy.'],
    ]);
    const error = await refusalOf(file);
    expect(error.issues).toEqual([
      { row: 1, message: `The header row has no "question" column. Found: "Clause", "Requirement", "Check". Expected columns: ${EXPECTED_COLUMNS}.` },
    ]);
  });

  it('names the row and line of an empty clause cell below multi-line cells', async () => {
    const rows = cbSheetRows();
    rows[6]![0] = ''; // the incident question, sheet row 7
    const file = folder().csv('nordcert.csv', rows);
    const text = fs.readFileSync(file, 'utf8');
    const error = await refusalOf(file);
    expect(error.issues).toEqual([{ row: 7, line: lineOf(text, 'Incident management'), column: 'Clause', message: 'The clause number is empty' }]);
    expect(error.issues[0]!.line).toBe(11); // rows 4 and 5 span three lines each
  });

  it('names the line where a quoted cell is never closed', async () => {
    const text = csvText(cbSheetRows()).replace(/Auditor competence records"\r\n$/, 'Auditor competence records\r\n');
    const error = await refusalOf(folder().text('nordcert.csv', text));
    expect(error.issues).toEqual([{ line: lineOf(text, '9.2,Internal audit'), message: 'A quoted cell that starts in this record is never closed (a missing ")' }]);
  });

  it('names the line of a stray quote inside an unquoted cell', async () => {
    const text = csvText(cbSheetRows()).replace('Approvals dated', 'Approvals "dated"');
    const error = await refusalOf(folder().text('nordcert.csv', text));
    expect(error.issues).toEqual([
      { line: lineOf(text, 'Approvals "dated"'), message: 'A quote (") in the middle of a cell: put the whole cell in quotes and double any quote inside it ("")' },
    ]);
  });

  it('names the row and column of an aspect that is not one of the five', async () => {
    const rows = cbSheetRows();
    rows[4]![4] = 'Records & evidence';
    const file = folder().csv('nordcert.csv', rows, { delimiter: ';', bom: true });
    const error = await refusalOf(file);
    expect(error.issues).toEqual([
      {
        row: 5,
        line: lineOf(fs.readFileSync(file, 'utf8'), 'Take a sample of closed changes'),
        column: 'Aspect',
        message: '"Records & evidence" is not an aspect; use one of policy-plan, operation, records, measurement, improvement',
      },
    ]);
  });

  it('names a repeated question id with the row that used it first', async () => {
    const rows = cbSheetRows();
    rows[8]![2] = 'nc-8.5.1-02';
    const file = folder().csv('nordcert.csv', rows);
    const error = await refusalOf(file);
    expect(error.issues).toEqual([
      {
        row: 9,
        line: lineOf(fs.readFileSync(file, 'utf8'), '9.2,Internal audit'),
        column: 'Question ID',
        message: 'Question id "nc-8.5.1-02" is already used in row 5',
      },
    ]);
  });

  it('refuses a workbook renamed .csv as not text', async () => {
    const file = await folder().xlsx('nordcert.csv', cbWorkbookRows());
    const error = await refusalOf(file);
    expect(error.issues).toEqual([{ message: 'The file is not UTF-8 text (or not text at all). Save it as "CSV UTF-8" or as JSON in UTF-8.' }]);
  });

  it('refuses a sheet without the pack identity the import form asks for', async () => {
    const error = await refusalOf(folder().csv('nordcert.csv', cbSheetRows()), null);
    expect(error.issues).toEqual([{ message: 'A CSV or XLSX checklist needs the pack id, version, title and standard: fill them in and import again' }]);
  });

  it('refuses a CSV saved in Windows-1252 (plain "CSV" in a Western Excel) instead of mangling the umlauts', async () => {
    const rows = cbSheetRows();
    rows[6]![1] = 'Störungsmanagement';
    const text = csvText(rows);
    const file = folder().bytes('nordcert.csv', Buffer.from(text, 'latin1'));
    const error = await refusalOf(file);
    expect(error.issues).toEqual([
      {
        line: lineOf(text, 'Störungsmanagement'),
        message: 'The file is not UTF-8 text: a character on this line cannot be read. Save it as "CSV UTF-8" or as JSON in UTF-8.',
      },
    ]);
  });

  it('reports every bad row of a sheet in one go', async () => {
    const rows = cbSheetRows();
    rows[4]![4] = 'records-ish';
    rows[6]![0] = '';
    rows[8]![0] = 'Clause 9.2';
    const error = await refusalOf(folder().csv('nordcert.csv', rows));
    expect(error.issues.map((issue: PackIssue) => [issue.row, issue.column])).toEqual([
      [5, 'Aspect'],
      [7, 'Clause'],
      [9, 'Clause'],
    ]);
    expect(error.issues[2]!.message).toBe('"Clause 9.2" is not a clause number such as 8.5.1');
  });
});

describe('refusing bad XLSX files', () => {
  it('refuses a text file renamed .xlsx', async () => {
    const file = folder().csv('nordcert.xlsx', cbSheetRows());
    const error = await refusalOf(file);
    expect(error.issues).toEqual([{ message: 'This is not an XLSX workbook (an .xlsx file is a zip archive). Save the sheet as .xlsx or CSV.' }]);
  });

  it('refuses an old Excel 97-2003 workbook by its magic bytes, whatever its name', async () => {
    const oldWorkbook = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const files = folder();
    const renamed = await refusalOf(files.bytes('nordcert.xlsx', oldWorkbook));
    expect(renamed.issues).toEqual([
      { message: 'This is an old Excel 97–2003 (.xls) workbook. Save it as .xlsx (Excel Workbook) or CSV and import that.' },
    ]);
    const asSaved = await refusalOf(files.bytes('nordcert.xls', oldWorkbook));
    expect(asSaved.issues).toEqual(renamed.issues);
    const other = await refusalOf(files.bytes('nordcert.ods', oldWorkbook));
    expect(other.issues).toEqual([{ message: '"nordcert.ods" is not a checklist file: use .json (the pack format), .csv or .xlsx' }]);
  });

  it('refuses a workbook whose sheet is empty', async () => {
    const file = await folder().xlsx('nordcert.xlsx', []);
    const error = await refusalOf(file);
    expect(error.issues).toEqual([
      { message: 'The workbook has no rows: put a header row (clause, question, …) and one question per row in the first sheet' },
    ]);
  });

  it('names the missing "clause" column', async () => {
    const rows = cbWorkbookRows();
    rows[0]![0] = 'Section';
    const file = await folder().xlsx('nordcert.xlsx', rows);
    const error = await refusalOf(file);
    expect(error.issues).toEqual([
      {
        row: 1,
        message: `The header row has no "clause" column. Found: "Section", "Clause title", "Question ID", "Question", "Aspect", "Guidance", "Common weaknesses", "Typical evidence". Expected columns: ${EXPECTED_COLUMNS}.`,
      },
    ]);
  });

  it('names the sheet row of an empty clause cell (no line in a workbook)', async () => {
    const rows = cbWorkbookRows();
    rows[6]![0] = '';
    const file = await folder().xlsx('nordcert.xlsx', rows);
    const error = await refusalOf(file);
    expect(error.issues).toEqual([{ row: 7, column: 'Clause', message: 'The clause number is empty' }]);
  });
});
