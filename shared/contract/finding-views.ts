import type { Grade } from '../cb-profile/profile.ts';
import type { FindingPart, FindingSource, OpinionStatus } from '../findings/finding-kinds.ts';
import type { FindingsProfile } from '../findings/default-scale.ts';
import type { NumberingReason } from '../findings/numbering-order.ts';

export type { NumberingReason };

/**
 * What the Findings tab shows (issue 17): every live finding with its links, dismissed warnings and
 * diverging opinions, plus what grading and numbering need. Built in the worker from the tables in
 * shared/tables/finding-tables.ts; edits go through the row path (rows:create/update/delete/restore),
 * except raising (findings:raise, one transaction with its links) and numbering (findings:number, lead only).
 */

/** A link row: its own id (to delete it through the row path) and what it points at. */
export interface FindingLinkView {
  readonly id: string;
  readonly target: string;
}

export interface FindingDismissalView {
  readonly id: string;
  readonly part: FindingPart;
  readonly code: string;
  readonly subject: string;
  readonly reason: string;
}

export interface DivergingOpinionView {
  readonly id: string;
  readonly auditeeView: string;
  readonly teamResponse: string;
  readonly status: OpinionStatus;
  readonly resolution: string;
}

export interface FindingView {
  readonly id: string;
  /** The team member who raised it: with provisionalSeq, its provisional id. */
  readonly raisedBy: string;
  readonly raisedByName: string;
  readonly raisedByInitials: string;
  readonly provisionalSeq: number;
  /** '' until the lead numbers the findings. */
  readonly finalNumber: string;
  readonly finalSeq: number | null;
  /** findingLabel(): the final number, or the provisional id. */
  readonly label: string;
  readonly sourceKind: FindingSource;
  /** A key of the profile's scale, or AREA_OF_CONCERN at stage 1. */
  readonly grade: string;
  /** False when the profile no longer defines the grade: kept, flagged, never dropped. */
  readonly gradeKnown: boolean;
  readonly isNonconformity: boolean;
  readonly gradeRationale: string;
  readonly requirement: string;
  readonly evidence: string;
  readonly notFulfilled: string;
  readonly procedure: string;
  readonly process: string;
  readonly auditeeRepresentative: string;
  readonly raisedOn: string;
  readonly sessionId: string | null;
  readonly repeatOf: string | null;
  readonly clauses: readonly FindingLinkView[];
  readonly sites: readonly FindingLinkView[];
  readonly services: readonly FindingLinkView[];
  readonly evidenceRefs: readonly FindingLinkView[];
  readonly answers: readonly FindingLinkView[];
  readonly notes: readonly FindingLinkView[];
  readonly records: readonly FindingLinkView[];
  readonly dismissals: readonly FindingDismissalView[];
  readonly opinions: readonly DivergingOpinionView[];
  /** The row's HLC: the newest edit sorts first when the list is sorted by change. */
  readonly updatedAt: string;
}

/** An earlier nonconformity of the client, as grading's repeat prompt needs it. */
export interface EarlierNcBrief {
  readonly id: string;
  readonly number: string;
  readonly clause: string;
  readonly statement: string;
  /** Not closed as effective: a new finding on its clause is a repeat of an uncorrected nonconformity. */
  readonly uncorrected: boolean;
}

export interface FindingsView {
  readonly findings: readonly FindingView[];
  /** The scale in display order (the profile's, or the shipped default's before one is chosen). */
  readonly grades: readonly Grade[];
  readonly fromProfile: boolean;
  readonly numbering: FindingsProfile['findingNumbering'];
  /** Stage 1 records areas of concern, not graded nonconformities. */
  readonly stage1: boolean;
  /** The lead auditor's team member id (numbering is theirs), or null when the team has none. */
  readonly leadMemberId: string | null;
  /** The team member typing in this copy, or null before "who are you" is answered. */
  readonly typingMemberId: string | null;
  readonly earlierNcs: readonly EarlierNcBrief[];
  /** The client's last earlier finding number, when known: numbering continues after it. */
  readonly earlierLastSeq: number | null;
}

/** Where a finding is raised from; its fields and links are filled in from it. */
export type RaiseSource =
  | { readonly kind: 'none' }
  | { readonly kind: 'answer'; readonly answerId: string }
  | { readonly kind: 'notebook'; readonly entryId: string }
  | { readonly kind: 'record'; readonly recordId: string }
  | { readonly kind: 'sample'; readonly sampleId: string; readonly recordIds: string[] };

export interface RaisedFindingView {
  readonly findingId: string;
  readonly label: string;
}

/** The lead's numbering: which findings got which number (unchanged ones included), by finding id; reasons in shared/findings/numbering-order.ts. */
export interface NumberedFindingsView {
  readonly numbered: readonly {
    readonly findingId: string;
    readonly number: string;
    /** The sequence number ('' number: null). */
    readonly seq: number | null;
    readonly previous: string;
    readonly reason: NumberingReason;
  }[];
}
