import type { AuditType } from '../engagement.ts';
import type { PlanExportView } from './plan-views.ts';
import type { ReportSignatureView } from './signing-views.ts';

/**
 * The audit report (issue 18) as the Report screen sees it: the completeness gate, the issued
 * revisions and drafts, and what an export wrote.
 */

/**
 * What the completeness gate can list. Missing 17021-1 9.4.8 items (`item` is its number in the
 * reference's list) and open decisions (`item` null). Words live in the renderer ("report" strings),
 * one per code; `params` fill them.
 */
export const REPORT_GATE_CODES = [
  // 9.4.8 items
  'cb-identity', // 1: the profile names no certification body
  'client-details', // 2: client name, address or representative missing (params.field)
  'credit-code', // 2, Chinese CBs: unified social credit code missing or invalid
  'licence-check', // 2, Chinese CBs: business-licence scope check not recorded
  'criteria', // 4
  'objectives', // 5
  'scope', // 6: scope statement empty (params.field: 'statement' | 'services' | 'sites' | 'other-language')
  'service-category', // 6, Chinese CBs: a service without its CNCA category (params.service)
  'deviation-reason', // 7: a session moved, shortened, cancelled or added without a reason (params.session)
  'statement', // 8, 12, 13, 17 and the conclusions: an audit statement not recorded or without its text (params.item)
  'lead', // 9: no audit team leader
  'registration-number', // 9, when the profile asks: an auditor without registration number (params.member)
  'dates', // 10: no audit activity in the plan as it ran
  'actual-times', // 10, when the profile asks for auditor-days with times: a held session without actual times
  'conclusion', // 11: a process or clause group without a conclusion (params.topic)
  'finding-statement', // 11: a finding with a part of its statement empty (params.finding, params.part)
  'findings-unnumbered', // 11: findings still provisional (params.count)
  'earlier-nc', // 18: an earlier nonconformity without a verification (params.number)
  'recommendation', // 16
  'readiness', // stage 1: an area not assessed (params.area)
  'document-review', // stage 1: no document reviewed
  // open decisions
  'nc-unacknowledged', // a nonconformity neither acknowledged nor declined (params.finding)
  'merge-conflicts', // open merge conflicts (params.count)
  'surveillance-item', // a mandatory surveillance item not covered (params.item)
  'unresolved-opinion', // a diverging opinion still open (params.finding) — warned, never blocks
] as const;
export type ReportGateCode = (typeof REPORT_GATE_CODES)[number];

/** Where the lead fixes an item: a section of the engagement window and, within it, a tab. */
export interface ReportFixTarget {
  /** A section id of the engagement window ('setup', 'scope', 'team', 'plan', 'conclusions', 'findings', …). */
  readonly section: string;
  /** The section's tab ('as-run', 'audit-conclusions', 'closing', 'follow-up', 'stage1', …), or null. */
  readonly tab: string | null;
}

export interface ReportGateItemView {
  readonly code: ReportGateCode;
  /** The 17021-1 9.4.8 item's number in the reference's list, or null for an open decision. */
  readonly item: number | null;
  /** A blocking item keeps the final report back; a warning (an unresolved opinion) is only shown. */
  readonly blocking: boolean;
  readonly params: Readonly<Record<string, string | number>>;
  readonly fix: ReportFixTarget;
}

/** One entry of the report's register: an issued revision or a draft, with its fingerprint. */
export interface ReportRevisionView {
  readonly revision: number;
  readonly draft: boolean;
  readonly format: 'docx' | 'pdf' | 'zip';
  readonly kind: 'audit-report' | 'audit-report-draft' | 'review-package';
  readonly language: string;
  readonly template: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly size: number;
  readonly exportedAt: string;
  readonly exportedBy: string;
}

export interface ReportGateView {
  readonly auditType: AuditType;
  /** No blocking item: the final report may be issued. */
  readonly ready: boolean;
  readonly items: readonly ReportGateItemView[];
  /** The revision the next issued report will have. */
  readonly nextRevision: number;
  /** Photos with a report copy (the evidence annex), and their total size in bytes. */
  readonly photos: { readonly count: number; readonly bytes: number };
  /** Issued revisions and drafts of the report and the review packages, newest first. */
  readonly revisions: readonly ReportRevisionView[];
}

/** What a report export wrote: a draft or the issued revision. */
export interface ReportExportView extends PlanExportView {
  readonly draft: boolean;
  /** Set when the issued report was signed (issue 19). */
  readonly signature?: ReportSignatureView | null;
}

/** The technical-review package written: the zip, and the names of the files inside it. */
export interface ReviewPackageView extends PlanExportView {
  readonly reportRevision: number;
  readonly entries: readonly string[];
}
