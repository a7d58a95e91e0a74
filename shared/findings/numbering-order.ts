import type { FindingNumbering, Grade } from '../cb-profile/profile.ts';
import { formatFindingNumber, parseNumberingPattern, type NumberingProblem } from '../cb-profile/numbering.ts';
import { AREA_OF_CONCERN } from './finding-kinds.ts';

/**
 * The lead's final numbering of findings (issue 17): a pure function of the SET of findings, so the
 * numbers never depend on the order rows come out of the file or in which copies were merged.
 *
 * Which findings are numbered: every live finding whose grade the profile's `findingNumbering.appliesTo`
 * covers ('all-grades', or only 'nonconformities'); the stage 1 area of concern counts as a grade with
 * the code AOC, after the scale's grades. A finding whose grade the profile no longer defines is left as
 * it is (its number, if any, kept) until it is graded again; a finding the profile does not number has
 * its number cleared.
 *
 * Numbers already given stay (unless the lead asks for a full renumber):
 * - a numbered finding keeps its sequence number; its text is formatted again (a CB audit number
 *   recorded since fills in {audit});
 * - except in per-grade sequences when its grade changed since it was numbered (its number reads as
 *   another grade's: "MIN-03" now a major): it leaves that sequence and is numbered at the end of its
 *   new grade's. In a per-engagement sequence a regraded finding keeps its number;
 * - if two findings claim one number of a sequence, the one whose number still reads as given keeps it,
 *   then the first in the order below; the other is numbered anew (a per-grade pattern without {grade}
 *   cannot tell a regraded finding by its number: there the order alone decides such a clash);
 * - a deleted finding's number is never given again (an undone delete must not find it taken).
 *
 * Findings without a number are numbered after the highest number of their sequence (and after the
 * client's earlier last number, when known: every sequence continues after it), in this order:
 *   1. grade, in the scale's order (most severe first);
 *   2. first clause, by clause number (8.5.1.3 before 10.1; findings without a clause after);
 *   3. the day it was raised;
 *   4. the team member who raised it (by id), then their provisional sequence;
 *   5. the finding's id (never needed: the provisional id is unique).
 * A full renumber (`renumberAll`) numbers every covered finding anew in that order.
 */

/** What numbering reads of a finding (live or deleted). */
export interface NumberingFinding {
  readonly id: string;
  readonly grade: string;
  readonly finalNumber: string;
  readonly finalSeq: number | null;
  /** Its clauses (any order). */
  readonly clauses: readonly string[];
  readonly raisedOn: string;
  readonly raisedBy: string;
  readonly provisionalSeq: number;
  /** A deleted finding only holds its number (it is never renumbered or cleared). */
  readonly deleted: boolean;
}

export interface NumberingInput {
  readonly findings: readonly NumberingFinding[];
  readonly grades: readonly Grade[];
  readonly numbering: FindingNumbering;
  /** The year of the audit's first day. */
  readonly year: number;
  /** The CB's audit number ('' until recorded). */
  readonly auditNumber: string;
  /** The client's last earlier finding number, when known. */
  readonly earlierLastSeq: number | null;
  readonly renumberAll: boolean;
}

/**
 * Why a finding has the number it has after numbering: kept its number; new (had none); renumbered
 * (its grade changed in a per-grade sequence, a number claimed twice, or a full renumber); cleared (the
 * profile does not number its grade); not_numbered (same, never had one); unknown_grade (the profile
 * no longer defines its grade: left as it was until graded again).
 */
export type NumberingReason = 'kept' | 'new' | 'renumbered' | 'cleared' | 'not_numbered' | 'unknown_grade';

export interface NumberAssignment {
  readonly findingId: string;
  /** '' when not numbered. */
  readonly number: string;
  readonly seq: number | null;
  readonly previous: string;
  readonly reason: NumberingReason;
}

export type NumberingOutcome =
  | { readonly ok: true; readonly assignments: readonly NumberAssignment[] }
  | { readonly ok: false; readonly problem: NumberingProblem | { readonly reason: 'too-long'; readonly number: string; readonly max: number } };

/** The longest number the finding table stores. */
export const MAX_NUMBER_LENGTH = 60;
/** The code an area of concern (stage 1) is numbered with. */
export const AREA_OF_CONCERN_CODE = 'AOC';

/** Compares clause numbers level by level as numbers ('8.5.1.3' < '10.1'; '8.5' < '8.5.1'). */
export function compareClauses(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = Number(left[i]);
    const y = Number(right[i]);
    const byNumber = Number.isFinite(x) && Number.isFinite(y) ? x - y : 0;
    const order = byNumber || (left[i]! < right[i]! ? -1 : left[i]! > right[i]! ? 1 : 0);
    if (order !== 0) return order;
  }
  return left.length - right.length || (a < b ? -1 : a > b ? 1 : 0);
}

const firstClause = (clauses: readonly string[]): string | null => (clauses.length ? [...clauses].sort(compareClauses)[0]! : null);
const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The documented order of findings to number (see the module comment). */
export function numberingOrder(gradeOrder: (grade: string) => number): (a: NumberingFinding, b: NumberingFinding) => number {
  return (a, b) => {
    const byGrade = gradeOrder(a.grade) - gradeOrder(b.grade);
    if (byGrade !== 0) return byGrade;
    const ca = firstClause(a.clauses);
    const cb = firstClause(b.clauses);
    if (ca !== cb) {
      if (ca === null) return 1;
      if (cb === null) return -1;
      const byClause = compareClauses(ca, cb);
      if (byClause !== 0) return byClause;
    }
    return text(a.raisedOn, b.raisedOn) || text(a.raisedBy, b.raisedBy) || a.provisionalSeq - b.provisionalSeq || text(a.id, b.id);
  };
}

interface ScaleGrade {
  readonly key: string;
  readonly code: string;
  readonly isNonconformity: boolean;
  readonly order: number;
}

/** Final numbers for every live finding (see the module comment), or why the profile's pattern cannot number them. */
export function assignFindingNumbers(input: NumberingInput): NumberingOutcome {
  const parsed = parseNumberingPattern(input.numbering.pattern);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const hasGradeToken = parsed.tokens.some((token) => token.kind === 'grade');
  const perGrade = input.numbering.sequence === 'per-grade';

  const scale = new Map<string, ScaleGrade>(input.grades.map((grade) => [grade.key, grade]));
  const lastOrder = Math.max(0, ...input.grades.map((grade) => grade.order));
  scale.set(AREA_OF_CONCERN, { key: AREA_OF_CONCERN, code: AREA_OF_CONCERN_CODE, isNonconformity: false, order: lastOrder + 1 });
  const covered = (grade: ScaleGrade): boolean => input.numbering.appliesTo === 'all-grades' || grade.isNonconformity;
  const sequenceOf = (grade: ScaleGrade): string => (perGrade ? grade.key : '*');
  const format = (grade: ScaleGrade, seq: number): string =>
    formatFindingNumber(input.numbering.pattern, { year: input.year, gradeCode: grade.code, auditNumber: input.auditNumber, seq }) ?? '';
  const order = numberingOrder((key) => scale.get(key)?.order ?? Number.MAX_SAFE_INTEGER);

  const assignments = new Map<string, NumberAssignment>();
  /** Numbers taken per sequence (kept or held by a deleted finding). */
  const taken = new Map<string, Set<number>>();
  const take = (sequence: string, seq: number) => {
    const set = taken.get(sequence) ?? new Set<number>();
    set.add(seq);
    taken.set(sequence, set);
  };
  const candidates: { finding: NumberingFinding; grade: ScaleGrade; renumbered: boolean }[] = [];
  const keepers: { finding: NumberingFinding; grade: ScaleGrade; unchanged: boolean }[] = [];

  for (const finding of [...input.findings].sort((a, b) => text(a.id, b.id))) {
    const grade = scale.get(finding.grade);
    if (finding.deleted) {
      if (!input.renumberAll && finding.finalSeq !== null) {
        if (grade) take(sequenceOf(grade), finding.finalSeq);
        else if (!perGrade) take('*', finding.finalSeq);
      }
      continue;
    }
    if (!grade) {
      assignments.set(finding.id, { findingId: finding.id, number: finding.finalNumber, seq: finding.finalSeq, previous: finding.finalNumber, reason: 'unknown_grade' });
      if (!perGrade && finding.finalSeq !== null && !input.renumberAll) take('*', finding.finalSeq);
      continue;
    }
    if (!covered(grade)) {
      const reason = finding.finalNumber !== '' || finding.finalSeq !== null ? 'cleared' : 'not_numbered';
      assignments.set(finding.id, { findingId: finding.id, number: '', seq: null, previous: finding.finalNumber, reason });
      continue;
    }
    if (input.renumberAll || finding.finalSeq === null) {
      candidates.push({ finding, grade, renumbered: finding.finalSeq !== null });
      continue;
    }
    const unchanged = finding.finalNumber === format(grade, finding.finalSeq);
    const regraded =
      perGrade &&
      hasGradeToken &&
      !unchanged &&
      input.grades.some((other) => other.code !== grade.code && format(other, finding.finalSeq!) === finding.finalNumber);
    if (regraded) candidates.push({ finding, grade, renumbered: true });
    else keepers.push({ finding, grade, unchanged });
  }

  // Two findings claiming one number of a sequence: the one whose number reads as given, then the first in order, keeps it.
  keepers.sort((a, b) => Number(b.unchanged) - Number(a.unchanged) || order(a.finding, b.finding));
  const kept = new Map<string, Set<number>>();
  for (const keeper of keepers) {
    const sequence = sequenceOf(keeper.grade);
    const seq = keeper.finding.finalSeq!;
    const claimed = kept.get(sequence) ?? new Set<number>();
    if (claimed.has(seq)) {
      candidates.push({ finding: keeper.finding, grade: keeper.grade, renumbered: true });
      continue;
    }
    claimed.add(seq);
    kept.set(sequence, claimed);
    take(sequence, seq);
    const number = format(keeper.grade, seq);
    assignments.set(keeper.finding.id, { findingId: keeper.finding.id, number, seq, previous: keeper.finding.finalNumber, reason: 'kept' });
  }

  const next = new Map<string, number>();
  candidates.sort((a, b) => order(a.finding, b.finding));
  for (const { finding, grade, renumbered } of candidates) {
    const sequence = sequenceOf(grade);
    const seq = next.get(sequence) ?? Math.max(input.earlierLastSeq ?? 0, ...(taken.get(sequence) ?? [])) + 1;
    next.set(sequence, seq + 1);
    const number = format(grade, seq);
    assignments.set(finding.id, { findingId: finding.id, number, seq, previous: finding.finalNumber, reason: renumbered ? 'renumbered' : 'new' });
  }

  const tooLong = [...assignments.values()].find((assignment) => assignment.number.length > MAX_NUMBER_LENGTH);
  if (tooLong) return { ok: false, problem: { reason: 'too-long', number: tooLong.number, max: MAX_NUMBER_LENGTH } };
  return { ok: true, assignments: [...assignments.values()].sort((a, b) => text(a.findingId, b.findingId)) };
}
