/**
 * Local day and time in an IANA time zone → the instant it names, with the daylight-saving cases
 * a plan meets: a time in the spring-forward gap does not exist (null), a time in the fall-back
 * overlap names its first occurrence. Pure (Intl only), so the renderer and the main process agree.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock minutes since the epoch that `instant` shows in `timeZone` (its UTC offset applied). */
function wallMinutes(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) / 60_000;
}

/** "HH:MM" of minutes since midnight (a day's minutes wrap at 24 h): the inverse of minutesOf. */
export const timeOfDay = (minutes: number): string => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Minutes of a "HH:MM" time, or null when it is not one. */
export function minutesOf(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/**
 * The instant (ms since the epoch) of `time` on `day` in `timeZone`; null when that local time does
 * not exist there (the hour skipped when clocks go forward) or the inputs are not a day and a time.
 */
export function instantOf(day: string, time: string, timeZone: string): number | null {
  const dayMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const minutes = minutesOf(time);
  if (!dayMatch || minutes === null) return null;
  const wall = Date.UTC(Number(dayMatch[1]), Number(dayMatch[2]) - 1, Number(dayMatch[3])) / 60_000 + minutes;
  // Try the offsets in force just before and just after: one fits, both (fall-back overlap: take
  // the earlier instant), or none (the spring-forward gap).
  const candidates = new Set<number>();
  for (const probe of [wall - 24 * 60, wall + 24 * 60]) {
    const offset = wallMinutes(probe * 60_000, timeZone) - probe;
    candidates.add(wall - offset);
  }
  const fits = [...candidates].filter((instant) => wallMinutes(instant * 60_000, timeZone) === wall).sort((a, b) => a - b);
  return fits.length ? fits[0]! * 60_000 : null;
}
