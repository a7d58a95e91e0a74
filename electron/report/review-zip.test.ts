import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ReportSample } from '../../shared/documents/report-input.ts';
import { SELECTION_SPECIFICATION } from '../../shared/report/report-sampling.ts';
import { manifestJson, readmeText } from '../../shared/report/review-manifest.ts';
import { hasSamples, samplesTable, type SelectionRecord } from '../../shared/report/review-samples.ts';
import { drawStratified } from '../../shared/sampling/draw-stratified.ts';
import { extendSelection, recomputeSelection, verifySelection, type SampleSelection } from '../../shared/sampling/sample-draw.ts';
import { SAMPLE_REPORT_INPUT } from '../../shared/templates/report-sample.ts';
import { reviewWorkbook } from './review-workbook.ts';
import { ReviewZip } from './review-zip.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the technical-review package’s files', () => {
  it('writes workbooks with a bold frozen header and every formula-like text escaped', async () => {
    const bytes = await reviewWorkbook([
      { name: 'Findings', columns: ['Number', 'Evidence', 'Count'], rows: [['MIN-01', '=1+1', 3], ['@SUM(A1)', ' -2', -4], ['OBS-01', null, 0]] },
      { name: 'Empty', columns: ['=Header'], rows: [] },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Findings')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Number', 'Evidence', 'Count']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('B2').value).toBe("'=1+1");
    expect(sheet.getCell('B2').formula).toBeUndefined();
    expect(sheet.getCell('A3').value).toBe("'@SUM(A1)");
    expect(sheet.getCell('B3').value).toBe("' -2");
    // Numbers stay numbers, a negative one too.
    expect(sheet.getCell('C3').value).toBe(-4);
    expect(sheet.getCell('B4').value).toBeNull();
    expect(workbook.getWorksheet('Empty')!.getCell('A1').value).toBe("'=Header");
  });

  it('zips entries as they come, each listed with its SHA-256 in the manifest and the README', () => {
    const zip = new ReviewZip(new Date('2026-12-11T10:00:00Z'));
    const pdf = new Uint8Array(200_000).map((_, i) => (i * 7) % 251);
    const json = new TextEncoder().encode(JSON.stringify({ findings: Array.from({ length: 500 }, (_, i) => ({ number: `MIN-${i}` })) }));
    zip.add('audit-report.pdf', pdf);
    zip.add('findings.json', json);
    zip.add('证据.txt', new TextEncoder().encode('中文'));
    expect(() => zip.add('findings.json', json)).toThrow(/already/);
    const about = { reference: 'KDS-2026', client: 'Kestrel', auditType: 'Stage 2', reportRevision: 1, language: 'en', createdAt: '2026-12-11T10:00:00.000Z', createdBy: 'Helen Marsh' };
    zip.add('manifest.json', new TextEncoder().encode(manifestJson(about, zip.entries)));
    zip.add('README.txt', new TextEncoder().encode(readmeText(about, zip.entries)));
    const bytes = zip.finish();
    // The JSON is deflated, the PDF stored as it is.
    expect(bytes.byteLength).toBeLessThan(pdf.byteLength + json.byteLength);

    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(['audit-report.pdf', 'findings.json', '证据.txt', 'manifest.json', 'README.txt']);
    expect(files['audit-report.pdf']).toEqual(pdf);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { reportRevision: number; entries: { name: string; sha256: string; size: number; description: string }[] };
    expect(manifest.reportRevision).toBe(1);
    expect(manifest.entries.map((entry) => entry.name)).toEqual(['audit-report.pdf', 'findings.json', '证据.txt']);
    for (const entry of manifest.entries) {
      expect(entry.sha256).toBe(sha256(files[entry.name]!));
      expect(entry.size).toBe(files[entry.name]!.byteLength);
    }
    expect(manifest.entries[0]!.description).toBe('The issued audit report (PDF)');
    const readme = new TextDecoder().decode(files['README.txt']);
    expect(readme).toContain(`${sha256(files['manifest.json']!)}`);
    expect(readme).toContain('Technical-review package: Kestrel — Stage 2 (KDS-2026)');
    expect(() => zip.add('late.txt', json)).toThrow(/closed/);
  });

  it('carries the record samples: samples.json, a Samples sheet per item, and each selection record a reviewer can recompute', async () => {
    const drawn = extendSelection(
      drawStratified({ seed: 'review-seed', size: 4, minimumPerStratum: 1, strata: [{ name: 'P1', populationSize: 40, populationHash: 'a'.repeat(64) }, { name: 'P2', populationSize: 400, populationHash: 'b'.repeat(64) }] }),
      1,
    );
    const base = SAMPLE_REPORT_INPUT.sampling![0]!.samples[0]!;
    const items: ReportSample['items'] = Array.from({ length: 5 }, (_, i) => ({
      record: i === 0 ? '=HYPERLINK("x")' : `INC-${i}`,
      position: i + 1,
      selection: i === 4 ? 'Added by extension' : 'Stratified',
      selectionKey: i === 4 ? 'extension' : 'stratified',
      stratum: i < 2 ? 'P1' : 'P2',
      reason: '',
      result: i === 1 ? 'Deviation' : 'No deviation',
      resultKey: i === 1 ? 'deviation' : 'no_deviation',
      failedAttributes: i === 1 ? ['Resolved within the target'] : [],
      note: '',
    }));
    const report = { ...SAMPLE_REPORT_INPUT, sampling: [{ ...SAMPLE_REPORT_INPUT.sampling![0]!, samples: [{ ...base, size: 5, firstDraw: 4, extended: 1, items }] }] };
    expect(hasSamples(report)).toBe(true);
    expect(hasSamples({ ...report, sampling: [] })).toBe(false);
    const stored = [{ sampleId: base.id, method: 'stratified', algorithm: 'aw-perm-1', seed: 'review-seed', populationHash: base.populationHash, selection: JSON.stringify({ ...drawn, column: 'Priority' }) }];
    const table = samplesTable(report, stored, SELECTION_SPECIFICATION);

    const zip = new ReviewZip(new Date('2027-03-16T10:00:00Z'));
    zip.add('samples.json', new TextEncoder().encode(JSON.stringify(table.json)));
    zip.add('samples.xlsx', await reviewWorkbook(table.sheets));
    for (const [name, record] of table.records) zip.add(name, new TextEncoder().encode(JSON.stringify(record)));
    const about = { reference: 'EX-2027-0042', client: 'Exampleport', auditType: 'Stage 2', reportRevision: 1, language: 'en', createdAt: '2027-03-16T10:00:00.000Z', createdBy: 'Dana Example' };
    zip.add('manifest.json', new TextEncoder().encode(manifestJson(about, zip.entries)));
    const files = unzipSync(zip.finish());
    expect(Object.keys(files)).toEqual(['samples.json', 'samples.xlsx', 'selection-records/sample-01.json', 'manifest.json']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { entries: { name: string; description: string }[] };
    for (const entry of manifest.entries) expect(entry.description, entry.name).not.toBe('');

    const json = JSON.parse(new TextDecoder().decode(files['samples.json'])) as { specification: string; samples: { process: string; items: unknown[]; selectionRecord: SelectionRecord }[] };
    expect(json.specification).toBe('docs/SAMPLING-RANDOM.md');
    expect(json.samples.map((sample) => [sample.process, sample.items.length])).toEqual([['8.6.1 Incident management', 5]]);
    // The record holds every inputs hash (each stratum's) and the selection, which recomputes to itself.
    const record = JSON.parse(new TextDecoder().decode(files['selection-records/sample-01.json'])) as SelectionRecord;
    expect(record).toMatchObject({ algorithm: 'aw-perm-1', seed: 'review-seed', populationHash: base.populationHash });
    expect(record.inputsHashes.map((hash) => hash.part)).toEqual(['stratum P1', 'stratum P2']);
    const { column: _column, ...selection } = record.selection as SampleSelection & { column: string };
    expect(verifySelection(selection as SampleSelection)).toBeNull();
    expect(recomputeSelection(selection as SampleSelection)).toEqual(drawn);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(files['samples.xlsx']!) as unknown as ArrayBuffer);
    const itemSheet = workbook.getWorksheet('Samples')!;
    expect(itemSheet.getRow(1).values).toEqual([undefined, 'Process', 'Population', 'Sample', 'Draw position', 'Record id', 'Selection', 'Stratum', 'Reason', 'Result', 'Attributes not met', 'Note']);
    expect(itemSheet.rowCount).toBe(6);
    expect(itemSheet.getCell('E2').value).toBe('\'=HYPERLINK("x")');
    expect(itemSheet.getRow(3).values).toEqual([undefined, '8.6.1 Incident management', 'Incidents Mar 2026 – Feb 2027', 1, 2, 'INC-1', 'Stratified', 'P1', '', 'Deviation', 'Resolved within the target', '']);
    const records = workbook.getWorksheet('Selection records')!;
    expect(records.getCell('H2').value).toBe('review-seed');
    expect(JSON.parse(String(records.getCell('Q2').value))).toMatchObject({ method: 'stratified', seed: 'review-seed' });
  });
});
