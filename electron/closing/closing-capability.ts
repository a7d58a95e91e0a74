import type { ClosingView, MemberSignatureView } from '../../shared/contract/closing-views.ts';
import { defineCapability } from '../store/capability.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { closingView, type Typing } from './closing-view.ts';
import { mySignature, saveMySignature } from './member-signature.ts';

/**
 * The closing meeting, the audit conclusions, the recommendation and signatures (issue 17), in the
 * engagement worker. Statements, ticks and acknowledgements are written through the row path; the
 * member's signature has a call because the member is the typing one, resolved in the main process.
 */
export const closingCapability = defineCapability({
  name: 'closing',
  calls: (engagement: EngagementContext) => ({
    closingView: (typing: Typing, today: string): ClosingView => closingView(engagement.store(), engagement.db(), typing, today),
    mySignature: (typing: Typing): MemberSignatureView => mySignature(engagement.store(), typing),
    saveMySignature: (typing: Typing, image: string): MemberSignatureView => saveMySignature(engagement.store(), typing, image, new Date().toISOString()),
  }),
  jobs: () => ({}),
});
