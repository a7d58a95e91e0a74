import { z } from 'zod';
import { ACKNOWLEDGEMENT_STATUSES } from '../findings/finding-kinds.ts';
import { channel } from './channel.ts';
import type { ClosingView, MemberSignatureView } from './closing-views.ts';
import { handleSchema, withHandle } from './schemas.ts';

/** A drawn signature: a PNG data URL (the pad trims it; 400,000 characters is the table's limit). */
const signatureSchema = z.string().max(400_000);

/** The closing meeting, the audit conclusions, the recommendation and signatures (issue 17): the channels. */
export const CLOSING_CHANNELS = {
  /** Everything the closing meeting and the audit conclusions show, in one round trip. */
  'closing:view': channel<ClosingView>()(withHandle),
  /**
   * The auditee's acknowledgement of a nonconformity: signed (signer and a drawn PNG; an empty one is
   * refused with SIGNATURE_EMPTY) or declined with the reason. Signing again replaces it. Returns the row's id.
   */
  'closing:acknowledge': channel<{ id: string }>()(
    z
      .object({
        engagementHandle: handleSchema,
        findingId: z.string().min(1).max(100),
        status: z.enum(ACKNOWLEDGEMENT_STATUSES),
        signerName: z.string().max(300),
        signerRole: z.string().max(300),
        signature: signatureSchema,
        declinedReason: z.string().max(2000),
      })
      .strict(),
  ),
  /** The typing member's own signature (drawn once, put on the documents they sign). */
  'closing:mySignature': channel<MemberSignatureView>()(withHandle),
  /** Draws (or redraws) the typing member's signature; an empty image is refused with SIGNATURE_EMPTY. */
  'closing:saveMySignature': channel<MemberSignatureView>()(z.object({ engagementHandle: handleSchema, image: signatureSchema }).strict()),
} as const;
