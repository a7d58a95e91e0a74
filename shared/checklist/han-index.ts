import MiniSearch from 'minisearch';

/**
 * Search in Chinese (and Japanese kana), which writes no spaces between words.
 *
 * Every run of Han characters is indexed by its overlapping character pairs: 变更管理流程 gives 变更
 * 更管 管理 理流 流程. A query's runs are cut into pairs the same way; a text holding all of them is
 * then read for the runs themselves. So any piece of a text is found, whatever words a dictionary
 * would cut it into: the runtime's Intl.Segmenter cuts 供方管理 into 供 方 管理 and 评审委员会 into
 * 评审委员 会, so neither 供方 nor 委员会 is a word of them to it. A single character has no pair; it
 * is found by reading the texts. Runs stop at punctuation, spaces, Latin and digits: 变更。管理 gives
 * no pair 更管, and 更管 finds nothing there.
 *
 * Latin words and numbers between runs go to MiniSearch with the English words (CMDB is one word in
 * both languages, found by prefix and slight fuzziness); the runs never do. Measured on the shipped
 * pack's Chinese (2,118 texts, 87,000 characters, 15,600 distinct pairs): segmenting it with
 * Intl.Segmenter takes some 60 ms, twice the whole English index, and finds nothing the pairs miss;
 * the pairs as MiniSearch terms made the Chinese index 2.3x the English one (its radix tree scans a
 * node's children one by one, and Chinese has thousands of first characters). A Map from each pair
 * to its documents makes it 0.6x.
 */

const splitOnSpaces = MiniSearch.getDefault('tokenize') as (text: string) => string[];

const HAN_OR_KANA = /[\u3005\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

function isHanOrKana(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3005 ||
    code === 0x3007
  );
}

function hasHan(text: string): boolean {
  return HAN_OR_KANA.test(text);
}

/** Han, kana, CJK punctuation, and full- and half-width forms: text NFKC may change. */
const WIDE = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * Full-width letters and digits as ASCII (ＣＭＤＢ, ８．５．１ from a Chinese input method) and
 * compatibility ideographs as the unified ones, in texts and queries alike. Other text is left as
 * it is, so English is indexed exactly as before.
 */
function normalized(text: string): string {
  return WIDE.test(text) ? text.normalize('NFKC') : text;
}

/** Calls `run` for each run of Han characters (end exclusive) and `gap` for the text between runs. */
function eachRun(text: string, run: (start: number, end: number) => void, gap: (start: number, end: number) => void): void {
  let gapStart = 0;
  let i = 0;
  while (i < text.length) {
    if (!isHanOrKana(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && isHanOrKana(text.charCodeAt(end))) end++;
    if (i > gapStart) gap(gapStart, i);
    run(i, end);
    gapStart = end;
    i = end;
  }
  if (gapStart < text.length) gap(gapStart, text.length);
}

/**
 * The words MiniSearch indexes and searches: text without Han splits exactly as MiniSearch always
 * split it; text with Han gives only the Latin words and numbers between its runs.
 */
export function wordsOf(text: string): string[] {
  const normal = normalized(text);
  if (!hasHan(normal)) return splitOnSpaces(normal);
  const words: string[] = [];
  eachRun(
    normal,
    () => undefined,
    (start, end) => {
      for (const word of splitOnSpaces(normal.slice(start, end))) if (word) words.push(word);
    },
  );
  return words;
}

/** The runs of Han characters in a query, each of which a hit must contain. */
export function hanRunsOf(query: string): string[] {
  const runs: string[] = [];
  if (!hasHan(query)) return runs;
  const normal = normalized(query);
  eachRun(
    normal,
    (start, end) => runs.push(normal.slice(start, end)),
    () => undefined,
  );
  return runs;
}

/** Okapi BM25's term-frequency saturation, with MiniSearch's defaults. */
const K1 = 1.2;
const B = 0.7;

/**
 * The Han text of a set of documents, each a list of fields, indexed by character pairs. Scores
 * weigh each run by its length and, per field, by the field's boost and how often the field holds
 * the run for its length (BM25's saturation); every document holds every run of the query.
 */
export class HanIndex {
  /** Pair → the documents holding it, ascending, each once. */
  private readonly pairs = new Map<string, number[]>();
  /** Per document, its fields as queries read them. */
  private readonly documents: (readonly string[])[] = [];
  private readonly totalLength: number[];

  constructor(private readonly boosts: readonly number[]) {
    this.totalLength = boosts.map(() => 0);
  }

  /** Adds a document; documents are numbered from 0 in the order added. */
  add(fields: readonly string[]): void {
    const document = this.documents.length;
    const normal = fields.map(normalized);
    this.documents.push(normal);
    normal.forEach((text, field) => {
      this.totalLength[field]! += text.length;
      if (!hasHan(text)) return;
      eachRun(
        text,
        (start, end) => {
          for (let k = start; k + 1 < end; k++) {
            const pair = text.slice(k, k + 2);
            const holders = this.pairs.get(pair);
            if (holders === undefined) this.pairs.set(pair, [document]);
            else if (holders[holders.length - 1] !== document) holders.push(document);
          }
        },
        () => undefined,
      );
    });
  }

  /** The documents holding every run (Han text as hanRunsOf gives it), with their scores. */
  search(runs: readonly string[]): Map<number, number> {
    const found = new Map<number, number>();
    if (runs.length === 0) return found;
    for (const document of this.candidates(runs)) {
      const score = this.score(document, runs);
      if (score > 0) found.set(document, score);
    }
    return found;
  }

  /** Documents holding every pair of the runs; every document when the runs are single characters. */
  private candidates(runs: readonly string[]): Iterable<number> {
    const lists: number[][] = [];
    for (const run of runs) {
      for (let k = 0; k + 1 < run.length; k++) {
        const holders = this.pairs.get(run.slice(k, k + 2));
        if (holders === undefined) return [];
        lists.push(holders);
      }
    }
    if (lists.length === 0) return this.documents.keys();
    lists.sort((a, b) => a.length - b.length);
    const [shortest, ...others] = lists;
    return shortest!.filter((document) => others.every((list) => holds(list, document)));
  }

  /** 0 when some run is in no field of the document. */
  private score(document: number, runs: readonly string[]): number {
    const fields = this.documents[document]!;
    let score = 0;
    for (const run of runs) {
      let runScore = 0;
      fields.forEach((text, field) => {
        const count = occurrences(text, run);
        if (count === 0) return;
        const relativeLength = text.length / (this.totalLength[field]! / this.documents.length || 1);
        runScore += (this.boosts[field]! * count * (K1 + 1)) / (count + K1 * (1 - B + B * relativeLength));
      });
      if (runScore === 0) return 0;
      score += runScore * run.length;
    }
    return score;
  }
}

/** Binary search in an ascending list. */
function holds(list: readonly number[], document: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = list[middle]!;
    if (value === document) return true;
    if (value < document) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

function occurrences(text: string, run: string): number {
  let count = 0;
  for (let at = text.indexOf(run); at !== -1; at = text.indexOf(run, at + run.length)) count++;
  return count;
}
