import { ANSWER_RESULTS } from '../fieldwork/answer-results.ts';
import { editable, enumOf, fixed, reference, text } from './field-types.ts';
import { defineTable } from './table.ts';

/**
 * A checklist question answered by one team member (issue 15). Keyed by (question, team member):
 * the row id is UUIDv5 of the engagement and both, so two auditors answering the same question in
 * their own copies make two rows and never collide, while one auditor answering in two copies
 * edits the same row — an ordinary merge conflict when the values differ.
 */
export const CHECKLIST_ANSWER_TABLE = defineTable({
  name: 'checklist_answer',
  class: 'mergeable',
  fields: [
    fixed('engagement_id', reference('engagement')),
    // The pack's question id (stable across pack versions: the pinned-ids test holds them).
    fixed('question_id', text(200, true)),
    fixed('team_member_id', reference('team_member')),
    editable('result', enumOf(ANSWER_RESULTS, 'not_audited')),
    editable('notes', text(20_000)),
    // Required by the screen when the result is "not applicable" (no exclusions in 20000-1:2018).
    editable('na_reason', text(2000)),
    // The plan session it was answered in, when one.
    editable('session_id', reference('plan_session', true)),
  ],
  parents: [{ field: 'engagement_id', table: 'engagement' }],
  naturalKey: ['question_id', 'team_member_id'],
  editing: 'rows',
});

export const FIELDWORK_TABLES = [CHECKLIST_ANSWER_TABLE] as const;
