import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHINESE_TEXT, writeSamplingCorpus, type CorpusName } from '../../../tests/helpers/sampling-corpus.ts';
import { readExport, sniffExport, SamplingSourceError, type BadRow, type ExportPreview, type SourceBatch } from './index.ts';

let files: Record<CorpusName, string>;
let dir: string;
beforeAll(async () => {
  // Made once for the file (tests/helpers/temp.ts's folders go after each test).
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-corpus-'));
  files = await writeSamplingCorpus(dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
});

/** Reads the whole export with every column kept, as the lead's import would after the preview. */
async function readAll(preview: ExportPreview, file: string, columns?: number[]) {
  const batches: SourceBatch[] = [];
  const summary = await readExport(
    file,
    { format: preview.format, encoding: preview.encoding ?? undefined, delimiter: preview.delimiter ?? undefined, sheet: preview.sheet ?? undefined, headerRow: preview.headerRow, columns: columns ?? preview.headers.map((_, i) => i) },
    { batch: (b) => void batches.push(b) },
  );
  return {
    summary,
    rows: batches.flatMap((b) => b.rows.map((r) => [r.line, ...r.cells])),
    bad: batches.flatMap((b) => b.badRows),
    notices: batches.flatMap((b) => b.notices),
  };
}

async function both(name: CorpusName, options = {}) {
  const preview = await sniffExport(files[name], options);
  return { preview, ...(await readAll(preview, files[name])) };
}

const CHINESE_HEADERS = ['工单编号', '创建时间', '关闭时间', '优先级', '分类', '状态', '处理人', '地点'];
const CHINESE_ROWS = [
  [2, 'INC-001', '2026年3月1日', '2026年3月2日', '高', '网络', '已关闭', '张伟', '北京'],
  [3, 'INC-002', '2026/3/5 14:05', '', '中', '应用𠮷', '处理中', '李娜', '上海'],
];

describe('the corpus of awkward exports', () => {
  it('reads each delimiter', async () => {
    const comma = await both('comma');
    expect(comma.preview.delimiter).toBe(',');
    expect(comma.rows).toEqual([
      [2, 'INC0001', '2026-03-01 08:00:00', '1 - Critical', 'Closed'],
      [3, 'INC0002', '2026-03-02 09:30:00', '3 - Moderate', 'Resolved'],
    ]);
    const semicolon = await both('semicolon-bom-crlf');
    expect(semicolon.preview).toMatchObject({ delimiter: ';', newline: '\r\n', bom: 'utf-8', encoding: 'utf-8', encodingConflict: false, headers: ['Ticket Id', 'Created Date', 'Status', 'Cost'] });
    expect(semicolon.rows).toEqual([
      [2, '1001', '01.03.2026', 'Open', '1,5'],
      [3, '1002', '02.03.2026', 'Closed', '2,25'],
    ]);
    const tab = await both('tab');
    expect(tab.preview.delimiter).toBe('\t');
    expect(tab.rows).toEqual([
      [2, '7', '2026-03-01', 'Ann, Lee'],
      [3, '8', '2026-03-02', 'Bo "B" Chan'],
    ]);
    const pipe = await both('pipe');
    expect(pipe.preview.delimiter).toBe('|');
    expect(pipe.rows).toEqual([
      [2, 'SD-1', '01/Mar/26 2:05 PM', 'Done'],
      [3, 'SD-2', '02/Mar/26 9:00 AM', 'Open'],
    ]);
  });

  it('counts the lines of quoted fields with embedded LF and CRLF', async () => {
    const { preview, rows, bad } = await both('quoted-newlines');
    expect(preview.newline).toBe('\r\n');
    expect(bad).toEqual([]);
    expect(rows).toEqual([
      [2, 'INC1', 'first line\nsecond line\r\nthird, with comma', 'Closed'],
      [5, 'INC2', 'said "hi"', 'Open'],
      [6, 'INC3', 'plain', 'Open'],
    ]);
  });

  it('reads UTF-16 LE and BE with a BOM, and LE without one', async () => {
    for (const name of ['utf16le-bom', 'utf16be-bom'] as const) {
      const { preview, rows } = await both(name);
      const encoding = name === 'utf16le-bom' ? 'utf-16le' : 'utf-16be';
      expect(preview.encoding, name).toBe(encoding);
      expect(preview.bom).toBe(encoding);
      expect(preview.headers).toEqual(CHINESE_HEADERS);
      expect(rows).toEqual(CHINESE_ROWS);
    }
    const bare = await both('utf16le-no-bom');
    expect(bare.preview).toMatchObject({ encoding: 'utf-16le', bom: null, delimiter: '\t', headers: ['Number', 'Opened', 'Priority', 'State'] });
    expect(bare.rows[1]).toEqual([3, 'INC0002', '2026-03-02 09:30:00', '3 - Moderate', 'Resolved']);
  });

  it('tells Windows-1252 from GB18030, with and without a BOM (a four-byte GB18030 character included)', async () => {
    const latin = await both('windows-1252');
    expect(latin.preview.encoding).toBe('windows-1252');
    expect(latin.rows).toEqual([
      [2, 'INC1', '01/03/2026', '1 - Critique', 'Réseau', 'Hélène Müller'],
      [3, 'INC2', '02/03/2026', '2 - Élevée', 'Coût €', 'Jürgen Größe'],
    ]);
    for (const name of ['gb18030', 'gb18030-bom'] as const) {
      const { preview, rows } = await both(name);
      expect(preview.encoding, name).toBe('gb18030');
      expect(preview.bom).toBe(name === 'gb18030' ? null : 'gb18030');
      expect(preview.headers).toEqual(CHINESE_HEADERS);
      expect(rows).toEqual(CHINESE_ROWS);
    }
  });

  it('shows a BOM that contradicts the chosen encoding, and refuses an unknown encoding', async () => {
    const chosen = await sniffExport(files['utf8-bom-for-conflict'], { encoding: 'GB18030' });
    expect(chosen).toMatchObject({ encoding: 'gb18030', bom: 'utf-8', encodingConflict: true });
    expect(chosen.encodingCandidates[0]).toBe('gb18030');
    expect(chosen.encodingCandidates).toContain('utf-8');
    const detected = await sniffExport(files['utf8-bom-for-conflict']);
    expect(detected).toMatchObject({ encoding: 'utf-8', encodingConflict: false, headers: CHINESE_HEADERS });
    await expect(sniffExport(files.comma, { encoding: 'klingon-8' })).rejects.toMatchObject({ code: 'UNKNOWN_ENCODING', params: { encoding: 'klingon-8' } });
    await expect(sniffExport(files.comma, { delimiter: ':' })).rejects.toMatchObject({ code: 'UNKNOWN_DELIMITER' });
  });

  it('flags ragged rows with their line, accepting empty extra fields', async () => {
    const { preview, rows, bad } = await both('ragged');
    const expected: BadRow[] = [
      { line: 3, code: 'RAGGED', params: { expected: 3, actual: 2 } },
      { line: 4, code: 'RAGGED', params: { expected: 3, actual: 4 } },
    ];
    expect(preview.problems).toEqual(expected);
    expect(bad).toEqual(expected);
    expect(rows).toEqual([
      [2, 'INC1', '2026-03-01', 'Closed'],
      [5, 'INC4', '2026-03-04', 'Open'],
      [6, 'INC5', '2026-03-05', 'Open'],
    ]);
  });

  it('cleans duplicate and empty headers, keeping the originals', async () => {
    const { preview, rows } = await both('headers-dup-empty');
    expect(preview.headers).toEqual(['Number', 'Column 2', 'Status', 'Status (2)', 'Opened']);
    expect(preview.originalHeaders).toEqual(['Number', '', 'Status', 'Status', ' Opened ']);
    expect(rows).toEqual([[2, 'INC1', 'x', 'Open', 'Closed', '2026-03-01']]);
  });

  it('skips a 10 MB field as FIELD_TOO_LONG and reads on at the right line', async () => {
    const { rows, bad } = await both('field-10mb');
    expect(bad).toEqual([{ line: 3, code: 'FIELD_TOO_LONG', params: { limit: 1_000_000 } }]);
    expect(rows).toEqual([
      [2, 'INC1', 'short', 'Open'],
      [4, 'INC3', 'after', 'Closed'],
    ]);
  });

  it('flags NUL bytes, an unclosed quote and a file cut off mid-row', async () => {
    const nul = await both('nul-bytes');
    expect(nul.bad).toEqual([{ line: 3, code: 'NUL_BYTE', params: { column: 1 } }]);
    expect(nul.rows.map((r) => r[0])).toEqual([2, 4]);
    const unclosed = await both('unclosed-quote');
    expect(unclosed.bad).toEqual([{ line: 3, code: 'UNCLOSED_QUOTE', params: {} }]);
    expect(unclosed.rows).toEqual([[2, 'INC1', 'ok', 'Open']]);
    const cut = await both('cut-off');
    expect(cut.bad).toEqual([{ line: 3, code: 'CUT_OFF', params: { expected: 3, actual: 2 } }]);
    expect(cut.rows).toEqual([[2, 'INC1', '2026-03-01', 'Closed']]);
  });

  it('reads a workbook: first non-empty sheet, header under a title row, dates, numbers, formulas, merged cells', async () => {
    const { preview, rows, bad, notices } = await both('workbook');
    expect(preview).toMatchObject({ format: 'xlsx', sheets: ['Notes', 'Incidents', 'Changes'], sheet: 'Incidents', headerRow: 2, headers: ['Number', 'Opened', 'Serial', 'Hours', 'Category', 'Big'] });
    expect(preview.notices).toEqual([{ code: 'MERGED_CELLS', params: { range: 'E3:E4', line: 3 } }]);
    expect(bad).toEqual([]);
    expect(notices).toEqual(preview.notices);
    expect(rows).toEqual([
      [3, 'INC1', '2026-03-01', '46082', '4', 'Network', '1000000000000000000000'],
      [4, 'INC2', '2026-03-02T13:30:00Z', '46083.5', '8', '', '123456789012'],
      [5, 'INC3', '2026-03-03', '1', '0.000001', 'Apps', '0.1'],
    ]);
    const changes = await both('workbook', { sheet: 'Changes' });
    expect(changes.preview.headerRow).toBe(1);
    expect(changes.rows).toEqual([
      [2, 'CHG1', 'Closed'],
      [3, 'CHG2', 'Open'],
    ]);
    await expect(sniffExport(files.workbook, { sheet: 'Problems' })).rejects.toMatchObject({ code: 'NO_SUCH_SHEET', params: { sheet: 'Problems', sheets: ['Notes', 'Incidents', 'Changes'] } });
  });

  it('refuses a renamed PDF or picture, a zip that is no workbook, and an empty file', async () => {
    await expect(sniffExport(files['renamed-pdf'])).rejects.toMatchObject({ code: 'NOT_A_TABLE', params: { kind: 'pdf' } });
    await expect(sniffExport(files['renamed-png'])).rejects.toMatchObject({ code: 'NOT_A_TABLE', params: { kind: 'png' } });
    await expect(sniffExport(files['plain-zip'])).rejects.toMatchObject({ code: 'NOT_A_TABLE', params: { kind: 'zip' } });
    await expect(sniffExport(files.empty)).rejects.toBeInstanceOf(SamplingSourceError);
    await expect(sniffExport(files.empty)).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    await expect(sniffExport(path.join(dir, 'missing.csv'))).rejects.toMatchObject({ code: 'UNREADABLE', params: { reason: 'ENOENT' } });
    await expect(sniffExport(files.comma, { headerRow: 9 })).rejects.toMatchObject({ code: 'NO_HEADER' });
  });
});

describe('keeping only what the audit needs', () => {
  it('never hands a dropped column’s values to the sink', async () => {
    const file = path.join(dir, 'secret.csv');
    const rows = Array.from({ length: 7000 }, (_, i) => `INC${i},2026-03-01,SECRET-${i}-caller@example.com,Open`);
    fs.writeFileSync(file, `Number,Opened,Caller,State\n${rows.join('\n')}\n`);
    const preview = await sniffExport(file);
    const seen: string[] = [];
    await readExport(file, { format: 'csv', encoding: preview.encoding!, delimiter: preview.delimiter!, headerRow: 1, columns: [0, 3] }, {
      batch(b) {
        seen.push(JSON.stringify(b));
      },
    });
    const delivered = seen.join('');
    expect(delivered).not.toContain('SECRET');
    expect(delivered).not.toContain('example.com');
    expect(delivered).toContain('"cells":["INC6999","Open"]');
  });
});

describe('streaming', () => {
  it('delivers batches of 2,000–5,000 rows with progress, and stops at once when the sink says so', async () => {
    const file = path.join(dir, 'many.csv');
    const body = Array.from({ length: 30_000 }, (_, i) => `INC${i},"two\nlines",${CHINESE_TEXT.length}`).join('\r\n');
    fs.writeFileSync(file, `Number,Text,N\r\n${body}\r\n`);
    const sizes: number[] = [];
    let lastLine = 0;
    const summary = await readExport(file, { format: 'csv', encoding: 'utf-8', delimiter: ',', headerRow: 1, columns: [0] }, {
      batch(b) {
        sizes.push(b.rows.length);
        lastLine = b.rows.at(-1)!.line;
        expect(b.bytesRead).toBeLessThanOrEqual(b.totalBytes);
      },
    });
    expect(summary).toMatchObject({ rows: 30_000, badRows: 0, stopped: false });
    expect(sizes.slice(0, -1).every((n) => n >= 2000 && n <= 5000)).toBe(true);
    expect(lastLine).toBe(2 + 29_999 * 2);

    let calls = 0;
    const stopped = await readExport(file, { format: 'csv', encoding: 'utf-8', delimiter: ',', headerRow: 1, columns: [0] }, { batch: () => (++calls === 2 ? 'stop' : undefined) });
    expect(stopped.stopped).toBe(true);
    expect(calls).toBe(2);
    await expect(readExport(file, { format: 'csv', encoding: 'utf-8', delimiter: ',', headerRow: 1, columns: [0] }, { batch: () => Promise.reject(new Error('cancelled')) })).rejects.toThrow('cancelled');
  });

  it('estimates the rows of a file larger than the preview', async () => {
    const file = path.join(dir, 'estimate.csv');
    fs.writeFileSync(file, `Number,State\n${Array.from({ length: 100_000 }, (_, i) => `INC${String(i).padStart(6, '0')},Open`).join('\n')}\n`);
    const preview = await sniffExport(file);
    expect(preview.previewRows).toHaveLength(50);
    expect(preview.estimateExact).toBe(false);
    expect(preview.estimatedRows).toBeGreaterThan(95_000);
    expect(preview.estimatedRows).toBeLessThan(105_000);
  });
});
