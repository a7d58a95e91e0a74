/** The engagement as auditors describe it: what is audited, against what, when and by whom. */

export const AUDIT_TYPES = [
  'stage1',
  'stage2',
  'surveillance1',
  'surveillance2',
  'recertification',
  'special',
  'scope_extension',
  'transfer',
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export const STANDARD_EDITIONS = ['20000-1:2018+A1:2024', '20000-1:2018', '20000-1:2011'] as const;
export type StandardEdition = (typeof STANDARD_EDITIONS)[number];

export const SITE_KINDS = ['central', 'permanent', 'temporary', 'virtual'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export const TEAM_ROLES = ['lead', 'auditor', 'technical_expert', 'observer', 'trainee', 'interpreter'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Columns every mergeable row carries (DESIGN.md: merge-ready data). */
export interface MergeColumns {
  readonly id: string;
  readonly created_by: string;
  readonly updated_at: string;
  readonly updated_by: string;
  readonly deleted: 0 | 1;
}

export interface EngagementFields {
  client_name: string;
  client_address: string;
  audit_type: AuditType;
  standard_edition: StandardEdition;
  certification_body: string;
  criteria: string;
  objectives: string;
  scope: string;
  time_zone: string;
  start_date: string;
  end_date: string;
}
export type Engagement = EngagementFields &
  MergeColumns & {
    /** The checklist pack copied into this engagement (checklist_pack.id), or null before one is chosen. */
    checklist_pack_id: string | null;
  };

export interface SiteFields {
  engagement_id: string;
  name: string;
  address: string;
  country: string;
  kind: SiteKind;
  activities: string;
}
export type Site = SiteFields & MergeColumns;

export interface TeamMemberFields {
  engagement_id: string;
  actor_id: string | null;
  name: string;
  initials: string;
  role: TeamRole;
  email: string;
}
export type TeamMember = TeamMemberFields & MergeColumns;
