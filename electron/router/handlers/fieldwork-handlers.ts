import { StoreError } from '../../../shared/store-errors.ts';
import type { ChecklistAnswerView } from '../../../shared/contract/fieldwork-channels.ts';
import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** Fieldwork's channels: who is typing, linking them once, and their answers. */
export function registerFieldworkHandlers(router: Router, deps: RouterDeps): void {
  const { service } = deps;

  router.register('fieldwork:state', async ({ engagementHandle }) => ({
    typing: await service.call(engagementHandle, 'typingMember'),
    answers: (await service.listRows(engagementHandle, 'checklist_answer')) as unknown as ChecklistAnswerView[],
  }));

  router.register('fieldwork:records', ({ engagementHandle }) => service.call(engagementHandle, 'fieldworkRecords'));

  router.register('fieldwork:linkMe', ({ engagementHandle, memberId }) => service.change(engagementHandle, 'linkTypingMember', memberId));

  router.register('fieldwork:answer', async ({ engagementHandle, questionId, result, notes, naReason, sessionId }) => {
    const typing = await service.call(engagementHandle, 'typingMember');
    if (!typing.memberId) throw new StoreError('NOT_A_TEAM_MEMBER', 'Say which team member you are first');
    return service.change(engagementHandle, 'answerQuestion', questionId, typing.memberId, {
      ...(result !== undefined ? { result } : {}),
      ...(notes !== undefined ? { notes } : {}),
      ...(naReason !== undefined ? { na_reason: naReason } : {}),
      ...(sessionId !== undefined ? { session_id: sessionId } : {}),
    });
  });
}
