import type Database from 'better-sqlite3';
import { naturalRowId } from '../../shared/ids.ts';
import type { AnswerResult } from '../../shared/fieldwork/answer-results.ts';
import { StoreError } from '../../shared/store-errors.ts';
import type { CHECKLIST_ANSWER_TABLE } from '../../shared/tables/fieldwork-tables.ts';
import type { RowOf } from '../../shared/tables/table.ts';
import type { EngagementStore, Row } from '../store/engagement-store.ts';
import { memberCopyMeta } from '../team/worker.ts';

export type ChecklistAnswer = RowOf<typeof CHECKLIST_ANSWER_TABLE>;

export interface AnswerPatch {
  readonly result?: AnswerResult;
  readonly notes?: string;
  readonly na_reason?: string;
  readonly session_id?: string | null;
}

/** The answer's id: the same in every copy for the same question and team member. */
export const answerId = (engagementId: string, questionId: string, memberId: string): string =>
  naturalRowId(engagementId, 'checklist_answer', [questionId, memberId]);

/**
 * Writes a team member's answer to a question: the first write creates the row under its natural id,
 * later writes change its fields (a deleted answer comes back). Only what the patch names changes; an
 * empty patch makes sure the answer exists (evidence and interviewees link to it). The session must
 * be one of the plan's (null: none).
 */
export function answerQuestion(store: EngagementStore, questionId: string, memberId: string, patch: AnswerPatch): ChecklistAnswer {
  if (typeof patch.session_id === 'string') {
    const live = store.listRows('plan_session').some((row) => row.id === patch.session_id);
    if (!live) throw new StoreError('ROW_NOT_FOUND', 'That session is no longer in the plan', { table: 'plan_session', id: patch.session_id });
  }
  const values = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Row;
  const id = store.createRow('checklist_answer', { engagement_id: store.engagementId, question_id: questionId, team_member_id: memberId, ...values });
  return store.getRow('checklist_answer', id) as unknown as ChecklistAnswer;
}

/** Who answers in this file, and why it is them. */
export interface TypingMember {
  readonly memberId: string | null;
  readonly name: string | null;
  /** member-copy: the member the copy was issued to; linked: the member linked to this installation; none: ask once. */
  readonly source: 'member-copy' | 'linked' | 'none';
}

/**
 * Who is typing: in a member copy, the member it was issued to; in the lead's file, the team member
 * linked to this installation's actor; otherwise nobody yet (the screen asks once and links them).
 */
export function typingMember(store: EngagementStore, db: Database.Database): TypingMember {
  const copy = memberCopyMeta(db);
  if (copy) return { memberId: copy.memberId, name: copy.memberName, source: 'member-copy' };
  const linked = db.prepare('SELECT id, name FROM team_member WHERE actor_id = ? AND deleted = 0 ORDER BY id LIMIT 1').get(store.context.actorId) as
    | { id: string; name: string }
    | undefined;
  return linked ? { memberId: linked.id, name: linked.name, source: 'linked' } : { memberId: null, name: null, source: 'none' };
}

/** Links this installation's actor to a team member (asked once, in the lead's file). */
export function linkTypingMember(store: EngagementStore, db: Database.Database, memberId: string): TypingMember {
  if (memberCopyMeta(db)) throw new StoreError('READ_ONLY', 'A member copy answers as the member it was issued to');
  const member = store.getRow('team_member', memberId);
  if (member.deleted === 1) throw new StoreError('ROW_NOT_FOUND', 'That team member was removed', { table: 'team_member', id: memberId });
  store.updateRow('team_member', memberId, { actor_id: store.context.actorId });
  return typingMember(store, db);
}
