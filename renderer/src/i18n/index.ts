import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { InterfaceLanguage } from '../../../shared/languages.ts';
import { en } from './en/index.ts';
import { LANGUAGES, systemLanguage } from './languages.ts';
import { PSEUDO_LOCALE, pseudoTexts } from './pseudo.ts';

/** Developers and the pseudo-locale sweep turn the pseudo-locale on with this key in localStorage. */
export const PSEUDO_FLAG = 'aw.pseudoLocale';

function pseudoOn(): boolean {
  try {
    return localStorage.getItem(PSEUDO_FLAG) === '1';
  } catch {
    return false;
  }
}

/**
 * i18next from the first screen, in the system's language until the installation says which one
 * its user chose (applyLanguage). Missing keys fall back to English, never to the key itself.
 */
export async function initI18n(): Promise<void> {
  const resources: Record<string, { translation: object }> = Object.fromEntries(LANGUAGES.map((l) => [l.id, { translation: l.texts }]));
  // Built only when asked for: every start would otherwise rewrite every string for nothing.
  if (pseudoOn()) resources[PSEUDO_LOCALE] = { translation: pseudoTexts(en) };
  await i18next.use(initReactI18next).init({
    lng: startLanguage(null),
    fallbackLng: 'en',
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}

function startLanguage(chosen: InterfaceLanguage | null): string {
  if (pseudoOn()) return PSEUDO_LOCALE;
  return chosen ?? systemLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);
}

/**
 * Switches the interface language at once, without a restart: every component re-renders through
 * useTranslation, and `lang` on the page lets the browser pick Chinese glyph forms and line breaks.
 */
export async function applyLanguage(chosen: InterfaceLanguage | null): Promise<void> {
  const language = startLanguage(chosen);
  if (i18next.language !== language) await i18next.changeLanguage(language);
  document.documentElement.lang = language === PSEUDO_LOCALE ? 'en' : language;
}

export { i18next };
