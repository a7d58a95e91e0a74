/**
 * The statement check (issue 17): warnings, never blocks, on what a finding says as its objective
 * evidence and what is not fulfilled — not on the quoted requirement, where "shall" / 应 belong.
 * - vague words ("some", "etc.", 部分, 有时, 等): a statement of fact names what, how many, which;
 * - a cause or a solution in a nonconformity ("we recommend", 建议, 应当建立): the client finds the
 *   cause and chooses the action (17021-1: the CB does not consult);
 * - an opportunity for improvement that prescribes a specific solution (must / should implement);
 * - a checklist answer marked "nonconformity found" raised as an observation or improvement.
 * Words are matched on word boundaries from Intl.Segmenter, so 等级 is not 等 and "sometimes" is not
 * "some". Cheap first: each term is looked for with indexOf, and only a window around a hit is segmented
 * (the check runs on every keystroke of a 5,000-character statement; goal < 2 ms).
 */

import { markStretch, wordBoundaries } from './word-boundaries.ts';

/** What the check needs of a grade: its nature, not the CB's label for it. */
export type FindingNature = 'nonconformity' | 'observation' | 'improvement' | 'good_practice' | 'concern';

export type StatementPart = 'evidence' | 'not_fulfilled';

export type StatementWarningCode = 'vague' | 'cause_or_solution' | 'prescriptive_improvement' | 'answer_says_nonconformity';

export interface StatementWarning {
  readonly code: StatementWarningCode;
  /** The part the words are in (none for the answer warning). */
  readonly part: StatementPart | null;
  /** Where in the part (UTF-16 offsets), and the words as written. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface StatementInput {
  readonly nature: FindingNature;
  readonly evidence: string;
  readonly notFulfilled: string;
  /** Results of the checklist answers the finding was raised from. */
  readonly answerResults?: readonly string[];
}

/** Vague quantities and hedges. English phrases are lower case and matched case-insensitively. */
const VAGUE = [
  'some', 'sometimes', 'etc', 'etc.', 'several', 'various', 'a few', 'certain', 'generally', 'usually', 'mostly',
  'occasionally', 'often', 'not always', 'in some cases', 'in most cases', 'seems', 'seemed', 'appears to', 'apparently', 'probably', 'possibly',
  '部分', '有时', '等', '某些', '一些', '个别', '有些', '基本', '大部分', '似乎', '可能', '偶尔', '不完全', '不够',
] as const;

/** A cause or a remedy stated by the auditor. */
const CAUSE_OR_SOLUTION = [
  'we recommend', 'it is recommended', 'recommended that', 'should implement', 'should establish', 'should introduce', 'should consider',
  'should define', 'should develop', 'needs to implement', 'need to implement', 'must implement', 'root cause', 'caused by', 'the cause is',
  '建议', '应当建立', '应建立', '应当制定', '应制定', '需要建立', '需建立', '原因是', '根本原因', '导致的原因',
] as const;

/** A specific remedy prescribed in an opportunity for improvement. */
const PRESCRIPTIVE = [
  'must', 'should implement', 'should use', 'should install', 'should buy', 'should purchase', 'should adopt', 'should deploy',
  'needs to', 'need to', 'has to', 'have to', 'is required to',
  '必须', '应当', '应该', '需要采用', '应采用', '应使用', '应购买', '应部署',
] as const;

const NC_RESULT = 'nonconformity';

/** Characters around a hit that decide its boundaries (the longest word a term could sit inside). */
const WINDOW = 24;
/** Above this many candidate hits, segmenting the whole text once is cheaper than a window per hit. */
const WINDOWED_HITS = 12;

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly code: StatementWarningCode;
}

/**
 * Every whole-word occurrence of the terms of each list in the text, earliest first, overlapping hits
 * of one list kept once (the longest): "some" in "sometimes" and 等 in 等级 are not words of their
 * own. The text is segmented once for all the lists: in windows around the candidates, or whole when
 * there are many of them.
 */
function find(text: string, lists: readonly { readonly code: StatementWarningCode; readonly terms: readonly string[] }[]): Candidate[] {
  const lower = text.toLowerCase();
  const candidates: Candidate[] = [];
  for (const { code, terms } of lists) {
    for (const term of terms) {
      for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) candidates.push({ start: at, end: at + term.length, code });
    }
  }
  if (!candidates.length) return [];
  let marks: Uint8Array;
  // Many candidates: the whole text's boundaries, remembered between keystrokes (only the edited stretch is segmented again).
  if (candidates.length > WINDOWED_HITS) marks = wordBoundaries(text);
  else {
    marks = new Uint8Array(text.length + 1);
    marks[0] = 1;
    marks[text.length] = 1;
    for (const hit of candidates) markStretch(text, Math.max(0, hit.start - WINDOW), Math.min(text.length, hit.end + WINDOW), marks);
  }
  const hits = candidates.filter((hit) => marks[hit.start] === 1 && marks[hit.end] === 1);
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  const lastOf = new Map<StatementWarningCode, Candidate>();
  for (const hit of hits) {
    const last = lastOf.get(hit.code);
    if (last && hit.start < last.end) continue;
    lastOf.set(hit.code, hit);
    kept.push(hit);
  }
  return kept;
}

/** The warnings a finding's statement raises, part by part, in reading order. */
export function checkStatement(input: StatementInput): StatementWarning[] {
  const warnings: StatementWarning[] = [];
  const parts: [StatementPart, string][] = [
    ['evidence', input.evidence],
    ['not_fulfilled', input.notFulfilled],
  ];
  const lists: { code: StatementWarningCode; terms: readonly string[] }[] = [];
  if (input.nature !== 'good_practice') lists.push({ code: 'vague', terms: VAGUE });
  if (input.nature === 'nonconformity') lists.push({ code: 'cause_or_solution', terms: CAUSE_OR_SOLUTION });
  if (input.nature === 'improvement') lists.push({ code: 'prescriptive_improvement', terms: PRESCRIPTIVE });
  for (const [part, text] of parts) {
    if (!text || !lists.length) continue;
    // In reading order by list, as before: a part's vague words, then its causes or solutions.
    const found = find(text, lists);
    for (const { code } of lists) {
      for (const hit of found) if (hit.code === code) warnings.push({ code, part, start: hit.start, end: hit.end, text: text.slice(hit.start, hit.end) });
    }
  }
  if ((input.nature === 'observation' || input.nature === 'improvement') && input.answerResults?.includes(NC_RESULT)) {
    warnings.push({ code: 'answer_says_nonconformity', part: null, start: 0, end: 0, text: '' });
  }
  return warnings;
}
