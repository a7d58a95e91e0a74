/**
 * Choosing the records to look at on the auditee's screen (issue 15): ids pasted from anywhere (a
 * spreadsheet column, an e-mail, a ticket list), a range of consecutive ids, every n-th id of a
 * numbered range, or one id typed. Pure: no Node, no DOM. The screens word the errors.
 *
 * An id is kept as written (case, zero padding, prefix): the record's natural key is (process, id),
 * so `CHG-010` and `chg-010` are different records, exactly as the auditee's tool shows them.
 */

/** The longest record id a record seen can hold (record_seen.record_ref). */
export const MAX_RECORD_ID = 200;
/** The most ids one range or every-n-th selection may produce: more is a typo in an end, not a sample. */
export const MAX_RANGE = 1000;

export type SelectionError =
  | { readonly code: 'empty' }
  | { readonly code: 'tooLong'; readonly id: string }
  | { readonly code: 'noNumber'; readonly id: string }
  | { readonly code: 'notSameSeries'; readonly from: string; readonly to: string }
  | { readonly code: 'reversed'; readonly from: string; readonly to: string }
  | { readonly code: 'tooMany'; readonly count: number; readonly max: number }
  | { readonly code: 'badStep' }
  | { readonly code: 'startOutside'; readonly start: string; readonly from: string; readonly to: string };

export type SelectionResult =
  | { readonly ok: true; readonly ids: string[]; /** Words of a paste taken for labels, not ids (see parsePastedIds). */ readonly ignored?: string[] }
  | { readonly ok: false; readonly error: SelectionError };

/**
 * What separates pasted ids: whitespace of any kind (tabs and line breaks from a spreadsheet),
 * commas, semicolons and pipes, in their full-width Chinese forms too, the enumeration comma 、 and the
 * full-width colon of `变更单：CHG-1`.
 */
const SEPARATORS = /[\s,;|，；、｜：]+/u;
/** Wrapping a pasted id may carry: quotes and brackets from a CSV or a sentence. */
const WRAPPING = /^["'“”‘’«»()[\]{}<>（）【】《》]+|["'“”‘’«»()[\]{}<>（）【】《》.。:：]+$/gu;

/**
 * One id as typed or pasted: trimmed, a leading `#` dropped (the notebook's mark), quotes and
 * brackets around it dropped. Empty when nothing is left.
 */
export function cleanId(raw: string): string {
  let id = raw.trim().replace(WRAPPING, '');
  if (id.startsWith('#')) id = id.slice(1);
  return id.replace(WRAPPING, '').trim();
}

const DIGIT = /\p{Nd}/u;
const tooLong = (ids: readonly string[]): string | undefined => ids.find((id) => id.length > MAX_RECORD_ID);

/**
 * Every id in a pasted text, in order of first appearance, each once. When some of the words hold a
 * digit, words without one are column headings or labels (`Number`, `变更单`, `Changes:`), not ids:
 * they are left out and listed in `ignored`, for the screen to show. Otherwise nothing is lost: every
 * token between separators that is not empty after `cleanId` is in the result.
 */
export function parsePastedIds(text: string): SelectionResult {
  const words: string[] = [];
  const seen = new Set<string>();
  for (const token of text.split(SEPARATORS)) {
    const id = cleanId(token);
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    words.push(id);
  }
  const numbered = words.some((word) => DIGIT.test(word));
  const ids = numbered ? words.filter((word) => DIGIT.test(word)) : words;
  const ignored = numbered ? words.filter((word) => !DIGIT.test(word)) : [];
  if (ids.length === 0) return { ok: false, error: { code: 'empty' } };
  const long = tooLong(ids);
  return long ? { ok: false, error: { code: 'tooLong', id: long } } : { ok: true, ids, ignored };
}

/** One id typed by hand. */
export function parseSingleId(text: string): SelectionResult {
  const id = cleanId(text);
  if (id === '') return { ok: false, error: { code: 'empty' } };
  if (id.length > MAX_RECORD_ID) return { ok: false, error: { code: 'tooLong', id } };
  return { ok: true, ids: [id] };
}

/** An id cut at its last run of digits: `CHG-10400` → `CHG-` + `10400` + ``; `INC0012345-A` → `INC` + `0012345` + `-A`. */
export interface NumberedId {
  readonly prefix: string;
  readonly digits: string;
  readonly suffix: string;
}

export function splitNumberedId(id: string): NumberedId | null {
  const match = /^(.*?)(\d+)(\D*)$/u.exec(id);
  if (!match) return null;
  return { prefix: match[1]!, digits: match[2]!, suffix: match[3]! };
}

/** Range separators: `..`, `…`, en and em dashes, `~`, `～`, ` to `, `至`, `到` (a plain `-` belongs to ids). */
const RANGE_SEPARATOR = /\s*(?:\.\.+|…|–|—|~|～|至|到)\s*|\s+to\s+/iu;

/** `CHG-10400..CHG-10410` (or `CHG-10400 – CHG-10410`, `CHG-10400 至 CHG-10410`) as its two ends, or null. */
export function splitRangeText(text: string): { from: string; to: string } | null {
  const parts = text.trim().split(RANGE_SEPARATOR);
  if (parts.length !== 2) return null;
  const [from, to] = [cleanId(parts[0]!), cleanId(parts[1]!)];
  return from && to ? { from, to } : null;
}

interface Series {
  readonly prefix: string;
  readonly suffix: string;
  readonly width: number;
  readonly first: bigint;
  readonly last: bigint;
}

/**
 * The series two ends belong to: the same prefix and suffix (compared exactly), numbers padded with
 * zeros as the first end is.
 */
function seriesOf(from: string, to: string): { ok: true; series: Series } | { ok: false; error: SelectionError } {
  for (const id of [from, to]) if (id.length > MAX_RECORD_ID) return { ok: false, error: { code: 'tooLong', id } };
  const a = splitNumberedId(from);
  if (!a) return { ok: false, error: { code: 'noNumber', id: from } };
  const b = splitNumberedId(to);
  if (!b) return { ok: false, error: { code: 'noNumber', id: to } };
  if (a.prefix !== b.prefix || a.suffix !== b.suffix) return { ok: false, error: { code: 'notSameSeries', from, to } };
  const [first, last] = [BigInt(a.digits), BigInt(b.digits)];
  if (last < first) return { ok: false, error: { code: 'reversed', from, to } };
  // Padded as the first end is: `0098..0102` keeps four digits; `98..102` none (ends of one width need none either).
  const padded = a.digits.length > 1 && a.digits.startsWith('0');
  const width = padded || a.digits.length === b.digits.length ? a.digits.length : 0;
  return { ok: true, series: { prefix: a.prefix, suffix: a.suffix, width, first, last } };
}

const idIn = (series: Series, n: bigint): string => `${series.prefix}${n.toString().padStart(series.width, '0')}${series.suffix}`;

/**
 * Every id from `from` to `to`, both included: `CHG-10400..CHG-10410` gives 11 ids. The two ends
 * must differ only in their last run of digits.
 */
export function expandRange(from: string, to: string): SelectionResult {
  const [a, b] = [cleanId(from), cleanId(to)];
  if (a === '' || b === '') return { ok: false, error: { code: 'empty' } };
  const found = seriesOf(a, b);
  if (!found.ok) return found;
  const { series } = found;
  const count = series.last - series.first + 1n;
  if (count > BigInt(MAX_RANGE)) return { ok: false, error: { code: 'tooMany', count: Number(count), max: MAX_RANGE } };
  const ids: string[] = [];
  for (let n = series.first; n <= series.last; n++) ids.push(idIn(series, n));
  return { ok: true, ids };
}

/**
 * Every `step`-th id of the range `from..to`, starting at `start` (default: `from`), which must be
 * inside the range and in the same series: `CHG-10400..CHG-10499`, every 10th from `CHG-10403` gives
 * CHG-10403, CHG-10413, … CHG-10493.
 */
export function everyNth(from: string, to: string, step: number, start?: string): SelectionResult {
  const [a, b] = [cleanId(from), cleanId(to)];
  if (a === '' || b === '') return { ok: false, error: { code: 'empty' } };
  if (!Number.isSafeInteger(step) || step < 1) return { ok: false, error: { code: 'badStep' } };
  const found = seriesOf(a, b);
  if (!found.ok) return found;
  const { series } = found;
  let begin = series.first;
  const s = start === undefined ? '' : cleanId(start);
  if (s !== '') {
    const parts = splitNumberedId(s);
    if (!parts || parts.prefix !== series.prefix || parts.suffix !== series.suffix) return { ok: false, error: { code: 'startOutside', start: s, from: a, to: b } };
    begin = BigInt(parts.digits);
    if (begin < series.first || begin > series.last) return { ok: false, error: { code: 'startOutside', start: s, from: a, to: b } };
  }
  const count = (series.last - begin) / BigInt(step) + 1n;
  if (count > BigInt(MAX_RANGE)) return { ok: false, error: { code: 'tooMany', count: Number(count), max: MAX_RANGE } };
  const ids: string[] = [];
  for (let n = begin; n <= series.last; n += BigInt(step)) ids.push(idIn(series, n));
  return { ok: true, ids };
}

/** The ids of a selection that are new to a list, and those it already holds (each once, in selection order). */
export function splitNew(selected: readonly string[], existing: Iterable<string>): { fresh: string[]; already: string[] } {
  const known = new Set(existing);
  const fresh: string[] = [];
  const already: string[] = [];
  const seen = new Set<string>();
  for (const id of selected) {
    if (seen.has(id)) continue;
    seen.add(id);
    (known.has(id) ? already : fresh).push(id);
  }
  return { fresh, already };
}
