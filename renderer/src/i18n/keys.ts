/**
 * Language files as flat key sets, aware of plural forms: English has `x_one` / `x_other`, Chinese
 * only `x_other` (Intl.PluralRules says which forms a locale uses). Used by the key-parity test and
 * by the language chooser's "partly translated" mark.
 */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

export function flattenTexts(texts: object, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else if (value && typeof value === 'object') for (const [inner, text] of flattenTexts(value as object, path)) flat.set(inner, text);
  }
  return flat;
}

/** The keys a language needs, derived from the reference (English) keys and the locale's plural forms. */
export function expectedKeys(reference: object, locale: string): Set<string> {
  const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const expected = new Set<string>();
  for (const key of flattenTexts(reference).keys()) {
    const match = PLURAL_SUFFIX.exec(key);
    if (!match) expected.add(key);
    else for (const form of forms) expected.add(key.slice(0, match.index) + '_' + form);
  }
  return expected;
}

/** Keys the language lacks, sorted. */
export function missingKeys(reference: object, translation: object, locale: string): string[] {
  const present = flattenTexts(translation);
  return [...expectedKeys(reference, locale)].filter((key) => !present.has(key)).sort();
}

/** Keys the language has that English does not (misspelt or left over), sorted. */
export function unknownKeys(reference: object, translation: object, locale: string): string[] {
  const expected = expectedKeys(reference, locale);
  return [...flattenTexts(translation).keys()].filter((key) => !expected.has(key)).sort();
}

/** The share of keys translated, 0–1. */
export function coverage(reference: object, translation: object, locale: string): number {
  const expected = expectedKeys(reference, locale);
  return (expected.size - missingKeys(reference, translation, locale).length) / expected.size;
}
