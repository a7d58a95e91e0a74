import type { VerificationLimit } from '../findings/deadlines.ts';
import type { VerificationMethod, VerificationResult } from '../findings/finding-kinds.ts';
import type { DocumentIdentity } from './plan-input.ts';

/**
 * What the nonconformity reports (NC forms) show, resolved from the engagement in the document's
 * language: names and labels, never ids. Built in the engagement worker (electron/nc-documents/) and
 * rendered by `ncFormsDocument` or filled into the CB's own NC-form template.
 */

/** A drawn signature as stored: a PNG (or JPEG) `data:` URL, or null when none was drawn. */
export type SignatureDataUrl = string | null;

/** The audit every form names. */
export interface NcFormAudit {
  /** The audit type in the document's language. */
  readonly typeLabel: string;
  readonly type: string;
  readonly standard: string;
  /** First and last day of the audit (YYYY-MM-DD). */
  readonly startDate: string;
  readonly endDate: string;
  readonly timeZone: string;
  /** The CB's own audit number when it gave one, else the app's reference. */
  readonly reference: string;
}

export interface NcFormPerson {
  readonly name: string;
  readonly signature: SignatureDataUrl;
}

/** The auditee's acknowledgement recorded at the closing meeting. */
export type NcAcknowledgement =
  | { readonly status: 'signed'; readonly name: string; readonly role: string; readonly signature: SignatureDataUrl; readonly date: string }
  | { readonly status: 'declined'; readonly name: string; readonly role: string; readonly reason: string; readonly date: string };

/** The client's response as recorded (corrective_action), when there is one. */
export interface NcClientResponse {
  readonly correction: string;
  readonly rootCause: string;
  readonly action: string;
  readonly owner: string;
  readonly correctionDue: string | null;
  readonly actionDue: string | null;
}

/** The CB's verification as recorded, once a verification date is set. */
export interface NcVerification {
  readonly method: VerificationMethod;
  readonly evidence: string;
  readonly effectiveness: VerificationResult;
  readonly verifier: string;
  readonly verifiedOn: string;
}

export interface NcFormItem {
  readonly id: string;
  /** The final number, or the provisional label before the lead numbers the findings. */
  readonly number: string;
  /** The grade's name in the document's language ("Major nonconformity", "严重不符合"). */
  readonly gradeName: string;
  readonly gradeCode: string;
  readonly major: boolean;
  readonly clauses: readonly string[];
  readonly procedure: string;
  readonly process: string;
  readonly requirement: string;
  readonly evidence: string;
  readonly notFulfilled: string;
  readonly raisedOn: string;
  readonly raisedBy: NcFormPerson;
  readonly auditeeRepresentative: string;
  readonly deadlines: { readonly response: string | null; readonly verification: string | null; readonly verificationBy: VerificationLimit | null };
  readonly acknowledgement: NcAcknowledgement | null;
  readonly response: NcClientResponse | null;
  readonly verification: NcVerification | null;
}

export interface NcFormsInput {
  readonly document: DocumentIdentity;
  readonly certificationBody: { readonly name: string; readonly logoDataUrl: string | null };
  readonly client: { readonly name: string; readonly address: string };
  readonly audit: NcFormAudit;
  /** The audit team leader, with their own signature image when drawn. */
  readonly lead: NcFormPerson;
  /** In number order. */
  readonly forms: readonly NcFormItem[];
}
