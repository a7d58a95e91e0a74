import type { NumberingProblem } from '../../shared/cb-profile/numbering.ts';
import type { NumberedFindingsView } from '../../shared/contract/finding-views.ts';
import { assignFindingNumbers, type NumberingFinding } from '../../shared/findings/numbering-order.ts';
import { StoreError } from '../../shared/store-errors.ts';
import type { EngagementStore } from '../store/engagement-store.ts';
import { engagementRow, leadMember, teamMembers } from './finding-context.ts';
import { findingsProfileOf } from './findings-profile.ts';

/** The profile's numbering problem in words (the screen shows INVALID_VALUE's `problem`). */
function problemText(problem: NumberingProblem | { reason: 'too-long'; number: string; max: number }): string {
  switch (problem.reason) {
    case 'no-seq':
      return 'has no {seq} token, so findings cannot be told apart';
    case 'several-seq':
      return 'has more than one {seq} token';
    case 'unknown-token':
      return `uses ${problem.token}, which is not a numbering token ({year} {yy} {grade} {audit} {seq} {seq:N})`;
    case 'unclosed-brace':
      return `has a "{" without its "}" at character ${problem.at + 1}`;
    case 'stray-brace':
      return `has a "}" without its "{" at character ${problem.at + 1}`;
    case 'bad-character':
      return `contains "${problem.character}", which a file name cannot hold (numbers name the NC forms)`;
    case 'too-long':
      return `makes "${problem.number}", longer than ${problem.max} characters (is the CB audit number right?)`;
  }
}

/**
 * The lead's numbering, in ONE transaction: every live finding the CB profile numbers gets its final
 * number and sequence by `assignFindingNumbers` (the documented order in shared/findings/
 * numbering-order.ts); only changed values are written. Refused unless `memberId` is the team's lead
 * (FINDINGS_LEAD_ONLY with the lead's name), and with INVALID_VALUE naming the problem when the
 * profile's pattern cannot number (nothing is written then).
 */
export function numberFindings(store: EngagementStore, memberId: string, renumberAll: boolean): NumberedFindingsView {
  if (store.context.readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
  const db = store.db;
  return db
    .transaction((): NumberedFindingsView => {
      const lead = leadMember(teamMembers(db));
      if (!lead) throw new StoreError('INVALID_VALUE', 'The team has no lead auditor: name one in the team first', { table: 'team_member', field: 'role', problem: 'the team has no lead auditor' });
      if (lead.id !== memberId) throw new StoreError('FINDINGS_LEAD_ONLY', 'Only the lead auditor numbers the findings', { lead: lead.name });
      const engagement = engagementRow(db);
      const { profile } = findingsProfileOf(db);

      const clauses = new Map<string, string[]>();
      for (const link of db.prepare('SELECT finding_id, clause FROM finding_clause WHERE deleted = 0').all() as { finding_id: string; clause: string }[]) {
        clauses.set(link.finding_id, [...(clauses.get(link.finding_id) ?? []), link.clause]);
      }
      const rows = db
        .prepare('SELECT id, grade, final_number, final_seq, raised_on, raised_by, provisional_seq, deleted FROM finding')
        .all() as { id: string; grade: string; final_number: string; final_seq: number | null; raised_on: string; raised_by: string; provisional_seq: number; deleted: number }[];
      const findings: NumberingFinding[] = rows.map((row) => ({
        id: row.id,
        grade: row.grade,
        finalNumber: row.final_number,
        finalSeq: row.final_seq,
        clauses: clauses.get(row.id) ?? [],
        raisedOn: row.raised_on,
        raisedBy: row.raised_by,
        provisionalSeq: row.provisional_seq,
        deleted: row.deleted === 1,
      }));
      const outcome = assignFindingNumbers({
        findings,
        grades: profile.grades,
        numbering: profile.findingNumbering,
        year: Number(engagement.start_date.slice(0, 4)),
        auditNumber: engagement.cb_audit_number,
        earlierLastSeq: engagement.earlier_last_finding_seq,
        renumberAll,
      });
      if (!outcome.ok) {
        const problem = problemText(outcome.problem);
        throw new StoreError('INVALID_VALUE', `The CB profile's finding number pattern "${profile.findingNumbering.pattern}" ${problem}`, {
          table: 'cb_profile',
          field: 'findingNumbering.pattern',
          pattern: profile.findingNumbering.pattern,
          problem,
        });
      }
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const assignment of outcome.assignments) {
        const row = byId.get(assignment.findingId)!;
        if (row.final_number !== assignment.number || row.final_seq !== assignment.seq) {
          store.updateRow('finding', assignment.findingId, { final_number: assignment.number, final_seq: assignment.seq });
        }
      }
      return { numbered: outcome.assignments.map(({ findingId, number, seq, previous, reason }) => ({ findingId, number, seq, previous, reason })) };
    })
    .immediate();
}
