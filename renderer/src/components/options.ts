import type { TFunction } from 'i18next';
import { AUDIT_TYPES, STANDARD_EDITIONS } from '../../../shared/engagement.ts';

/** Select options, labelled through i18n. */
export const auditTypeOptions = (t: TFunction) => AUDIT_TYPES.map((value) => ({ value, label: t(`auditType.${value}`) }));
export const editionOptions = (t: TFunction) => STANDARD_EDITIONS.map((value) => ({ value, label: t(`edition.${value}`) }));

let zones: string[] | null = null;
/** Every IANA time zone the runtime knows. */
export function timeZoneOptions(): string[] {
  zones ??= Intl.supportedValuesOf('timeZone');
  return zones;
}

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
