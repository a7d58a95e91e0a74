import type Database from 'better-sqlite3';
import type { DivergingOpinionView, EarlierNcBrief, FindingDismissalView, FindingLinkView, FindingView, FindingsView } from '../../shared/contract/finding-views.ts';
import { isKnownGrade } from '../../shared/findings/default-grade.ts';
import { findingLabel } from '../../shared/findings/finding-label.ts';
import type { FindingPart } from '../../shared/findings/finding-kinds.ts';
import { DIVERGING_OPINION_TABLE, EARLIER_NC_TABLE, FINDING_DISMISSAL_TABLE, FINDING_TABLE } from '../../shared/tables/finding-tables.ts';
import type { Row } from '../store/engagement-store.ts';
import { typedRows } from '../store/typed-rows.ts';
import { engagementRow, leadMember, teamMembers } from './finding-context.ts';
import { findingsProfileOf } from './findings-profile.ts';

/** The link tables of a finding and the field each points with (the view's list it fills). */
const LINKS = [
  ['finding_clause', 'clause', 'clauses'],
  ['finding_site', 'site_id', 'sites'],
  ['finding_service', 'service_id', 'services'],
  ['finding_evidence', 'evidence_id', 'evidenceRefs'],
  ['finding_answer', 'answer_id', 'answers'],
  ['finding_note', 'entry_id', 'notes'],
  ['finding_record', 'record_id', 'records'],
] as const;
type LinkList = (typeof LINKS)[number][2];

function groupBy<T extends { finding_id: string }, V>(rows: readonly T[], view: (row: T) => V): Map<string, V[]> {
  const grouped = new Map<string, V[]>();
  for (const row of rows) {
    const list = grouped.get(row.finding_id);
    if (list) list.push(view(row));
    else grouped.set(row.finding_id, [view(row)]);
  }
  return grouped;
}

/**
 * Every live finding with its live links, dismissed warnings and diverging opinions, and what the
 * Findings tab needs for grading and numbering. Links are listed in a stable order (clauses by
 * number, the others by id); a link whose target was deleted is still listed (the screen says so).
 * A grade the profile no longer defines stays, flagged `gradeKnown: false`.
 */
export function findingsView(db: Database.Database, typingMemberId: string | null): FindingsView {
  const { profile, fromProfile } = findingsProfileOf(db);
  const engagement = engagementRow(db);
  const members = teamMembers(db);
  const allMembers = new Map((db.prepare('SELECT id, name, initials FROM team_member').all() as { id: string; name: string; initials: string }[]).map((m) => [m.id, m]));
  const grades = new Map(profile.grades.map((grade) => [grade.key, grade]));

  const links = new Map<LinkList, Map<string, FindingLinkView[]>>();
  for (const [table, field, list] of LINKS) {
    const order = table === 'finding_clause' ? 'clause, id' : 'id';
    const rows = db.prepare(`SELECT id, finding_id, ${field} AS target FROM ${table} WHERE deleted = 0 ORDER BY ${order}`).all() as { id: string; finding_id: string; target: string }[];
    links.set(list, groupBy(rows, (row) => ({ id: row.id, target: row.target })));
  }
  const dismissals = groupBy(
    typedRows(FINDING_DISMISSAL_TABLE, db.prepare('SELECT * FROM finding_dismissal WHERE deleted = 0 ORDER BY id').all() as Row[]),
    (row): FindingDismissalView => ({ id: row.id, part: row.part as FindingPart, code: row.code, subject: row.subject, reason: row.reason }),
  );
  const opinions = groupBy(
    typedRows(DIVERGING_OPINION_TABLE, db.prepare('SELECT * FROM diverging_opinion WHERE deleted = 0 ORDER BY id').all() as Row[]),
    (row): DivergingOpinionView => ({ id: row.id, auditeeView: row.auditee_view, teamResponse: row.team_response, status: row.status, resolution: row.resolution }),
  );
  const linksOf = (list: LinkList, id: string): FindingLinkView[] => links.get(list)?.get(id) ?? [];

  const findings = typedRows(FINDING_TABLE, db.prepare('SELECT * FROM finding WHERE deleted = 0 ORDER BY id').all() as Row[]).map((row): FindingView => {
    const member = allMembers.get(row.raised_by);
    const grade = grades.get(row.grade);
    return {
      id: row.id,
      raisedBy: row.raised_by,
      raisedByName: member?.name ?? '',
      raisedByInitials: member?.initials ?? '',
      provisionalSeq: row.provisional_seq,
      finalNumber: row.final_number,
      finalSeq: row.final_seq,
      label: findingLabel({ finalNumber: row.final_number, provisionalSeq: row.provisional_seq, raisedByInitials: member?.initials ?? '' }),
      sourceKind: row.source_kind,
      grade: row.grade,
      gradeKnown: isKnownGrade(profile.grades, row.grade),
      isNonconformity: grade?.isNonconformity ?? false,
      gradeRationale: row.grade_rationale,
      requirement: row.requirement,
      evidence: row.evidence,
      notFulfilled: row.not_fulfilled,
      procedure: row.procedure,
      process: row.process,
      auditeeRepresentative: row.auditee_representative,
      raisedOn: row.raised_on,
      sessionId: row.session_id,
      repeatOf: row.repeat_of,
      clauses: linksOf('clauses', row.id),
      sites: linksOf('sites', row.id),
      services: linksOf('services', row.id),
      evidenceRefs: linksOf('evidenceRefs', row.id),
      answers: linksOf('answers', row.id),
      notes: linksOf('notes', row.id),
      records: linksOf('records', row.id),
      dismissals: dismissals.get(row.id) ?? [],
      opinions: opinions.get(row.id) ?? [],
      updatedAt: row.updated_at,
    };
  });

  const earlierNcs = typedRows(EARLIER_NC_TABLE, db.prepare('SELECT * FROM earlier_nc WHERE deleted = 0 ORDER BY number, id').all() as Row[]).map(
    (row): EarlierNcBrief => ({
      id: row.id,
      number: row.number,
      clause: row.clause,
      statement: row.statement,
      // Corrected = verified effective here, or closed before this audit and not found ineffective since.
      uncorrected: row.effectiveness === 'not_effective' || (row.effectiveness !== 'effective' && row.status_at_start !== 'closed'),
    }),
  );

  return {
    findings,
    grades: [...profile.grades].sort((a, b) => a.order - b.order),
    fromProfile,
    numbering: profile.findingNumbering,
    stage1: engagement.audit_type === 'stage1',
    leadMemberId: leadMember(members)?.id ?? null,
    typingMemberId,
    earlierNcs,
    earlierLastSeq: engagement.earlier_last_finding_seq,
  };
}
