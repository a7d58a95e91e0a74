import { StoreError } from '../../../shared/store-errors.ts';
import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** Findings: raised, linked, checked, graded and numbered (issue 17), as the typing member. */
export function registerFindingHandlers(router: Router, deps: RouterDeps): void {
  const { service } = deps;

  router.register('findings:view', async ({ engagementHandle }) => {
    const typing = await service.call(engagementHandle, 'typingMember');
    return service.call(engagementHandle, 'findingsView', typing.memberId);
  });

  router.register('findings:raise', async ({ engagementHandle, source, grade }) => {
    const typing = await service.call(engagementHandle, 'typingMember');
    if (!typing.memberId) throw new StoreError('NOT_A_TEAM_MEMBER', 'Say which team member you are first');
    return service.change(engagementHandle, 'raiseFinding', typing.memberId, { source, ...(grade !== undefined ? { grade } : {}) });
  });

  router.register('findings:number', async ({ engagementHandle, renumberAll }) => {
    const typing = await service.call(engagementHandle, 'typingMember');
    if (!typing.memberId) throw new StoreError('NOT_A_TEAM_MEMBER', 'Say which team member you are first');
    return service.change(engagementHandle, 'numberFindings', typing.memberId, renumberAll ?? false);
  });
}
