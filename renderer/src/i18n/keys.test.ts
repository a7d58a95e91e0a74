import { describe, expect, it } from 'vitest';
import { en } from './en/index.ts';
import { expectedKeys, flattenTexts, missingKeys, unknownKeys } from './keys.ts';
import { LANGUAGES, languageCoverage, systemLanguage } from './languages.ts';
import { pseudoLocalize, pseudoTexts } from './pseudo.ts';

const variables = (text: string): string[] => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();

/**
 * Strings that are the same in every language by nature (product and standard names, codes): a
 * translation may repeat them without being a copy of English.
 */
const SAME_IN_EVERY_LANGUAGE = new Set<string>(['SHA-256', 'ISO/IEC 20000-1:2018', 'ISO/IEC 20000-1:2018 + Amd 1:2024']);

describe('key parity between the language files and English', () => {
  it('knows plural forms per locale: English needs _one and _other, Chinese only _other', () => {
    const reference = { a: { files_one: '{{count}} file', files_other: '{{count}} files', title: 'Title' } };
    expect([...expectedKeys(reference, 'en')].sort()).toEqual(['a.files_one', 'a.files_other', 'a.title']);
    expect([...expectedKeys(reference, 'zh-CN')].sort()).toEqual(['a.files_other', 'a.title']);
    expect(missingKeys(reference, { a: { files_other: '{{count}} 个文件' } }, 'zh-CN')).toEqual(['a.title']);
    expect(unknownKeys(reference, { a: { files_one: '一个', title: '标题' } }, 'zh-CN')).toEqual(['a.files_one']);
  });

  for (const language of LANGUAGES) {
    describe(language.autonym, () => {
      const texts = flattenTexts(language.texts);
      const missing = missingKeys(en, language.texts, language.id);

      it('has no key English lacks (misspelt or left over) and no plural form its locale does not use', () => {
        expect(unknownKeys(en, language.texts, language.id)).toEqual([]);
      });

      it(language.complete ? 'is complete: every English key is translated' : 'may miss keys (shown in English) until it is marked complete', () => {
        if (language.complete) expect(missing).toEqual([]);
        else {
          // Listed so the translator sees what is left; only languages marked complete fail on it.
          console.info(`${language.id}: ${missing.length} of ${expectedKeys(en, language.id).size} keys not translated yet`);
          expect(languageCoverage(language)).toBeGreaterThan(0);
        }
      });

      it('keeps every interpolation of the English string (same {{variables}})', () => {
        const english = flattenTexts(en);
        const wrong = [...texts]
          .map(([key, text]) => {
            const base = english.get(key) ?? english.get(key.replace(/_other$/, '_one')) ?? '';
            return { key, english: variables(base).filter((v) => v !== 'count'), translated: variables(text).filter((v) => v !== 'count') };
          })
          .filter((pair) => pair.english.join() !== pair.translated.join());
        expect(wrong).toEqual([]);
      });

      if (language.id !== 'en') {
        it('holds only real translations, never a copy of the English text', () => {
          const english = flattenTexts(en);
          const copies = [...texts].filter(([key, text]) => text === english.get(key) && !SAME_IN_EVERY_LANGUAGE.has(text)).map(([key]) => key);
          expect(copies).toEqual([]);
        });
      }
    });
  }
});

describe('the pseudo-locale', () => {
  it('wraps, accents and lengthens by 40% while keeping interpolations and nestings', () => {
    const text = 'Delete site “{{name}}”';
    const pseudo = pseudoLocalize(text);
    expect(pseudo.startsWith('⟦') && pseudo.endsWith('⟧')).toBe(true);
    expect(pseudo).toContain('{{name}}');
    expect(pseudo).not.toMatch(/Delete/);
    expect(pseudo.length).toBeGreaterThanOrEqual(Math.ceil(text.length * 1.4));
    expect(pseudoLocalize('$t(common.close) now')).toContain('$t(common.close)');
  });

  it('covers every English key', () => {
    expect([...flattenTexts(pseudoTexts(en)).keys()]).toEqual([...flattenTexts(en).keys()]);
  });
});

describe('the language chosen when the user has not chosen one', () => {
  it('follows the system: Chinese for any zh-* locale, English otherwise', () => {
    expect(systemLanguage(['zh-CN', 'en'])).toBe('zh-CN');
    expect(systemLanguage(['zh-Hans-CN'])).toBe('zh-CN');
    expect(systemLanguage(['de-DE', 'en-US'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
  });
});
