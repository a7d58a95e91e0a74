import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en/index.ts';
import { PSEUDO_LOCALE, pseudoTexts } from './pseudo.ts';

// Counts in strings go through i18next's Intl number formatter in the interface language.
describe('numbers inside strings', () => {
  it('are grouped as the language writes them, also under the pseudo-locale', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'en',
      resources: { en: { translation: en }, [PSEUDO_LOCALE]: { translation: pseudoTexts(en) } },
      interpolation: { escapeValue: false },
    });
    expect(i18n.t('overview.fileCheck.ok', { entries: 123456 })).toBe('all 123,456 recorded changes check out');
    await i18n.changeLanguage(PSEUDO_LOCALE);
    expect(i18n.t('overview.fileCheck.ok', { entries: 123456 })).toContain('123,456');
  });
});
