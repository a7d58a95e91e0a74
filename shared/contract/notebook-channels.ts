import { z } from 'zod';
import type {
  EVIDENCE_ITEM_TABLE,
  NOTEBOOK_ENTRY_TABLE,
  PERSON_TABLE,
  RECORD_SEEN_TABLE,
  SESSION_OUTCOME_TABLE,
  SESSION_PERSON_TABLE,
} from '../tables/fieldwork-records-tables.ts';
import type { PLAN_SESSION_MEMBER_TABLE, PLAN_SESSION_TABLE, PLAN_SESSION_TOPIC_TABLE } from '../tables/plan-tables.ts';
import { PLAN_TOPIC_KINDS } from '../plan/plan-kinds.ts';
import type { RowOf } from '../tables/table.ts';
import { channel } from './channel.ts';
import { handleSchema } from './schemas.ts';

/** The entry as saved and every row its marks made or reached (the screen merges them into what it shows). */
export interface NotebookWrittenView {
  readonly entry: RowOf<typeof NOTEBOOK_ENTRY_TABLE>;
  readonly people: RowOf<typeof PERSON_TABLE>[];
  readonly sessionPeople: RowOf<typeof SESSION_PERSON_TABLE>[];
  readonly records: RowOf<typeof RECORD_SEEN_TABLE>[];
  readonly evidence: RowOf<typeof EVIDENCE_ITEM_TABLE>[];
}

/** An ad-hoc session as written: the plan session, its outcome "added", its topic and member links. */
export interface AdHocSessionView {
  readonly session: RowOf<typeof PLAN_SESSION_TABLE>;
  readonly outcome: RowOf<typeof SESSION_OUTCOME_TABLE>;
  readonly topics: RowOf<typeof PLAN_SESSION_TOPIC_TABLE>[];
  readonly members: RowOf<typeof PLAN_SESSION_MEMBER_TABLE>[];
}

const rowId = z.string().min(1).max(100);

/** The session notebook (issue 15): entries whose marks become structure as they are saved, and ad-hoc sessions. */
export const NOTEBOOK_CHANNELS = {
  /**
   * Writes an entry as the typing member (new without `entryId`; a change keeps its author and time)
   * and, in the same transaction, the people, records seen and evidence references its marks name.
   */
  'notebook:write': channel<NotebookWrittenView>()(
    z
      .object({
        engagementHandle: handleSchema,
        entryId: rowId.optional(),
        sessionId: rowId,
        body: z.string().max(20_000),
        /** A process key or clause group; '' = the session's own topics. */
        topic: z.string().max(100),
      })
      .strict(),
  ),
  /** A session held that the plan did not have: kind audit, outcome "added", the typing member in it. */
  'notebook:addSession': channel<AdHocSessionView>()(
    z
      .object({
        engagementHandle: handleSchema,
        title: z.string().trim().min(1).max(300),
        /** YYYY-MM-DD and HH:MM: checked by the plan_session table's rules when written. */
        day: z.string().length(10),
        start: z.string().length(5),
        end: z.string().length(5),
        topic: z.object({ kind: z.enum(PLAN_TOPIC_KINDS), topic: z.string().trim().min(1).max(100) }).strict().optional(),
        /** The site it is held at (left out: none, or remote). */
        siteId: rowId.optional(),
      })
      .strict(),
  ),
} as const;
