import type { RemoteFactsView } from '../contract/closing-views.ts';
import type { NcDocumentSource } from '../documents/nc-documents-input.ts';
import type { EVIDENCE_FILE_TABLE } from '../tables/evidence-file-tables.ts';
import type { CHECKLIST_ANSWER_TABLE } from '../tables/fieldwork-tables.ts';
import type {
  ANSWER_EVIDENCE_TABLE,
  AUDIT_TRAIL_STEP_TABLE,
  AUDIT_TRAIL_TABLE,
  CONCLUSION_TABLE,
  DOCUMENT_REVIEW_TABLE,
  EVIDENCE_ITEM_TABLE,
  NOTEBOOK_ENTRY_TABLE,
  READINESS_TABLE,
  RECORD_ATTRIBUTE_TABLE,
  RECORD_QUERY_TABLE,
  RECORD_SEEN_TABLE,
  SCOPE_CHECK_TABLE,
  SURVEILLANCE_CHECK_TABLE,
} from '../tables/fieldwork-records-tables.ts';
import type {
  DIVERGING_OPINION_TABLE,
  EARLIER_NC_TABLE,
  FINDING_EVIDENCE_TABLE,
  FINDING_RECORD_TABLE,
  FINDING_SERVICE_TABLE,
  FINDING_SITE_TABLE,
  FINDING_TABLE,
} from '../tables/finding-tables.ts';
import type { POPULATION_TABLE, SAMPLE_ATTRIBUTE_TABLE, SAMPLE_ITEM_TABLE, SAMPLE_TABLE } from '../tables/sampling-tables.ts';
import type { RowOf } from '../tables/table.ts';

/** An evidence file the report may print in its photo annex, with its report copy as read from the content store. */
export interface ReportPhotoCopy {
  /** `data:image/jpeg;base64,…` (report copies are JPEG; a PNG copy is named so). */
  readonly dataUrl: string;
  readonly widthPx: number;
  readonly heightPx: number;
}

/**
 * Everything of the engagement the audit report reads: the NC documents' source (the plan with the
 * sessions added on the day, outcomes, attendance, findings in number order, acknowledgements,
 * signatures, corrective actions, statements) plus fieldwork's and findings' rows. Live rows, each
 * table read once (electron/report/report-source.ts); the builder indexes them.
 */
export interface ReportSource extends NcDocumentSource {
  readonly conclusions: readonly RowOf<typeof CONCLUSION_TABLE>[];
  readonly answers: readonly RowOf<typeof CHECKLIST_ANSWER_TABLE>[];
  readonly answerEvidence: readonly RowOf<typeof ANSWER_EVIDENCE_TABLE>[];
  readonly evidenceItems: readonly RowOf<typeof EVIDENCE_ITEM_TABLE>[];
  readonly evidenceFiles: readonly RowOf<typeof EVIDENCE_FILE_TABLE>[];
  readonly notebookEntries: readonly RowOf<typeof NOTEBOOK_ENTRY_TABLE>[];
  readonly recordQueries: readonly RowOf<typeof RECORD_QUERY_TABLE>[];
  readonly recordsSeen: readonly RowOf<typeof RECORD_SEEN_TABLE>[];
  readonly recordAttributes: readonly RowOf<typeof RECORD_ATTRIBUTE_TABLE>[];
  readonly trails: readonly RowOf<typeof AUDIT_TRAIL_TABLE>[];
  readonly trailSteps: readonly RowOf<typeof AUDIT_TRAIL_STEP_TABLE>[];
  readonly scopeChecks: readonly RowOf<typeof SCOPE_CHECK_TABLE>[];
  readonly surveillanceChecks: readonly RowOf<typeof SURVEILLANCE_CHECK_TABLE>[];
  readonly documentReviews: readonly RowOf<typeof DOCUMENT_REVIEW_TABLE>[];
  readonly readiness: readonly RowOf<typeof READINESS_TABLE>[];
  /** The finding rows themselves: what the briefs leave out (the grade's rationale, the repeat of an earlier NC). */
  readonly findingRows: readonly RowOf<typeof FINDING_TABLE>[];
  readonly findingSites: readonly RowOf<typeof FINDING_SITE_TABLE>[];
  readonly findingServices: readonly RowOf<typeof FINDING_SERVICE_TABLE>[];
  readonly findingEvidence: readonly RowOf<typeof FINDING_EVIDENCE_TABLE>[];
  readonly findingRecords: readonly RowOf<typeof FINDING_RECORD_TABLE>[];
  readonly earlierNcs: readonly RowOf<typeof EARLIER_NC_TABLE>[];
  readonly opinions: readonly RowOf<typeof DIVERGING_OPINION_TABLE>[];
  /** Record sampling from the client's exports (issue 20): populations imported, samples drawn, their items and test attributes. */
  readonly populations: readonly RowOf<typeof POPULATION_TABLE>[];
  readonly samples: readonly RowOf<typeof SAMPLE_TABLE>[];
  readonly sampleItems: readonly RowOf<typeof SAMPLE_ITEM_TABLE>[];
  readonly sampleAttributes: readonly RowOf<typeof SAMPLE_ATTRIBUTE_TABLE>[];
  /** Remote auditing as it ran (the closing view's facts: IAF MD 4). */
  readonly remote: RemoteFactsView;
  /** Report copies of the annex's photos by evidence_file id; empty when the export leaves the annex out. */
  readonly photoCopies: ReadonlyMap<string, ReportPhotoCopy>;
}

/**
 * Whether an attached file belongs in the photo annex: a photo (taken as one, or any image attached to
 * a reference of kind photo) with its report copy. Screenshots and documents stay in the evidence index.
 */
export function isAnnexPhoto(file: Pick<RowOf<typeof EVIDENCE_FILE_TABLE>, 'file_kind' | 'report_sha256'>, evidenceKind: string | undefined): boolean {
  return file.report_sha256 !== null && (file.file_kind === 'photo' || evidenceKind === 'photo');
}
