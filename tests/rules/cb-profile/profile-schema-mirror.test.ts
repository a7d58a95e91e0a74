// The JSON Schemas (the public format: one file per format version) and the zod shapes (what the app
// runs, in both processes) must accept exactly the same values: checked on the shipped profile, the
// bad-file corpus, and random edits of valid profiles of both formats. A value is held to its own
// format's schema and shape (formatVersion 1 → format 1, anything else → format 2, as checkProfile does).
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../helpers/property.ts';
import { profileShapeFor } from '../../../shared/cb-profile/profile-shape.ts';
import { BAD_PROFILES, BAD_PROFILES_V2, deleteAt, fictionalCbProfile, fictionalCbProfileV2, setAt, type JsonObject } from './profile-test-fixtures.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const readSchema = (name: string) => JSON.parse(fs.readFileSync(path.join(root, 'resources/cb-profiles', name), 'utf8')) as object;
const compile = (name: string) => new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(readSchema(name));
const validateV1 = compile('cb-profile.schema.json');
const validateV2 = compile('cb-profile-2.schema.json');
let schemaErrors: unknown = null;
const validateWithSchema = (value: unknown): boolean => {
  const validate = typeof value === 'object' && value !== null && (value as { formatVersion?: unknown }).formatVersion === 1 ? validateV1 : validateV2;
  const ok = validate(value) === true;
  schemaErrors = validate.errors;
  return ok;
};
const SHIPPED_TEXT = fs.readFileSync(path.join(root, 'resources/cb-profiles/default.json'), 'utf8');
const shippedProfile = (): JsonObject => JSON.parse(SHIPPED_TEXT) as JsonObject;

const schemaAccepts = (value: unknown): boolean => validateWithSchema(value) === true;
const shapeAccepts = (value: unknown): boolean => profileShapeFor(value).safeParse(value).success;

describe('JSON Schema and zod shape agree', () => {
  it('on the shipped profile and the fictional one in both formats: both valid', () => {
    for (const profile of [shippedProfile(), fictionalCbProfile(), fictionalCbProfileV2(), { ...fictionalCbProfile(), formatVersion: 2 }]) {
      expect(validateWithSchema(profile), JSON.stringify(schemaErrors)).toBe(true);
      expect(shapeAccepts(profile)).toBe(true);
    }
  });

  const badOf = (schema: boolean) => [
    ...BAD_PROFILES.filter((bad) => bad.schema === schema).map((bad) => [bad.name, bad, fictionalCbProfile] as const),
    ...BAD_PROFILES_V2.filter((bad) => bad.schema === schema).map((bad) => [`format 2: ${bad.name}`, bad, fictionalCbProfileV2] as const),
  ];

  it.each(badOf(true))('both refuse %s', (_name, bad, base) => {
    const value = bad.edit(base());
    expect(schemaAccepts(value)).toBe(false);
    expect(shapeAccepts(value)).toBe(false);
  });

  // What a JSON Schema cannot say is the rules' job: the schema lets these through, the validator refuses them.
  it.each(badOf(false))('only the rules refuse %s', (_name, bad, base) => {
    const value = bad.edit(base());
    expect(schemaAccepts(value)).toBe(true);
    expect(shapeAccepts(value)).toBe(true);
  });

  it('count lengths in code points, as JSON Schema does', () => {
    const emoji = '\u{1F600}';
    const at = (count: number) => setAt(fictionalCbProfile(), '/title/en', emoji.repeat(count));
    expect([schemaAccepts(at(5000)), shapeAccepts(at(5000))]).toEqual([true, true]);
    expect([schemaAccepts(at(5001)), shapeAccepts(at(5001))]).toEqual([false, false]);
  });

  it('on a logo at the size limit', () => {
    const prefix = 'data:image/png;base64,iVBORw0KGgo';
    const logo = (chars: number) => setAt(fictionalCbProfile(), '/logo', `${prefix}${'A'.repeat(chars - prefix.length - 1)}=`);
    // 350,000 characters with a base64 body of a multiple of 4: both accept; 4 more: both refuse.
    const fits = 350_000 - ((350_000 - 'data:image/png;base64,'.length) % 4);
    expect([schemaAccepts(logo(fits)), shapeAccepts(logo(fits))]).toEqual([true, true]);
    expect([schemaAccepts(logo(fits + 4)), shapeAccepts(logo(fits + 4))]).toEqual([false, false]);
  });

  it('on template data at the size limit (10 MiB of .docx, 13,981,016 base64 characters)', () => {
    const data = (chars: number) => setAt(fictionalCbProfileV2(), '/templates/0/data', `UEsDB${'A'.repeat(chars - 9)}AAA=`);
    expect([schemaAccepts(data(13_981_016)), shapeAccepts(data(13_981_016))]).toEqual([true, true]);
    expect([schemaAccepts(data(13_981_020)), shapeAccepts(data(13_981_020))]).toEqual([false, false]);
  });

  it('on every single edit from a catalogue of boundary values, at every path of both valid profiles', () => {
    // Each limit of the schema, just inside and just outside, and each kind of JSON value: a limit
    // said differently on one side (a maximum of 100 against 101) shows up here whatever its path.
    const text = (n: number) => 'x'.repeat(n);
    const catalogue: unknown[] = [
      ...[-1, 0, 0.005, 0.01, 0.5, 1, 1.5, 2.345, 12, 20, 21, 59, 60, 61, 99, 100, 101, 199, 200, 201, 729, 730, 731, 999, 1000, 1000.01, 1001],
      ...[99_999, 100_000, 100_001, 9_999_999, 10_000_000, 10_000_001, 999_999_999, 1_000_000_000, 1_000_000_001, 1e300, -1e300],
      ...[0, 1, 2, 3, 4, 39, 40, 41, 59, 60, 61, 99, 100, 101, 299, 300, 301, 499, 500, 501, 5000, 5001].map(text),
      ...['en', 'zh-Hans', 'EN', 'e', 'abcd', 'en-', 'a.b', 'abc', 'ab', '1.0.0', '01.0.0', '1.0', '2026-02-30', '2026-1-1', '2026-01-01'],
      ...['NCmaj', 'NC maj', '观察', '-a', 'a'.repeat(12), 'a'.repeat(13), 'major', 'Major', 'a-b', '-ab', 'a'.repeat(40), 'a'.repeat(41)],
      ...['per-grade', 'all-grades', 'judgment', 'frequency-table', 'cb-table', 'not-provided', 'strip-metadata', 'stage1', 'transfer', 'positive'],
      ...['audit-workbench-cb-profile', 'data:image/png;base64,iVBORw0KGgo=', 'data:image/gif;base64,R0lGODlh', '{seq}'],
      ...['audit-plan', 'nc-form', 'audit-report', 'report', 'plan.docx', 'plan.DOCX', 'plan.docm', 'a/plan.docx', 'a\\plan.docx', '.docx', 'x.docx.pdf', 'plan\u0001.docx'],
      ...['UEsDBA==', 'UEsDB', 'UEsD=', 'A===', '====', 'UEsDB AA', 'UEsDBBQ=', 'JVBERi0x'],
      null,
      true,
      false,
      [],
      {},
      ['en'],
      ['en', 'en'],
      ['stage1', 'stage1'],
      { en: '' },
      { en: 'x' },
      { EN: 'x' },
      { en: 'x', 'zh-Hans': 'y' },
      Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`l${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, 'x'])),
    ];
    const lengths = [0, 1, 7, 8, 20, 21, 50, 51, 100, 101, 200, 201];
    let checked = 0;
    for (const make of [fictionalCbProfile, shippedProfile, fictionalCbProfileV2]) {
      const pointersOf = (value: unknown, at = ''): string[] =>
        typeof value === 'object' && value !== null ? [at, ...Object.entries(value).flatMap(([key, child]) => pointersOf(child, `${at}/${key}`))] : [at];
      const base = make();
      // One path per place in the format (/grades/0/order stands for every grade's order).
      const places = new Map<string, string>();
      for (const pointer of pointersOf(base).slice(1)) {
        const place = pointer.replace(/\/\d+(?=\/|$)/g, '/#');
        if (!places.has(place)) places.set(place, pointer);
      }
      for (const pointer of places.values()) {
        const original = pointer.split('/').slice(1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], base);
        const variants: unknown[] = [...catalogue, ...(Array.isArray(original) && original.length ? lengths.map((n) => Array.from({ length: n }, () => original[0])) : [])];
        for (const variant of variants) {
          const value = setAt(structuredClone(base), pointer, variant as never);
          const [shape, schema] = [shapeAccepts(value), schemaAccepts(value)];
          if (shape !== schema) expect({ pointer, variant: JSON.stringify(variant).slice(0, 80), shape, schema }).toBeNull();
          checked++;
        }
        if (typeof base === 'object') {
          const removed = deleteAt(structuredClone(base), pointer);
          if (shapeAccepts(removed) !== schemaAccepts(removed)) expect({ pointer, removed: true }).toBeNull();
        }
      }
    }
    expect(checked).toBeGreaterThan(22_000);
  });

  it('on random edits of valid profiles: a value replaced, a field removed or added (property)', () => {
    const pointersOf = (value: unknown, at = ''): string[] =>
      typeof value === 'object' && value !== null ? [at, ...Object.entries(value).flatMap(([key, child]) => pointersOf(child, `${at}/${key}`))] : [at];
    const bases = [fictionalCbProfile, shippedProfile, fictionalCbProfileV2];
    const basePointers = bases.map((make) => pointersOf(make()).slice(1));
    // Values near the valid ones are the ones that find disagreements; random JSON covers the rest.
    const nearValue = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(0, 1, 2, 3, -1, 0.5, 0.01, 0.005, 2.345, 100, 101, 730, 731, 1000, 1001, 10_000_000, 10_000_001, 1e300, 1.0),
      fc.constantFrom('', 'en', 'zh-Hans', 'EN', 'x', 'a.b', 'abc', '1.0.0', '01.0.0', '2026-02-30', '2026-1-1', 'NCmaj', 'NC maj', '观察', 'major', 'Major'),
      fc.constantFrom(null, true, false, [], {}, ['en'], ['en', 'en'], { en: '' }, { en: 'x' }, { EN: 'x' }),
      fc.constantFrom('per-grade', 'per-engagement', 'all-grades', 'judgment', 'frequency-table', 'cb-table', 'not-provided', 'strip-metadata', 'stage1', 'transfer'),
      fc.constantFrom('audit-plan', 'invoice', 'plan.docx', 'plan.docm', 'UEsDBA==', 'UEsD=', '', []),
    );
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), value: nearValue }),
      fc.record({ kind: fc.constant('delete' as const) }),
      fc.record({ kind: fc.constant('add' as const), key: fc.constantFrom('extra', 'note', 'logo', 'surveillance', 'zh-Hant', 'validFrom', 'templates', 'data'), value: nearValue }),
    );
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(fc.tuple(fc.nat(), edit), { minLength: 1, maxLength: 3 }), (which, edits) => {
        const value = bases[which]!();
        const pointers = basePointers[which]!;
        for (const [index, change] of edits) {
          const pointer = pointers[index % pointers.length]!;
          try {
            if (change.kind === 'replace') setAt(value, pointer, change.value as never);
            else if (change.kind === 'delete') deleteAt(value, pointer);
            else setAt(value, `${pointer}/${change.key}`, change.value as never);
          } catch {
            // An earlier edit removed the path: this edit does nothing.
          }
        }
        expect(shapeAccepts(value)).toBe(schemaAccepts(value));
      }),
      propertyRuns('cb profile: schema and shape agree', 2000),
    );
  });
});
