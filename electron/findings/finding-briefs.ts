import type Database from 'better-sqlite3';
import type { FindingBrief } from '../../shared/findings/finding-brief.ts';
import { findingLabel } from '../../shared/findings/finding-label.ts';
import { FINDING_TABLE } from '../../shared/tables/finding-tables.ts';
import type { Row } from '../store/engagement-store.ts';
import { typedRows } from '../store/typed-rows.ts';
import { findingsProfileOf } from './findings-profile.ts';

/** Every live finding as a FindingBrief, in number order (final numbers first, then provisional ids by who raised them). */
export function findingBriefs(db: Database.Database): FindingBrief[] {
  const { profile } = findingsProfileOf(db);
  const grades = new Map(profile.grades.map((grade) => [grade.key, grade]));
  const members = new Map((db.prepare('SELECT id, name, initials FROM team_member').all() as { id: string; name: string; initials: string }[]).map((m) => [m.id, m]));
  const clauses = new Map<string, string[]>();
  for (const link of db.prepare('SELECT finding_id, clause FROM finding_clause WHERE deleted = 0 ORDER BY clause').all() as { finding_id: string; clause: string }[]) {
    clauses.set(link.finding_id, [...(clauses.get(link.finding_id) ?? []), link.clause]);
  }
  const rows = typedRows(FINDING_TABLE, db.prepare('SELECT * FROM finding WHERE deleted = 0').all() as Row[]);
  const briefs = rows.map((row): FindingBrief => {
    const member = members.get(row.raised_by);
    const gradeInfo = grades.get(row.grade) ?? null;
    return {
      id: row.id,
      label: findingLabel({ finalNumber: row.final_number, provisionalSeq: row.provisional_seq, raisedByInitials: member?.initials ?? '' }),
      finalNumber: row.final_number,
      finalSeq: row.final_seq,
      grade: row.grade,
      gradeInfo,
      isNonconformity: gradeInfo?.isNonconformity ?? false,
      requirement: row.requirement,
      evidence: row.evidence,
      notFulfilled: row.not_fulfilled,
      procedure: row.procedure,
      process: row.process,
      clauses: clauses.get(row.id) ?? [],
      raisedOn: row.raised_on,
      raisedBy: row.raised_by,
      raisedByName: member?.name ?? '',
      auditeeRepresentative: row.auditee_representative,
    };
  });
  const perGrade = profile.findingNumbering.sequence === 'per-grade';
  return briefs.sort((a, b) => byNumber(a, b, perGrade));
}

function byNumber(a: FindingBrief, b: FindingBrief, perGrade: boolean): number {
  if (a.finalSeq !== null || b.finalSeq !== null) {
    if (a.finalSeq === null) return 1;
    if (b.finalSeq === null) return -1;
    // Per-grade sequences repeat numbers across grades: the grade's order first, then the number.
    const byGrade = (a.gradeInfo?.order ?? 999) - (b.gradeInfo?.order ?? 999);
    return (perGrade ? byGrade || a.finalSeq - b.finalSeq : a.finalSeq - b.finalSeq || byGrade) || a.finalNumber.localeCompare(b.finalNumber);
  }
  return a.raisedByName.localeCompare(b.raisedByName) || a.raisedBy.localeCompare(b.raisedBy) || a.label.localeCompare(b.label, undefined, { numeric: true });
}
