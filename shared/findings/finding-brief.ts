import type { Grade } from '../cb-profile/profile.ts';

/**
 * A finding as the closing meeting, the documents and the follow-up need it: label, grade, the three
 * parts and its clauses. One reader for all of them, so a finding is named and graded the same
 * everywhere. Ordered as numbered (final numbers first, by sequence), then provisional ones by who
 * raised them and their sequence.
 */
export interface FindingBrief {
  readonly id: string;
  readonly label: string;
  readonly finalNumber: string;
  readonly finalSeq: number | null;
  readonly grade: string;
  /** The profile's grade, or null when it no longer defines it (or an area of concern). */
  readonly gradeInfo: Grade | null;
  readonly isNonconformity: boolean;
  readonly requirement: string;
  readonly evidence: string;
  readonly notFulfilled: string;
  readonly procedure: string;
  readonly process: string;
  readonly clauses: readonly string[];
  readonly raisedOn: string;
  readonly raisedBy: string;
  readonly raisedByName: string;
  readonly auditeeRepresentative: string;
}
