/**
 * Checklist packs: how long the auditor waits when the library checks the shipped pack, a search
 * runs over the full pack, and a CB's large sheet is imported. Floors: JSON.parse of the same text,
 * csv-parse / exceljs reading the same file with nothing else done.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { PackIndex } from '../../shared/checklist/pack-index.ts';
import { packSearch } from '../../shared/checklist/pack-search.ts';
import { readPackFile } from '../../electron/packs/pack-file.ts';
import { parsePackJson } from '../../electron/packs/pack-validate.ts';
import type { BenchFolder } from './bench-temp.ts';
import { median, spread } from './measure.ts';
import type { BenchRow } from './report.ts';

const SHIPPED = path.resolve(import.meta.dirname, '../../resources/checklists/iso20000-1-2018-amd1-2024.json');
const QUERIES = ['emergency change', 'climate', 'supplier performance', 'major incident review', 'capacity plan', 'internal audit programme', 'CMDB accuracy', 'known error', 'continuity test', 'management review', '8.5.1', 'rollback', 'service catalogue', 'complaints', 'information security risk', 'OLA', 'customer acting as a supplier', 'budget', 'release', 'knowledge'];
const SHEET_QUESTIONS = 2_000;

/** Chinese queries: two-character words, a longer term, a single character, a clause number in Chinese form. */
const QUERIES_ZH = ['变更', '事件', '供方', '气候变化', '配置项', '服务级别协议', '的', '第8.5.1条', 'CMDB 配置项'];
const META = { id: 'cb.bench', version: '1.0.0', title: 'Bench', designation: 'ISO/IEC 20000-1', edition: '2018', criteria: 'ISO/IEC 20000-1:2018', language: 'en' };

function sheetRows(): string[][] {
  const rows = [['clause', 'clause_title', 'question', 'aspect', 'guidance', 'weaknesses', 'evidence']];
  for (let i = 0; i < SHEET_QUESTIONS; i++) {
    const clause = `8.${1 + (i % 7)}.${1 + (i % 5)}`;
    rows.push([clause, `Clause ${clause}`, `Select record ${i} and trace it through the process; check approvals, timing and closure against the documented procedure.`, 'records', 'The record is complete and approved before work starts; times agree with the tool.', 'Approvals given after the fact; fields left empty.', 'Change record\nCAB minutes\nTool audit trail']);
  }
  return rows;
}

const csvCell = (value: string): string => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export async function runPackBench(folder: BenchFolder, runs: number): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const text = fs.readFileSync(SHIPPED, 'utf8');

  const validate: number[] = [];
  const parseOnly: number[] = [];
  for (let i = 0; i < Math.max(runs, 5); i++) {
    let start = performance.now();
    parsePackJson(text);
    validate.push(performance.now() - start);
    start = performance.now();
    JSON.parse(text);
    parseOnly.push(performance.now() - start);
  }
  rows.push({ name: `check the shipped pack (${(text.length / 1024).toFixed(0)} KB JSON: syntax, schema, rules)`, value: median(validate), unit: 'ms', goal: '-', floor: median(parseOnly), kind: 'time', note: spread(validate) });

  const pack = parsePackJson(text);
  let start = performance.now();
  const search = packSearch(new PackIndex(pack), 'en');
  const indexMs = performance.now() - start;
  const perQuery: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const query of QUERIES) {
      start = performance.now();
      search(query);
      perQuery.push(performance.now() - start);
    }
  }
  rows.push({ name: 'search the full pack: build the index', value: indexMs, unit: 'ms', goal: '-', floor: null, kind: 'time' });
  rows.push({ name: `search the full pack: one query (median of ${perQuery.length})`, value: median(perQuery), unit: 'ms', goal: '< 16', floor: null, kind: 'time', note: `p95 ${[...perQuery].sort((a, b) => a - b)[Math.floor(perQuery.length * 0.95)]!.toFixed(2)} ms` });

  // The same in Chinese (issue 21: character pairs; the goal is at most twice the English build).
  start = performance.now();
  const searchZh = packSearch(new PackIndex(pack), 'zh-CN');
  const indexZhMs = performance.now() - start;
  const perQueryZh: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const query of QUERIES_ZH) {
      start = performance.now();
      searchZh(query);
      perQueryZh.push(performance.now() - start);
    }
  }
  rows.push({ name: 'search the full pack in Chinese: build the index', value: indexZhMs, unit: 'ms', goal: '≤ 2× English', floor: indexMs, kind: 'time' });
  rows.push({ name: `search the full pack in Chinese: one query (median of ${perQueryZh.length})`, value: median(perQueryZh), unit: 'ms', goal: '< 16', floor: null, kind: 'time', note: `p95 ${[...perQueryZh].sort((a, b) => a - b)[Math.floor(perQueryZh.length * 0.95)]!.toFixed(2)} ms` });

  const rowsOfSheet = sheetRows();
  const csvFile = folder.file('bench-sheet.csv');
  fs.writeFileSync(csvFile, rowsOfSheet.map((r) => r.map(csvCell).join(',')).join('\n'));
  const xlsxFile = folder.file('bench-sheet.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Checklist');
  for (const row of rowsOfSheet) sheet.addRow(row);
  await workbook.xlsx.writeFile(xlsxFile);

  const csvImport: number[] = [];
  const csvFloor: number[] = [];
  const xlsxImport: number[] = [];
  const xlsxFloor: number[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
    start = performance.now();
    await readPackFile(csvFile, META);
    csvImport.push(performance.now() - start);
    start = performance.now();
    parseCsv(fs.readFileSync(csvFile, 'utf8'));
    csvFloor.push(performance.now() - start);
    start = performance.now();
    await readPackFile(xlsxFile, META);
    xlsxImport.push(performance.now() - start);
    start = performance.now();
    await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(xlsxFile) as unknown as ArrayBuffer);
    xlsxFloor.push(performance.now() - start);
  }
  rows.push({ name: `import a CB sheet as CSV (${SHEET_QUESTIONS} questions, read + check)`, value: median(csvImport), unit: 'ms', goal: '-', floor: median(csvFloor), kind: 'time', note: 'floor = csv-parse of the same file' });
  rows.push({ name: `import the same sheet as XLSX`, value: median(xlsxImport), unit: 'ms', goal: '-', floor: median(xlsxFloor), kind: 'time', note: 'floor = exceljs loading the same workbook' });
  notes.push(`pack: ${pack.clauses.length} clauses; search index over ${QUERIES.length} queries × 3 rounds`);
  return { rows, notes };
}
