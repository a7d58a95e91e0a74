import type { ClosingPoint } from '../findings/finding-kinds.ts';
import type { NcAcknowledgement, NcFormAudit, NcFormPerson } from './nc-form-input.ts';
import type { DocumentIdentity } from './plan-input.ts';

/**
 * What the closing meeting record shows, resolved from the engagement in the document's language:
 * the meeting (the plan's closing session as it ran), who attended, the statements of ISO/IEC 17021-1
 * 9.4.7 ticked as they were made, the findings presented, each nonconformity's acknowledgement and
 * the recommendation as stated.
 */
export interface ClosingRecordInput {
  readonly document: DocumentIdentity;
  readonly certificationBody: { readonly name: string; readonly logoDataUrl: string | null };
  readonly client: { readonly name: string; readonly address: string };
  readonly audit: NcFormAudit;
  /** The closing meeting; null when the plan has none. */
  readonly meeting: {
    readonly day: string;
    readonly start: string;
    readonly end: string;
    readonly place: string | null;
    readonly remoteTool: string | null;
  } | null;
  readonly attendees: readonly { readonly name: string; readonly role: string; readonly organization: string; readonly remote: boolean }[];
  /** Every point of CLOSING_POINTS, in order, with whether it was recorded as stated. */
  readonly points: readonly { readonly point: ClosingPoint; readonly stated: boolean; readonly note: string }[];
  readonly findings: readonly {
    readonly number: string;
    readonly gradeName: string;
    readonly isNonconformity: boolean;
    readonly clauses: readonly string[];
    /** What is not fulfilled (a nonconformity) or the evidence (another finding), as stated. */
    readonly summary: string;
  }[];
  /** Findings counted per grade, most severe first. */
  readonly counts: readonly { readonly gradeName: string; readonly count: number }[];
  /** One per nonconformity, in number order. */
  readonly acknowledgements: readonly { readonly number: string; readonly acknowledgement: NcAcknowledgement | null }[];
  /** The recommendation as stated (the profile's wording in the document's language), or null before it is recorded. */
  readonly recommendation: { readonly text: string; readonly overrideReason: string } | null;
  readonly lead: NcFormPerson & { readonly date: string };
  readonly clientRepresentative: string;
}
