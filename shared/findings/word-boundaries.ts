/**
 * Word boundaries of a whole text (UTF-16 offsets marked 1 in a typed array of length + 1), from
 * Intl.Segmenter, remembered between calls so that the statement check, run on every keystroke,
 * segments only the stretch an edit touched. The stretch is widened to places where segmentation
 * cannot look across: the text's ends, or just after whitespace, 。、！or ？ (not ASCII or fullwidth
 * , . : ; — the word rules join "3.14" and "can't" across them, and a Chinese run is segmented by a
 * dictionary over the whole run). word-boundaries.test.ts checks the result equals a fresh
 * segmentation for random edits.
 */

let segmenter: Intl.Segmenter | null = null;
const words = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));

/** Characters after which a boundary does not depend on what follows (and before which, on what precedes). */
const SEPARATOR = /[\s。、！？]/u;
const WHITESPACE = /\s/u;
/** How many texts are remembered: the parts of the statement being typed (evidence, not fulfilled) and a spare. */
const REMEMBERED = 4;

interface Segmented {
  readonly text: string;
  readonly marks: Uint8Array;
}

const remembered: Segmented[] = [];

/** Marks the boundaries of text[from, to) as the segmenter sees that stretch alone; its own edges are left as they are. */
export function markStretch(text: string, from: number, to: number, marks: Uint8Array): void {
  for (const segment of words().segment(text.slice(from, to))) {
    const start = from + segment.index;
    const end = start + segment.segment.length;
    if (start > from) marks[start] = 1;
    if (end < to) marks[end] = 1;
  }
}

function segmentWhole(text: string): Uint8Array {
  const marks = new Uint8Array(text.length + 1);
  marks[0] = 1;
  marks[text.length] = 1;
  markStretch(text, 0, text.length, marks);
  return marks;
}

/** A place at or before `at` where segmentation restarts cleanly: 0, or just after a separator that is not followed by whitespace. */
function safeStart(text: string, at: number): number {
  for (let i = Math.min(at, text.length); i > 0; i--) {
    if (SEPARATOR.test(text.charAt(i - 1)) && !WHITESPACE.test(text.charAt(i))) return i;
  }
  return 0;
}

/** A place at or after `at` where segmentation ends cleanly: the end, or just before a separator that does not follow whitespace. */
function safeEnd(text: string, at: number): number {
  for (let i = Math.max(at, 0); i < text.length; i++) {
    if (SEPARATOR.test(text.charAt(i)) && (i === 0 || !WHITESPACE.test(text.charAt(i - 1)))) return i;
  }
  return text.length;
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** From the remembered segmentation of an earlier text: reuse what the edit did not touch, segment the rest. */
function resegment(earlier: Segmented, text: string, prefix: number, suffix: number): Uint8Array {
  const from = safeStart(text, Math.max(0, prefix - 1));
  const to = safeEnd(text, Math.min(text.length, text.length - suffix + 1));
  const marks = new Uint8Array(text.length + 1);
  // Left of `from` and right of `to` the texts agree and segmentation cannot see the edit.
  marks.set(earlier.marks.subarray(0, from + 1), 0);
  const shift = text.length - earlier.text.length;
  marks.set(earlier.marks.subarray(to - shift, earlier.text.length + 1), to);
  for (let i = from + 1; i < to; i++) marks[i] = 0;
  marks[from] = 1;
  marks[to] = 1;
  markStretch(text, from, to, marks);
  return marks;
}

/** The text's word boundaries, marked 1 (0 and text.length always). */
export function wordBoundaries(text: string): Uint8Array {
  let best: Segmented | null = null;
  let bestShared = -1;
  let bestPrefix = 0;
  let bestSuffix = 0;
  for (const candidate of remembered) {
    if (candidate.text === text) return candidate.marks;
    const prefix = commonPrefix(candidate.text, text);
    const suffix = commonSuffix(candidate.text, text, prefix);
    if (prefix + suffix > bestShared) {
      best = candidate;
      bestShared = prefix + suffix;
      bestPrefix = prefix;
      bestSuffix = suffix;
    }
  }
  // Worth it only when most of the text is unchanged (typing, pasting a word, deleting a few).
  const marks = best && bestShared > text.length / 2 ? resegment(best, text, bestPrefix, bestSuffix) : segmentWhole(text);
  remembered.unshift({ text, marks });
  if (remembered.length > REMEMBERED) remembered.pop();
  return marks;
}

/** The segmentation of the whole text, never remembered: what wordBoundaries must equal. */
export function wordBoundariesAfresh(text: string): Uint8Array {
  return segmentWhole(text);
}
