import MiniSearch from 'minisearch';
import type { PackIndex } from './pack-index.ts';
import { textIn } from './pack.ts';

export interface PackHit {
  readonly kind: 'question' | 'sampling';
  /** The question's or the sampling plan's id. */
  readonly id: string;
  readonly clauseId: string;
  readonly score: number;
}

interface SearchDocument {
  readonly id: string;
  readonly kind: PackHit['kind'];
  readonly clauseId: string;
  readonly text: string;
  readonly details: string;
  readonly clause: string;
}

const CLAUSE_NUMBER = /^\d+(\.\d+)*\.?$/;

/**
 * Words as the language writes them. Chinese has no spaces between words, so splitting on spaces
 * would make a whole sentence one token and 变更 would never find 变更管理流程; Intl.Segmenter
 * finds the words (with the dictionary the runtime carries), and for English it splits as before.
 */
const HAN_OR_KANA = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const splitOnSpaces = MiniSearch.getDefault('tokenize') as (text: string) => string[];

function wordsOf(language: string): (text: string) => string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
  // Only text with Han or kana goes through the segmenter: it is 2–3x slower to index than the split.
  return (text) => {
    if (!HAN_OR_KANA.test(text)) return splitOnSpaces(text);
    const words: string[] = [];
    for (const part of segmenter.segment(text)) if (part.isWordLike) words.push(part.segment);
    return words;
  };
}

/**
 * Full-text search over a pack's questions (text, guidance, weaknesses, evidence) and sampling
 * plans (record kinds and attributes), in one language. Prefix and slightly fuzzy matching, all words
 * required; a bare clause number ("8.5.1") lists that clause and everything below it.
 */
export function packSearch(index: PackIndex, language: string): (query: string) => PackHit[] {
  const pack = index.pack;
  const fallback = pack.defaultLanguage;
  const t = (text: Parameters<typeof textIn>[0]): string => textIn(text, language, fallback);
  const documents: SearchDocument[] = [];
  for (const clause of pack.clauses) {
    const clauseText = `${clause.number} ${t(clause.title)}`;
    for (const question of clause.questions ?? []) {
      documents.push({
        id: question.id,
        kind: 'question',
        clauseId: clause.id,
        text: t(question.text),
        details: [t(question.guidance), t(question.weaknesses), ...(question.evidence ?? []).map(t)].join(' \n'),
        clause: clauseText,
      });
    }
    for (const plan of clause.sampling ?? []) {
      documents.push({
        id: plan.id,
        kind: 'sampling',
        clauseId: clause.id,
        text: t(plan.record),
        details: [t(plan.hint), ...plan.attributes.map((a) => t(a.text))].join(' \n'),
        clause: clauseText,
      });
    }
  }
  const tokenize = wordsOf(language);
  const search = new MiniSearch<SearchDocument>({
    fields: ['text', 'details', 'clause'],
    storeFields: ['kind', 'clauseId'],
    tokenize,
    searchOptions: { boost: { text: 3, clause: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND', tokenize },
  });
  search.addAll(documents);

  return (query: string): PackHit[] => {
    const trimmed = query.trim();
    if (!trimmed) return [];
    if (CLAUSE_NUMBER.test(trimmed)) {
      const clauseId = trimmed.replace(/\.$/, '');
      return index.subtree(clauseId).flatMap((clause) => [
        ...(clause.questions ?? []).map((q) => ({ kind: 'question' as const, id: q.id, clauseId: clause.id, score: 1 })),
        ...(clause.sampling ?? []).map((s) => ({ kind: 'sampling' as const, id: s.id, clauseId: clause.id, score: 1 })),
      ]);
    }
    return search.search(trimmed).map((result) => ({
      kind: result.kind as PackHit['kind'],
      id: String(result.id),
      clauseId: result.clauseId as string,
      score: result.score,
    }));
  };
}
