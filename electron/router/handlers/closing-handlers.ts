import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** The closing meeting, the audit conclusions, the recommendation and signatures (issue 17). */
export function registerClosingHandlers(router: Router, deps: RouterDeps): void {
  const { service } = deps;
  // Who is typing is fieldwork's answer (a member copy's member, or the member linked to this installation).
  const typing = async (handle: string) => {
    const { memberId, name } = await service.call(handle, 'typingMember');
    return { memberId, name };
  };

  router.register('closing:view', async ({ engagementHandle }) => service.call(engagementHandle, 'closingView', await typing(engagementHandle), new Date().toISOString().slice(0, 10)));
  router.register('closing:acknowledge', async ({ engagementHandle, ...input }) => ({ id: await service.change(engagementHandle, 'acknowledgeNonconformity', await typing(engagementHandle), input) }));
  router.register('closing:mySignature', async ({ engagementHandle }) => service.call(engagementHandle, 'mySignature', await typing(engagementHandle)));
  router.register('closing:saveMySignature', async ({ engagementHandle, image }) => service.change(engagementHandle, 'saveMySignature', await typing(engagementHandle), image));
}
