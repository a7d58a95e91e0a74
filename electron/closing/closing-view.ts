import type Database from 'better-sqlite3';
import type { CbProfile } from '../../shared/cb-profile/profile.ts';
import type { AcknowledgementView, AuditStatementView, ClosingFindingView, ClosingPointView, ClosingSessionView, ClosingView, RemoteFactsView, UnresolvedOpinionView } from '../../shared/contract/closing-views.ts';
import type { AuditType } from '../../shared/engagement.ts';
import { isInitialCertification, statementItems } from '../../shared/findings/audit-statements.ts';
import { AREA_OF_CONCERN, CLOSING_POINTS, type CaState, type ClosingPoint } from '../../shared/findings/finding-kinds.ts';
import { majorGradeKeys, suggestRecommendation } from '../../shared/findings/recommendation.ts';
import { checkReadinessRules, readinessVerdict, type ReadinessRow } from '../../shared/fieldwork/readiness-rules.ts';
import { findingBriefs, findingsProfileOf } from '../findings/worker.ts';
import { currentProfile } from '../profiles/worker.ts';
import type { EngagementStore, Row } from '../store/engagement-store.ts';

/** The team member typing in this file, as the fieldwork capability resolved it (the handler passes it in). */
export interface Typing {
  readonly memberId: string | null;
  readonly name: string | null;
}

const live = (db: Database.Database, table: string): Row[] => db.prepare(`SELECT * FROM ${table} WHERE deleted = 0`).all() as Row[];
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A corrective action no longer leaves its nonconformity open once closed, or verified effective. */
const isClosed = (state: CaState | null, effectiveness: string): boolean => state === 'closed' || (state === 'verified' && effectiveness === 'effective');

/**
 * Everything the closing meeting and the audit conclusions show, read in one transaction so the
 * findings, acknowledgements and statements agree with each other.
 */
export function closingView(store: EngagementStore, db: Database.Database, typing: Typing, today: string): ClosingView {
  return db.transaction(() => build(store, db, typing, today))();
}

function build(store: EngagementStore, db: Database.Database, typing: Typing, today: string): ClosingView {
  const engagement = store.getRow('engagement', store.engagementId);
  const auditType = engagement.audit_type as AuditType;
  const { profile, fromProfile } = findingsProfileOf(db);
  const full = currentProfile(db);
  const cb = full ? (JSON.parse(full.content) as CbProfile) : null;
  const members = new Map((db.prepare('SELECT id, name FROM team_member').all() as { id: string; name: string }[]).map((m) => [m.id, m.name]));

  // The plan's closing meetings, in plan order, with who came.
  const planSessions = live(db, 'plan_session');
  const attendance = live(db, 'attendance');
  const sessions: ClosingSessionView[] = planSessions
    .filter((row) => row.kind === 'closing')
    .sort((a, b) => str(a.day).localeCompare(str(b.day)) || str(a.start_time).localeCompare(str(b.start_time)) || str(a.end_time).localeCompare(str(b.end_time)))
    .map((row) => {
      const counts = { present: 0, remote: 0, absent: 0 };
      for (const person of attendance) if (person.session_id === row.id) counts[person.presence as keyof typeof counts]++;
      return { id: str(row.id), day: str(row.day), start: str(row.start_time), end: str(row.end_time), title: str(row.title), remote: row.remote === 1, attendance: counts };
    });
  const closingIds = new Set(sessions.map((session) => session.id));
  const points: ClosingPointView[] = live(db, 'meeting_point')
    .filter((row) => closingIds.has(str(row.session_id)) && (CLOSING_POINTS as readonly string[]).includes(str(row.point)))
    .map((row) => ({ id: str(row.id), sessionId: str(row.session_id), point: row.point as ClosingPoint, confirmed: row.confirmed === 1, note: str(row.note) }));

  // The findings, each nonconformity with its acknowledgement and whether it is still open.
  const majors = majorGradeKeys(profile.grades);
  const acknowledgements = new Map(live(db, 'nc_acknowledgement').map((row) => [str(row.finding_id), row]));
  const actions = new Map(live(db, 'corrective_action').map((row) => [str(row.finding_id), row]));
  const briefs = findingBriefs(db);
  const findings: ClosingFindingView[] = briefs.map((brief) => {
    const action = actions.get(brief.id);
    const caState = action ? (action.state as CaState) : null;
    const ack = acknowledgements.get(brief.id);
    const acknowledgement: AcknowledgementView | null = ack
      ? {
          id: str(ack.id),
          status: ack.status as AcknowledgementView['status'],
          signerName: str(ack.signer_name),
          signerRole: str(ack.signer_role),
          signature: str(ack.signature),
          declinedReason: str(ack.declined_reason),
          recordedAt: str(ack.recorded_at),
          recordedBy: (ack.recorded_by as string | null) ?? null,
          recordedByName: members.get(str(ack.recorded_by)) ?? '',
        }
      : null;
    // A grade the profile no longer defines stays a nonconformity when it is not an area of concern: never dropped silently.
    const isNonconformity = brief.isNonconformity || (brief.gradeInfo === null && brief.grade !== AREA_OF_CONCERN && brief.grade !== '');
    return {
      id: brief.id,
      label: brief.label,
      grade: brief.grade,
      gradeInfo: brief.gradeInfo,
      isNonconformity,
      major: majors.has(brief.grade),
      clauses: brief.clauses,
      process: brief.process,
      notFulfilled: brief.notFulfilled,
      auditeeRepresentative: brief.auditeeRepresentative,
      open: isNonconformity && !isClosed(caState, str(action?.effectiveness)),
      caState,
      acknowledgement,
    };
  });

  // The recommendation: suggested from the open nonconformities (stage 1: readiness), the lead's choice stored as an audit statement.
  const statements: AuditStatementView[] = live(db, 'audit_statement').map((row) => ({ id: str(row.id), item: str(row.item), verdict: str(row.verdict), text: str(row.text), reason: str(row.reason) }));
  let stage1: { verdict: ReturnType<typeof readinessVerdict>['verdict']; areasOfConcern: number } | undefined;
  if (auditType === 'stage1') {
    const rows = live(db, 'readiness').map((row): ReadinessRow => ({ area: str(row.area), status: row.status as ReadinessRow['status'], note: str(row.note) }));
    const asOf = str(engagement.end_date) || today;
    const verdict = readinessVerdict(rows, checkReadinessRules(cb?.stage1Readiness, rows, asOf, (engagement.sms_operating_since as string | null) ?? null));
    stage1 = { verdict: verdict.verdict, areasOfConcern: verdict.concerns.length + briefs.filter((brief) => brief.grade === AREA_OF_CONCERN).length };
  }
  const suggestion = suggestRecommendation({
    auditType,
    wordings: profile.recommendations,
    grades: profile.grades,
    openGrades: findings.filter((finding) => finding.open).map((finding) => finding.grade),
    ...(stage1 ? { stage1 } : {}),
  });

  const labels = new Map(briefs.map((brief) => [brief.id, brief.label]));
  const unresolvedOpinions: UnresolvedOpinionView[] = live(db, 'diverging_opinion')
    .filter((row) => row.status === 'unresolved' && labels.has(str(row.finding_id)))
    .map((row) => ({ findingId: str(row.finding_id), findingLabel: labels.get(str(row.finding_id))!, auditeeView: str(row.auditee_view), teamResponse: str(row.team_response) }))
    .sort((a, b) => a.findingLabel.localeCompare(b.findingLabel, undefined, { numeric: true }));

  return {
    auditType,
    fromProfile,
    typingMemberId: typing.memberId,
    typingMemberName: typing.name,
    sessions,
    points,
    grades: profile.grades,
    findings,
    recommendation: { suggestion, stored: statements.find((row) => row.item === 'recommendation') ?? null, wordings: profile.recommendations },
    items: statementItems(auditType, cb?.requiredReportFields ?? []),
    statements: statements.filter((row) => row.item !== 'recommendation'),
    initialCertification: isInitialCertification(auditType),
    remote: remoteFacts(planSessions, live(db, 'session_outcome')),
    unresolvedOpinions,
  };
}

/**
 * Remote auditing as it ran (IAF MD 4): a session counts as remote when its outcome says so, or,
 * held as planned, when the plan had it remote. Breaks and cancelled sessions do not count.
 */
export function remoteFacts(sessions: readonly Row[], outcomes: readonly Row[]): RemoteFactsView {
  const outcomeOf = new Map(outcomes.map((row) => [str(row.session_id), row]));
  const effectiveness = { effective: 0, partly_effective: 0, not_effective: 0, not_assessed: 0 };
  const tools = new Set<string>();
  const notes: string[] = [];
  let held = 0;
  let remote = 0;
  for (const session of sessions) {
    if (session.kind === 'break') continue;
    const outcome = outcomeOf.get(str(session.id));
    if (outcome?.status === 'cancelled') continue;
    held++;
    const mode = str(outcome?.mode) || 'as_planned';
    const isRemote = mode === 'remote' || (mode === 'as_planned' && session.remote === 1);
    if (!isRemote) continue;
    remote++;
    const tool = str(session.remote_tool).trim();
    if (tool) tools.add(tool);
    const rating = (str(outcome?.remote_effectiveness) || 'not_assessed') as keyof typeof effectiveness;
    effectiveness[rating in effectiveness ? rating : 'not_assessed']++;
    const note = str(outcome?.remote_note).trim();
    if (note) notes.push(note);
  }
  return { held, remote, tools: [...tools].sort(), effectiveness, notes };
}
