import type { ChecklistPack, ChecklistQuestion } from '../checklist/pack.ts';
import type { PlanTopicKind } from '../plan/plan-kinds.ts';
import { sessionOrder, type PlanSession } from '../plan/plan-rows.ts';
import { checklistUnits } from './checklist-units.ts';

/**
 * The three walks through the checklist: by process (the clause-8 processes, clauses 4–7, 9, 10 as
 * groups), by clause (every clause with questions, in number order), and in the order of the plan's
 * sessions (each session's topics by day and time; what no session covers at the end).
 */
export const ANSWER_ORDERS = ['process', 'clause', 'plan'] as const;
export type AnswerOrder = (typeof ANSWER_ORDERS)[number];

/** A question with where it sits in the pack: its clause and its unit (a process key or a top-level clause). */
export interface PlacedQuestion {
  readonly question: ChecklistQuestion;
  readonly clauseNumber: string;
  readonly unit: string;
  readonly unitKind: 'process' | 'clause';
}

/** A heading of the walk and the questions under it. */
export interface AnswerGroup {
  /** Unique in the walk. */
  readonly key: string;
  /** What the heading names: a process (its key) or a clause (its number). */
  readonly topic: { readonly kind: 'process' | 'clause'; readonly key: string };
  /** In the plan's order: the session the group belongs to (null = not in the plan). */
  readonly sessionId: string | null;
  /** In the plan's order: the questions no session covers. */
  readonly unplanned: boolean;
  readonly questions: readonly PlacedQuestion[];
}

/** What the plan's order needs of the plan: its sessions and what each covers. */
export interface PlanOutline {
  readonly sessions: readonly PlanSession[];
  readonly topics: readonly { readonly session_id: string; readonly kind: PlanTopicKind; readonly topic: string }[];
}

/** Two clause numbers on one branch: equal, or one within the other. */
const sameBranch = (a: string, b: string): boolean => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

const numberParts = (number: string): number[] => number.split('.').map(Number);

/** Clause numbers in the standard's order (8.2 before 8.10, 10 after 9). */
export function compareClauseNumbers(a: string, b: string): number {
  const [x, y] = [numberParts(a), numberParts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}

/** Every question of the pack once, by process (the order of `checklistUnits`). */
export function placedQuestions(pack: ChecklistPack): PlacedQuestion[] {
  return checklistUnits(pack).flatMap((unit) =>
    unit.questions.map((item) => ({ question: item.question, clauseNumber: item.clauseNumber, unit: unit.kind === 'process' ? unit.key : unit.number, unitKind: unit.kind })),
  );
}

/**
 * Whether a plan topic covers a question: a process covers its own questions (and clause-group
 * questions on its clause's branch); a clause covers the questions of its branch (a session on "9"
 * covers 9.2; one on 8.5 covers change management's).
 */
export function topicCovers(topic: { readonly kind: PlanTopicKind; readonly topic: string }, placed: PlacedQuestion, processClauses: ReadonlyMap<string, string>): boolean {
  if (topic.kind === 'clause') return sameBranch(topic.topic, placed.clauseNumber);
  if (placed.unitKind === 'process') return placed.unit === topic.topic;
  const clause = processClauses.get(topic.topic);
  return clause !== undefined && sameBranch(clause, placed.clauseNumber);
}

/** The clause number of each process of the pack. */
export function processClauseNumbers(pack: ChecklistPack): Map<string, string> {
  const numberOf = new Map(pack.clauses.map((clause) => [clause.id, clause.number]));
  return new Map(pack.processes.map((process) => [process.key, numberOf.get(process.clause) ?? process.clause]));
}

/**
 * The sessions covering each question (question id → session ids, in plan order). Questions no
 * session covers are absent.
 */
export function plannedSessions(pack: ChecklistPack, plan: PlanOutline, questions: readonly PlacedQuestion[] = placedQuestions(pack)): Map<string, string[]> {
  const processClauses = processClauseNumbers(pack);
  const order = new Map([...plan.sessions].sort(sessionOrder).map((session, index) => [session.id, index]));
  const covered = new Map<string, string[]>();
  for (const topic of plan.topics) {
    if (!order.has(topic.session_id)) continue;
    for (const placed of questions) {
      if (!topicCovers(topic, placed, processClauses)) continue;
      const sessions = covered.get(placed.question.id);
      if (!sessions) covered.set(placed.question.id, [topic.session_id]);
      else if (!sessions.includes(topic.session_id)) sessions.push(topic.session_id);
    }
  }
  for (const sessions of covered.values()) sessions.sort((a, b) => order.get(a)! - order.get(b)!);
  return covered;
}

function byProcess(pack: ChecklistPack): AnswerGroup[] {
  return checklistUnits(pack).map((unit) => {
    const key = unit.kind === 'process' ? unit.key : unit.number;
    return {
      key: `unit:${key}`,
      topic: { kind: unit.kind, key },
      sessionId: null,
      unplanned: false,
      questions: unit.questions.map((item) => ({ question: item.question, clauseNumber: item.clauseNumber, unit: key, unitKind: unit.kind })),
    };
  });
}

function byClause(pack: ChecklistPack, placed: readonly PlacedQuestion[]): AnswerGroup[] {
  const where = new Map(placed.map((item) => [item.question.id, item]));
  return pack.clauses
    .filter((clause) => clause.questions?.length)
    .map((clause, index) => ({ clause, index }))
    .sort((a, b) => compareClauseNumbers(a.clause.number, b.clause.number) || a.index - b.index)
    .map(({ clause }) => ({
      key: `clause:${clause.number}`,
      topic: { kind: 'clause' as const, key: clause.number },
      sessionId: null,
      unplanned: false,
      questions: clause.questions!.map((question) => where.get(question.id)!),
    }));
}

function byPlan(pack: ChecklistPack, plan: PlanOutline, placed: readonly PlacedQuestion[]): AnswerGroup[] {
  const processClauses = processClauseNumbers(pack);
  const position = new Map(placed.map((item, index) => [item.question.id, index]));
  const groups: AnswerGroup[] = [];
  const covered = new Set<string>();
  for (const session of [...plan.sessions].sort(sessionOrder)) {
    // The session's topics in the checklist's order; a question shows once per session.
    const topics = plan.topics
      .filter((topic) => topic.session_id === session.id)
      .map((topic) => ({ topic, questions: placed.filter((item) => topicCovers(topic, item, processClauses)) }))
      .filter((entry) => entry.questions.length)
      .sort((a, b) => position.get(a.questions[0]!.question.id)! - position.get(b.questions[0]!.question.id)! || a.topic.topic.localeCompare(b.topic.topic));
    const shown = new Set<string>();
    for (const { topic, questions } of topics) {
      const fresh = questions.filter((item) => !shown.has(item.question.id));
      if (!fresh.length) continue;
      for (const item of fresh) {
        shown.add(item.question.id);
        covered.add(item.question.id);
      }
      groups.push({ key: `session:${session.id}:${topic.kind}:${topic.topic}`, topic: { kind: topic.kind, key: topic.topic }, sessionId: session.id, unplanned: false, questions: fresh });
    }
  }
  for (const group of byProcess(pack)) {
    const rest = group.questions.filter((item) => !covered.has(item.question.id));
    if (rest.length) groups.push({ ...group, key: `unplanned:${group.topic.key}`, unplanned: true, questions: rest });
  }
  return groups;
}

/** The checklist's groups in the chosen order (the plan's order with no plan: everything "not in the plan"). */
export function answerGroups(pack: ChecklistPack, order: AnswerOrder, plan: PlanOutline = { sessions: [], topics: [] }): AnswerGroup[] {
  if (order === 'process') return byProcess(pack);
  const placed = placedQuestions(pack);
  return order === 'clause' ? byClause(pack, placed) : byPlan(pack, plan, placed);
}
