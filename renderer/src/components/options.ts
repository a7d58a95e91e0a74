import type { TFunction } from 'i18next';
import { DOCUMENT_LANGUAGES, LANGUAGE_NAMES, type DocumentLanguage } from '../../../shared/documents/plan-input.ts';
import { OFFERED_AUDIT_TYPES, STANDARD_EDITIONS, type AuditType } from '../../../shared/engagement.ts';
import type { Strings } from '../i18n/en/index.ts';
import { intlLocale } from '../i18n/locale.ts';

/** Select options, labelled through i18n. */
/** The audit types offered, plus the stored one when it is no longer offered (an older file's 'transfer'). */
export const auditTypeOptions = (t: TFunction, stored?: AuditType) =>
  (stored && !(OFFERED_AUDIT_TYPES as readonly string[]).includes(stored) ? [...OFFERED_AUDIT_TYPES, stored] : OFFERED_AUDIT_TYPES).map((value) => ({
    value,
    label: t(`auditType.${value}`),
  }));
/** i18next reads ':' and '.' in keys as separators, so edition values are looked up by a safe key. */
export const editionKey = (edition: string) => `edition.${edition.replace(/[^A-Za-z0-9]/g, '_')}` as `edition.${keyof Strings['edition']}`;
export const editionOptions = (t: TFunction) => STANDARD_EDITIONS.map((value) => ({ value, label: t(editionKey(value)) }));

/** The document languages to choose from, each named in itself (whoever reads the list finds theirs). */
export const documentLanguageOptions = () => DOCUMENT_LANGUAGES.map((tag) => ({ value: tag, label: LANGUAGE_NAMES[tag] }));
/** A document language named in the interface's language, for sentences; an unknown tag as it is. */
export const documentLanguageName = (t: TFunction, tag: string): string =>
  (DOCUMENT_LANGUAGES as readonly string[]).includes(tag) ? t(`common.documentLanguage.${tag === 'zh-Hans' ? 'zh_Hans' : (tag as 'en')}`) : tag;
/** "The certification body reports in: …", the languages named in the interface's language (none: no hint). */
export const reportLanguagesHint = (t: TFunction, tags: readonly DocumentLanguage[]): string | undefined =>
  tags.length ? t('plan.export.languageHint', { languages: tags.map((tag) => documentLanguageName(t, tag)).join(t('common.listSeparator')) }) : undefined;

let zones: string[] | null = null;
/**
 * Every IANA time zone the runtime knows, plus UTC (Chromium lists only canonical zones) and the
 * value already stored, so a Select never shows an empty field for a valid zone.
 */
export function timeZoneOptions(current?: string): string[] {
  zones ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * A Select's options plus the value already stored when this version does not know it (a file from
 * an older or newer version): shown as stored, never as an empty field, and kept unless changed.
 */
export function withStoredValue(options: readonly { value: string; label: string }[], stored: string | null | undefined): { value: string; label: string }[] {
  return stored && !options.some((option) => option.value === stored) ? [...options, { value: stored, label: stored }] : [...options];
}

/** Languages audits are commonly held in (BCP 47); any other stored tag is kept and shown. */
const AUDIT_LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ja', 'ko', 'ar', 'ru', 'tr', 'sv', 'da', 'fi', 'no', 'cs', 'hu', 'ro', 'el', 'he', 'hi', 'th', 'vi', 'id', 'ms'];

/** The audit language choices, each named in the interface language (English, 中文（中国）…). */
export function auditLanguageOptions(stored: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([intlLocale()], { type: 'language' });
  const name = (tag: string): string => {
    try {
      return names.of(tag) ?? tag;
    } catch {
      return tag;
    }
  };
  return withStoredValue(AUDIT_LANGUAGES.map((tag) => ({ value: tag, label: name(tag) })), stored).map((option) => ({ ...option, label: name(option.value) }));
}
