import { StoreError } from '../../../shared/store-errors.ts';
import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** The session notebook's channels: entries (with the structure their marks make) and ad-hoc sessions, written as the typing member. */
export function registerNotebookHandlers(router: Router, deps: RouterDeps): void {
  const { service } = deps;

  router.register('notebook:write', async ({ engagementHandle, entryId, sessionId, body, topic }) => {
    const typing = await service.call(engagementHandle, 'typingMember');
    if (!typing.memberId) throw new StoreError('NOT_A_TEAM_MEMBER', 'Say which team member you are first');
    return service.change(engagementHandle, 'writeNotebookEntry', typing.memberId, { ...(entryId !== undefined ? { entryId } : {}), sessionId, body, topic });
  });

  router.register('notebook:addSession', async ({ engagementHandle, title, day, start, end, topic, siteId }) => {
    const typing = await service.call(engagementHandle, 'typingMember');
    return service.change(engagementHandle, 'addAdHocSession', typing.memberId, { title, day, start, end, ...(topic ? { topic } : {}), siteId: siteId ?? null });
  });
}
