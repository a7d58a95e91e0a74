import { imageSize } from 'image-size';
import type { Row } from '../store/engagement-store.ts';
import { isAnnexPhoto, type ReportPhotoCopy, type ReportSource } from '../../shared/report/report-source.ts';
import type { SessionOutcomeRow } from '../../shared/plan/session-outcomes.ts';
import type { AttendanceRow } from '../../shared/plan/sign-in-sheet-input.ts';
import { remoteFacts } from '../closing/worker.ts';
import { findingBriefs, findingsProfileOf } from '../findings/worker.ts';
import { readPlanSource } from '../plan/worker.ts';
import type { EngagementContext } from '../store/engagement-context.ts';

/** A report copy's image type from its first bytes (they are JPEG; a PNG is named so rather than mislabelled). */
function mediaTypeOf(bytes: Buffer): 'image/jpeg' | 'image/png' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

/** The copy's pixel size from its header, or null when the header does not read. */
function sizeOf(bytes: Buffer): { width: number; height: number } | null {
  try {
    return imageSize(bytes);
  } catch {
    return null;
  }
}

/**
 * The report copies (≤ 1,600 px) of the annex's photos, read whole from the content store. A copy
 * this file does not hold (the photo came in a package without its files) or that does not read as
 * an image is left out: the annex shows what this copy of the engagement can show.
 */
function photoCopies(engagement: EngagementContext, source: Pick<ReportSource, 'evidenceFiles' | 'evidenceItems'>): Map<string, ReportPhotoCopy> {
  const kinds = new Map(source.evidenceItems.map((item) => [item.id, item.kind]));
  const photos = source.evidenceFiles.filter((file) => isAnnexPhoto(file, kinds.get(file.evidence_id)));
  const blobs = engagement.blobs();
  const present = blobs.present(photos.map((file) => file.report_sha256!));
  const copies = new Map<string, ReportPhotoCopy>();
  const read = new Map<string, ReportPhotoCopy | null>();
  for (const file of photos) {
    const sha256 = file.report_sha256!;
    if (!present.has(sha256)) continue;
    // One photo attached to two references is one blob: read it once.
    let copy = read.get(sha256);
    if (copy === undefined) {
      const bytes = Buffer.concat([...blobs.chunks(sha256)]);
      const type = mediaTypeOf(bytes);
      const size = type ? sizeOf(bytes) : null;
      copy = type && size ? { dataUrl: `data:${type};base64,${bytes.toString('base64')}`, widthPx: size.width, heightPx: size.height } : null;
      read.set(sha256, copy);
    }
    if (copy) copies.set(file.id, copy);
  }
  return copies;
}

/**
 * Everything the audit report reads, from the open engagement's live rows: each table once (the
 * builder indexes them), the plan with the sessions added on the day (the report tells the audit as
 * it ran), findings as the one reader gives them, and the photos' report copies only when the export
 * asks for the annex.
 */
export function readReportSource(engagement: EngagementContext, { photos }: { readonly photos: boolean }): ReportSource {
  const store = engagement.store();
  const db = engagement.db();
  const rows = <T>(table: string) => store.listRows(table) as unknown as T[];
  const sessions = store.listRows('plan_session');
  const outcomes = rows<SessionOutcomeRow>('session_outcome');
  const base = {
    ...readPlanSource(store, db, { asPlanned: false }),
    attendance: rows<AttendanceRow>('attendance'),
    outcomes,
    findingsProfile: findingsProfileOf(db).profile,
    findings: findingBriefs(db),
    acknowledgements: rows<ReportSource['acknowledgements'][number]>('nc_acknowledgement'),
    signatures: rows<ReportSource['signatures'][number]>('member_signature'),
    correctiveActions: rows<ReportSource['correctiveActions'][number]>('corrective_action'),
    meetingPoints: rows<ReportSource['meetingPoints'][number]>('meeting_point'),
    statements: rows<ReportSource['statements'][number]>('audit_statement'),
    conclusions: rows<ReportSource['conclusions'][number]>('conclusion'),
    answers: rows<ReportSource['answers'][number]>('checklist_answer'),
    answerEvidence: rows<ReportSource['answerEvidence'][number]>('answer_evidence'),
    evidenceItems: rows<ReportSource['evidenceItems'][number]>('evidence_item'),
    evidenceFiles: rows<ReportSource['evidenceFiles'][number]>('evidence_file'),
    notebookEntries: rows<ReportSource['notebookEntries'][number]>('notebook_entry'),
    recordQueries: rows<ReportSource['recordQueries'][number]>('record_query'),
    recordsSeen: rows<ReportSource['recordsSeen'][number]>('record_seen'),
    recordAttributes: rows<ReportSource['recordAttributes'][number]>('record_attribute'),
    trails: rows<ReportSource['trails'][number]>('audit_trail'),
    trailSteps: rows<ReportSource['trailSteps'][number]>('audit_trail_step'),
    scopeChecks: rows<ReportSource['scopeChecks'][number]>('scope_check'),
    surveillanceChecks: rows<ReportSource['surveillanceChecks'][number]>('surveillance_check'),
    documentReviews: rows<ReportSource['documentReviews'][number]>('document_review'),
    readiness: rows<ReportSource['readiness'][number]>('readiness'),
    findingRows: rows<ReportSource['findingRows'][number]>('finding'),
    findingSites: rows<ReportSource['findingSites'][number]>('finding_site'),
    findingServices: rows<ReportSource['findingServices'][number]>('finding_service'),
    findingEvidence: rows<ReportSource['findingEvidence'][number]>('finding_evidence'),
    findingRecords: rows<ReportSource['findingRecords'][number]>('finding_record'),
    earlierNcs: rows<ReportSource['earlierNcs'][number]>('earlier_nc'),
    opinions: rows<ReportSource['opinions'][number]>('diverging_opinion'),
    // Populations are immutable rows: no tombstone column, every one imported stands.
    populations: db.prepare('SELECT * FROM population ORDER BY id').all() as ReportSource['populations'][number][],
    samples: rows<ReportSource['samples'][number]>('sample'),
    sampleItems: rows<ReportSource['sampleItems'][number]>('sample_item'),
    sampleAttributes: rows<ReportSource['sampleAttributes'][number]>('sample_attribute'),
    remote: remoteFacts(sessions, outcomes as unknown as Row[]),
  };
  return { ...base, photoCopies: photos ? photoCopies(engagement, base) : new Map() };
}
