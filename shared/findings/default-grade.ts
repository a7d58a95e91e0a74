import type { Grade } from '../cb-profile/profile.ts';
import { AREA_OF_CONCERN } from './finding-kinds.ts';

/**
 * The grade a new finding starts with, before the auditor grades it (issue 17). What an experienced
 * auditor expects, and never more severe than the evidence said:
 * - at stage 1: an area of concern (stage 1 records concerns, not graded nonconformities);
 * - raised from a checklist answer marked "nonconformity found", or from a record seen that failed:
 *   the LEAST severe nonconformity grade of the scale (the minor, on the default scale) — a major is
 *   the auditor's conscious decision and needs its rationale, so it is never a default;
 * - anything else (an answer marked "observation", a notebook entry, a finding on its own): the first
 *   grade of the scale that is not a nonconformity (the observation, on the default scale).
 * A scale with no grade of the wanted kind falls back to its other kind; an empty scale to ''.
 */
export type GradeHint = 'nonconformity' | 'not_nonconformity';

export function defaultGrade(grades: readonly Grade[], stage1: boolean, hint: GradeHint): string {
  if (stage1) return AREA_OF_CONCERN;
  const ordered = [...grades].sort((a, b) => a.order - b.order);
  const nonconformities = ordered.filter((grade) => grade.isNonconformity);
  const others = ordered.filter((grade) => !grade.isNonconformity);
  const leastSevereNc = nonconformities[nonconformities.length - 1];
  const firstOther = others[0];
  const chosen = hint === 'nonconformity' ? (leastSevereNc ?? firstOther) : (firstOther ?? leastSevereNc);
  return chosen?.key ?? '';
}

/** Whether a grade key means something on this scale: one of its keys, or the stage 1 area of concern. */
export function isKnownGrade(grades: readonly Grade[], grade: string): boolean {
  return grade === AREA_OF_CONCERN || grades.some((candidate) => candidate.key === grade);
}
