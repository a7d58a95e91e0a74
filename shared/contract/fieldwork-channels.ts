import { z } from 'zod';
import { ANSWER_RESULTS } from '../fieldwork/answer-results.ts';
import type { CHECKLIST_ANSWER_TABLE } from '../tables/fieldwork-tables.ts';
import type { RowOf } from '../tables/table.ts';
import { channel } from './channel.ts';
import type { FieldworkRecordsView } from './fieldwork-views.ts';
import { handleSchema, withHandle } from './schemas.ts';

/** Who answers in this file (a member copy's member, or the team member linked to this installation). */
export interface TypingMemberView {
  readonly memberId: string | null;
  readonly name: string | null;
  readonly source: 'member-copy' | 'linked' | 'none';
}

export type ChecklistAnswerView = RowOf<typeof CHECKLIST_ANSWER_TABLE>;

/** Fieldwork: who is typing, and the checklist answered per question and team member. */
export const FIELDWORK_CHANNELS = {
  /** Who is typing, and every team member's answers (the screen shows the others' beside one's own). */
  'fieldwork:state': channel<{ typing: TypingMemberView; answers: ChecklistAnswerView[] }>()(withHandle),
  /** Every row of the notebook, evidence, records seen, trails, conclusions, the plan as it ran and stage 1, in one round trip. */
  'fieldwork:records': channel<FieldworkRecordsView>()(withHandle),
  'fieldwork:linkMe': channel<TypingMemberView>()(z.object({ engagementHandle: handleSchema, memberId: z.string().min(1).max(100) }).strict()),
  /**
   * The typing member's answer to a question: only the fields given change (none: the answer is made
   * to exist, for evidence and interviewees to link to). sessionId: a plan session, or null for none.
   */
  'fieldwork:answer': channel<ChecklistAnswerView>()(
    z
      .object({
        engagementHandle: handleSchema,
        questionId: z.string().min(1).max(200),
        result: z.enum(ANSWER_RESULTS).optional(),
        notes: z.string().max(20_000).optional(),
        naReason: z.string().max(2000).optional(),
        sessionId: z.string().min(1).max(100).nullable().optional(),
      })
      .strict(),
  ),
} as const;
