import { z } from 'zod';
import { ROW_EDITED_TABLES } from '../tables/index.ts';
import { channel } from './channel.ts';
import { handleSchema, withHandle } from './schemas.ts';
import type { ConflictItemView, FieldAuthorView, RowAuthorsView, TeamOverviewView } from './team-views.ts';

/** The Team section: member copies and imports (as jobs), conflicts, who wrote what. */
export const TEAM_CHANNELS = {
  'engagement:fieldAuthors': channel<FieldAuthorView[]>()(
    z.object({ engagementHandle: handleSchema, entity: z.enum(['engagement', 'site', 'team_member']), rowId: z.string().min(1).max(100) }).strict(),
  ),
  /** The authors of every row of a table edited as rows, in one request (editors show all rows at once). */
  'engagement:tableAuthors': channel<RowAuthorsView[]>()(
    z.object({ engagementHandle: handleSchema, entity: z.enum(ROW_EDITED_TABLES.map((table) => table.name) as [string, ...string[]]) }).strict(),
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
