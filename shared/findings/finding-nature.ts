import type { Grade } from '../cb-profile/profile.ts';
import { AREA_OF_CONCERN } from './finding-kinds.ts';
import type { FindingNature } from './statement-check.ts';

/**
 * What kind of finding a grade makes, whatever the CB calls it (the statement check and the grading
 * prompts judge by this): a nonconformity when the profile says so; an area of concern at stage 1;
 * otherwise by the shipped scale's keys ('improvement' → improvement, 'good-practice' → good practice),
 * and an observation for any other grade that is not a nonconformity — the cautious reading, checked
 * for vague words like a nonconformity. A grade the profile no longer defines reads as an observation.
 */
export function findingNature(grades: readonly Grade[], grade: string): FindingNature {
  if (grade === AREA_OF_CONCERN) return 'concern';
  const known = grades.find((candidate) => candidate.key === grade);
  if (known?.isNonconformity) return 'nonconformity';
  if (grade === 'improvement') return 'improvement';
  if (grade === 'good-practice') return 'good_practice';
  return 'observation';
}
