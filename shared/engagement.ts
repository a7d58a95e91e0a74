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
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export const STANDARD_EDITIONS = ['20000-1:2018+A1:2024', '20000-1:2018', '20000-1:2011'] as const;
export type StandardEdition = (typeof STANDARD_EDITIONS)[number];

export const SITE_KINDS = ['central', 'permanent', 'temporary', 'virtual'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** Appended to, never reordered or renamed: stored values must stay readable. */
export const TEAM_ROLES = ['lead', 'auditor', 'technical_expert', 'observer', 'trainee', 'interpreter', 'guide'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

// Row types come from the tables' declarations (shared/tables/): one description per table.
export type { MergeColumns };
/** What the user types to create an engagement (the checklist pack is chosen afterwards). */
export type EngagementFields = Omit<FieldsOf<typeof ENGAGEMENT_TABLE>, 'checklist_pack_id'>;
export type Engagement = RowOf<typeof ENGAGEMENT_TABLE>;
export type SiteFields = FieldsOf<typeof SITE_TABLE>;
export type Site = RowOf<typeof SITE_TABLE>;
export type TeamMemberFields = FieldsOf<typeof TEAM_MEMBER_TABLE>;
export type TeamMember = RowOf<typeof TEAM_MEMBER_TABLE>;
