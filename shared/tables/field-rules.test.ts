import { describe, expect, it } from 'vitest';
import { canonicalRow, encodeValue, fieldProblem } from './field-rules.ts';
import { blob, boolean, editable, instant, integer, localTime, number, reference } from './field-types.ts';
import { CHECKLIST_PACK_TABLE } from './pack-tables.ts';

/** How values are checked and written into the change log: the fingerprints depend on it, so it is pinned. */
describe('field encoding in the change log', () => {
  it('writes each value as canonical JSON, pinned byte for byte', () => {
    expect(encodeValue('Hafenstraße 12 “B”')).toBe('"Hafenstraße 12 “B”"');
    expect(encodeValue(null)).toBe('null');
    expect(encodeValue(undefined)).toBe('null');
    expect(encodeValue(42)).toBe('42');
    expect(encodeValue(-0)).toBe('0');
    expect(encodeValue(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(encodeValue(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
    expect(encodeValue(true)).toBe('1');
    expect(encodeValue(false)).toBe('0');
    expect(() => encodeValue(Number.NaN)).toThrow(/finite/);
    expect(() => encodeValue(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });

  it('writes a whole row with its keys in declaration order, whatever order it was built in', () => {
    const fields = CHECKLIST_PACK_TABLE.fields;
    const a = { added_by: 'u', title: 'T', pack_id: 'p', version: '1.0.0', sha256: 's', content: '{}', added_at: '2026-12-07T09:00:00.000Z' };
    const b = Object.fromEntries(Object.entries(a).reverse());
    expect(JSON.stringify(canonicalRow(fields, a))).toBe(JSON.stringify(canonicalRow(fields, b)));
    expect(Object.keys(canonicalRow(fields, a))).toEqual(fields.map((f) => f.name));
  });

  it('refuses what cannot travel unchanged: integers beyond 2^53, NaN, booleans other than 0/1', () => {
    const count = editable('count', integer({ min: 0 }));
    expect(fieldProblem(count, 2 ** 53)).toMatch(/whole number/);
    expect(fieldProblem(count, 1.5)).toMatch(/whole number/);
    expect(fieldProblem(count, -1)).toBe('must be at least 0');
    expect(fieldProblem(count, 12)).toBeNull();
    expect(fieldProblem(editable('ratio', number()), Number.NaN)).toMatch(/finite/);
    expect(fieldProblem(editable('flag', boolean()), true)).toBe('must be 0 or 1');
    expect(fieldProblem(editable('flag', boolean()), 1)).toBeNull();
  });

  it('checks dates, local times, instants, references and blobs', () => {
    expect(fieldProblem(editable('start', localTime()), '24:00')).toMatch(/HH:MM/);
    expect(fieldProblem(editable('start', localTime()), '09:30')).toBeNull();
    expect(fieldProblem(editable('at', instant()), '2026-12-07T09:00:00Z')).toMatch(/UTC instant/);
    expect(fieldProblem(editable('at', instant()), '2026-12-07T09:00:00.000Z')).toBeNull();
    expect(fieldProblem(editable('site_id', reference('site', true)), null)).toBeNull();
    expect(fieldProblem(editable('site_id', reference('site')), null)).toBe('must be an id');
    expect(fieldProblem(editable('file', blob()), 'ab'.repeat(32))).toBeNull();
    expect(fieldProblem(editable('file', blob()), 'AB'.repeat(32))).toMatch(/SHA-256/);
  });
});
