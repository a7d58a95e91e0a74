import { compareClauses } from './numbering-order.ts';

/**
 * The Findings tab's list as one pure function (issue 17): filter, sort and group the findings —
 * 1,000 of them in well under 2 ms (bench: tests/bench/findings-bench.ts). What is costly per finding
 * (its search text, its open warnings) is computed by the caller once per finding version and passed
 * in; this function only compares.
 */

/** What the list needs of a finding (a FindingView has all of it). */
export interface ListFinding {
  readonly id: string;
  readonly label: string;
  readonly finalNumber: string;
  readonly finalSeq: number | null;
  readonly raisedBy: string;
  readonly raisedByInitials: string;
  readonly provisionalSeq: number;
  readonly grade: string;
  readonly process: string;
  readonly raisedOn: string;
  readonly updatedAt: string;
  readonly requirement: string;
  readonly evidence: string;
  readonly notFulfilled: string;
  readonly procedure: string;
  readonly clauses: readonly { readonly target: string }[];
  readonly sites: readonly { readonly target: string }[];
}

export const FINDING_SORTS = ['number', 'grade', 'clause', 'raised', 'changed'] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];
export const FINDING_GROUPINGS = ['grade', 'process', 'clause', 'site', 'none'] as const;
export type FindingGrouping = (typeof FINDING_GROUPINGS)[number];

export interface FindingFilter {
  /** Grade keys shown (empty: all). */
  readonly grades: readonly string[];
  /** A clause: findings against it or a clause under it (8.5 shows 8.5.1.3). */
  readonly clause: string | null;
  readonly process: string | null;
  readonly site: string | null;
  readonly raisedBy: string | null;
  readonly openWarnings: boolean;
  /** Words, all of which must appear (any case) in the label, clauses, procedure or the three parts. */
  readonly text: string;
}

export const NO_FILTER: FindingFilter = { grades: [], clause: null, process: null, site: null, raisedBy: null, openWarnings: false, text: '' };

export interface FindingListOptions<F extends ListFinding = ListFinding> {
  readonly filter: FindingFilter;
  readonly sort: FindingSort;
  readonly group: FindingGrouping;
  /** The scale's order of each grade key (unknown grades sort after every known one). */
  readonly gradeOrder: ReadonlyMap<string, number>;
  /** Open (not dismissed) warnings and prompts per finding id. */
  readonly openWarnings: ReadonlyMap<string, number>;
  /** The finding's search text, lower case (searchText below); computed once per finding version. */
  readonly haystack: (finding: F) => string;
}

export interface FindingGroup<F extends ListFinding = ListFinding> {
  /** The grade key, process key, clause, site id; '' = none (no clause, no site, no process); 'all' when not grouped. */
  readonly key: string;
  readonly findings: readonly F[];
}

/** The text a finding is searched in, lower case. */
export function searchText(finding: ListFinding): string {
  return [finding.label, finding.finalNumber, ...finding.clauses.map((link) => link.target), finding.procedure, finding.requirement, finding.evidence, finding.notFulfilled]
    .join('\n')
    .toLowerCase();
}

const UNKNOWN_GRADE = 1_000_000;
const firstClause = (finding: ListFinding): string => {
  let first = '';
  for (const link of finding.clauses) if (!first || compareClauses(link.target, first) < 0) first = link.target;
  return first;
};

/** Numbered findings by their number, then provisional ones by who raised them and their sequence. */
function byNumber(a: ListFinding, b: ListFinding): number {
  if (a.finalSeq !== null || b.finalSeq !== null) {
    if (a.finalSeq === null) return 1;
    if (b.finalSeq === null) return -1;
    if (a.finalSeq !== b.finalSeq) return a.finalSeq - b.finalSeq;
    return a.finalNumber < b.finalNumber ? -1 : a.finalNumber > b.finalNumber ? 1 : 0;
  }
  if (a.raisedByInitials !== b.raisedByInitials) return a.raisedByInitials < b.raisedByInitials ? -1 : 1;
  if (a.raisedBy !== b.raisedBy) return a.raisedBy < b.raisedBy ? -1 : 1;
  return a.provisionalSeq - b.provisionalSeq;
}

const clauseMatches = (finding: ListFinding, clause: string): boolean =>
  finding.clauses.some((link) => link.target === clause || link.target.startsWith(`${clause}.`));

export function findingList<F extends ListFinding>(findings: readonly F[], options: FindingListOptions<F>): FindingGroup<F>[] {
  const { filter, gradeOrder, openWarnings } = options;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const grades = filter.grades.length ? new Set(filter.grades) : null;
  const shown = findings.filter(
    (finding) =>
      (!grades || grades.has(finding.grade)) &&
      (filter.clause === null || clauseMatches(finding, filter.clause)) &&
      (filter.process === null || finding.process === filter.process) &&
      (filter.site === null || finding.sites.some((link) => link.target === filter.site)) &&
      (filter.raisedBy === null || finding.raisedBy === filter.raisedBy) &&
      (!filter.openWarnings || (openWarnings.get(finding.id) ?? 0) > 0) &&
      (!words.length || words.every((word) => options.haystack(finding).includes(word))),
  );

  const rank = (finding: ListFinding) => gradeOrder.get(finding.grade) ?? UNKNOWN_GRADE;
  const clauses = new Map<string, string>();
  const clauseOf = (finding: ListFinding): string => {
    let clause = clauses.get(finding.id);
    if (clause === undefined) clauses.set(finding.id, (clause = firstClause(finding)));
    return clause;
  };
  const compare: (a: F, b: F) => number = {
    number: byNumber,
    grade: (a: F, b: F) => rank(a) - rank(b) || byNumber(a, b),
    // Findings with no clause last.
    clause: (a: F, b: F) => {
      const [x, y] = [clauseOf(a), clauseOf(b)];
      if (x !== y) return !x ? 1 : !y ? -1 : compareClauses(x, y);
      return byNumber(a, b);
    },
    raised: (a: F, b: F) => (a.raisedOn < b.raisedOn ? -1 : a.raisedOn > b.raisedOn ? 1 : byNumber(a, b)),
    changed: (a: F, b: F) => (a.updatedAt > b.updatedAt ? -1 : a.updatedAt < b.updatedAt ? 1 : byNumber(a, b)),
  }[options.sort];
  shown.sort(compare);

  if (options.group === 'none') return shown.length ? [{ key: 'all', findings: shown }] : [];
  const keyOf: (finding: F) => string = {
    grade: (finding: F) => finding.grade,
    process: (finding: F) => finding.process,
    clause: clauseOf,
    site: (finding: F) => finding.sites.map((link) => link.target).sort()[0] ?? '',
  }[options.group];
  const groups = new Map<string, F[]>();
  for (const finding of shown) {
    const key = keyOf(finding);
    const list = groups.get(key);
    if (list) list.push(finding);
    else groups.set(key, [finding]);
  }
  const keys = [...groups.keys()];
  const none = (key: string) => (key === '' ? 1 : 0);
  if (options.group === 'grade') keys.sort((a, b) => (gradeOrder.get(a) ?? UNKNOWN_GRADE) - (gradeOrder.get(b) ?? UNKNOWN_GRADE) || (a < b ? -1 : a > b ? 1 : 0));
  else if (options.group === 'clause') keys.sort((a, b) => none(a) - none(b) || compareClauses(a, b));
  // Processes and sites in the order their first finding appears under the chosen sort; none last.
  else keys.sort((a, b) => none(a) - none(b));
  return keys.map((key) => ({ key, findings: groups.get(key)! }));
}
