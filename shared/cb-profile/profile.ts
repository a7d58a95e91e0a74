import type { LocalizedText } from '../checklist/pack.ts';

/**
 * A certification body's profile (format 1): the types of resources/cb-profiles/cb-profile.schema.json.
 * Everything a certification body (CB) decides for itself and the product must not hard-code: its
 * identity and accreditation, the grading scale, finding numbers, deadlines, recommendation wordings,
 * the audit-time table, record-sampling guidance, the optional five-point process grid, the photo
 * policy, stage 1 readiness rules and the extra fields its reports need. Copied into an engagement
 * when chosen, so an app update never changes an audit. Pure data; docs/CB-PROFILE.md describes every field.
 */

export const PROFILE_FORMAT = 'audit-workbench-cb-profile';
export const PROFILE_FORMAT_VERSION = 1;

export type { LocalizedText };

/**
 * The audit types a recommendation wording can name. Part of the public format (not the engagement's
 * list): a profile written for this format must keep loading whatever the engagement code later adds.
 * A transfer is not an audit type (IAF MD 2), and "special" is a scope extension or a short-notice audit.
 */
export const PROFILE_AUDIT_TYPES = ['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification', 'scope_extension', 'short_notice'] as const;
export type ProfileAuditType = (typeof PROFILE_AUDIT_TYPES)[number];

/** positive: certification granted / continued / renewed (stage 1: ready for stage 2); conditional: once actions are verified; negative: not recommended. */
export const RECOMMENDATION_OUTCOMES = ['positive', 'conditional', 'negative'] as const;
export type RecommendationOutcome = (typeof RECOMMENDATION_OUTCOMES)[number];

export const PHOTO_POLICIES = ['strip-metadata', 'keep-capture-time', 'keep-capture-time-and-location'] as const;
export type PhotoPolicy = (typeof PHOTO_POLICIES)[number];

export const SAMPLING_METHODS = ['judgment', 'frequency-table'] as const;
export type SamplingMethod = (typeof SAMPLING_METHODS)[number];

export const TABLE_SOURCES = ['cb-table', 'not-provided'] as const;
export type TableSource = (typeof TABLE_SOURCES)[number];

export const NUMBERING_SEQUENCES = ['per-engagement', 'per-grade'] as const;
export type NumberingSequence = (typeof NUMBERING_SEQUENCES)[number];

export const NUMBERING_SCOPES = ['all-grades', 'nonconformities'] as const;
export type NumberingScope = (typeof NUMBERING_SCOPES)[number];

/** Optional report content a CB can require (most are Chinese practice: CNCA rules, CCAA registration). */
export const REPORT_FIELDS = [
  'unified-social-credit-code',
  'business-licence-scope-check',
  'no-penalties-statement',
  'cnca-category-codes',
  'ccaa-registration-numbers',
  'auditor-days-with-times',
  'scope-in-two-languages',
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

/** Limits shared by the JSON Schema, the validator and the tests. */
export const PROFILE_LIMITS = {
  /** A whole profile file, in characters (a logo included). */
  fileChars: 2_000_000,
  /** The logo's data URL, in characters: about 256 KiB of PNG or JPEG. */
  logoChars: 350_000,
  textChars: 5000,
  /** Decimal places of day values (hundredths of a day: exact arithmetic in the audit-time check). */
  dayDecimals: 2,
  maxDays: 1000,
  maxPersonnel: 10_000_000,
  maxPopulation: 1_000_000_000,
  maxSample: 100_000,
  maxDeadlineDays: 730,
} as const;

export interface Accreditation {
  /** The accreditation body, e.g. "UKAS", "DAkkS", "CNAS". */
  readonly body: string;
  readonly number: string;
  readonly scope?: LocalizedText;
  readonly validFrom?: string;
  readonly validUntil?: string;
}

export interface CertificationBody {
  readonly name: LocalizedText;
  readonly address?: LocalizedText;
  readonly website?: string;
  readonly accreditations?: readonly Accreditation[];
  /** Chinese CBs: the CNCA approval number (批准号), e.g. CNCA-R-2002-001. */
  readonly cncaApprovalNumber?: string;
  /** Chinese CBs: the CNAS accreditation number (认可注册号), e.g. CNAS C001-M. */
  readonly cnasAccreditationNumber?: string;
}

export interface Grade {
  /** Stable key findings store (never renamed): e.g. "major", "minor". */
  readonly key: string;
  /** Short code printed in finding numbers and lists, e.g. "MAJ", "NCmin". */
  readonly code: string;
  /** The label in every language, e.g. {"en": "Minor nonconformity", "zh-Hans": "轻微不符合"} (or 一般不符合). */
  readonly name: LocalizedText;
  readonly definition: LocalizedText;
  /** Whether a finding of this grade is a nonconformity (needs correction, corrective action, acknowledgement). */
  readonly isNonconformity: boolean;
  /** Display order, 1 first (most severe first by convention); unique. */
  readonly order: number;
  /** Calendar days after the last day of the audit for the client's correction / cause / action plan. */
  readonly responseDays?: number;
  /** Calendar days after the last day of the audit by which the actions must be verified. */
  readonly verificationDays?: number;
}

export interface FindingNumbering {
  /** Tokens {year} {yy} {grade} {audit} {seq} {seq:N}; exactly one {seq…} (see numbering.ts). */
  readonly pattern: string;
  readonly sequence: NumberingSequence;
  readonly appliesTo: NumberingScope;
}

export interface RecommendationWording {
  readonly key: string;
  readonly auditTypes: readonly ProfileAuditType[];
  readonly outcome: RecommendationOutcome;
  readonly text: LocalizedText;
}

/** Auditor-days of one row, per kind of audit. Values in days with at most two decimals. */
export interface AuditTimeDays {
  /** Initial certification (stage 1 + stage 2 together). */
  readonly initial: number;
  readonly surveillance?: number;
  readonly recertification?: number;
}

export interface AuditTimeRow {
  readonly minPersonnel: number;
  /** null: open-ended (the last row only). */
  readonly maxPersonnel: number | null;
  readonly auditorDays: AuditTimeDays;
}

export interface AuditTimeTable {
  /** 'not-provided': no rows, and the app asks for the CB's own table (values are CB data, never invented). */
  readonly tableSource: TableSource;
  readonly note?: LocalizedText;
  readonly rows: readonly AuditTimeRow[];
}

export interface FrequencyRow {
  readonly label: LocalizedText;
  readonly populationMin: number;
  readonly populationMax: number | null;
  readonly sampleMin: number;
  readonly sampleMax: number;
}

export interface RecordSampling {
  readonly defaultMethod: SamplingMethod;
  readonly judgment: { readonly minPerProcess: number; readonly maxPerProcess: number };
  readonly frequencyTable?: { readonly note?: LocalizedText; readonly rows: readonly FrequencyRow[] };
}

export interface Stage1Readiness {
  readonly minimumMonthsOperating: number;
  readonly requireInternalAudit: boolean;
  readonly requireManagementReview: boolean;
}

export interface CbProfile {
  readonly $schema?: string;
  readonly format: typeof PROFILE_FORMAT;
  readonly formatVersion: typeof PROFILE_FORMAT_VERSION;
  readonly id: string;
  readonly version: string;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly releasedOn?: string;
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  /** The languages reports may be written in; the first is the default. */
  readonly reportLanguages: readonly string[];
  /** Absent in a template profile (the shipped default): documents then leave the CB's identity to fill in. */
  readonly certificationBody?: CertificationBody;
  /** data:image/png;base64,… or data:image/jpeg;base64,… */
  readonly logo?: string;
  readonly grades: readonly Grade[];
  readonly findingNumbering: FindingNumbering;
  readonly recommendations: readonly RecommendationWording[];
  readonly auditTime: AuditTimeTable;
  readonly recordSampling: RecordSampling;
  readonly fivePointProcessGrid: boolean;
  readonly photoPolicy: PhotoPolicy;
  readonly stage1Readiness?: Stage1Readiness;
  readonly requiredReportFields: readonly ReportField[];
}

/** "id@version": how a profile version is named everywhere (library, engagement). */
export function profileKey(profile: { readonly id: string; readonly version: string }): string {
  return `${profile.id}@${profile.version}`;
}

/** The grades in display order. */
export function gradesInOrder(profile: CbProfile): Grade[] {
  return [...profile.grades].sort((a, b) => a.order - b.order);
}
