import type { ReportGateItemView } from '../../shared/contract/report-views.ts';
import type { ReportInput } from '../../shared/documents/report-input.ts';
import type { Engagement } from '../../shared/engagement.ts';
import { recommendationChoices } from '../../shared/findings/recommendation.ts';
import { reportGate, type GateFacts } from '../../shared/report/completeness.ts';
import { isAnnexPhoto } from '../../shared/report/report-source.ts';
import { sessionOrder } from '../../shared/plan/plan-rows.ts';
import { EVIDENCE_FILE_TABLE } from '../../shared/tables/evidence-file-tables.ts';
import { EVIDENCE_ITEM_TABLE, SESSION_OUTCOME_TABLE, SURVEILLANCE_CHECK_TABLE } from '../../shared/tables/fieldwork-records-tables.ts';
import { PLAN_SESSION_TABLE } from '../../shared/tables/plan-tables.ts';
import { findingsProfileOf } from '../findings/worker.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { typedRows } from '../store/typed-rows.ts';

/** What the Report screen shows before an export: the gate's items and the photo annex's size. */
export interface ReportGateCheck {
  readonly items: ReportGateItemView[];
  /** Photos with a report copy in this file (the evidence annex), and the copies' total bytes. */
  readonly photos: { readonly count: number; readonly bytes: number };
}

/**
 * The facts the completeness gate needs beyond the report's content, from the open file: the merge
 * conflicts still open (as the Team section counts them), the surveillance items covered, the
 * recommendation wordings of the audit type, and the working sessions with nothing recorded as run
 * (no actual times: a break is no audit activity).
 */
export function gateFacts(engagement: EngagementContext): GateFacts {
  const store = engagement.store();
  const outcomes = new Map(typedRows(SESSION_OUTCOME_TABLE, store.listRows('session_outcome')).map((row) => [row.session_id, row.status]));
  const sessions = typedRows(PLAN_SESSION_TABLE, store.listRows('plan_session')).sort(sessionOrder);
  const auditType = (store.getRow('engagement', store.engagementId) as unknown as Engagement).audit_type;
  return {
    openConflicts: engagement.db().prepare('SELECT COUNT(*) FROM conflict').pluck().get() as number,
    surveillanceCovered: typedRows(SURVEILLANCE_CHECK_TABLE, store.listRows('surveillance_check'))
      .filter((row) => row.status !== 'not_covered')
      .map((row) => row.item),
    recommendationKeys: recommendationChoices(auditType, findingsProfileOf(engagement.db()).profile.recommendations).map((wording) => wording.key),
    sessionsNotRecorded: sessions
      .filter((session) => session.kind !== 'break' && (outcomes.get(session.id) ?? 'planned') === 'planned')
      .map((session) => ({ title: session.title, day: session.day, start: session.start_time })),
  };
}

/** The photo annex's size: the photos it would print (`isAnnexPhoto`, as the report's content picks them) whose report copy (≤ 1,600 px) is stored in this copy. */
export function photoAnnexSize(engagement: EngagementContext): { count: number; bytes: number } {
  const store = engagement.store();
  const blobs = engagement.blobs();
  const kinds = new Map(typedRows(EVIDENCE_ITEM_TABLE, store.listRows('evidence_item')).map((item) => [item.id, item.kind]));
  let count = 0;
  let bytes = 0;
  for (const file of typedRows(EVIDENCE_FILE_TABLE, store.listRows('evidence_file'))) {
    const copy = isAnnexPhoto(file, kinds.get(file.evidence_id)) ? blobs.info(file.report_sha256!) : null;
    if (!copy) continue;
    count += 1;
    bytes += copy.byteSize;
  }
  return { count, bytes };
}

/** The gate over the report's content as a final report would have it (no draft, no photos). */
export function reportGateCheck(engagement: EngagementContext, finalInput: ReportInput): ReportGateCheck {
  return { items: reportGate(finalInput, gateFacts(engagement)), photos: photoAnnexSize(engagement) };
}
