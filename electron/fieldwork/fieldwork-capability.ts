import { defineCapability } from '../store/capability.ts';
import type { FieldworkRecordsView } from '../../shared/contract/fieldwork-views.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { answerQuestion, linkTypingMember, typingMember, type AnswerPatch, type ChecklistAnswer, type TypingMember } from './answers.ts';
import { addAdHocSession, writeNotebookEntry, type AdHocSession, type AdHocSessionWritten, type NotebookWrite, type NotebookWritten } from './notebook.ts';
import { fieldworkRecords } from './records.ts';

/** Fieldwork in the worker: who is typing, and the checklist answered per question and team member. */
export const fieldworkCapability = defineCapability({
  name: 'fieldwork',
  calls: (engagement: EngagementContext) => ({
    typingMember: (): TypingMember => typingMember(engagement.store(), engagement.db()),
    linkTypingMember: (memberId: string): TypingMember => linkTypingMember(engagement.store(), engagement.db(), memberId),
    fieldworkRecords: (): FieldworkRecordsView => fieldworkRecords(engagement.store()),
    answerQuestion: (questionId: string, memberId: string, patch: AnswerPatch): ChecklistAnswer => answerQuestion(engagement.store(), questionId, memberId, patch),
    /** The session notebook: an entry and the structure its marks make, in one transaction. */
    writeNotebookEntry: (memberId: string, write: NotebookWrite): NotebookWritten => writeNotebookEntry(engagement.store(), memberId, write),
    /** An ad-hoc session (not in the plan) with its outcome "added", in one transaction. */
    addAdHocSession: (memberId: string | null, session: AdHocSession): AdHocSessionWritten => addAdHocSession(engagement.store(), memberId, session),
  }),
  jobs: () => ({}),
});
