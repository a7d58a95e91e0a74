import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { SERVICE_TABLE } from '../tables/preparation-tables.ts';
import {
  CATEGORIES_MAX_CHARS,
  SERVICE_CATEGORIES,
  categoriesFit,
  formatCategories,
  hasKnownCategory,
  isServiceCategory,
  parseCategories,
} from './service-categories.ts';

/** A free-text category as the tags input can produce it: trimmed, not empty, no separator. */
const freeText = fc
  .string({ minLength: 1, maxLength: 30 })
  .map((s) => s.replace(/[;；]/g, ' ').trim())
  .filter((s) => s.length > 0);
const category = fc.oneof(fc.constantFrom(...SERVICE_CATEGORIES), freeText);
/** What the tags input holds: no repeats, ignoring case (its own duplicate rule). */
const tagList = fc.uniqueArray(category, { maxLength: 10, selector: (s) => s.toLowerCase() });

describe('the IT-service categories', () => {
  it('are eight stable keys, kebab-case, unique', () => {
    expect(SERVICE_CATEGORIES).toHaveLength(8);
    expect(new Set(SERVICE_CATEGORIES).size).toBe(8);
    for (const key of SERVICE_CATEGORIES) expect(key).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect(isServiceCategory('operation-maintenance')).toBe(true);
    expect(isServiceCategory('Operation-maintenance')).toBe(false);
    expect(isServiceCategory('cloud services')).toBe(false);
  });

  it('fit the service table’s column', () => {
    const column = SERVICE_TABLE.fields.find((field) => field.name === 'categories');
    expect(column?.type).toMatchObject({ kind: 'text', maxLength: CATEGORIES_MAX_CHARS });
  });

  it('are stored by key with free text as typed, separated by "; "', () => {
    expect(formatCategories(['operation-maintenance', 'Cloud hosting', 'call-centre-service-desk'])).toBe(
      'operation-maintenance; Cloud hosting; call-centre-service-desk',
    );
    expect(formatCategories([])).toBe('');
    expect(parseCategories('')).toEqual([]);
  });

  it('read what people typed before: either semicolon, spaces, empty entries and repeats', () => {
    expect(parseCategories(' data-processing ;; 云服务；数据处理 ; Data-Processing; ')).toEqual(['data-processing', '云服务', '数据处理']);
    expect(parseCategories('Operations and maintenance; cloud services')).toEqual(['Operations and maintenance', 'cloud services']);
    // A separator inside an entry splits it: what is stored always reads back as entries.
    expect(formatCategories(['testing;Hosting', '  ', 'testing'])).toBe('testing; Hosting');
  });

  it('round-trip: the stored text reads back as the same list', () => {
    fc.assert(
      fc.property(tagList, (list) => {
        expect(parseCategories(formatCategories(list))).toEqual(list);
      }),
      propertyRuns('categories round trip'),
    );
  });

  it('round-trip: formatting what was read changes nothing once stored', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const stored = formatCategories(parseCategories(text));
        expect(formatCategories(parseCategories(stored))).toBe(stored);
      }),
      propertyRuns('categories stored text is stable'),
    );
  });

  it('know whether a known category is among them (free text is a tag, not a category)', () => {
    expect(hasKnownCategory('')).toBe(false);
    expect(hasKnownCategory('Cloud hosting; Operations and maintenance')).toBe(false);
    expect(hasKnownCategory('Cloud hosting; operation-maintenance')).toBe(true);
    expect(hasKnownCategory('e-commerce-support')).toBe(true);
  });

  it('say whether a list fits the 500 characters of the column', () => {
    // 99 entries of 3 characters and 98 separators of 2 = 493; one of 5 more with its separator = 500.
    const list = Array.from({ length: 99 }, (_, i) => String(i).padStart(3, '0'));
    expect(formatCategories(list)).toHaveLength(493);
    expect(categoriesFit([...list, 'abcde'])).toBe(true);
    expect(formatCategories([...list, 'abcde'])).toHaveLength(CATEGORIES_MAX_CHARS);
    expect(categoriesFit([...list, 'abcdef'])).toBe(false);
    // All eight keys together fit easily.
    expect(categoriesFit([...SERVICE_CATEGORIES])).toBe(true);
  });
});
