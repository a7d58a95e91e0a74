import type { ClosingView, MemberSignatureView } from '../../shared/contract/closing-views.ts';
import { defineCapability } from '../store/capability.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { acknowledgeNonconformity, type AcknowledgementInput } from './acknowledge.ts';
import { closingView, type Typing } from './closing-view.ts';
import { mySignature, saveMySignature } from './member-signature.ts';

/**
 * The closing meeting, the audit conclusions, the recommendation and signatures (issue 17), in the
 * engagement worker. Statements and ticks are written through the row path; an acknowledgement and
 * the member's signature have calls: the image is checked (SIGNATURE_EMPTY) and who recorded it is
 * the typing member, resolved in the main process.
 */
export const closingCapability = defineCapability({
  name: 'closing',
  calls: (engagement: EngagementContext) => ({
    closingView: (typing: Typing, today: string): ClosingView => closingView(engagement.store(), engagement.db(), typing, today),
    /** The auditee's acknowledgement of a nonconformity (signed or declined), checked before it is stored. */
    acknowledgeNonconformity: (typing: Typing, input: AcknowledgementInput): string => acknowledgeNonconformity(engagement.store(), engagement.db(), typing, input, new Date().toISOString()),
    mySignature: (typing: Typing): MemberSignatureView => mySignature(engagement.store(), typing),
    saveMySignature: (typing: Typing, image: string): MemberSignatureView => saveMySignature(engagement.store(), typing, image, new Date().toISOString()),
  }),
  jobs: () => ({}),
});
