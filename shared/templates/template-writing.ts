/**
 * How values are written into a CB's template, in the template's own language (a BCP 47 tag from the
 * profile: 'en', 'zh-Hans', 'de' …): dates, weekdays, date ranges, numbers and lists. Pure, built on
 * Intl, so the desktop app and the browser host write the same text.
 *
 * Calendar dates (YYYY-MM-DD) are formatted as dates at UTC midnight with timeZone 'UTC': a date is a
 * day on the audit's calendar, never an instant, so no time zone may move it to the day before.
 */
export interface TemplateWriting {
  /** 15 March 2027 · 2027年3月15日 */
  date(iso: string): string;
  /** Monday · 星期一 */
  weekday(iso: string): string;
  /** 15 – 17 March 2027 · 2027年3月15日至17日 (one date when both are the same). */
  dateRange(from: string, until: string): string;
  /** The calendar date of a UTC instant in a time zone (UTC when the zone is not known to Intl). */
  dateOfInstant(instant: string, timeZone: string): string;
  /** 2.5 · 2.5 (at most two decimals; auditor-days are in hundredths). */
  number(value: number): string;
  /** "a, b, c" · "a、b、c" */
  list(items: readonly string[]): string;
  /** "Name (Role)" · "Name（Role）" */
  withRole(name: string, role: string): string;
}

/**
 * The Intl locale for a template language. Plain 'en' writes day-month-year ("15 March 2027"): an
 * audit plan goes to clients worldwide, and 3/4/2027 means two different days on either side of the
 * Atlantic. A tag Intl does not know falls back to that too.
 */
function intlLocale(language: string): string {
  if (language === 'en') return 'en-GB';
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([language]).length ? language : 'en-GB';
  } catch {
    return 'en-GB';
  }
}

const isEastAsian = (language: string): boolean => /^(zh|ja)(-|$)/i.test(language);

const utcDate = (iso: string): Date => {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
};

const validDate = (iso: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(utcDate(iso).getTime());

export function templateWriting(language: string): TemplateWriting {
  const locale = intlLocale(language);
  const dateFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const weekdayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false });
  const eastAsian = isEastAsian(language);
  const chinese = /^zh(-|$)/i.test(language);
  // An empty or malformed date stays as it is (the plan's own checks report it); the fill never throws on data.
  const date = (iso: string): string => (validDate(iso) ? dateFormat.format(utcDate(iso)) : iso);
  return {
    date,
    weekday: (iso) => (validDate(iso) ? weekdayFormat.format(utcDate(iso)) : ''),
    dateRange(from, until) {
      if (!validDate(from) || !validDate(until)) return [from, until].filter(Boolean).join(' – ');
      if (from === until) return date(from);
      if (until < from) return `${date(from)} – ${date(until)}`;
      return chinese ? chineseRange(from, until) : dateFormat.formatRange(utcDate(from), utcDate(until));
    },
    dateOfInstant(instant, timeZone) {
      const moment = new Date(instant);
      if (Number.isNaN(moment.getTime())) return '';
      const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };
      try {
        return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(moment);
      } catch {
        return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(moment);
      }
    },
    number: (value) => numberFormat.format(value),
    list: (items) => items.filter((item) => item !== '').join(eastAsian ? '、' : ', '),
    withRole: (name, role) => (role ? (eastAsian ? `${name}（${role}）` : `${name} (${role})`) : name),
  };
}

/**
 * Chinese date ranges as Chinese documents write them (2027年3月15日至17日): ICU's range format for zh
 * falls back to numeric dates (2027/3/15 – 2027/3/17), which a Chinese audit plan never uses.
 */
function chineseRange(from: string, until: string): string {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = until.split('-').map(Number);
  const start = `${y1}年${m1}月${d1}日`;
  if (y1 !== y2) return `${start}至${y2}年${m2}月${d2}日`;
  if (m1 !== m2) return `${start}至${m2}月${d2}日`;
  return `${start}至${d2}日`;
}
