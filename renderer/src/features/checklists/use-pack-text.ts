import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn, type ChecklistPack, type LocalizedText } from '../../../../shared/checklist/pack.ts';

/** A pack's texts in the UI language, else the pack's default language. */
export function usePackText(pack: ChecklistPack): (text: LocalizedText | undefined) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useCallback((text) => textIn(text, language, pack.defaultLanguage), [language, pack.defaultLanguage]);
}
