import { z } from 'zod';
import { channel } from './channel.ts';
import type { EarlierEngagementView } from './next-audit-views.ts';
import { engagementFieldsSchema, fileRefSchema } from './schemas.ts';
import type { OpenedEngagementView } from './views.ts';

/** The next audit of a cycle: a new engagement file started from an earlier one, which is only read. */
export const NEXT_AUDIT_CHANNELS = {
  'engagement:readEarlier': channel<EarlierEngagementView>()(z.object({ file: fileRefSchema }).strict()),
  'engagement:createFromEarlier': channel<OpenedEngagementView>()(
    z
      .object({
        file: fileRefSchema,
        earlier: fileRefSchema,
        fields: engagementFieldsSchema,
        /** The history entry's note for the earlier audit, worded in the user's language. */
        historyNote: z.string().max(5000),
      })
      .strict(),
  ),
} as const;
