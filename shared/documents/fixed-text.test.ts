import { describe, expect, it } from 'vitest';
import { DOCUMENT_LANGUAGES } from './plan-input.ts';
import { FIXED_TEXTS, fillText, fixedText, placeholdersOf } from './fixed-text.ts';

const HAN = /\p{Script=Han}/u;
const keys = Object.keys(FIXED_TEXTS.en).sort();

describe('fixed texts of the document engine', () => {
  it.each(DOCUMENT_LANGUAGES)('%s has every key and no other', (language) => {
    expect(Object.keys(FIXED_TEXTS[language]).sort()).toEqual(keys);
  });

  it.each(DOCUMENT_LANGUAGES)('%s: no text is empty', (language) => {
    expect(keys.filter((key) => !FIXED_TEXTS[language][key as keyof (typeof FIXED_TEXTS)['en']].trim())).toEqual([]);
  });

  it('every language takes the same values as English', () => {
    const problems = DOCUMENT_LANGUAGES.flatMap((language) =>
      keys.flatMap((key) => {
        const k = key as keyof (typeof FIXED_TEXTS)['en'];
        const expected = placeholdersOf(FIXED_TEXTS.en[k]).sort();
        const actual = placeholdersOf(FIXED_TEXTS[language][k]).sort();
        return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [`${language} ${key}: ${actual.join(',')} ≠ ${expected.join(',')}`];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('the Chinese texts are written in Chinese (symbols and values aside)', () => {
    const latinOnly = keys.filter((key) => {
      const text = FIXED_TEXTS['zh-Hans'][key as keyof (typeof FIXED_TEXTS)['en']].replace(/\{\w+\}/g, '');
      return /[A-Za-z]{3,}/.test(text.replace(/CNAS|CNCA|CCAA|IAF|MD/g, '')) || (!HAN.test(text) && /[A-Za-z]/.test(text));
    });
    expect(latinOnly).toEqual([]);
  });

  it('never says 不合格 or 审核方案 in the plan', () => {
    const all = Object.values(FIXED_TEXTS['zh-Hans']).join('\n');
    expect(all).not.toContain('不合格');
    expect(all).not.toContain('审核方案');
  });

  it('fills values and refuses a missing one', () => {
    expect(fixedText('en')('engine.pageNumber', { page: 2, pages: 7 })).toBe('Page 2 of 7');
    expect(fixedText('zh-Hans')('engine.pageNumber', { page: 2, pages: 7 })).toBe('第 2 页，共 7 页');
    expect(() => fillText('Page {page}')).toThrow(/page/);
  });
});
