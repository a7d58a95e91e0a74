/**
 * Dates, times, durations and numbers as a document prints them, per language: "7 Dec 2026" and
 * "2026年12月7日". Written out by hand rather than through Intl's locale data, so a document reads the
 * same on every machine and Node or Chromium version; Intl is used only to find a time zone's offset.
 */
import { fillText, fixedText } from './fixed-text.ts';
import { minutesOf as localMinutes } from '../plan/local-time.ts';
import type { DocumentLanguage } from './plan-input.ts';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function parts(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Not a calendar date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** A calendar date (YYYY-MM-DD): en "7 Dec 2026", zh "2026年12月7日". */
export function formatDate(date: string, language: DocumentLanguage): string {
  const { year, month, day } = parts(date);
  return language === 'en' ? `${day} ${MONTHS_EN[month - 1]} ${year}` : `${year}年${month}月${day}日`;
}

/**
 * A range of calendar dates as a lead auditor writes it, the shared parts once: en "7–10 Dec 2026",
 * "30 Nov – 2 Dec 2026", "29 Dec 2026 – 2 Jan 2027"; zh "2026年12月7日至10日", "2026年11月30日至12月2日",
 * "2026年12月29日至2027年1月2日". One day (or no end) is that day.
 */
export function formatDateRange(start: string, end: string, language: DocumentLanguage): string {
  if (!end || start === end) return formatDate(start, language);
  const from = parts(start);
  const to = parts(end);
  if (language === 'en') {
    if (from.year !== to.year) return `${formatDate(start, language)} – ${formatDate(end, language)}`;
    if (from.month !== to.month) return `${from.day} ${MONTHS_EN[from.month - 1]} – ${formatDate(end, language)}`;
    return `${from.day}–${formatDate(end, language)}`;
  }
  if (from.year !== to.year) return `${formatDate(start, language)}至${formatDate(end, language)}`;
  return from.month !== to.month ? `${formatDate(start, language)}至${to.month}月${to.day}日` : `${formatDate(start, language)}至${to.day}日`;
}

/** With the weekday: en "Monday 7 Dec 2026", zh "2026年12月7日（星期一）". */
export function formatDateWithWeekday(date: string, language: DocumentLanguage): string {
  const { year, month, day } = parts(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return language === 'en' ? `${WEEKDAYS_EN[weekday]} ${formatDate(date, language)}` : `${formatDate(date, language)}（${WEEKDAYS_ZH[weekday]}）`;
}

/** A UTC instant as the date and time it was in a time zone: en "1 Dec 2026 14:05", zh "2026年12月1日 14:05". */
export function formatInstant(instant: string, timeZone: string, language: DocumentLanguage): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`Not an instant: ${instant}`);
  const fields = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string): string => fields.find((p) => p.type === type)?.value ?? '';
  return `${formatDate(`${get('year')}-${get('month')}-${get('day')}`, language)} ${get('hour')}:${get('minute')}`;
}

/** An offset from UTC in minutes as documents print it: "UTC+0", "UTC+8", "UTC-5", "UTC+5:30". */
export function utcOffsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** A time zone's offset from UTC on a day, as documents print it ("UTC+0" for Europe/London in December, "UTC+8" for Asia/Shanghai). */
export function timeZoneOffsetText(timeZone: string, day: string): string {
  const { year, month, day: date } = parts(day);
  const noon = Date.UTC(year, month - 1, date, 12);
  const fields = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(noon));
  const get = (type: string): number => Number(fields.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return utcOffsetText(Math.round((local - noon) / 60_000));
}

/** Minutes from midnight of a local time "HH:MM" (the plan's parser; a document has only valid times). */
export function minutesOf(time: string): number {
  const minutes = localMinutes(time);
  if (minutes === null) throw new Error(`Not a local time: ${time}`);
  return minutes;
}

/** A duration in minutes: en "1 h 30 min", zh "1小时30分钟". */
export function formatDuration(minutes: number, language: DocumentLanguage): string {
  const t = fixedText(language);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('time.minutes', { minutes: rest });
  if (rest === 0) return t('time.hours', { hours });
  return t('time.hoursMinutes', { hours, minutes: rest });
}

/** Auditor-days and other quantities: at most two decimals, no trailing zeros ("1.5", "2"). */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Items joined the language's way: en "a, b, c", zh "a、b、c". */
export function joinList(items: readonly string[], language: DocumentLanguage): string {
  return items.join(fixedText(language)('engine.listSeparator'));
}

/** The "Page X of Y" text split around its page fields, for the renderers' running footer. */
export function pageNumberParts(template: string): (string | { field: 'page' } | { field: 'pages' })[] {
  const result: (string | { field: 'page' } | { field: 'pages' })[] = [];
  let rest = template;
  for (;;) {
    const match = /\{(page|pages)\}/.exec(rest);
    if (!match) break;
    if (match.index > 0) result.push(rest.slice(0, match.index));
    result.push({ field: match[1] as 'page' | 'pages' });
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) result.push(fillText(rest));
  return result;
}
