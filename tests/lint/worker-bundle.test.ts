import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKER_DIR } from '../helpers/temp.ts';

/**
 * The engagement worker is started for every open engagement: what its bundle loads, every open
 * pays for. A capability's worker.ts keeps library-only code (spreadsheet and CSV readers, the
 * schema validator, the shipped pack) out of it; this guards that a refactor does not bring it back.
 */
describe('the engagement worker bundle', () => {
  const bundle = fs.readFileSync(path.join(WORKER_DIR, 'engagement-worker.cjs'), 'utf8');

  it.each([
    ['exceljs', /exceljs|ExcelJS/],
    ['csv-parse', /csv-parse/],
    ['ajv', /node_modules\/ajv/],
  ])('leaves out %s', (_name, marker) => {
    expect(bundle).not.toMatch(marker);
  });

  it('stays small (it was 3.7 MB when the pack library leaked into it)', () => {
    expect(bundle.length).toBeLessThan(1_500_000);
  });
});
