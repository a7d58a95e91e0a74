/**
 * The session notebook's marks (issue 15): short marks an auditor types in a notebook entry that become
 * structure — a person (`@Jane Smith, Change manager`), a record id (`#CHG-10422`), a document
 * (`[[Change policy v3.2]]`) and a clause (`§8.5.1`). Pure: no Node, no DOM.
 *
 * The rules (docs/ARCHITECTURE.md, "Fieldwork"):
 * - A sigil (`@`, `#`, `§`, `[[`) starts a mark only at a boundary: at the start of the text or after a
 *   character that is not "glued" to it. Glued are letters, digits and combining marks of scripts that
 *   separate words with spaces (so `C#`, `p.shah@kestrel.example`, `page#top` are not marks) and
 *   `\ / . - _ # & @ ? = % ~ +` (so `http://x/#a`, `?q=#a`, `a.b@c` are not marks). Han, Hiragana and
 *   Katakana are not glued: Chinese and Japanese text has no spaces, so `查看#CHG-1` and `与@王海伦` work.
 * - Escaping: a backslash before the sigil (`\@`, `\#`, `\§`, `\[[`) keeps it ordinary text. This falls
 *   out of the boundary rule (`\` is glued); the backslash stays in the text, nothing is ever removed.
 * - Marks never lose or reorder text: the segments of `parseEntry` rebuild the input exactly.
 */

export type MarkKind = 'person' | 'record' | 'document' | 'clause';

export interface TextSegment {
  readonly kind: 'text';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface MarkBase {
  /** The mark exactly as typed, sigil included: `input.slice(start, end)`. */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

export interface PersonMark extends MarkBase {
  readonly kind: 'person';
  /** Whitespace runs collapsed to one space, trimmed. */
  readonly name: string;
  /** After the first comma (`,` or `，`), or null when there is none. */
  readonly role: string | null;
}

export interface RecordMark extends MarkBase {
  readonly kind: 'record';
  /** Without the `#`. */
  readonly id: string;
}

export interface DocumentMark extends MarkBase {
  readonly kind: 'document';
  /** Whitespace runs collapsed to one space, trimmed. */
  readonly title: string;
}

export interface ClauseMark extends MarkBase {
  readonly kind: 'clause';
  /** `8.5.1`: without the `§` and the optional space. */
  readonly number: string;
}

export type NotebookMark = PersonMark | RecordMark | DocumentMark | ClauseMark;
export type NotebookSegment = TextSegment | NotebookMark;

/** The mark being typed at the caret, for autocomplete. */
export interface MarkInProgress {
  readonly kind: MarkKind;
  /** Where the sigil is (UTF-16 offset, like `selectionStart`); the mark runs from here to the caret. */
  readonly start: number;
  /** What was typed after the sigil up to the caret (for a clause, after the optional space). */
  readonly prefix: string;
}

/* ----------------------------------------------------------------------------------------------- */
/* Characters                                                                                       */

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const LETTER = /^\p{L}$/u;
/** Scripts written without spaces between words: a sigil right after them is still at a boundary. */
const SPACELESS = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC]$/u;
/** URL, e-mail and escape characters: a sigil right after one of them belongs to that token. */
const GLUE = new Set(['\\', '/', '.', '-', '_', '#', '&', '@', '?', '=', '%', '~', '+']);
const LINE_BREAK = /^[\n\r\u2028\u2029\v\f\u0085]$/;
const WHITESPACE = /^\s$/u;
/**
 * Characters that end a person mark wherever they appear: clause and sentence punctuation, brackets.
 * A person mark otherwise runs on (names and roles have spaces), so the auditor closes it with one of
 * these, a line break, a second comma, `. ` or the next mark.
 */
const PERSON_STOP = new Set([
  ';', '；', ':', '：', '、', '(', ')', '（', '）', '[', ']', '【', '】', '!', '?', '！', '？', '。',
]);
const COMMAS = new Set([',', '，']);

/** The code point that ends just before `index`, or undefined at the start. Surrogate-pair aware. */
function codePointBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text.charAt(index - 1);
}

/** The code point that starts at `index`, or undefined at the end. */
function codePointAt(text: string, index: number): string | undefined {
  const cp = text.codePointAt(index);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/** A letter or digit of a script with spaces between words: an id or clause number may not run into it. */
function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch) && !SPACELESS.test(ch);
}

function atBoundary(text: string, index: number): boolean {
  const before = codePointBefore(text, index);
  if (before === undefined) return true;
  return !GLUE.has(before) && !isWordChar(before);
}

function collapse(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/* ----------------------------------------------------------------------------------------------- */
/* The four marks, each tried at one position                                                      */

/**
 * `#TOKEN`: ASCII letters and digits with `- _ . /` inside. ASCII only, because ticketing tools use
 * ASCII ids and it lets Chinese text follow an id without a space (`#CHG-1已关闭`). It must start and end
 * with a letter or digit, so trailing `.`, `,`, `-`, `/` are punctuation (`see #CHG-1.`). `#` followed by
 * a space (a heading, "# of") is not a mark. Digit-only ids (`#10422`) are marks: many tools number
 * records plainly; `\#1` keeps a "#1" as text. An id running straight into a letter (`#café`) is not a
 * mark at all, rather than a truncated one.
 */
const RECORD_ID = /[A-Za-z0-9](?:[A-Za-z0-9_\-./]*[A-Za-z0-9])?/y;

function tryRecord(text: string, at: number): RecordMark | null {
  if (text.charAt(at) !== '#' || !atBoundary(text, at)) return null;
  RECORD_ID.lastIndex = at + 1;
  const m = RECORD_ID.exec(text);
  if (!m) return null;
  const end = at + 1 + m[0].length;
  if (isWordChar(codePointAt(text, end))) return null;
  return { kind: 'record', raw: text.slice(at, end), start: at, end, id: m[0] };
}

/**
 * `§8.5.1`: one or two digits per level, any depth (4, 4.1, 10.2, 8.3.4.1). One space or no-break
 * space after `§` is allowed (`§ 8.5.1`, legal style and word processors write it so); the space is part
 * of `raw`, not of `number`. A trailing `.` is punctuation. A number running into a letter or digit
 * (`§8.1a`, `§123`) is not a mark.
 */
const CLAUSE_NUMBER = /[ \u00A0]?([0-9]{1,2}(?:\.[0-9]{1,2})*)/y;

function tryClause(text: string, at: number): ClauseMark | null {
  if (text.charAt(at) !== '§' || !atBoundary(text, at)) return null;
  CLAUSE_NUMBER.lastIndex = at + 1;
  const m = CLAUSE_NUMBER.exec(text);
  if (!m || m[1] === undefined) return null;
  const end = at + 1 + m[0].length;
  // No backtracking to a shorter number: `§8.123` is not clause 8.12 or 8.
  if (isWordChar(codePointAt(text, end))) return null;
  return { kind: 'clause', raw: text.slice(at, end), start: at, end, number: m[1] };
}

/**
 * `[[title]]`: closed by the first `]]` on the same line; the title has no `[` or `]` (no nesting, so
 * `[[a [[b]] c]]` holds the document `b`), and is not blank. An unclosed `[[` is ordinary text.
 */
function tryDocument(text: string, at: number): DocumentMark | null {
  if (!text.startsWith('[[', at) || !atBoundary(text, at)) return null;
  let j = at + 2;
  while (j < text.length) {
    const ch = text.charAt(j);
    if (ch === '[' || ch === ']' || LINE_BREAK.test(ch)) break;
    j++;
  }
  if (!text.startsWith(']]', j)) return null;
  const title = collapse(text.slice(at + 2, j));
  if (title === '') return null;
  const end = j + 2;
  return { kind: 'document', raw: text.slice(at, end), start: at, end, title };
}

/** Whether a mark other than a person starts here, or a person sigil that will become one. */
function startsMark(text: string, at: number): boolean {
  switch (text.charAt(at)) {
    case '@':
      return atBoundary(text, at) && LETTER.test(codePointAt(text, at + 1) ?? '');
    case '#':
      return tryRecord(text, at) !== null;
    case '§':
      return tryClause(text, at) !== null;
    case '[':
      return tryDocument(text, at) !== null;
    default:
      return false;
  }
}

/**
 * Where a person mark's scan stops (before trimming): at a line break, a PERSON_STOP character, a second
 * comma, a `.` followed by whitespace or the end (a sentence end; `St.John` keeps its dot, an initial
 * `J. Smith` does not — the price of a simple rule), or the start of another mark.
 */
function personStop(text: string, at: number): number {
  let commas = 0;
  let j = at + 1;
  while (j < text.length) {
    const ch = text.charAt(j);
    if (LINE_BREAK.test(ch) || PERSON_STOP.has(ch)) return j;
    if (COMMAS.has(ch) && ++commas === 2) return j;
    if (ch === '.') {
      const next = text.charAt(j + 1);
      if (next === '' || WHITESPACE.test(next)) return j;
    }
    if (j > at + 1 && startsMark(text, j)) return j;
    j++;
  }
  return j;
}

/**
 * `@Name` or `@Name, Role`. The name starts with a letter (so `@ ` and `@123` are text) and the mark runs
 * to `personStop`; trailing whitespace, `.`, `,` and `，` are then given back to the text. The first comma
 * (`,` or the full-width `，` of `@王海伦，变更经理`) separates the name from the role; a second comma
 * ends the mark (`met @Jane Smith, Change manager, who showed…`).
 */
function tryPerson(text: string, at: number): PersonMark | null {
  if (text.charAt(at) !== '@' || !atBoundary(text, at)) return null;
  if (!LETTER.test(codePointAt(text, at + 1) ?? '')) return null;
  let end = personStop(text, at);
  while (end > at + 1) {
    const last = text.charAt(end - 1);
    if (WHITESPACE.test(last) || last === '.' || COMMAS.has(last)) end--;
    else break;
  }
  const body = text.slice(at + 1, end);
  let comma = -1;
  for (let k = 0; k < body.length; k++) {
    if (COMMAS.has(body.charAt(k))) {
      comma = k;
      break;
    }
  }
  const name = collapse(comma < 0 ? body : body.slice(0, comma));
  const role = comma < 0 ? null : collapse(body.slice(comma + 1));
  return { kind: 'person', raw: text.slice(at, end), start: at, end, name, role: role === '' ? null : role };
}

function tryMark(text: string, at: number): NotebookMark | null {
  switch (text.charAt(at)) {
    case '@':
      return tryPerson(text, at);
    case '#':
      return tryRecord(text, at);
    case '§':
      return tryClause(text, at);
    case '[':
      return tryDocument(text, at);
    default:
      return null;
  }
}

/* ----------------------------------------------------------------------------------------------- */
/* The API                                                                                          */

/**
 * The entry as ordered segments; concatenating every segment's `text`/`raw` gives back the input exactly,
 * and the ranges are contiguous from 0 to `text.length` (UTF-16 offsets). No empty text segments.
 */
export function parseEntry(text: string): NotebookSegment[] {
  const segments: NotebookSegment[] = [];
  let textStart = 0;
  let i = 0;
  while (i < text.length) {
    const mark = tryMark(text, i);
    if (mark === null) {
      i++;
      continue;
    }
    if (textStart < i) segments.push({ kind: 'text', text: text.slice(textStart, i), start: textStart, end: i });
    segments.push(mark);
    i = mark.end;
    textStart = i;
  }
  if (textStart < text.length) {
    segments.push({ kind: 'text', text: text.slice(textStart), start: textStart, end: text.length });
  }
  return segments;
}

/** The key under which two marks are the same thing: people and documents ignore case, ids and clauses not. */
export function markKey(mark: NotebookMark): string {
  switch (mark.kind) {
    case 'person':
      return `person:${mark.name.normalize('NFC').toLowerCase()}`;
    case 'document':
      return `document:${mark.title.normalize('NFC').toLowerCase()}`;
    case 'record':
      return `record:${mark.id}`;
    case 'clause':
      return `clause:${mark.number}`;
  }
}

/**
 * The entry's marks, each thing once, in order of first appearance (the first occurrence is kept as is:
 * `@Jane` then `@jane, Change manager` gives the first; a person is the same person by name alone).
 */
export function entryMarks(text: string): NotebookMark[] {
  const seen = new Set<string>();
  const marks: NotebookMark[] = [];
  for (const segment of parseEntry(text)) {
    if (segment.kind === 'text') continue;
    const key = markKey(segment);
    if (seen.has(key)) continue;
    seen.add(key);
    marks.push(segment);
  }
  return marks;
}

const PARTIAL_RECORD = /^(?:[A-Za-z0-9][A-Za-z0-9_\-./]*)?$/;
const PARTIAL_CLAUSE = /^[ \u00A0]?((?:[0-9][0-9.]*)?)$/;

function partialAt(before: string, at: number): MarkInProgress | null {
  const sigil = before.charAt(at);
  if (sigil === '[') {
    if (!before.startsWith('[[', at) || !atBoundary(before, at)) return null;
    const rest = before.slice(at + 2);
    return /^[^[\]\n\r\u2028\u2029\v\f\u0085]*$/.test(rest) ? { kind: 'document', start: at, prefix: rest } : null;
  }
  if (sigil !== '#' && sigil !== '§' && sigil !== '@') return null;
  if (!atBoundary(before, at)) return null;
  const rest = before.slice(at + 1);
  if (sigil === '#') return PARTIAL_RECORD.test(rest) ? { kind: 'record', start: at, prefix: rest } : null;
  if (sigil === '§') {
    const m = PARTIAL_CLAUSE.exec(rest);
    return m ? { kind: 'clause', start: at, prefix: m[1] ?? '' } : null;
  }
  if (rest === '') return { kind: 'person', start: at, prefix: '' };
  if (!LETTER.test(codePointAt(rest, 0) ?? '')) return null;
  // Still being typed if nothing has ended it before the caret; a `.` just typed may be `St.John`.
  const stop = personStop(before, at);
  const open = stop === before.length || (stop === before.length - 1 && before.endsWith('.'));
  return open ? { kind: 'person', start: at, prefix: rest } : null;
}

/**
 * The mark being typed at `caret` (a UTF-16 offset into `text`), judged on the text before the caret
 * only: the nearest sigil on the caret's line that starts a mark still open at the caret. `#`, `@`, `§`
 * and `[[` alone give an empty prefix (autocomplete offers everything). Null for anything else, a caret
 * out of range included; it never throws.
 */
export function markAt(text: string, caret: number): MarkInProgress | null {
  if (!Number.isInteger(caret) || caret < 0 || caret > text.length) return null;
  const before = text.slice(0, caret);
  for (let p = caret - 1; p >= 0; p--) {
    if (LINE_BREAK.test(before.charAt(p))) return null;
    const found = partialAt(before, p);
    if (found) return found;
  }
  return null;
}
