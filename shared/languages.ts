/**
 * The interface languages an installation can choose (BCP 47). Checklist packs tag their own texts
 * separately (`zh-Hans`): the interface language never changes what an engagement records.
 */
export const INTERFACE_LANGUAGES = ['en', 'zh-CN'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

export function isInterfaceLanguage(value: unknown): value is InterfaceLanguage {
  return (INTERFACE_LANGUAGES as readonly unknown[]).includes(value);
}
