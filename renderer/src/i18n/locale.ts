import i18next from 'i18next';
import { PSEUDO_LOCALE } from './pseudo.ts';

/**
 * The locale Intl formats with: the interface language (English as en-GB: day month year and
 * 24-hour times, as audit documents write them; the pseudo-locale formats as English).
 */
export function intlLocale(): string {
  const language = i18next.language || 'en';
  if (language === 'en' || language === PSEUDO_LOCALE) return 'en-GB';
  return language;
}

const collators = new Map<string, Intl.Collator>();

/** Compares names as the interface language sorts them (Chinese by pinyin, English by letters). */
export function compareNames(a: string, b: string): number {
  const locale = intlLocale();
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })));
  return collator.compare(a, b);
}
