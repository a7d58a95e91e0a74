import type { InterfaceLanguage } from '../../../shared/languages.ts';
import { en } from './en/index.ts';
import { coverage } from './keys.ts';
import { zhCN } from './zh-CN/index.ts';

export interface LanguageChoice {
  readonly id: InterfaceLanguage;
  /** The language's name in itself: the same in every interface language, so anyone finds theirs. */
  readonly autonym: string;
  readonly texts: object;
  /** Complete languages fail the key-parity test for any missing key; others show English for it. */
  readonly complete: boolean;
}

/** The interface languages, in the chooser's order. */
export const LANGUAGES: readonly LanguageChoice[] = [
  { id: 'en', autonym: 'English', texts: en, complete: true },
  { id: 'zh-CN', autonym: '简体中文', texts: zhCN, complete: true },
];

/** Share of English's keys a language has (plural-aware), for the "partly translated" mark. */
export function languageCoverage(choice: LanguageChoice): number {
  return coverage(en, choice.texts, choice.id);
}

/** The system's language when the user has not chosen one: Chinese for any zh-* locale, else English. */
export function systemLanguage(preferred: readonly string[]): InterfaceLanguage {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
