import type { TFunction } from 'i18next';
import { AUDIT_TYPES, STANDARD_EDITIONS } from '../../../shared/engagement.ts';
import type { Strings } from '../i18n/en/index.ts';

/** Select options, labelled through i18n. */
export const auditTypeOptions = (t: TFunction) => AUDIT_TYPES.map((value) => ({ value, label: t(`auditType.${value}`) }));
/** i18next reads ':' and '.' in keys as separators, so edition values are looked up by a safe key. */
export const editionKey = (edition: string) => `edition.${edition.replace(/[^A-Za-z0-9]/g, '_')}` as `edition.${keyof Strings['edition']}`;
export const editionOptions = (t: TFunction) => STANDARD_EDITIONS.map((value) => ({ value, label: t(editionKey(value)) }));

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
