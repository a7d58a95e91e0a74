import { intlLocale } from '../../../i18n/locale.ts';

/** A rate as the auditor reads it: 5%, 95%, 4.9% (to a tenth: an upper limit of 4.96% is not 5%). */
export function percent(rate: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** An upper limit shown rounded up (to a hundredth of a percent): it is never shown below what was computed. */
export function percentUp(rate: number): string {
  const up = Math.ceil(rate * 10_000 - 1e-9) / 10_000;
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 2 }).format(up);
}
