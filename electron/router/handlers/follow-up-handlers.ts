import { StoreError } from '../../../shared/store-errors.ts';
import { FollowUpService } from '../../follow-up/index.ts';
import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** Corrective actions through to closure and earlier nonconformities (issue 17). */
export function registerFollowUpHandlers(router: Router, deps: RouterDeps): void {
  const { service, platform } = deps;
  const followUp = new FollowUpService(service);

  router.register('followUp:view', async ({ engagementHandle }) => {
    const typing = await service.call(engagementHandle, 'typingMember');
    return service.call(engagementHandle, 'followUpView', typing);
  });

  router.register('followUp:move', async ({ engagementHandle, findingId, to, reason, fields, undo }) => {
    const typing = await service.call(engagementHandle, 'typingMember');
    if (!typing.memberId) throw new StoreError('NOT_A_TEAM_MEMBER', 'Say which team member you are first');
    return service.change(engagementHandle, 'moveCorrectiveAction', typing.memberId, {
      findingId,
      to,
      ...(reason !== undefined ? { reason } : {}),
      ...(fields !== undefined ? { fields } : {}),
      ...(undo !== undefined ? { undo } : {}),
    });
  });

  router.register('followUp:previewLinked', async ({ engagementHandle, file }) => {
    const target = platform.resolveFile(file, 'open');
    return followUp.preview(engagementHandle, target, platform.displayFile(target));
  });

  router.register('followUp:importLinked', async ({ engagementHandle, file, auditLabel, confirmOtherClient }) =>
    followUp.importFrom(engagementHandle, platform.resolveFile(file, 'open'), auditLabel, confirmOtherClient),
  );
}
