import { z } from 'zod';
import { CA_STATES } from '../findings/finding-kinds.ts';
import { CORRECTIVE_ACTION_TABLE } from '../tables/finding-tables.ts';
import type { RowOf } from '../tables/table.ts';
import { patchSchema } from '../tables/table.ts';
import { channel } from './channel.ts';
import type { FollowUpView, LinkedFilePreview, LinkedImportResult } from './follow-up-views.ts';
import { fileRefSchema, handleSchema, withHandle } from './schemas.ts';

const rowId = z.string().min(1).max(100);

/** Corrective actions through to closure and earlier nonconformities (issue 17): the channels. */
export const FOLLOW_UP_CHANNELS = {
  /** Every nonconformity with its corrective action, moves and deadlines; the earlier nonconformities. */
  'followUp:view': channel<FollowUpView>()(withHandle),
  /**
   * One move of a nonconformity's corrective action, as the typing member, in one transaction with
   * its history row (the row is created by the first move). `fields` are the values the move brings
   * (the client's response, the verification); `undo` takes the member's own last move back.
   * Refused: CA_TRANSITION_REFUSED {from, to}, CA_DATE_BEFORE_AUDIT {date, auditStart}, INVALID_VALUE {missing}.
   */
  'followUp:move': channel<RowOf<typeof CORRECTIVE_ACTION_TABLE>>()(
    z
      .object({
        engagementHandle: handleSchema,
        findingId: rowId,
        to: z.enum(CA_STATES),
        reason: z.string().max(2000).optional(),
        fields: patchSchema(CORRECTIVE_ACTION_TABLE, ['engagement_id', 'finding_id', 'state']).optional(),
        undo: z.boolean().optional(),
      })
      .strict(),
  ),
  /** What importing the earlier engagement file would bring (read only; another client is flagged). */
  'followUp:previewLinked': channel<LinkedFilePreview>()(z.object({ engagementHandle: handleSchema, file: fileRefSchema }).strict()),
  /**
   * Imports the earlier engagement's nonconformities with their state (a second import adds nothing
   * twice). `auditLabel` names that audit in the user's words; another client needs `confirmOtherClient`.
   */
  'followUp:importLinked': channel<LinkedImportResult>()(
    z
      .object({ engagementHandle: handleSchema, file: fileRefSchema, auditLabel: z.string().max(300), confirmOtherClient: z.boolean() })
      .strict(),
  ),
} as const;
