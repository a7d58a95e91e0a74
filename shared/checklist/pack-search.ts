import MiniSearch from 'minisearch';
import { HanIndex, hanRunsOf, wordsOf } from './han-index.ts';
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

const BOOST = { text: 3, details: 1, clause: 2 } as const;

/**
 * A clause asked for by number, as auditors write it in either language, whatever the interface
 * language: 8.2.3, 8.2.3., 第8.2.3条, 条款 8.2.3, clause 8.2.3, §8.2.3 (and ８．２．３ from a Chinese
 * input method).
 */
const CLAUSE_QUERY = /^(?:第|条款|clause|§)?\s*(\d+(?:\.\d+)*)\s*[.。]?\s*(?:条款|条)?$/iu;

/** The clause number a query asks for, if it asks for one. */
export function clauseNumberIn(query: string): string | null {
  return CLAUSE_QUERY.exec(query.normalize('NFKC').trim())?.[1] ?? null;
}

/**
 * Full-text search over a pack's questions (text, guidance, weaknesses, evidence) and sampling
 * plans (record kinds and attributes), in one language. Words match by prefix and slightly fuzzily,
 * Chinese by any piece of the text (han-index.ts); everything in the query is required. A clause
 * number lists that clause and everything below it.
 */
export function packSearch(index: PackIndex, language: string): (query: string) => PackHit[] {
  const pack = index.pack;
  const fallback = pack.defaultLanguage;
  const t = (text: Parameters<typeof textIn>[0]): string => textIn(text, language, fallback);
  const documents: SearchDocument[] = [];
  const clauseByNumber = new Map<string, string>();
  for (const clause of pack.clauses) {
    clauseByNumber.set(clause.number, clause.id);
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
  const words = new MiniSearch<SearchDocument>({
    fields: ['text', 'details', 'clause'],
    tokenize: wordsOf,
    searchOptions: { boost: BOOST, prefix: true, fuzzy: 0.15, combineWith: 'AND', tokenize: wordsOf },
  });
  words.addAll(documents);
  const han = new HanIndex([BOOST.text, BOOST.details, BOOST.clause]);
  const numberOf = new Map<string, number>();
  documents.forEach((d, i) => {
    han.add([d.text, d.details, d.clause]);
    numberOf.set(d.id, i);
  });
  const hit = (d: SearchDocument, score: number): PackHit => ({ kind: d.kind, id: d.id, clauseId: d.clauseId, score });

  return (query: string): PackHit[] => {
    const trimmed = query.trim();
    if (!trimmed) return [];
    const number = clauseNumberIn(trimmed);
    const clauseId = number === null ? undefined : (clauseByNumber.get(number) ?? (index.clauseById.has(number) ? number : undefined));
    if (clauseId !== undefined) {
      return index.subtree(clauseId).flatMap((clause) => [
        ...(clause.questions ?? []).map((q) => ({ kind: 'question' as const, id: q.id, clauseId: clause.id, score: 1 })),
        ...(clause.sampling ?? []).map((s) => ({ kind: 'sampling' as const, id: s.id, clauseId: clause.id, score: 1 })),
      ]);
    }
    // A number of no clause: "9.9.9" finds nothing, but a bare "2018" may be in a text.
    if (number !== null && !/^\d+$/.test(number)) return [];
    const runs = hanRunsOf(trimmed);
    const hasWords = wordsOf(trimmed).some(Boolean);
    if (runs.length === 0) return words.search(trimmed).map((r) => hit(documents[numberOf.get(String(r.id))!]!, r.score));
    const hanHits = han.search(runs);
    const hits: PackHit[] = [];
    if (!hasWords) {
      for (const [i, score] of hanHits) hits.push(hit(documents[i]!, score));
    } else {
      for (const result of words.search(trimmed)) {
        const i = numberOf.get(String(result.id))!;
        const hanScore = hanHits.get(i);
        if (hanScore !== undefined) hits.push(hit(documents[i]!, result.score + hanScore));
      }
    }
    return hits.sort((a, b) => b.score - a.score);
  };
}
