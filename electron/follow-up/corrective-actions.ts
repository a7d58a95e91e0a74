import type Database from 'better-sqlite3';
import type { CaTransitionView, EarlierNcView, FollowUpView, NcFollowUpView } from '../../shared/contract/follow-up-views.ts';
import { checkMove, moveEffects, nextMoves, undoTarget, type CaFields, type CaMove } from '../../shared/findings/corrective-action.ts';
import { findingDeadlines, isOverdue } from '../../shared/findings/deadlines.ts';
import { AREA_OF_CONCERN, type CaState } from '../../shared/findings/finding-kinds.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { ENGAGEMENT_TABLE } from '../../shared/tables/engagement-tables.ts';
import { CA_TRANSITION_TABLE, CORRECTIVE_ACTION_TABLE, EARLIER_NC_TABLE } from '../../shared/tables/finding-tables.ts';
import type { RowOf } from '../../shared/tables/table.ts';
import { auditDayOf, utcInstant } from '../../shared/time.ts';
import { findingBriefs, findingsProfileOf, type FindingBrief } from '../findings/worker.ts';
import type { EngagementStore, Row } from '../store/engagement-store.ts';
import { typedRow, typedRows } from '../store/typed-rows.ts';

/**
 * Minors may be closed on their accepted plan and verified at the next audit (CB policy, "Timelines").
 * The CB profile has no setting for it yet: the follow-up allows it for every nonconformity grade
 * but the most severe, and never for a major (verified before the decision, 17021-1).
 */
export const CLOSE_MINOR_ON_PLAN = true;

export interface MoveInput {
  readonly findingId: string;
  readonly to: CaState;
  readonly reason?: string;
  readonly fields?: CaFields;
  /** Take the typing member's last move back (recorded as a move of its own). */
  readonly undo?: boolean;
}

type Action = RowOf<typeof CORRECTIVE_ACTION_TABLE>;
type Transition = RowOf<typeof CA_TRANSITION_TABLE>;

function engagementOf(db: Database.Database): RowOf<typeof ENGAGEMENT_TABLE> {
  return typedRow(ENGAGEMENT_TABLE, db.prepare('SELECT * FROM engagement LIMIT 1').get() as Row);
}

/** The most severe nonconformity grade of the scale: the normative limits and "no close on plan" apply to it. */
function majorGrade(db: Database.Database): string | null {
  const grades = findingsProfileOf(db).profile.grades.filter((grade) => grade.isNonconformity);
  return [...grades].sort((a, b) => a.order - b.order)[0]?.key ?? null;
}

/**
 * Whether a finding is followed up: a nonconformity of the scale, or one whose grade the profile no
 * longer defines but whose corrective action has begun (kept and flagged, never dropped).
 */
function followed(brief: FindingBrief, hasAction: boolean): boolean {
  return brief.isNonconformity || (brief.gradeInfo === null && brief.grade !== AREA_OF_CONCERN && hasAction);
}

/** A nonconformity of this audit (areas of concern, observations and improvements have no corrective action). */
function nonconformity(db: Database.Database, findingId: string): FindingBrief {
  const brief = findingBriefs(db).find((finding) => finding.id === findingId);
  if (!brief) throw new StoreError('FINDING_NOT_FOUND', 'That finding is no longer in this engagement', { id: findingId });
  if (!followed(brief, actionOf(db, findingId) !== null)) throw new StoreError('INVALID_VALUE', 'Only a nonconformity has a corrective action', { field: 'finding_id', reason: 'not_nonconformity' });
  return brief;
}

function actionOf(db: Database.Database, findingId: string): Action | null {
  const row = db.prepare('SELECT * FROM corrective_action WHERE finding_id = ? AND deleted = 0').get(findingId) as Row | undefined;
  return row ? typedRow(CORRECTIVE_ACTION_TABLE, row) : null;
}

/** A finding's moves in the order they were made (the instant, then the HLC for moves in one millisecond). */
function historyOf(db: Database.Database, findingId: string): Transition[] {
  return typedRows(CA_TRANSITION_TABLE, db.prepare('SELECT * FROM ca_transition WHERE finding_id = ? AND deleted = 0 ORDER BY moved_at, updated_at').all(findingId) as Row[]);
}

const asMove = (row: Transition): CaMove => ({ from: row.from_state, to: row.to_state, movedAt: row.moved_at, movedBy: row.moved_by });

/**
 * One move of a nonconformity's corrective action, in ONE transaction: the corrective_action row is
 * created when missing (natural key finding_id), the move's fields applied, the state set and a
 * ca_transition row written (from, to, when, the typing member, the reason). A refused move writes nothing.
 */
export function moveCorrectiveAction(store: EngagementStore, memberId: string | null, input: MoveInput, now: number = Date.now()): Action {
  if (store.readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
  const { db } = store;
  return db.transaction((): Action => {
    const brief = nonconformity(db, input.findingId);
    const stored = actionOf(db, input.findingId);
    const from: CaState = stored?.state ?? 'raised';
    const reason = (input.reason ?? '').trim();
    const given: CaFields = input.fields ?? {};
    let effects: CaFields;
    if (input.undo) {
      const back = undoTarget(from, historyOf(db, input.findingId).map(asMove), memberId);
      if (back === null || back !== input.to) throw new StoreError('CA_TRANSITION_REFUSED', `A corrective action at ${from} cannot go back to ${input.to}`, { from, to: input.to });
      effects = from === 'closed' ? { closed_on: null } : {};
    } else {
      const fields: CaFields = { ...(stored ?? {}), ...given };
      const problem = checkMove({
        from,
        to: input.to,
        fields,
        reason,
        major: brief.grade === majorGrade(db),
        closeOnPlan: CLOSE_MINOR_ON_PLAN,
        auditStart: engagementOf(db).start_date,
      });
      if (problem?.code === 'CA_TRANSITION_REFUSED') throw new StoreError('CA_TRANSITION_REFUSED', `A corrective action at ${from} cannot go to ${input.to}`, { from, to: input.to });
      if (problem?.code === 'CA_DATE_BEFORE_AUDIT') throw new StoreError('CA_DATE_BEFORE_AUDIT', `${problem.date} is before the audit`, { date: problem.date, auditStart: problem.auditStart, field: problem.field });
      if (problem?.code === 'CA_FIELDS_MISSING') throw new StoreError('INVALID_VALUE', `The move needs ${problem.fields.join(', ')}`, { table: 'corrective_action', missing: [...problem.fields] });
      if (problem?.code === 'CA_REASON_REQUIRED') throw new StoreError('INVALID_VALUE', 'The move needs a reason', { table: 'corrective_action', missing: ['reason'] });
      effects = moveEffects(from, input.to, reason);
    }
    const values = { ...given, ...effects, state: input.to } as Row;
    // A tombstoned row of the finding is revived by createRow (natural key finding_id) with these values.
    const id = stored ? stored.id : store.createRow('corrective_action', { engagement_id: store.engagementId, finding_id: input.findingId, ...values });
    if (stored) store.updateRow('corrective_action', id, values);
    store.createRow('ca_transition', {
      engagement_id: store.engagementId,
      finding_id: input.findingId,
      from_state: from,
      to_state: input.to,
      moved_at: utcInstant(now),
      moved_by: memberId,
      reason: input.undo ? (reason || 'undo') : reason,
    });
    return typedRow(CORRECTIVE_ACTION_TABLE, store.getRow('corrective_action', id));
  })();
}

export interface TypingMemberInput {
  readonly memberId: string | null;
  readonly name: string | null;
  readonly source: 'member-copy' | 'linked' | 'none';
}

/** Every nonconformity with its corrective action, moves and deadlines; the earlier nonconformities; who verifies. */
export function followUpView(db: Database.Database, typing: TypingMemberInput, now: number = Date.now()): FollowUpView {
  const engagement = engagementOf(db);
  const { fromProfile } = findingsProfileOf(db);
  const major = majorGrade(db);
  const today = auditDayOf(now, engagement.time_zone);
  const team = (db.prepare('SELECT id, name, role FROM team_member WHERE deleted = 0').all() as { id: string; name: string; role: string }[]).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const names = new Map(team.map((member) => [member.id, member.name]));
  const actions = new Map(typedRows(CORRECTIVE_ACTION_TABLE, db.prepare('SELECT * FROM corrective_action WHERE deleted = 0').all() as Row[]).map((row) => [row.finding_id, row]));
  const moves = new Map<string, Transition[]>();
  for (const row of typedRows(CA_TRANSITION_TABLE, db.prepare('SELECT * FROM ca_transition WHERE deleted = 0 ORDER BY moved_at, updated_at').all() as Row[])) {
    moves.set(row.finding_id, [...(moves.get(row.finding_id) ?? []), row]);
  }
  const items = findingBriefs(db)
    .filter((brief) => followed(brief, actions.has(brief.id)))
    .map((brief): NcFollowUpView => {
      const action = actions.get(brief.id) ?? null;
      const state = action?.state ?? 'raised';
      const history = moves.get(brief.id) ?? [];
      const isMajor = brief.grade === major;
      const deadlines = findingDeadlines({
        lastAuditDay: engagement.end_date,
        auditType: engagement.audit_type,
        grade: brief.gradeInfo ?? { isNonconformity: true },
        major: isMajor,
        certificateExpiresOn: engagement.certificate_expires_on,
      });
      const done = state === 'closed' || (state === 'verified' && action?.effectiveness === 'effective');
      return {
        findingId: brief.id,
        label: brief.label,
        grade: brief.grade,
        gradeName: brief.gradeInfo?.name ?? null,
        major: isMajor,
        clauses: brief.clauses,
        requirement: brief.requirement,
        evidence: brief.evidence,
        notFulfilled: brief.notFulfilled,
        raisedOn: brief.raisedOn,
        action,
        state,
        nextMoves: nextMoves(state, { major: isMajor, closeOnPlan: CLOSE_MINOR_ON_PLAN, effectiveness: action?.effectiveness ?? 'not_assessed' }),
        undoTo: undoTarget(state, history.map(asMove), typing.memberId),
        deadlines,
        overdue: {
          response: (state === 'raised' || state === 'acknowledged' || state === 'rejected') && isOverdue(deadlines.response, today),
          action: state === 'accepted' && isOverdue(action?.action_due ?? null, today),
          verification: !done && isOverdue(deadlines.verification, today),
        },
        history: history.map(
          (row): CaTransitionView => ({ id: row.id, from: row.from_state, to: row.to_state, movedAt: row.moved_at, movedBy: row.moved_by, movedByName: (row.moved_by && names.get(row.moved_by)) || '', reason: row.reason }),
        ),
      };
    });
  const earlier = typedRows(EARLIER_NC_TABLE, db.prepare('SELECT * FROM earlier_nc WHERE deleted = 0').all() as Row[])
    .sort((a, b) => a.number.localeCompare(b.number, undefined, { numeric: true }) || a.source_ref.localeCompare(b.source_ref))
    .map((row): EarlierNcView => ({ ...row, verifierName: (row.verifier_id && names.get(row.verifier_id)) || '' }));
  return {
    today,
    timeZone: engagement.time_zone,
    auditType: engagement.audit_type,
    auditStart: engagement.start_date,
    lastAuditDay: engagement.end_date,
    certificateExpiresOn: engagement.certificate_expires_on,
    closeOnPlan: CLOSE_MINOR_ON_PLAN,
    fromProfile,
    items,
    earlier,
    earlierLastSeq: engagement.earlier_last_finding_seq,
    team,
    typing,
  };
}
