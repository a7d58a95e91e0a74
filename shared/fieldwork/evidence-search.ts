import type { EvidenceKind } from './fieldwork-kinds.ts';

/**
 * Searching the evidence list (issue 15): by kind, and by words found in the title, version,
 * location or who showed it. Every word must be found (in any of those fields), as a substring,
 * ignoring case and width (ＣＨＧ finds CHG), so Chinese needs no word breaks. Pure.
 */

export interface SearchableEvidence {
  readonly id: string;
  readonly kind: EvidenceKind | string;
  readonly title: string;
  readonly version: string;
  readonly location: string;
  readonly shown_by: string;
}

/** Text as the search compares it: NFKC (full-width letters and digits as ASCII), lower case. */
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The words of a search, each as `searchKey` gives it; empty for a blank search. */
export function searchWords(query: string): string[] {
  return searchKey(query)
    .split(/[\s\u3000]+/u)
    .filter((word) => word !== '');
}

/** What one item is searched in: its four fields, joined by a character no word contains. */
export function haystackOf(item: SearchableEvidence): string {
  return searchKey([item.title, item.version, item.location, item.shown_by].join('\u0001'));
}

/**
 * The items of `kind` (null: every kind) holding every word of `query`, in their given order.
 * `haystacks` may hold each item's `haystackOf`, built once for many searches.
 */
export function filterEvidence<T extends SearchableEvidence>(items: readonly T[], kind: string | null, query: string, haystacks?: ReadonlyMap<string, string>): T[] {
  const words = searchWords(query);
  return items.filter((item) => {
    if (kind !== null && item.kind !== kind) return false;
    if (words.length === 0) return true;
    const haystack = haystacks?.get(item.id) ?? haystackOf(item);
    return words.every((word) => haystack.includes(word));
  });
}
