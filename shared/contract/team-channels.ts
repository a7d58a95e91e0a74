import { z } from 'zod';
import { channel } from './channel.ts';
import { handleSchema, withHandle } from './schemas.ts';
import type { ConflictItemView, FieldAuthorView, TeamOverviewView } from './team-views.ts';

/** The Team section: member copies and imports (as jobs), conflicts, who wrote what. */
export const TEAM_CHANNELS = {
  'engagement:fieldAuthors': channel<FieldAuthorView[]>()(
    z.object({ engagementHandle: handleSchema, entity: z.enum(['engagement', 'site', 'team_member']), rowId: z.string().min(1).max(100) }).strict(),
  ),

  'team:overview': channel<TeamOverviewView>()(withHandle),
  'team:conflicts': channel<ConflictItemView[]>()(withHandle),
  'team:decide': channel<{ decided: number }>()(
    z
      .object({
        engagementHandle: handleSchema,
        decisions: z
          .array(
            z
              .object({
                entity: z.string().min(1).max(100),
                rowId: z.string().min(1).max(100),
                field: z.string().min(1).max(100),
                replicaId: z.string().min(1).max(100),
                seq: z.number().int().min(1),
              })
              .strict(),
          )
          .min(1)
          .max(10_000),
      })
      .strict(),
  ),
} as const;
