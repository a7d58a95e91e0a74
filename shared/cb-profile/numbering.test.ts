import { describe, expect, it } from 'vitest';
import { formatFindingNumber, parseNumberingPattern } from './numbering.ts';

const values = { year: 2026, gradeCode: 'MIN', auditNumber: 'A-0815', seq: 7 };

describe('finding numbers from the profile pattern', () => {
  it.each([
    ['{grade}-{seq:2}', 'MIN-07'],
    ['{year}-{seq:3}', '2026-007'],
    ['NC{yy}{seq:4}', 'NC260007'],
    ['{audit}-{grade}-{seq}', 'A-0815-MIN-7'],
    ['{seq}', '7'],
    ['不符合-{seq:2}', '不符合-07'],
  ])('%s → %s', (pattern, expected) => {
    expect(formatFindingNumber(pattern, values)).toBe(expected);
  });

  it('pads to the width but never cuts a longer number', () => {
    expect(formatFindingNumber('{seq:2}', { ...values, seq: 123 })).toBe('123');
    expect(formatFindingNumber('{yy}-{seq}', { ...values, year: 2005 })).toBe('05-7');
  });

  it.each([
    ['NC-{year}', { reason: 'no-seq' }],
    ['{seq}-{seq:2}', { reason: 'several-seq' }],
    ['{project}-{seq}', { reason: 'unknown-token', token: '{project}' }],
    ['{seq:0}', { reason: 'unknown-token', token: '{seq:0}' }],
    ['{seq:7}', { reason: 'unknown-token', token: '{seq:7}' }],
    ['{SEQ}', { reason: 'unknown-token', token: '{SEQ}' }],
    ['NC-{seq', { reason: 'unclosed-brace', at: 3 }],
    ['{year-{seq}', { reason: 'unclosed-brace', at: 0 }],
    ['NC}-{seq}', { reason: 'stray-brace', at: 2 }],
    ['NC/{seq}', { reason: 'bad-character', character: '/' }],
    ['NC:{seq}', { reason: 'bad-character', character: ':' }],
    ['NC\t{seq}', { reason: 'bad-character', character: '\t' }],
  ])('%j is refused: %j', (pattern, problem) => {
    expect(parseNumberingPattern(pattern)).toEqual({ ok: false, problem });
    expect(formatFindingNumber(pattern, values)).toBeNull();
  });
});
