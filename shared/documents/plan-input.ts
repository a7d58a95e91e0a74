import type { AuditType, TeamRole } from '../engagement.ts';

/** The languages a document's fixed text is written in (the CB profile's report language, or chosen at export). */
export const DOCUMENT_LANGUAGES = ['en', 'zh-Hans'] as const;
/** Each document language by its own name, as a chooser shows it. */
export const LANGUAGE_NAMES: Readonly<Record<DocumentLanguage, string>> = { en: 'English', 'zh-Hans': '简体中文' };
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** Which document of the engagement, its revision and when it was made: the header, footer and change log carry them. */
export interface DocumentIdentity {
  readonly language: DocumentLanguage;
  /** Short engagement reference printed in every header (e.g. "KDS-S1-2027"). */
  readonly reference: string;
  /** 1, 2, …: each export of the same document kind is the next revision. */
  readonly revision: number;
  /** UTC instant of the export (ISO 8601); shown in the engagement's time zone. */
  readonly issuedAt: string;
  readonly issuedBy: string;
}

/** The certification body as the profile names it, already in the document's language. */
export interface DocumentCertificationBody {
  readonly name: string;
  readonly address: string;
  /** "UKAS 1234", "CNAS C123-M" …, one per accreditation. */
  readonly accreditations: readonly string[];
  readonly cncaApprovalNumber: string | null;
  readonly cnasAccreditationNumber: string | null;
  /** data:image/png or data:image/jpeg URL from the profile, or null. */
  readonly logoDataUrl: string | null;
}

export interface PlanSessionInput {
  readonly id: string;
  /** Calendar date (YYYY-MM-DD) in the engagement's time zone. */
  readonly day: string;
  /** Local times "HH:MM" on that day. */
  readonly start: string;
  readonly end: string;
  readonly kind: 'opening' | 'closing' | 'audit' | 'break' | 'other';
  readonly title: string;
  /** The site's name, or null for a remote session or one without a place. */
  readonly siteName: string | null;
  /** Remote sessions (IAF MD 4): the tool, how identities are checked, the fallback. */
  readonly remote: { readonly tool: string; readonly identityCheck: string; readonly fallback: string } | null;
  /** Process names and clause numbers, already labelled in the document's language. */
  readonly processes: readonly string[];
  readonly clauses: readonly string[];
  readonly services: readonly string[];
  readonly auditees: readonly { readonly name: string; readonly role: string }[];
  /** Ids of `PlanDocumentInput.team` members in the session (auditors and accompanying persons). */
  readonly teamMemberIds: readonly string[];
  readonly notes: string;
}

/**
 * Everything the audit plan document shows (ISO/IEC 17021-1 9.2.3: objectives, criteria, scope with
 * sites and services, dates and places, expected time and duration of on-site and remote activities,
 * roles of the team and accompanying persons, audit language, confidentiality), already resolved
 * from the engagement: names, not ids (except to link sessions to the team), labels in the document's
 * language. Built by the plan capability; rendered by the document engine and the CB's templates.
 */
export interface PlanDocumentInput {
  readonly document: DocumentIdentity;
  readonly certificationBody: DocumentCertificationBody;
  readonly client: {
    readonly name: string;
    readonly address: string;
    readonly representative: string;
    readonly contact: string;
    /** Unified social credit code, when the CB's reports need it; else null. */
    readonly creditCode: string | null;
  };
  readonly audit: {
    readonly type: AuditType;
    /** The audit type in the document's language (e.g. "Surveillance 1", "第一次监督审核"). */
    readonly typeLabel: string;
    readonly standard: string;
    readonly criteria: string;
    readonly objectives: string;
    readonly scope: string;
    readonly startDate: string;
    readonly endDate: string;
    readonly timeZone: string;
    /** The audit language's name in the document's language ("English", "中文"). */
    readonly language: string;
    /** e.g. "Combined audit with ISO/IEC 27001:2022", or ''. */
    readonly combination: string;
  };
  readonly sites: readonly {
    readonly name: string;
    readonly address: string;
    readonly kind: string;
    /** Why it is visited (central function, drawn at random, chosen: reason), or '' when not visited. */
    readonly visit: string;
  }[];
  readonly services: readonly { readonly name: string; readonly description: string }[];
  readonly team: readonly {
    readonly id: string;
    readonly name: string;
    readonly role: TeamRole;
    /** The role in the document's language ("Lead auditor", "审核组长"). */
    readonly roleLabel: string;
    readonly registrationNumber: string;
  }[];
  readonly sessions: readonly PlanSessionInput[];
  /** Auditor-days: the CB's allocation and what the plan schedules (lead and auditors only). */
  readonly auditorDays: {
    readonly allocatedOnSite: number | null;
    readonly allocatedRemote: number | null;
    readonly plannedOnSite: number;
    readonly plannedRemote: number;
    readonly justification: string;
  };
  /** The CB's confidentiality statement, or the engine's default when empty. */
  readonly confidentiality: string;
}
