import { ANSWER_RESULTS, FINDING_EXPECTED, type AnswerResult } from './answer-results.ts';
import type { ChecklistUnit } from './checklist-units.ts';
import type { ConclusionStatus, SessionOutcome } from './fieldwork-kinds.ts';

export type ResultCounts = Record<AnswerResult, number>;

export interface FieldworkProgressInput {
  readonly units: readonly ChecklistUnit[];
  readonly answers: readonly { readonly question_id: string; readonly team_member_id: string; readonly result: AnswerResult }[];
  readonly team: readonly { readonly id: string; readonly name: string }[];
  readonly sessions: readonly { readonly id: string; readonly day: string; readonly kind: string }[];
  readonly outcomes: readonly { readonly session_id: string; readonly status: SessionOutcome }[];
  readonly conclusions: readonly { readonly topic: string; readonly status: ConclusionStatus }[];
  /** Today in the engagement's time zone (YYYY-MM-DD): sessions before it should have an outcome. */
  readonly today: string;
}

export interface UnitProgress {
  readonly key: string;
  readonly kind: 'process' | 'clause';
  readonly number: string;
  readonly total: number;
  /** Questions with at least one answer other than "not audited", by any team member. */
  readonly answered: number;
  readonly results: ResultCounts;
  readonly conclusion: ConclusionStatus;
}

export interface MemberProgress {
  readonly id: string;
  readonly name: string;
  readonly answered: number;
  readonly results: ResultCounts;
}

export interface SessionProgress {
  /** Sessions of the plan to be held (breaks and sessions added on the day left out). */
  readonly planned: number;
  /** Held as planned, moved, shortened or extended. */
  readonly held: number;
  readonly cancelled: number;
  /** Held though not in the plan (ad-hoc sessions). */
  readonly added: number;
  /** Planned sessions of days already past with nothing recorded. */
  readonly unrecorded: number;
}

export type FieldworkNextStep =
  | { readonly kind: 'unrecorded-sessions'; readonly count: number }
  | { readonly kind: 'not-started'; readonly count: number }
  | { readonly kind: 'findings-expected'; readonly count: number }
  | { readonly kind: 'conclusions-missing'; readonly count: number };

export interface FieldworkProgress {
  readonly units: readonly UnitProgress[];
  readonly members: readonly MemberProgress[];
  readonly sessions: SessionProgress;
  readonly total: number;
  readonly answered: number;
  readonly next: readonly FieldworkNextStep[];
}

const noResults = (): ResultCounts => Object.fromEntries(ANSWER_RESULTS.map((result) => [result, 0])) as ResultCounts;
const HELD: readonly SessionOutcome[] = ['held', 'moved', 'shortened', 'extended'];

/**
 * Where fieldwork stands, for the Overview: per process and clause group (answered / total, the
 * results, the conclusion), per team member, sessions held against planned, and what to do next —
 * in the order a lead works: record the past sessions, start the untouched processes, raise the
 * expected findings, write the conclusions.
 */
export function fieldworkProgress(input: FieldworkProgressInput): FieldworkProgress {
  const unitOf = new Map<string, string>();
  for (const unit of input.units) for (const { question } of unit.questions) unitOf.set(question.id, unit.key);
  const byUnit = new Map(input.units.map((unit) => [unit.key, { results: noResults(), answered: new Set<string>() }]));
  const byMember = new Map(input.team.map((member) => [member.id, { results: noResults(), answered: 0 }]));
  let findingsExpected = 0;
  for (const answer of input.answers) {
    const unit = byUnit.get(unitOf.get(answer.question_id) ?? '');
    if (!unit) continue; // a question of another pack version
    unit.results[answer.result] += 1;
    if (answer.result !== 'not_audited') unit.answered.add(answer.question_id);
    const member = byMember.get(answer.team_member_id);
    if (member) {
      member.results[answer.result] += 1;
      if (answer.result !== 'not_audited') member.answered += 1;
    }
    if (FINDING_EXPECTED.includes(answer.result)) findingsExpected += 1;
  }
  const conclusionOf = new Map(input.conclusions.map((conclusion) => [conclusion.topic, conclusion.status]));
  const units = input.units.map((unit): UnitProgress => {
    const state = byUnit.get(unit.key)!;
    return { key: unit.key, kind: unit.kind, number: unit.number, total: unit.questions.length, answered: state.answered.size, results: state.results, conclusion: conclusionOf.get(unit.key) ?? 'not_concluded' };
  });
  const members = input.team.map((member): MemberProgress => ({ id: member.id, name: member.name, ...byMember.get(member.id)! }));

  const outcomeOf = new Map(input.outcomes.map((outcome) => [outcome.session_id, outcome.status]));
  const sessions = { planned: 0, held: 0, cancelled: 0, added: 0, unrecorded: 0 };
  for (const session of input.sessions) {
    if (session.kind === 'break') continue;
    const status = outcomeOf.get(session.id) ?? 'planned';
    if (status === 'added') {
      sessions.added += 1;
      continue;
    }
    sessions.planned += 1;
    if (HELD.includes(status)) sessions.held += 1;
    else if (status === 'cancelled') sessions.cancelled += 1;
    else if (session.day < input.today) sessions.unrecorded += 1;
  }

  const next: FieldworkNextStep[] = [];
  if (sessions.unrecorded) next.push({ kind: 'unrecorded-sessions', count: sessions.unrecorded });
  const notStarted = units.filter((unit) => unit.answered === 0).length;
  if (notStarted) next.push({ kind: 'not-started', count: notStarted });
  if (findingsExpected) next.push({ kind: 'findings-expected', count: findingsExpected });
  const started = units.filter((unit) => unit.answered > 0 && unit.conclusion === 'not_concluded').length;
  if (started) next.push({ kind: 'conclusions-missing', count: started });
  const total = units.reduce((sum, unit) => sum + unit.total, 0);
  const answered = units.reduce((sum, unit) => sum + unit.answered, 0);
  return { units, members, sessions, total, answered, next };
}
