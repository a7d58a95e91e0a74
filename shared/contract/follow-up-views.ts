import type { LocalizedText } from '../cb-profile/profile.ts';
import type { AuditType } from '../engagement.ts';
import type { CaState } from '../findings/finding-kinds.ts';
import type { VerificationLimit } from '../findings/deadlines.ts';
import type { CORRECTIVE_ACTION_TABLE, EARLIER_NC_TABLE } from '../tables/finding-tables.ts';
import type { RowOf } from '../tables/table.ts';

/**
 * What the Follow-up tab shows (issue 17): every nonconformity of this audit with its corrective
 * action, the history of its moves and its deadlines; and the client's earlier nonconformities,
 * verified at this audit (17021-1 9.4.8 item 18). Built in the worker; moves go through
 * followUp:move, text edits through the row path (rows:update corrective_action / earlier_nc).
 */

export interface CaTransitionView {
  readonly id: string;
  readonly from: CaState;
  readonly to: CaState;
  readonly movedAt: string;
  readonly movedBy: string | null;
  readonly movedByName: string;
  readonly reason: string;
}

export interface NcDeadlinesView {
  /** The client's response (correction, root cause, plan): the profile's days for the grade. */
  readonly response: string | null;
  /** Verification of the actions: the profile's days, and the normative limits for a major. */
  readonly verification: string | null;
  readonly verificationBy: VerificationLimit | null;
}

/** Which deadline has passed while the step it is for is still to come. */
export interface NcOverdueView {
  readonly response: boolean;
  /** The client's own planned date for the action passed before it was implemented. */
  readonly action: boolean;
  readonly verification: boolean;
}

export interface NcFollowUpView {
  readonly findingId: string;
  readonly label: string;
  readonly grade: string;
  /** The profile's name of the grade, or null when it no longer defines it. */
  readonly gradeName: LocalizedText | null;
  /** The most severe nonconformity grade of the scale. */
  readonly major: boolean;
  readonly clauses: readonly string[];
  readonly requirement: string;
  readonly evidence: string;
  readonly notFulfilled: string;
  readonly raisedOn: string;
  /** The stored corrective action, or null until the first move creates it. */
  readonly action: RowOf<typeof CORRECTIVE_ACTION_TABLE> | null;
  readonly state: CaState;
  /** The moves offered from here (those this grade may take). */
  readonly nextMoves: readonly CaState[];
  /** Where "undo" of the last move leads (the typing member's own last move), or null. */
  readonly undoTo: CaState | null;
  readonly deadlines: NcDeadlinesView;
  readonly overdue: NcOverdueView;
  readonly history: readonly CaTransitionView[];
}

export type EarlierNcView = RowOf<typeof EARLIER_NC_TABLE> & { readonly verifierName: string };

export interface FollowUpView {
  /** Today in the engagement's time zone (YYYY-MM-DD): what "overdue" is measured against. */
  readonly today: string;
  readonly timeZone: string;
  readonly auditType: AuditType;
  readonly auditStart: string;
  readonly lastAuditDay: string;
  readonly certificateExpiresOn: string | null;
  /** Minors may be closed on an accepted plan, verified at the next audit (CB policy; see corrective-action.ts). */
  readonly closeOnPlan: boolean;
  /** Deadlines come from the engagement's CB profile (false: the shipped default scale, which sets no days). */
  readonly fromProfile: boolean;
  readonly items: readonly NcFollowUpView[];
  readonly earlier: readonly EarlierNcView[];
  readonly earlierLastSeq: number | null;
  readonly team: readonly { readonly id: string; readonly name: string; readonly role: string }[];
  readonly typing: { readonly memberId: string | null; readonly name: string | null; readonly source: 'member-copy' | 'linked' | 'none' };
}

/** An earlier engagement file as the import shows it before anything is imported. */
export interface LinkedFilePreview {
  readonly file: string;
  readonly engagementId: string;
  readonly clientName: string;
  readonly clientCreditCode: string;
  readonly auditType: AuditType;
  readonly startDate: string;
  readonly endDate: string;
  /** A different client (name or unified social credit code): the user confirms before importing. */
  readonly otherClient: boolean;
  readonly nonconformities: number;
  /** Already imported from this file (by their natural key): a second import adds only the rest. */
  readonly alreadyImported: number;
  readonly highestSeq: number | null;
}

export interface LinkedImportResult {
  readonly added: number;
  readonly alreadyThere: number;
  readonly earlierLastSeq: number | null;
}
