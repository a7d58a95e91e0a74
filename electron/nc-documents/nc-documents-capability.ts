import type { ClosingRecordInput } from '../../shared/documents/closing-record-input.ts';
import type { NcFormsInput } from '../../shared/documents/nc-form-input.ts';
import { closingRecordInput, ncFormsInput, type NcDocumentSource } from '../../shared/documents/nc-documents-input.ts';
import type { PlanDocumentOptions } from '../../shared/plan/plan-document-input.ts';
import type { SessionOutcomeRow } from '../../shared/plan/session-outcomes.ts';
import type { AttendanceRow } from '../../shared/plan/sign-in-sheet-input.ts';
import { findingBriefs, findingsProfileOf } from '../findings/index.ts';
import { readPlanSource } from '../plan/worker.ts';
import { defineCapability } from '../store/capability.ts';
import type { EngagementContext } from '../store/engagement-context.ts';

/** Everything the two documents read, from the open engagement's live rows. */
function readSource(engagement: EngagementContext): NcDocumentSource {
  const store = engagement.store();
  const db = engagement.db();
  const rows = <T>(table: string) => store.listRows(table) as unknown as T[];
  return {
    ...readPlanSource(store, db, { asPlanned: false }),
    attendance: rows<AttendanceRow>('attendance'),
    outcomes: rows<SessionOutcomeRow>('session_outcome'),
    findingsProfile: findingsProfileOf(db).profile,
    findings: findingBriefs(db),
    acknowledgements: rows('nc_acknowledgement'),
    signatures: rows('member_signature'),
    correctiveActions: rows('corrective_action'),
    meetingPoints: rows('meeting_point'),
    statements: rows('audit_statement'),
  };
}

/** The NC forms and the closing meeting record (issue 17): their content, built in the engagement worker. */
export const ncDocumentsCapability = defineCapability({
  name: 'nc-documents',
  calls: (engagement: EngagementContext) => ({
    /** The nonconformities to print, in number order: id and number (the export names one file per NC by it). */
    ncFormList: (): { id: string; number: string }[] =>
      findingBriefs(engagement.db())
        .filter((finding) => finding.isNonconformity)
        .map((finding) => ({ id: finding.id, number: finding.label })),
    ncFormsInput: (options: PlanDocumentOptions, onlyIds?: readonly string[]): NcFormsInput => ncFormsInput(readSource(engagement), options, onlyIds),
    closingRecordInput: (options: PlanDocumentOptions): ClosingRecordInput => closingRecordInput(readSource(engagement), options),
  }),
  jobs: () => ({}),
});
