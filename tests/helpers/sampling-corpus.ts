import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/**
 * The awkward exports of issue 20's "Bad input", made fresh by the tests in a temp folder: every
 * dialect and encoding a client's ITSM tool or Excel writes, and the broken files met in practice.
 * The tests (electron/sampling/source/corpus.test.ts) assert the exact cells and line numbers.
 */

/** Chinese ITSM rows, with a character GB18030 writes in four bytes (𠮷, U+20BB7). */
export const CHINESE_TEXT = '工单编号,创建时间,关闭时间,优先级,分类,状态,处理人,地点\nINC-001,2026年3月1日,2026年3月2日,高,网络,已关闭,张伟,北京\nINC-002,2026/3/5 14:05,,中,应用𠮷,处理中,李娜,上海\n';
/** Western European text with é, ü, € (Windows-1252 writes them in one byte each). */
export const LATIN_TEXT = 'Number;Opened;Priority;Category;Assigned to\nINC1;01/03/2026;1 - Critique;Réseau;Hélène Müller\nINC2;02/03/2026;2 - Élevée;Coût €;Jürgen Größe\n';
export const SIMPLE_TEXT = 'Number,Opened,Priority,State\nINC0001,2026-03-01 08:00:00,1 - Critical,Closed\nINC0002,2026-03-02 09:30:00,3 - Moderate,Resolved\n';

export const CORPUS_NAMES = [
  'comma',
  'semicolon-bom-crlf',
  'tab',
  'pipe',
  'quoted-newlines',
  'utf16le-bom',
  'utf16be-bom',
  'utf16le-no-bom',
  'windows-1252',
  'gb18030',
  'gb18030-bom',
  'utf8-bom-for-conflict',
  'ragged',
  'headers-dup-empty',
  'field-10mb',
  'nul-bytes',
  'unclosed-quote',
  'cut-off',
  'workbook',
  'renamed-pdf',
  'renamed-png',
  'plain-zip',
  'empty',
] as const;
export type CorpusName = (typeof CORPUS_NAMES)[number];

export const TEN_MB = 10 * 1024 * 1024;

export async function writeSamplingCorpus(dir: string): Promise<Record<CorpusName, string>> {
  const files = {} as Record<CorpusName, string>;
  const put = (name: CorpusName, file: string, bytes: Uint8Array | string): void => {
    const target = path.join(dir, file);
    fs.writeFileSync(target, bytes);
    files[name] = target;
  };
  const bom8 = Buffer.from([0xef, 0xbb, 0xbf]);

  put('comma', 'comma.csv', SIMPLE_TEXT);
  put('semicolon-bom-crlf', 'semicolon.csv', Buffer.concat([bom8, Buffer.from('Ticket Id;Created Date;Status;Cost\r\n1001;01.03.2026;Open;1,5\r\n1002;02.03.2026;Closed;2,25\r\n')]));
  put('tab', 'tab.tsv', 'Request ID\tCreated Time\tTechnician\n7\t2026-03-01\tAnn, Lee\n8\t2026-03-02\tBo "B" Chan\n');
  put('pipe', 'pipe.csv', 'Issue key|Created|Status\nSD-1|01/Mar/26 2:05 PM|Done\nSD-2|02/Mar/26 9:00 AM|Open\n');
  // CRLF file: line 2's record holds an LF and a CRLF inside quotes, so the next record starts on line 5.
  put('quoted-newlines', 'quoted.csv', 'Number,Description,State\r\nINC1,"first line\nsecond line\r\nthird, with comma",Closed\r\nINC2,"said ""hi""",Open\r\nINC3,plain,Open\r\n');
  put('utf16le-bom', 'utf16le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CHINESE_TEXT, 'utf-16le')]));
  put('utf16be-bom', 'utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(CHINESE_TEXT, 'utf-16be')]));
  put('utf16le-no-bom', 'utf16le-nobom.csv', iconv.encode(SIMPLE_TEXT.replaceAll(',', '\t'), 'utf-16le'));
  put('windows-1252', 'cp1252.csv', iconv.encode(LATIN_TEXT, 'windows-1252'));
  put('gb18030', 'gb18030.csv', iconv.encode(CHINESE_TEXT, 'gb18030'));
  put('gb18030-bom', 'gb18030-bom.csv', Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), iconv.encode(CHINESE_TEXT, 'gb18030')]));
  put('utf8-bom-for-conflict', 'bom-conflict.csv', Buffer.concat([bom8, Buffer.from(CHINESE_TEXT)]));
  // Line 3 has too few fields, line 4 one too many (with a value), line 5 an empty extra (accepted).
  put('ragged', 'ragged.csv', 'Number,Opened,State\nINC1,2026-03-01,Closed\nINC2,2026-03-02\nINC3,2026-03-03,Open,extra\nINC4,2026-03-04,Open,\nINC5,2026-03-05,Open\n');
  put('headers-dup-empty', 'headers.csv', 'Number,,Status,Status, Opened \nINC1,x,Open,Closed,2026-03-01\n');
  put('field-10mb', 'big-field.csv', `Number,Description,State\nINC1,short,Open\nINC2,"${'x'.repeat(TEN_MB)}",Open\nINC3,after,Closed\n`);
  put('nul-bytes', 'nul.csv', 'Number,Description,State\nINC1,ok,Open\nINC2,bad\u0000byte,Open\nINC3,ok,Closed\n');
  // The quote opened on line 3 never closes: the rest of the file is swallowed into it.
  put('unclosed-quote', 'unclosed.csv', 'Number,Description,State\nINC1,ok,Open\nINC2,"never closed,Open\nINC3,lost,Closed\n');
  put('cut-off', 'cut.csv', 'Number,Opened,State\nINC1,2026-03-01,Closed\nINC2,2026-03-0');
  files.workbook = path.join(dir, 'export.xlsx');
  await writeWorkbook(files.workbook);
  put('renamed-pdf', 'report.csv', Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), Buffer.alloc(64, 0)]));
  put('renamed-png', 'picture.csv', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]));
  put('plain-zip', 'archive.xlsx', plainZip());
  put('empty', 'empty.csv', '');
  return files;
}

/**
 * Three sheets: 'Notes' (empty), 'Incidents' (header on row 2 under a title row; a merged category
 * E3:E4; 'Opened' date-formatted serials, one with a time; 'Serial' plain numbers; a formula; a huge
 * number), 'Changes' (two rows).
 */
async function writeWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Notes');
  const incidents = workbook.addWorksheet('Incidents');
  incidents.getCell('A1').value = 'Incident export';
  incidents.addRow([]);
  incidents.getRow(2).values = ['Number', 'Opened', 'Serial', 'Hours', 'Category', 'Big'];
  incidents.getRow(3).values = ['INC1', new Date(Date.UTC(2026, 2, 1)), 46082, 4, 'Network', 1e21];
  incidents.getRow(4).values = ['INC2', new Date(Date.UTC(2026, 2, 2, 13, 30, 0)), 46083.5, { formula: 'D3*2', result: 8 }, null, 123456789012];
  incidents.getRow(5).values = ['INC3', new Date(Date.UTC(2026, 2, 3)), 1, 0.000001, 'Apps', 0.1];
  incidents.getColumn(2).numFmt = 'yyyy-mm-dd hh:mm';
  for (const r of [3, 4, 5]) incidents.getCell(r, 2).numFmt = 'yyyy-mm-dd hh:mm';
  incidents.mergeCells('E3:E4');
  const changes = workbook.addWorksheet('Changes');
  changes.addRow(['Change', 'State']);
  changes.addRow(['CHG1', 'Closed']);
  changes.addRow(['CHG2', 'Open']);
  await workbook.xlsx.writeFile(file);
}

/** A zip that is not a workbook (one stored entry, hello.txt). */
function plainZip(): Buffer {
  const name = Buffer.from('hello.txt');
  const data = Buffer.from('hello');
  const crc = 0x3610a686; // CRC-32 of "hello"
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}
