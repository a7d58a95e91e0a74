import type { RaiseSource } from '../../shared/contract/finding-views.ts';
import type { EngagementService } from '../engagement/engagement-service.ts';
import type { Row } from '../store/engagement-store.ts';

/** A demo's findings at the end of its day 1, in one language (demo-findings-en.ts, demo-findings-zh.ts). */
export interface DemoFindingsData {
  /** The day they were raised on. */
  readonly day: string;
  readonly findings: readonly DemoFinding[];
}

export interface DemoFinding {
  /** The raising member's initials. */
  readonly by: string;
  readonly grade: string;
  readonly source: 'answer' | 'record' | 'notebook';
  /** The question answered, the record seen, or the start of the notebook entry. */
  readonly from: string;
  readonly clauses: readonly string[];
  readonly requirement: string;
  readonly evidence: string;
  readonly notFulfilled: string;
  readonly auditeeRepresentative: string;
  /** More rows the finding stands on: records seen (by reference) and notebook entries (by their start). */
  readonly records?: readonly string[];
  readonly entries?: readonly string[];
  readonly opinion?: { readonly auditeeView: string; readonly teamResponse: string };
  /** Why the grade: a major needs the auditor's decision and its reason. */
  readonly rationale?: string;
}

/**
 * Adds the demo's findings through the service, as the team would from their screens: each raised
 * from its source (the `raiseFinding` call fills in clause, process, session, site and evidence links),
 * then written up, with the more rows it stands on linked and the auditee's diverging opinion recorded.
 * Call after the demo's fieldwork (it reads the answers, the records seen and the notebook).
 */
export async function addDemoFindings(service: EngagementService, handle: string, data: DemoFindingsData): Promise<string[]> {
  const team = await service.listRows(handle, 'team_member');
  const member = (initials: string) => String(team.find((row) => row.initials === initials)!.id);
  const answers = await service.listRows(handle, 'checklist_answer');
  const records = await service.listRows(handle, 'record_seen');
  const entries = await service.listRows(handle, 'notebook_entry');
  const find = (rows: readonly Row[], what: string, test: (row: Row) => boolean): string => {
    const found = rows.find(test);
    if (!found) throw new Error(`The demo has no ${what}: add the findings after its fieldwork`);
    return String(found.id);
  };
  const recordId = (ref: string) => find(records, `record ${ref}`, (row) => row.record_ref === ref);
  const entryId = (start: string) => find(entries, `notebook entry "${start}"`, (row) => String(row.body).startsWith(start));

  const ids: string[] = [];
  for (const finding of data.findings) {
    const by = member(finding.by);
    const source: RaiseSource =
      finding.source === 'answer'
        ? { kind: 'answer', answerId: find(answers, `answer to ${finding.from}`, (row) => row.question_id === finding.from && row.team_member_id === by) }
        : finding.source === 'record'
          ? { kind: 'record', recordId: recordId(finding.from) }
          : { kind: 'notebook', entryId: entryId(finding.from) };
    const { findingId } = await service.change(handle, 'raiseFinding', by, { source, grade: finding.grade });
    await service.updateRow(handle, 'finding', findingId, {
      requirement: finding.requirement,
      evidence: finding.evidence,
      not_fulfilled: finding.notFulfilled,
      auditee_representative: finding.auditeeRepresentative,
      raised_on: data.day,
      ...(finding.rationale ? { grade_rationale: finding.rationale } : {}),
    });
    for (const clause of finding.clauses) await service.createRow(handle, 'finding_clause', { finding_id: findingId, clause });
    for (const ref of finding.records ?? []) await service.createRow(handle, 'finding_record', { finding_id: findingId, record_id: recordId(ref) });
    for (const start of finding.entries ?? []) await service.createRow(handle, 'finding_note', { finding_id: findingId, entry_id: entryId(start) });
    if (finding.opinion) {
      await service.createRow(handle, 'diverging_opinion', { finding_id: findingId, auditee_view: finding.opinion.auditeeView, team_response: finding.opinion.teamResponse, status: 'unresolved' });
    }
    ids.push(findingId);
  }
  return ids;
}
