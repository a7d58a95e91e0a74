import { intlLocale } from '../i18n/locale.ts';

/**
 * Display helpers: sizes, days and instants as auditors read them, in the interface language's
 * conventions (7 Dec 2026 / 2026年12月7日; 24-hour times). Formatters are made per locale and kept.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, make: (locale: string) => T): T {
  const locale = intlLocale();
  const key = `${kind}:${locale}`;
  let made = cache.get(key) as T | undefined;
  if (!made) cache.set(key, (made = make(locale)));
  return made;
}

const dayFormat = () =>
  formatter('day', (locale) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));
const instantFormat = () =>
  formatter('instant', (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }));

export function formatNumber(value: number): string {
  return formatter('number', (locale) => new Intl.NumberFormat(locale)).format(value);
}

/** Sizes in binary units as file managers show them (5.0 MB); gigabytes without a needless .0 (2 GB, 1.5 GB). */
export function formatBytes(bytes: number): string {
  const [value, unit, minDigits, maxDigits] =
    bytes < 1024
      ? [bytes, 'byte', 0, 0]
      : bytes < 1024 ** 2
        ? [bytes / 1024, 'kilobyte', 0, 0]
        : bytes < 1024 ** 3
          ? [bytes / 1024 ** 2, 'megabyte', 1, 1]
          : [bytes / 1024 ** 3, 'gigabyte', 0, 1];
  // Bytes are written out ("153 bytes", "153字节"): ICU's short form is the bare unit name ("153 byte").
  const unitDisplay = unit === 'byte' ? 'long' : 'short';
  return formatter(`bytes-${unit}`, (locale) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay, maximumFractionDigits: maxDigits, minimumFractionDigits: minDigits }),
  ).format(value);
}

/** A calendar date (YYYY-MM-DD) as a day: no time zone shift, it is a day not an instant. */
function dayDate(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

export function formatDay(day: string): string {
  const date = dayDate(day);
  return date ? dayFormat().format(date) : day;
}

/**
 * Audit days as a range. English writes shared parts once (7 – 9 Dec 2026); ICU's Chinese range
 * pattern falls back to 2026/12/7 – 2026/12/9, so Chinese joins two full days with 至, as reports do.
 */
export function formatDayRange(start: string, end: string): string {
  const from = dayDate(start);
  const to = dayDate(end);
  if (start === end) return formatDay(start);
  if (from && to && to > from && intlLocale().startsWith('en')) return dayFormat().formatRange(from, to);
  return `${formatDay(start)}${intlLocale().startsWith('zh') ? '至' : ' – '}${formatDay(end)}`;
}

/** An instant in the viewer's local time. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : instantFormat().format(date);
}

export function formatPercent(share: number): string {
  return formatter('percent', (locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(share);
}

/**
 * A duration (time left on long work) as the language writes it: 1 min 20 secs / 1分钟20秒, at most
 * two units, rounded. Units through Intl.NumberFormat joined by Intl.ListFormat — what
 * Intl.DurationFormat does, which Node 22 (where the unit tests run) does not have.
 */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(1, Math.round(totalSeconds));
  const parts: [number, 'hour' | 'minute' | 'second'][] =
    seconds >= 3600
      ? [[Math.floor(seconds / 3600), 'hour'], [Math.round((seconds % 3600) / 60), 'minute']]
      : seconds >= 60
        ? [[Math.floor(seconds / 60), 'minute'], [seconds % 60, 'second']]
        : [[seconds, 'second']];
  const locale = intlLocale();
  const units = parts
    .filter(([value], index) => index === 0 || value > 0)
    .map(([value, unit]) => formatter(`unit-${unit}`, (l) => new Intl.NumberFormat(l, { style: 'unit', unit, unitDisplay: 'short' })).format(value));
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(units);
}

/** A suggested file name made safe for every file system: no path or reserved characters, one space between words, at most 120 characters. */
export const safeFileName = (text: string): string => text.replace(/[/\\:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
