/** The engagement as auditors describe it: what is audited, against what, when and by whom. */
import type { ENGAGEMENT_TABLE, SITE_TABLE, TEAM_MEMBER_TABLE } from './tables/engagement-tables.ts';
import type { FieldsOf, MergeColumns, RowOf } from './tables/table.ts';

export const AUDIT_TYPES = [
  'stage1',
  'stage2',
  'surveillance1',
  'surveillance2',
  'recertification',
  'special',
  'scope_extension',
  'transfer',
  'short_notice',
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

/**
 * The audit types offered for a new choice. A transfer from another CB is not an audit type (IAF
 * MD 2: a pre-transfer review, then the scheduled audit; "transferred from" is its own field), and a
 * special audit is either a scope extension or a short-notice audit: 'special' and 'transfer' stay
 * in AUDIT_TYPES only so files that already hold them stay readable.
 */
export const OFFERED_AUDIT_TYPES = ['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification', 'scope_extension', 'short_notice'] as const satisfies readonly AuditType[];

/** Other parties of ISO/IEC 20000-1 8.2.3. Appended to, never reordered or renamed. */
export const OTHER_PARTY_KINDS = ['external_supplier', 'internal_supplier', 'customer_as_supplier'] as const;
export type OtherPartyKind = (typeof OTHER_PARTY_KINDS)[number];
/** What an other party operates (8.2.3): a whole service, a service component, or a process. */
export const OPERATED_ELEMENTS = ['service', 'component', 'process'] as const;
export type OperatedElement = (typeof OPERATED_ELEMENTS)[number];

/** How an audit-time adjustment is expressed: percent of the table value, or auditor-days. */
export const TIME_ADJUSTMENT_UNITS = ['percent', 'days'] as const;

/** How this audit relates to audits against other standards (IAF MD 11): each finding then names its standard. */
export const AUDIT_COMBINATIONS = ['single', 'combined', 'joint', 'integrated'] as const;
export type AuditCombination = (typeof AUDIT_COMBINATIONS)[number];

export const STANDARD_EDITIONS = ['20000-1:2018+A1:2024', '20000-1:2018', '20000-1:2011'] as const;
export type StandardEdition = (typeof STANDARD_EDITIONS)[number];

export const SITE_KINDS = ['central', 'permanent', 'temporary', 'virtual'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** A site's place in the IAF MD 1 sample. Appended to, never reordered or renamed. */
export const SITE_SAMPLE_BASES = ['none', 'central', 'random', 'chosen'] as const;
export type SiteSampleBasis = (typeof SITE_SAMPLE_BASES)[number];

/** Appended to, never reordered or renamed: stored values must stay readable. */
export const TEAM_ROLES = ['lead', 'auditor', 'technical_expert', 'observer', 'trainee', 'interpreter', 'guide'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

// Row types come from the tables' declarations (shared/tables/): one description per table.
export type { MergeColumns };
/** What the user types to create an engagement (the checklist pack and CB profile are chosen afterwards). */
export type EngagementFields = Omit<FieldsOf<typeof ENGAGEMENT_TABLE>, 'checklist_pack_id' | 'cb_profile_id'>;
export type Engagement = RowOf<typeof ENGAGEMENT_TABLE>;
/** Fields filled in during preparation, each with a default: a new engagement may leave them out. */
export const PREPARATION_FIELDS = [
  'client_representative',
  'client_contact',
  'client_credit_code',
  'licence_covers_scope',
  'audit_language',
  'transferred_from',
  'combination',
  'other_standards',
  'team_notified_on',
  'certificate_number',
  'certification_decision_on',
  'certificate_expires_on',
  'sms_scope',
  'certificate_wording',
  'certificate_wording_second',
  'certificate_second_language',
  'md1_one_system',
  'md1_central_control',
  'md1_internal_audits',
  'md1_sampling_appropriate',
  'md1_proved_effective',
  'md1_seed',
  'md1_inputs_hash',
  'effective_personnel',
  'table_auditor_days',
  'allocated_onsite_days',
  'allocated_remote_days',
  'allocation_justification',
  'surveillance_clauses',
  'scope_wording_status',
  'scope_wording_change',
  'stage2_focus',
  'sms_operating_since',
  'earlier_last_finding_seq',
  'cb_audit_number',
] as const satisfies readonly (keyof EngagementFields)[];
type PreparationField = (typeof PREPARATION_FIELDS)[number];
/** What creating an engagement needs: the setup's essentials; preparation fields may come later. */
export type NewEngagementFields = Omit<EngagementFields, PreparationField> & Partial<Pick<EngagementFields, PreparationField>>;
export type SiteFields = FieldsOf<typeof SITE_TABLE>;
export type Site = RowOf<typeof SITE_TABLE>;
export type TeamMemberFields = FieldsOf<typeof TEAM_MEMBER_TABLE>;
export type TeamMember = RowOf<typeof TEAM_MEMBER_TABLE>;
