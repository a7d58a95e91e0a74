import type { LocalizedText } from '../checklist/pack.ts';

/**
 * A certification body's profile (formats 1 and 2): the types of resources/cb-profiles/cb-profile.schema.json
 * (format 1, frozen) and cb-profile-2.schema.json (format 2: format 1 plus the CB's own Word templates).
 * Everything a certification body (CB) decides for itself and the product must not hard-code: its
 * identity and accreditation, the grading scale, finding numbers, deadlines, recommendation wordings,
 * the audit-time table, record-sampling guidance, the optional five-point process grid, the photo
 * policy, stage 1 readiness rules and the extra fields its reports need. Copied into an engagement
 * when chosen, so an app update never changes an audit. Pure data; docs/CB-PROFILE.md describes every field.
 */

export const PROFILE_FORMAT = 'audit-workbench-cb-profile';
/** The newest format this app reads; a newer one is refused with NEWER_FORMAT. */
export const PROFILE_FORMAT_VERSION = 2;
/** Every format version this app reads: a profile keeps loading after an app update, whatever it was written in. */
export const PROFILE_FORMAT_VERSIONS = [1, PROFILE_FORMAT_VERSION] as const;
export type ProfileFormatVersion = (typeof PROFILE_FORMAT_VERSIONS)[number];

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

/**
 * The documents a CB's own Word template can stand for. All four were declared with format 2, so no
 * format 3 is needed as they come: the audit plan and the NC form are filled today (the closing
 * meeting record is ours only; the report comes with issue 18).
 */
export const TEMPLATE_KINDS = ['audit-plan', 'nc-form', 'closing-meeting', 'audit-report'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** 10 MiB: the largest .docx a template may be (see templateBytes). */
const TEMPLATE_BYTES = 10 * 1024 * 1024;

/** Limits shared by the JSON Schema, the validator and the tests. */
export const PROFILE_LIMITS = {
  /**
   * A whole profile file, in characters (a logo and templates included). Format 1 files stay far below
   * 2,000,000; the rest is room for templates: about 23 MiB of .docx in all (two templates at their
   * limit, or dozens of ordinary ones of 100–500 KB). Every engagement that chooses the profile
   * carries a copy of it, and the library holds every profile in memory, so this stays modest.
   */
  fileChars: 32_000_000,
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
  /**
   * One template's .docx, in bytes: 10 MiB. A CB's plan or report template is text, tables, a logo or
   * two: 30–500 KB; 10 MiB leaves room for a template with photos of the premises while refusing
   * 50 MB of images, which would be copied into every engagement and every member copy.
   */
  templateBytes: TEMPLATE_BYTES,
  /** The same limit on the base64 text that holds the bytes (4 characters per 3 bytes, padded). */
  templateDataChars: 4 * Math.ceil(TEMPLATE_BYTES / 3),
  /** Templates per profile: four kinds, each in a few languages or variants. */
  maxTemplates: 24,
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

/**
 * A CB's own Word template (format 2): a .docx with placeholders that the app fills (the audit plan
 * now; the NC form, closing meeting record and report later). Kept in the profile as base64 so the
 * profile stays one file to import, mail and copy into an engagement.
 */
export interface ProfileTemplate {
  /** Stable within the profile: what an engagement records as the template it used. */
  readonly key: string;
  readonly kind: TemplateKind;
  /** The language the template is written in (one of the profile's `languages`): dates and lists are written in it. */
  readonly language: string;
  readonly title: LocalizedText;
  /** The file name the CB gave it, ending in .docx: shown, and offered as the name of the filled document. */
  readonly fileName: string;
  /** The .docx bytes, base64 (RFC 4648, padded, no line breaks). */
  readonly data: string;
}

export interface CbProfile {
  readonly $schema?: string;
  readonly format: typeof PROFILE_FORMAT;
  /**
   * The format the profile's text was written in. Format 2 only adds optional fields, so a format 1
   * profile is read as it is (see upgradeProfileV1) and keeps its 1: the value, and so its content
   * hash, is what the library and the engagement copy hold.
   */
  readonly formatVersion: ProfileFormatVersion;
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
  /** Format 2: the CB's own Word templates; absent means none. */
  readonly templates?: readonly ProfileTemplate[];
}

/** A format 1 profile as its text holds it (frozen: format 1 never changes). */
export type CbProfileV1 = Omit<CbProfile, 'formatVersion' | 'templates'> & { readonly formatVersion: 1 };

/**
 * Lifts a format 1 profile to the type the app uses. Format 2 only adds optional fields (`templates`),
 * whose "not set" value is their absence, so the value is returned as it is: a profile's identity is
 * the hash of its content (library versioning, the engagement copy's id, the merge), and an upgrade
 * that rewrote the value would give an old profile a new identity, and an exported format 1 profile a
 * format an older app refuses. A future format that changes a field will transform here instead.
 */
export function upgradeProfileV1(profile: CbProfileV1): CbProfile {
  return profile;
}

/** The profile's templates (none before format 2), of one kind when asked. */
export function profileTemplates(profile: CbProfile, kind?: TemplateKind): readonly ProfileTemplate[] {
  const templates = profile.templates ?? [];
  return kind === undefined ? templates : templates.filter((template) => template.kind === kind);
}

/** "id@version": how a profile version is named everywhere (library, engagement). */
export function profileKey(profile: { readonly id: string; readonly version: string }): string {
  return `${profile.id}@${profile.version}`;
}

/** The grades in display order. */
export function gradesInOrder(profile: CbProfile): Grade[] {
  return [...profile.grades].sort((a, b) => a.order - b.order);
}
