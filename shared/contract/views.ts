import type { InterfaceLanguage } from '../languages.ts';
import type { AuditType, Engagement, Site, StandardEdition, TeamMember } from '../engagement.ts';

/** What the renderer sees of values the services return: plain JSON, paths as the platform shows them. */

export interface AppInfo {
  readonly version: string;
  /** 'workspace': files are names inside the host's workspace (in-page picker); 'native': OS dialogs. */
  readonly fileAccess: 'workspace' | 'native';
  readonly platform: 'web' | 'electron';
}

/** The desktop menu's labels, in the interface language (the renderer holds the strings). */
export interface MenuLabels {
  readonly file: string;
  readonly newEngagement: string;
  readonly open: string;
  readonly saveCopy: string;
  readonly close: string;
  readonly edit: string;
  readonly view: string;
  readonly window: string;
}

export interface InstallationView {
  readonly actorId: string;
  readonly name: string;
  readonly initials: string;
  /** The interface language chosen; null until chosen (the renderer follows the system's). */
  readonly language: InterfaceLanguage | null;
}

export interface EngagementSummaryView {
  readonly handle: string;
  /** The file as the user names it: a workspace name in the browser, a full path on the desktop. */
  readonly file: string;
  readonly engagementId: string;
  readonly readOnly: boolean;
  readonly readOnlyReason: 'file_mode' | 'newer_version' | null;
  readonly integrity: 'new' | 'skipped' | 'quick' | 'full';
  readonly migratedFrom: number | null;
  readonly clockAhead: boolean;
  readonly engagement: Engagement | null;
  /** Every logged value against its fingerprint: 'pending' until the check after the first screen ran. */
  readonly fileCheck: FileCheckView;
  /** A -journal that Audit Workbench did not write lay beside the file; it was set aside at open. */
  readonly foreignJournal: { readonly fileCopy: string; readonly journalCopy: string } | null;
}

export interface FileDamageView {
  /** row_mismatch: a stored record is not what its (intact) history says. */
  readonly reason: 'sequence_gap' | 'prev_hash_mismatch' | 'entry_hash_mismatch' | 'value_hash_mismatch' | 'unreadable' | 'row_mismatch';
  readonly entity: string;
  readonly field: string;
  readonly replicaId: string;
  readonly seq: number;
}

export type FileCheckView =
  | { readonly state: 'pending' }
  /** Not checked: the file comes from a newer app, which may fingerprint what this one does not know. */
  | { readonly state: 'skipped' }
  | { readonly state: 'ok'; readonly entries: number }
  | { readonly state: 'damaged'; readonly damage: FileDamageView };

export interface OpenedEngagementView {
  readonly alreadyOpen: boolean;
  /** It was already open in another window, which was brought to the front instead. */
  readonly openElsewhere: boolean;
  readonly summary: EngagementSummaryView;
}

export interface RecentEngagementView {
  readonly file: string;
  readonly clientName: string;
  readonly auditType: AuditType | string;
  readonly startDate: string;
  readonly endDate: string;
  readonly lastOpenedAt: string;
  readonly missing: boolean;
}

export interface WorkspaceFileView {
  readonly name: string;
  readonly size: number;
  readonly modifiedAt: string;
}

export interface BackupView {
  readonly id: string;
  readonly engagementId: string;
  readonly clientName: string;
  readonly reason: 'rolling' | 'migration' | 'recovery';
  readonly createdAt: string;
  readonly size: number;
  readonly sha256: string;
}

/** The rolling backups' folder and what each engagement's take; the limits are shared/backup-limits.ts. */
export interface BackupUsageView {
  /** Where they are, as the platform shows host paths; null where it shows none (the browser host). */
  readonly folder: string | null;
  /** Newest backup first. */
  readonly engagements: readonly { readonly engagementId: string; readonly clientName: string; readonly count: number; readonly bytes: number }[];
}

/** A row of a table edited through the row path, as stored (merge columns included). */
export type RowView = Readonly<Record<string, string | number | null>>;

export interface CopyView {
  readonly file: string;
  readonly sha256: string;
  readonly size: number;
}

export interface EngagementRosterView {
  readonly sites: Site[];
  readonly team: TeamMember[];
}

export type JobEvent =
  | { readonly seq: number; readonly jobId: string; readonly kind: 'progress'; readonly done: number; readonly total: number; readonly phase: string }
  | { readonly seq: number; readonly jobId: string; readonly kind: 'done'; readonly value: unknown }
  | { readonly seq: number; readonly jobId: string; readonly kind: 'failed'; readonly error: { code: string; params: Record<string, unknown> } };

export interface JobPollView {
  readonly events: JobEvent[];
  readonly lastSeq: number;
}

export type { StandardEdition };
