/**
 * The interface languages an installation can choose (BCP 47). Checklist packs tag their own texts
 * separately (`zh-Hans`): the interface language never changes what an engagement records.
 */
export const INTERFACE_LANGUAGES = ['en', 'zh-CN'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

/**
 * The tags a pack text may carry for a language, best first: the interface says zh-CN (a locale),
 * packs say zh-Hans (a script), and either may say plain zh; en-GB finds en.
 */
export function textLanguagesFor(language: string): string[] {
  const tags = [language];
  const lower = language.toLowerCase();
  if (lower === 'zh-cn' || lower === 'zh-sg') tags.push('zh-Hans');
  if (lower === 'zh-hans') tags.push('zh-CN');
  const base = language.split('-')[0]!;
  if (base !== language) tags.push(base);
  return tags;
}

export function isInterfaceLanguage(value: unknown): value is InterfaceLanguage {
  return (INTERFACE_LANGUAGES as readonly unknown[]).includes(value);
}
