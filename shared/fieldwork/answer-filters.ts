import { textIn } from '../checklist/pack.ts';
import { ANSWER_RESULTS, type AnswerResult } from './answer-results.ts';
import type { AnswerGroup, PlacedQuestion } from './answer-order.ts';

/**
 * Filters and search over the checklist answered by the whole team. Everything a filter looks at is
 * worked out once per question (`answerFacts`); filtering is then a pass over those facts
 * (`filterGroups`), well under a millisecond for the full pack answered by three auditors.
 */
export interface AnswerFilter {
  /** Questions no team member has answered yet (nothing, or only "not audited"). */
  readonly unanswered: boolean;
  /** The typing member's part: questions of the sessions they are planned in, and those they answered. */
  readonly mine: boolean;
  /** Questions with an answer of one of these results (any team member's). */
  readonly results: readonly AnswerResult[];
  /** Units: process keys and clause-group numbers. */
  readonly units: readonly string[];
  /** Sites: where an answer's session took place, or where a session covering the question is planned. */
  readonly sites: readonly string[];
  /** Sessions: an answer's session, or a session planned to cover the question. */
  readonly sessions: readonly string[];
  /** Words, each found in the question, its guidance, its clause number or the team's notes. */
  readonly query: string;
}

export const NO_FILTER: AnswerFilter = { unanswered: false, mine: false, results: [], units: [], sites: [], sessions: [], query: '' };

/** How many filters are set (the search counts as one). */
export function filtersSet(filter: AnswerFilter): number {
  return (
    Number(filter.unanswered) +
    Number(filter.mine) +
    Number(filter.results.length > 0) +
    Number(filter.units.length > 0) +
    Number(filter.sites.length > 0) +
    Number(filter.sessions.length > 0) +
    Number(searchTerms(filter.query).length > 0)
  );
}

/** What a filter needs to know of a question, worked out once. */
export interface AnswerFacts {
  readonly unit: string;
  /** Normalized text searched: clause number, question id, text and guidance in both languages, notes. */
  readonly haystack: string;
  readonly answered: boolean;
  readonly mine: boolean;
  /** Bit i set: some answer has ANSWER_RESULTS[i]. */
  readonly results: number;
  readonly sites: ReadonlySet<string>;
  readonly sessions: ReadonlySet<string>;
}

/** An answer as the filters see it. */
export interface FilteredAnswer {
  readonly question_id: string;
  readonly team_member_id: string;
  readonly result: AnswerResult;
  readonly notes: string;
  readonly na_reason: string;
  readonly session_id: string | null;
}

export interface FactsInput {
  readonly questions: readonly PlacedQuestion[];
  readonly answers: readonly FilteredAnswer[];
  /** The team member typing (their part is "mine"); null before they said who they are. */
  readonly memberId: string | null;
  /** Question id → the sessions planned to cover it (`plannedSessions`). */
  readonly planned: ReadonlyMap<string, readonly string[]>;
  /** Every session's site (null: remote or not set) and team members. */
  readonly sessions: ReadonlyMap<string, { readonly siteId: string | null; readonly memberIds: readonly string[] }>;
  /** The interface language and the pack's default language: both are searched. */
  readonly language: string;
  readonly defaultLanguage: string;
}

/** Search text as compared: compatibility forms folded (full-width digits and letters), lower case. */
export const normalizeSearch = (text: string): string => text.normalize('NFKC').toLowerCase();

/** The words of a query (Chinese has no spaces: a run of characters is one word, found as a substring). */
export function searchTerms(query: string): string[] {
  return normalizeSearch(query)
    .split(/[\s\u3000]+/)
    .filter(Boolean);
}

const RESULT_BIT = new Map(ANSWER_RESULTS.map((result, index) => [result, 1 << index]));

/** The facts of every question (keyed by question id). */
export function answerFacts(input: FactsInput): Map<string, AnswerFacts> {
  const byQuestion = new Map<string, FilteredAnswer[]>();
  for (const answer of input.answers) {
    const list = byQuestion.get(answer.question_id);
    if (list) list.push(answer);
    else byQuestion.set(answer.question_id, [answer]);
  }
  const facts = new Map<string, AnswerFacts>();
  for (const placed of input.questions) {
    const id = placed.question.id;
    if (facts.has(id)) continue;
    const answers = byQuestion.get(id) ?? [];
    const planned = input.planned.get(id) ?? [];
    const sessions = new Set(planned);
    for (const answer of answers) if (answer.session_id) sessions.add(answer.session_id);
    const sites = new Set<string>();
    for (const session of sessions) {
      const site = input.sessions.get(session)?.siteId;
      if (site) sites.add(site);
    }
    let results = 0;
    for (const answer of answers) results |= RESULT_BIT.get(answer.result) ?? 0;
    const member = input.memberId;
    const mine = member !== null && (answers.some((answer) => answer.team_member_id === member) || planned.some((session) => input.sessions.get(session)?.memberIds.includes(member)));
    const texts = new Set<string>([placed.clauseNumber, id]);
    for (const language of [input.language, input.defaultLanguage]) {
      texts.add(textIn(placed.question.text, language, input.defaultLanguage));
      texts.add(textIn(placed.question.guidance, language, input.defaultLanguage));
    }
    for (const answer of answers) {
      texts.add(answer.notes);
      texts.add(answer.na_reason);
    }
    facts.set(id, {
      unit: placed.unit,
      haystack: normalizeSearch([...texts].filter(Boolean).join('\n')),
      answered: answers.some((answer) => answer.result !== 'not_audited'),
      mine,
      results,
      sites,
      sessions,
    });
  }
  return facts;
}

const anyOf = (wanted: readonly string[], have: ReadonlySet<string>): boolean => wanted.some((value) => have.has(value));

/** Whether a question passes the filter: every filter set must hold (within one, any value does). */
export function passes(facts: AnswerFacts, filter: AnswerFilter, terms: readonly string[], resultMask: number): boolean {
  if (filter.unanswered && facts.answered) return false;
  if (filter.mine && !facts.mine) return false;
  if (resultMask && !(facts.results & resultMask)) return false;
  if (filter.units.length && !filter.units.includes(facts.unit)) return false;
  if (filter.sites.length && !anyOf(filter.sites, facts.sites)) return false;
  if (filter.sessions.length && !anyOf(filter.sessions, facts.sessions)) return false;
  for (const term of terms) if (!facts.haystack.includes(term)) return false;
  return true;
}

/**
 * The groups with only the questions that pass, in the same order; groups left empty are dropped.
 * With no filter set, the groups themselves.
 */
export function filterGroups(groups: readonly AnswerGroup[], facts: ReadonlyMap<string, AnswerFacts>, filter: AnswerFilter): readonly AnswerGroup[] {
  if (!filtersSet(filter)) return groups;
  const terms = searchTerms(filter.query);
  let resultMask = 0;
  for (const result of filter.results) resultMask |= RESULT_BIT.get(result) ?? 0;
  const verdict = new Map<string, boolean>();
  const kept: AnswerGroup[] = [];
  for (const group of groups) {
    const questions = group.questions.filter((placed) => {
      const id = placed.question.id;
      let pass = verdict.get(id);
      if (pass === undefined) {
        const known = facts.get(id);
        pass = known ? passes(known, filter, terms, resultMask) : false;
        verdict.set(id, pass);
      }
      return pass;
    });
    if (questions.length === group.questions.length) kept.push(group);
    else if (questions.length) kept.push({ ...group, questions });
  }
  return kept;
}

/** How many different questions the groups show (the plan's order can show a question under two sessions). */
export function questionCount(groups: readonly AnswerGroup[]): number {
  const ids = new Set<string>();
  for (const group of groups) for (const placed of group.questions) ids.add(placed.question.id);
  return ids.size;
}
