import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { spreadsheetSafe } from './spreadsheet-safe.ts';

const DANGEROUS = /^\s*[=+\-@＝＋－＠]|^[\t\r]/u;

describe('spreadsheetSafe', () => {
  it('escapes what a spreadsheet would read as a formula, and nothing else', () => {
    for (const value of ['=1+1', '+SUM(A1)', '-2', '@cmd', '  =HYPERLINK("x")', '\t=1', '\r=1', '\n=1', '\u3000=1', '\u00A0+1', '\tplain', '\rplain', '＝1+1', ' －1']) {
      expect(spreadsheetSafe(value), JSON.stringify(value)).toBe(`'${value}`);
    }
    for (const value of ['', 'CHG-1042', 'a=b', '1+1', 'Minor nonconformity', '轻微不符合', "'=already"]) expect(spreadsheetSafe(value), JSON.stringify(value)).toBe(value);
  });

  it('never leaves a formula start, keeps every other value, and is lossless and idempotent (property)', () => {
    const piece = fc.constantFrom('=', '+', '-', '@', ' ', '\t', '\r', '\n', '\u3000', '＝', "'", 'a', '1', '中');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''))), fc.string(), (head, tail) => {
        const value = head + tail;
        const safe = spreadsheetSafe(value);
        expect(DANGEROUS.test(safe)).toBe(false);
        if (DANGEROUS.test(value)) expect(safe).toBe(`'${value}`);
        else expect(safe).toBe(value);
        expect(spreadsheetSafe(safe)).toBe(safe);
      }),
      propertyRuns('spreadsheetSafe'),
    );
  });
});
