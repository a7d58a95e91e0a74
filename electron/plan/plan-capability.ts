import type { PlanDocumentInput } from '../../shared/documents/plan-input.ts';
import type { SignInSheetInput } from '../../shared/documents/sign-in-input.ts';
import { planDocumentInput, type PlanDocumentOptions } from '../../shared/plan/plan-document-input.ts';
import type { SessionOutcomeRow } from '../../shared/plan/session-outcomes.ts';
import { signInSheetInput, type AttendanceRow } from '../../shared/plan/sign-in-sheet-input.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { defineCapability } from '../store/capability.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { readPlanSource } from './plan-source.ts';

/** The audit plan's documents, built in the worker from the engagement's rows: the plan and the meetings' sign-in sheets. */
export const planCapability = defineCapability({
  name: 'plan',
  calls: (engagement: EngagementContext) => ({
    planDocumentInput: (options: PlanDocumentOptions): PlanDocumentInput => planDocumentInput(readPlanSource(engagement.store(), engagement.db()), options),
    signInSheetInput(sessionId: string, options: PlanDocumentOptions): SignInSheetInput {
      const store = engagement.store();
      const source = readPlanSource(store, engagement.db());
      const session = source.rows.sessions.find((candidate) => candidate.id === sessionId);
      if (!session) throw new StoreError('ROW_NOT_FOUND', 'No such session in the plan', { table: 'plan_session', id: sessionId });
      const input = signInSheetInput(
        { ...source, attendance: store.listRows('attendance') as unknown as AttendanceRow[], outcomes: store.listRows('session_outcome') as unknown as SessionOutcomeRow[] },
        sessionId,
        options,
      );
      if (!input) throw new StoreError('INVALID_VALUE', 'A sign-in sheet is printed for an opening or closing meeting', { field: 'session_id', table: 'plan_session' });
      return input;
    },
  }),
  jobs: () => ({}),
});
