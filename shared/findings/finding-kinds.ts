/**
 * The fixed vocabularies of findings, the closing meeting and corrective actions (issue 17). Stable
 * codes stored in the file; the screens and documents word them in the interface or report language.
 * Grades are NOT here: they are the CB profile's (its keys), plus the stage 1 area of concern.
 */

/** What a finding was raised from (its links name the rows); 'none' = raised on its own. */
export const FINDING_SOURCES = ['none', 'answer', 'notebook', 'record', 'sample'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

/**
 * The grade key of a stage 1 finding: stage 1 records areas of concern (which could become
 * nonconformities at stage 2), never graded nonconformities. Not a profile key: a profile key must
 * match /^[a-z][a-z0-9-]*$/, so an underscore can never collide with one.
 */
export const AREA_OF_CONCERN = 'area_of_concern';

/** The parts of a finding a dismissed warning or prompt belongs to. */
export const FINDING_PARTS = ['requirement', 'evidence', 'not_fulfilled', 'grade'] as const;
export type FindingPart = (typeof FINDING_PARTS)[number];

/** A diverging opinion of the auditee: unresolved ones go to the report (17021-1 9.4.8). */
export const OPINION_STATUSES = ['unresolved', 'resolved'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

/** The auditee's acknowledgement of a nonconformity at the closing meeting. */
export const ACKNOWLEDGEMENT_STATUSES = ['signed', 'declined'] as const;
export type AcknowledgementStatus = (typeof ACKNOWLEDGEMENT_STATUSES)[number];

/**
 * A nonconformity's corrective action, raised to closed. 'rejected' = the client's response was not
 * accepted (it goes back to waiting for a new response); 'verified' with effectiveness 'not_effective'
 * goes back to 'accepted' for a new action. The allowed transitions are in shared/findings/corrective-action.ts.
 */
export const CA_STATES = ['raised', 'acknowledged', 'response_received', 'accepted', 'rejected', 'implemented', 'verified', 'closed'] as const;
export type CaState = (typeof CA_STATES)[number];

/** How a corrective action (or an earlier nonconformity) was verified. */
export const VERIFICATION_METHODS = ['document_review', 'on_site', 'remote', 'next_audit'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export const VERIFICATION_RESULTS = ['not_assessed', 'effective', 'not_effective'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];

/** Where an earlier nonconformity came from: typed in by hand, or read from a linked earlier engagement file. */
export const EARLIER_NC_SOURCES = ['typed', 'linked_file'] as const;
export type EarlierNcSource = (typeof EARLIER_NC_SOURCES)[number];

/** What an earlier nonconformity's state was when this audit began. */
export const EARLIER_NC_STATUSES = ['open', 'plan_accepted', 'implemented', 'closed'] as const;
export type EarlierNcStatus = (typeof EARLIER_NC_STATUSES)[number];

/**
 * The audit conclusions the report needs and no other screen asks (17021-1 9.4.8 items 8, 12, 13, 17
 * and "also expected"; IAF MD 4; CNCA practice), one row per item. 'recommendation' holds the
 * profile's recommendation key as its verdict and the override reason.
 */
export const AUDIT_STATEMENT_ITEMS = [
  'significant_issues',
  'significant_changes',
  'unresolved_issues',
  'marks_control',
  'conformity_effectiveness',
  'internal_audit',
  'management_review',
  'scope_appropriate',
  'objectives_met',
  'remote_auditing',
  'no_penalties',
  'recommendation',
] as const;
export type AuditStatementItem = (typeof AUDIT_STATEMENT_ITEMS)[number];

/** What the lead states at the closing meeting (17021-1 9.4.7; reference: "Meetings"), in the order said. */
export const CLOSING_POINTS = [
  'findings_presented',
  'sampling_disclaimer',
  'reporting_method_timeframe',
  'nonconformity_handling',
  'certification_consequences',
  'client_plan_timeframe',
  'post_audit_activities',
  'complaints_appeals',
] as const;
export type ClosingPoint = (typeof CLOSING_POINTS)[number];
