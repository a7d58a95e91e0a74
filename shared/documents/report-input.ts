import type { ReportField } from '../cb-profile/profile.ts';
import type { AuditType } from '../engagement.ts';
import type { NcAcknowledgement, NcFormPerson } from './nc-form-input.ts';
import type { DocumentCertificationBody, DocumentIdentity, PlanDocumentInput } from './plan-input.ts';

/**
 * What the audit report shows (ISO/IEC 17021-1 9.4.8, the reference's "What the audit report must
 * contain"), resolved from the engagement in the document's language: names and labels, never ids;
 * every label already worded (statuses, verdicts, grades, ratings), so `reportDocument` only lays the
 * report out and a CB's template gets the same words. Built in the engagement worker (electron/report/,
 * `shared/report/report-input-builder.ts`); rendered by `reportDocument` (stage 2, surveillance,
 * recertification, special) or `stage1ReportDocument`, or filled into the CB's report template.
 *
 * Empty is meaningful: '' or [] where the engagement has nothing yet. The report prints what an
 * auditor would write for it ("None identified.") and the completeness gate
 * (`shared/report/completeness.ts`) lists what a final report may not leave empty.
 */

/** One of the audit statements (17021-1 9.4.8 and CNCA practice) as recorded in Conclusions → Audit conclusions. */
export interface ReportStatement {
  /** The statement item's key (`AuditStatementItem` minus the recommendation). */
  readonly item: string;
  /** The item's heading in the document's language ("Use of certification documents and marks"). */
  readonly title: string;
  /** The verdict in the document's language ("Effectively controlled"), or '' when not recorded. */
  readonly verdict: string;
  /** The verdict's key ('' when not recorded). */
  readonly verdictKey: string;
  /** What the team wrote (required for the verdicts that say something happened). */
  readonly text: string;
}

/** The five-point process control grid of one process (when the CB profile uses it). */
export interface ReportGridPoint {
  /** The point in the document's language ("The process output is understood, used and explained"). */
  readonly point: string;
  /** The rating in the document's language ("Effective"); key in `ratingKey`. */
  readonly rating: string;
  readonly ratingKey: 'not_assessed' | 'effective' | 'partly_effective' | 'not_effective';
  readonly note: string;
}

/** A record seen on screen for a process, with its result and the attributes that failed. */
export interface ReportRecordSeen {
  readonly reference: string;
  /** "Pass", "Fail", "Not applicable", "Not tested" in the document's language. */
  readonly result: string;
  readonly resultKey: 'not_tested' | 'pass' | 'fail' | 'not_applicable';
  readonly note: string;
  /** Attributes that failed, by name ("Approved before implementation"). */
  readonly failedAttributes: readonly string[];
}

/** The checklist's outcome for a process or clause group, counted (not every question). */
export interface ReportChecklistOutcome {
  readonly questions: number;
  readonly conforming: number;
  readonly nonconforming: number;
  readonly notApplicable: number;
  readonly notAnswered: number;
}

/** The results for one process (its pack key) or clause group ('4'–'7', '9', '10'). */
export interface ReportResult {
  readonly topic: string;
  readonly kind: 'process' | 'clauses';
  /** "8.2.5 Service continuity and availability management", "Clause 4 Context of the organization". */
  readonly title: string;
  /** "Conforming", "Not conforming", "Not concluded" in the document's language; key in `statusKey`. */
  readonly status: string;
  readonly statusKey: 'not_concluded' | 'conforming' | 'not_conforming';
  /** The conclusion narrative as the team wrote it. */
  readonly conclusion: string;
  /** Evidence references cited for this topic: "Incident management procedure v3.2 (12 Mar 2026)". */
  readonly evidence: readonly string[];
  /** Null when the CB profile does not use the five-point grid. */
  readonly grid: readonly ReportGridPoint[] | null;
  readonly records: readonly ReportRecordSeen[];
  /** Populations shown on screen for the topic: "ServiceNow query 'P1 incidents Q1' — 1,245 records, 1 Jan–31 Mar 2026, every 100th". */
  readonly queries: readonly string[];
  readonly checklist: ReportChecklistOutcome;
  /** Numbers (labels) of the findings raised on this topic. */
  readonly findingNumbers: readonly string[];
}

/** An audit trail followed across processes: its steps as record references with their processes. */
export interface ReportTrail {
  readonly title: string;
  readonly service: string;
  readonly steps: readonly { readonly process: string; readonly record: string; readonly note: string }[];
  readonly notes: string;
}

/** One record of a sample drawn from a client's export, with what testing found (the review package lists them all). */
export interface ReportSampleItem {
  /** The record's id in the export ("INC0012345"). */
  readonly record: string;
  /** Its place in the draw, from 1. */
  readonly position: number;
  /** How it came in ("Random", "Added by extension", "Picked: major incident") in the document's language; key in `selectionKey`. */
  readonly selection: string;
  readonly selectionKey: 'random' | 'systematic' | 'stratified' | 'judgmental' | 'extension';
  readonly stratum: string;
  /** A judgmental pick's reason, as the auditor wrote it. */
  readonly reason: string;
  /** "Deviation", "No deviation", "Not tested" in the document's language; key in `resultKey`. */
  readonly result: string;
  readonly resultKey: 'deviation' | 'no_deviation' | 'not_tested';
  /** Attributes that failed, by name. */
  readonly failedAttributes: readonly string[];
  readonly note: string;
}

/**
 * A sample drawn from a client's export (issue 20), as the report states it: the population, how the
 * size was set, how the records were selected (with what lets anyone recompute the selection), and
 * what testing found. Every text is worded in the document's language; never a conclusion that the
 * sample "supports reliance" — every deviation is a candidate nonconformity.
 */
export interface ReportSample {
  /** The sample row's id (the review package's selection records are keyed by it). */
  readonly id: string;
  /** The population's name as imported ("Incidents Q1 2026"). */
  readonly population: string;
  /** The export it was imported from ("incidents-q1.csv", "changes.xlsx, sheet Export"). */
  readonly source: string;
  readonly populationSize: number;
  /** "1 Jan 2026 – 31 Mar 2026", or ''. */
  readonly period: string;
  /** The site the export belongs to, or ''. */
  readonly site: string;
  readonly sizingKey: 'judgment' | 'statistical';
  /** "By judgment" or "Statistical attribute sampling: 95% confidence, …". */
  readonly sizing: string;
  /** The auditor's justification of the size (judgment; may be given for a statistical one too). */
  readonly justification: string;
  readonly methodKey: 'random' | 'systematic' | 'stratified' | 'judgmental';
  /** "Simple random", "Systematic: a random start, then every 120th record" … */
  readonly method: string;
  /** Records in the sample now, those of the first draw and those added by extension. */
  readonly size: number;
  readonly firstDraw: number;
  readonly extended: number;
  /** "aw-perm-1", or '' for records picked by judgment alone. */
  readonly algorithm: string;
  readonly seed: string;
  /** The population's ids hash the selection was drawn over (hex). */
  readonly populationHash: string;
  /** The sentence that says how to recompute it (or that the auditor picked every record). */
  readonly recompute: string;
  readonly drawnBy: string;
  /** YYYY-MM-DD of the draw, or ''. */
  readonly drawnOn: string;
  /** The attributes tested, by name, in the grid's order. */
  readonly attributes: readonly string[];
  readonly tested: number;
  readonly deviations: number;
  /** Items known either way (tested, or deviating before every attribute is set): the rate's denominator. */
  readonly evaluated: number;
  /** "3.3%", or '' while nothing is evaluated. */
  readonly deviationRate: string;
  /** Statistical mode only: the upper deviation limit against the tolerable rate, worded; null otherwise. */
  readonly upperLimit: { readonly text: string; readonly limit: string; readonly tolerable: string; readonly aboveTolerable: boolean } | null;
  /** What testing found, in one sentence ("12 of 12 records tested; 1 deviation (8.3%)"). */
  readonly results: string;
  /** The records that deviated. */
  readonly deviatingRecords: readonly string[];
  /** Numbers (labels) of the findings raised on this sample's records. */
  readonly findingNumbers: readonly string[];
  readonly items: readonly ReportSampleItem[];
}

/** The samples drawn for one process (or clause group), in the report's topic order. */
export interface ReportSamplingTopic {
  readonly topic: string;
  /** "8.5.1 Incident management". */
  readonly title: string;
  readonly samples: readonly ReportSample[];
}

/** One finding with its full statement, as the report prints it. */
export interface ReportFinding {
  readonly id: string;
  /** The final number, or the provisional label before numbering. */
  readonly number: string;
  readonly numbered: boolean;
  readonly clauses: readonly string[];
  readonly process: string;
  readonly procedure: string;
  readonly sites: readonly string[];
  readonly services: readonly string[];
  readonly requirement: string;
  readonly evidence: string;
  readonly notFulfilled: string;
  /** Why this grade (a major asks for it). */
  readonly rationale: string;
  /** Evidence references linked to the finding, worded like ReportResult.evidence. */
  readonly evidenceRefs: readonly string[];
  /** Record references linked to the finding. */
  readonly records: readonly string[];
  readonly raisedBy: string;
  readonly raisedOn: string;
  /** Nonconformities only: the auditee's acknowledgement at the closing meeting (null = not yet). */
  readonly acknowledgement: NcAcknowledgement | null;
  /** Nonconformities only: the dates the client's response and the verification are due. */
  readonly responseDue: string | null;
  readonly verificationDue: string | null;
  /** The earlier nonconformity this one repeats ("NC-2025-03"), or ''. */
  readonly repeatOf: string;
}

/** The findings of one grade, most severe first. */
export interface ReportFindingGroup {
  readonly gradeKey: string;
  /** The grade's name in the document's language ("Minor nonconformity", "轻微不符合"). */
  readonly gradeName: string;
  readonly isNonconformity: boolean;
  readonly major: boolean;
  readonly findings: readonly ReportFinding[];
}

/** An earlier nonconformity and how this audit verified the client's corrective action (9.4.8 item 18). */
export interface ReportEarlierNc {
  readonly number: string;
  readonly gradeName: string;
  readonly clause: string;
  readonly statement: string;
  /** The audit it came from ("Surveillance 1, 2025"). */
  readonly audit: string;
  readonly clientAction: string;
  /** "On site", "Document review" … in the document's language. */
  readonly method: string;
  readonly note: string;
  /** "Effective", "Not effective", "Not assessed" in the document's language; key in `effectivenessKey`. */
  readonly effectiveness: string;
  readonly effectivenessKey: 'not_assessed' | 'effective' | 'not_effective';
  readonly verifiedOn: string | null;
  readonly verifier: string;
  readonly closedOn: string | null;
}

/** A plan session that did not run as planned (9.4.8 item 7). */
export interface ReportDeviation {
  readonly session: string;
  /** The planned day and times ("8 Dec 2026 09:00–10:30"). */
  readonly planned: string;
  /** "Moved", "Shortened", "Cancelled", "Added", "Held remotely" … in the document's language. */
  readonly change: string;
  /** What happened instead ("9 Dec 2026 14:00–15:00"), or ''. */
  readonly actual: string;
  readonly reason: string;
}

/** A day of audit activities as it ran (9.4.8 item 10; CNCA: with start and end times). */
export interface ReportDay {
  /** YYYY-MM-DD in the engagement's time zone. */
  readonly day: string;
  /** The day's first start and last end as held ("08:30", "17:15"). */
  readonly start: string;
  readonly end: string;
  /** The lead and auditors' time held this day, in auditor-days (8 h), on site and remote together. */
  readonly auditorDays: number;
  readonly activities: readonly {
    readonly start: string;
    readonly end: string;
    readonly title: string;
    /** The site's name, or the remote tool ("Remote — Microsoft Teams"). */
    readonly place: string;
    readonly remote: boolean;
    /** Short names of the auditors in the session. */
    readonly team: readonly string[];
  }[];
}

/** A site of the scope, visited or not, and why (IAF MD 1 sampling). */
export interface ReportSite {
  readonly name: string;
  readonly address: string;
  /** "Permanent", "Temporary", "Central function" … in the document's language. */
  readonly kind: string;
  readonly visited: boolean;
  /** Why it was visited or how it was drawn ("Central function", "Drawn at random (seed …)"), or why not. */
  readonly reason: string;
  /** "On site", "Remote", "On site and remote" in the document's language; '' when not visited. */
  readonly mode: string;
}

/** A photo in the evidence annex: its report-sized copy. */
export interface ReportPhoto {
  /** A PNG or JPEG `data:` URL of the report copy (≤ 1,600 px). */
  readonly dataUrl: string;
  readonly widthPx: number;
  readonly heightPx: number;
  /** The evidence reference's title or the file's name. */
  readonly caption: string;
  /** When it was taken, when the CB's photo policy kept the time ('' otherwise). */
  readonly takenAt: string;
  /** Where it is used ("8.5.1 Incident management"), or ''. */
  readonly usedIn: string;
}

/** Who signs the report: the lead and, when the CB asks, the team; with their own drawn signature. */
export interface ReportSignatory extends NcFormPerson {
  readonly role: string;
  readonly registrationNumber: string;
}

/**
 * The digital signature an issued report carries (issue 19), printed in its signature section: who
 * signed, as what, when (the signer's own clock: no timestamp authority is reachable offline) and the
 * certificate's SHA-256 fingerprint, which the CB can compare with the one it recorded.
 */
export interface ReportDigitalSignature {
  readonly signer: string;
  readonly organisation: string;
  readonly role: string;
  /** UTC instant, ISO. */
  readonly signedAt: string;
  readonly fingerprint: string;
  /** 'pdf': embedded in the file; 'docx': a detached signature and a signed manifest beside it. */
  readonly format: 'pdf' | 'docx';
  /** Word: the detached signature's file name. */
  readonly signatureFile: string;
}

/** Stage 1 (17021-1 9.3.1.2): the document review, readiness per area, areas of concern, the stage 2 plan. */
export interface Stage1ReportPart {
  readonly documentReview: readonly {
    readonly document: string;
    readonly version: string;
    readonly date: string | null;
    readonly clause: string;
    /** "Adequate", "Inadequate", "Not reviewed" in the document's language. */
    readonly adequacy: string;
    readonly adequacyKey: 'not_reviewed' | 'adequate' | 'inadequate';
    readonly comment: string;
  }[];
  readonly readiness: readonly {
    readonly area: string;
    readonly areaKey: string;
    /** "Ready", "Ready with concerns", "Not ready", "Not assessed". */
    readonly status: string;
    readonly statusKey: 'not_assessed' | 'ready' | 'ready_with_concerns' | 'not_ready';
    readonly note: string;
  }[];
  /** The overall readiness as the profile words it ("Ready for stage 2"), or '' when not concluded. */
  readonly overall: string;
  /** Stage 2 as planned now: proposed dates, auditor-days, sites, what to focus on. */
  readonly stage2: {
    readonly proposedStart: string | null;
    readonly proposedEnd: string | null;
    readonly auditorDays: number | null;
    readonly focus: string;
  };
}

export interface ReportInput {
  readonly document: DocumentIdentity;
  /** Exported before the completeness gate passed: "DRAFT" on every page. */
  readonly draft: boolean;
  /** Set when the issued file is signed: the signature block on the page (never on a draft). */
  readonly digitalSignature?: ReportDigitalSignature | null;
  readonly certificationBody: DocumentCertificationBody;
  readonly client: PlanDocumentInput['client'] & {
    /** The business licence check as recorded ("The business licence covers the certified scope"), or null when the profile does not ask. */
    readonly businessLicenceCheck: string | null;
  };
  readonly audit: PlanDocumentInput['audit'] & {
    readonly type: AuditType;
    /** The CB's audit number when it gave one, else the app's reference. */
    readonly reference: string;
    /** The scope in the second language when the profile asks for both ('' otherwise). */
    readonly scopeOtherLanguage: string;
    /** The period the records sampled cover ("1 Jan 2026 – 30 Nov 2026"), or ''. */
    readonly period: string;
  };
  /** What the CB's profile requires beyond 17021-1 (Chinese practice). */
  readonly requiredFields: readonly ReportField[];
  /** Services in scope with their category (the CNCA business category when the profile asks) and the scope verification. */
  readonly services: readonly {
    readonly name: string;
    readonly description: string;
    readonly category: string;
    /** "Confirmed", "Not confirmed", "Not checked" in the document's language, with the note. */
    readonly verification: string;
    readonly verificationNote: string;
  }[];
  readonly sites: readonly ReportSite[];
  /** The audit team and, apart (`accompanying`), observers, technical experts, guides and interpreters. */
  readonly team: readonly (PlanDocumentInput['team'][number] & { readonly accompanying: boolean })[];
  readonly days: readonly ReportDay[];
  readonly auditorDays: PlanDocumentInput['auditorDays'] & {
    /** Lead and auditors' time as held (sessions' actual times), in auditor-days (8 h). */
    readonly actualOnSite: number;
    readonly actualRemote: number;
  };
  readonly deviations: readonly ReportDeviation[];
  /** The audit statements, in the order of `statementItems` for the audit type. */
  readonly statements: readonly ReportStatement[];
  /** The recommendation as stated (the profile's wording), or null before it is recorded. */
  readonly recommendation: { readonly key: string; readonly text: string; readonly overrideReason: string } | null;
  /**
   * Counts per grade, most severe first (the summary). `kind` says how a lead auditor counts it:
   * nonconformities, other findings (observations, opportunities for improvement, areas of concern),
   * or good practice noted (never counted as a finding).
   */
  readonly findingCounts: readonly { readonly gradeName: string; readonly count: number; readonly kind: 'nonconformity' | 'other' | 'good_practice' }[];
  readonly findingGroups: readonly ReportFindingGroup[];
  readonly results: readonly ReportResult[];
  readonly trails: readonly ReportTrail[];
  /**
   * Record sampling from the client's exports (issue 20), process by process; [] or absent when no
   * sample was drawn (inputs written before issue 20 lack it: read it through `samplingOf`).
   */
  readonly sampling?: readonly ReportSamplingTopic[];
  readonly earlierNcs: readonly ReportEarlierNc[];
  readonly unresolvedOpinions: readonly { readonly findingNumber: string; readonly auditeeView: string; readonly teamResponse: string }[];
  /** Facts of remote auditing from the plan as it ran (IAF MD 4). */
  readonly remote: { readonly held: number; readonly remote: number; readonly tools: readonly string[]; readonly notes: readonly string[] };
  /** The surveillance items (surveillance audits; [] otherwise): the item, what was found, its status. */
  readonly surveillance: readonly { readonly item: string; readonly status: string; readonly statusKey: 'not_covered' | 'satisfactory' | 'concern'; readonly entry: string }[];
  /** The evidence annex: photos' report copies, in the order taken; [] when the lead leaves the annex out. */
  readonly photos: readonly ReportPhoto[];
  readonly signatories: readonly ReportSignatory[];
  /** Stage 1 audits only. */
  readonly stage1: Stage1ReportPart | null;
}

/** The report's samples, [] when it has none (an input written before issue 20 has no `sampling`). */
export const samplingOf = (input: Pick<ReportInput, 'sampling'>): readonly ReportSamplingTopic[] => input.sampling ?? [];
