/**
 * The fixed lists of fieldwork (issue 15). Each is appended to, never reordered or renamed: stored
 * values stay readable by every later app, and the screens translate them by key.
 */

/** What an evidence reference points at (files and photos attached to it come with issue 16). */
export const EVIDENCE_KINDS = ['document', 'record', 'interview', 'observation', 'screenshot', 'photo'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** What the auditor saw of a record, overall and per test attribute of the pack's records to sample. */
export const RECORD_RESULTS = ['not_tested', 'pass', 'fail', 'not_applicable'] as const;
export type RecordResult = (typeof RECORD_RESULTS)[number];

/** A conclusion on a process or clause group. */
export const CONCLUSION_STATUSES = ['not_concluded', 'conforming', 'not_conforming'] as const;
export type ConclusionStatus = (typeof CONCLUSION_STATUSES)[number];

/** A rating of the five-point process-control grid, and of a remote session's effectiveness (IAF MD 4). */
export const EFFECTIVENESS_RATINGS = ['not_assessed', 'effective', 'partly_effective', 'not_effective'] as const;
export type EffectivenessRating = (typeof EFFECTIVENESS_RATINGS)[number];

/** The five points of process control (reference: "Process control: the five points"), in its order. */
export const GRID_POINTS = ['outputs', 'inputs', 'efficiency', 'improvement', 'objective_evidence'] as const;
export type GridPoint = (typeof GRID_POINTS)[number];

/** Scope verification: is a service in scope really delivered as stated? */
export const SCOPE_CHECK_STATUSES = ['not_checked', 'confirmed', 'not_confirmed'] as const;
export type ScopeCheckStatus = (typeof SCOPE_CHECK_STATUSES)[number];

/** The certificate's scope wording: confirmed as it stands, or a change proposed. */
export const SCOPE_WORDING_STATUSES = ['not_checked', 'confirmed', 'change_proposed'] as const;
export type ScopeWordingStatus = (typeof SCOPE_WORDING_STATUSES)[number];

/** What every surveillance audit must cover (reference: "Audit types and cycle"). */
export const SURVEILLANCE_ITEMS = ['internal_audit', 'management_review', 'complaints', 'changes', 'use_of_marks', 'earlier_nonconformities'] as const;
export type SurveillanceItem = (typeof SURVEILLANCE_ITEMS)[number];

export const SURVEILLANCE_STATUSES = ['not_covered', 'satisfactory', 'concern'] as const;
export type SurveillanceStatus = (typeof SURVEILLANCE_STATUSES)[number];

/**
 * What became of a plan session on the day. "planned" = nothing recorded yet; "added" = a session
 * held that the plan did not have (an ad-hoc notebook opens one).
 */
export const SESSION_OUTCOMES = ['planned', 'held', 'moved', 'shortened', 'extended', 'cancelled', 'added'] as const;
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];

/** Where a session's time was spent, for planned against actual time (Chinese CBs report on-site and remote separately). */
export const SESSION_MODES = ['as_planned', 'on_site', 'remote', 'off_site'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** A person at a meeting (the opening and closing meetings' attendance lists). */
export const ATTENDANCE_PRESENCE = ['present', 'remote', 'absent'] as const;
export type AttendancePresence = (typeof ATTENDANCE_PRESENCE)[number];

/** What the opening meeting confirms (17021-1 9.4.6; reference: "Meetings"), in the order a lead says them. */
export const OPENING_POINTS = [
  'team_introduced',
  'scope_confirmed',
  'plan_confirmed',
  'methods_and_sampling',
  'communication',
  'language',
  'confidentiality',
  'safety',
  'finding_grades',
  'termination_conditions',
  'appeals_and_complaints',
] as const;
export type OpeningPoint = (typeof OPENING_POINTS)[number];

/** Stage 1 document review: is the document adequate for the requirement? */
export const DOCUMENT_ADEQUACY = ['not_reviewed', 'adequate', 'inadequate'] as const;
export type DocumentAdequacy = (typeof DOCUMENT_ADEQUACY)[number];

/** Stage 1 readiness for stage 2, per area. */
export const READINESS_STATUSES = ['not_assessed', 'ready', 'ready_with_concerns', 'not_ready'] as const;
export type ReadinessStatus = (typeof READINESS_STATUSES)[number];

/**
 * The areas stage 1 judges readiness in: the profile's readiness rules (operating period, internal
 * audit, management review) plus what 17021-1 9.3.1.2 asks stage 1 to look at.
 */
export const READINESS_AREAS = ['sms_documentation', 'operating_period', 'internal_audit', 'management_review', 'scope_and_services', 'sites_and_resources', 'service_records'] as const;
export type ReadinessArea = (typeof READINESS_AREAS)[number];
