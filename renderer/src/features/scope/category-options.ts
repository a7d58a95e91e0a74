import type { TFunction } from 'i18next';
import { SERVICE_CATEGORIES, isServiceCategory } from '../../../../shared/scope/service-categories.ts';

/** The eight IT-service categories as options: the stored key, the label in the interface language. */
export const categoryOptions = (t: TFunction) => SERVICE_CATEGORIES.map((value) => ({ value, label: t(`scope.category.${value}`) }));

/** What a stored category reads as: a known key in the interface language, free text as typed. */
export const categoryLabel = (t: TFunction, value: string): string => (isServiceCategory(value) ? t(`scope.category.${value}`) : value);

const comparable = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * What to store for a category typed rather than picked: the key when the text is a known
 * category's name in one of the languages given (the interface language, English), else the text.
 */
export function toStoredCategory(typed: string, languages: readonly TFunction[]): string {
  const text = typed.trim();
  if (isServiceCategory(text)) return text;
  const wanted = comparable(text);
  for (const t of languages) {
    const match = SERVICE_CATEGORIES.find((key) => comparable(t(`scope.category.${key}`)) === wanted);
    if (match) return match;
  }
  return text;
}
