import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { manifestJson, readmeText } from '../../shared/report/review-manifest.ts';
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
});
