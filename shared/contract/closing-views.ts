import type { Grade, RecommendationWording } from '../cb-profile/profile.ts';
import type { AuditType } from '../engagement.ts';
import type { StatementItem } from '../findings/audit-statements.ts';
import type { AcknowledgementStatus, CaState, ClosingPoint } from '../findings/finding-kinds.ts';
import type { RecommendationSuggestion } from '../findings/recommendation.ts';
import type { AttendancePresence } from '../fieldwork/fieldwork-kinds.ts';

/**
 * What the closing meeting and the audit conclusions show (issue 17), read in one worker call:
 * the plan's closing sessions with their attendance and statements, the findings by grade with the
 * auditee's acknowledgement of each nonconformity, the recommendation suggested and the one stored,
 * the audit statements and which items this audit has, and the facts that prefill two of them.
 */

export interface ClosingSessionView {
  readonly id: string;
  readonly day: string;
  readonly start: string;
  readonly end: string;
  readonly title: string;
  readonly remote: boolean;
  readonly attendance: Readonly<Record<AttendancePresence, number>>;
}

export interface ClosingPointView {
  readonly id: string;
  readonly sessionId: string;
  readonly point: ClosingPoint;
  readonly confirmed: boolean;
  readonly note: string;
}

export interface AcknowledgementView {
  readonly id: string;
  readonly status: AcknowledgementStatus;
  readonly signerName: string;
  readonly signerRole: string;
  /** A PNG data URL ('' when declined). */
  readonly signature: string;
  readonly declinedReason: string;
  readonly recordedAt: string;
  readonly recordedBy: string | null;
  readonly recordedByName: string;
}

export interface ClosingFindingView {
  readonly id: string;
  readonly label: string;
  readonly grade: string;
  /** The profile's grade, or null when it no longer defines it (or an area of concern). */
  readonly gradeInfo: Grade | null;
  readonly isNonconformity: boolean;
  readonly major: boolean;
  readonly clauses: readonly string[];
  readonly process: string;
  readonly notFulfilled: string;
  readonly auditeeRepresentative: string;
  /** Open until its corrective action is closed or verified effective. */
  readonly open: boolean;
  readonly caState: CaState | null;
  readonly acknowledgement: AcknowledgementView | null;
}

export interface AuditStatementView {
  readonly id: string;
  readonly item: string;
  readonly verdict: string;
  readonly text: string;
  readonly reason: string;
}

/** The facts of remote auditing (IAF MD 4) from the plan as it ran: sessions held remotely, their tools, effectiveness. */
export interface RemoteFactsView {
  /** Sessions not cancelled (breaks left out). */
  readonly held: number;
  readonly remote: number;
  readonly tools: readonly string[];
  readonly effectiveness: Readonly<Record<'effective' | 'partly_effective' | 'not_effective' | 'not_assessed', number>>;
  readonly notes: readonly string[];
}

export interface UnresolvedOpinionView {
  readonly findingId: string;
  readonly findingLabel: string;
  readonly auditeeView: string;
  readonly teamResponse: string;
}

export interface ClosingView {
  readonly auditType: AuditType;
  /** Whether the grades and wordings are the engagement's CB profile's (else the shipped default's). */
  readonly fromProfile: boolean;
  readonly typingMemberId: string | null;
  readonly typingMemberName: string | null;
  readonly sessions: readonly ClosingSessionView[];
  readonly points: readonly ClosingPointView[];
  readonly grades: readonly Grade[];
  readonly findings: readonly ClosingFindingView[];
  readonly recommendation: {
    readonly suggestion: RecommendationSuggestion;
    readonly stored: AuditStatementView | null;
    readonly wordings: readonly RecommendationWording[];
  };
  readonly items: readonly StatementItem[];
  readonly statements: readonly AuditStatementView[];
  readonly initialCertification: boolean;
  readonly remote: RemoteFactsView;
  readonly unresolvedOpinions: readonly UnresolvedOpinionView[];
}

/** A team member's own signature, for the documents they sign. */
export interface MemberSignatureView {
  readonly memberId: string | null;
  readonly memberName: string | null;
  readonly signature: { readonly id: string; readonly image: string; readonly drawnAt: string } | null;
}

