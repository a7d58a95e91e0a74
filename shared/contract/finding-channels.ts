import { z } from 'zod';
import { channel } from './channel.ts';
import type { FindingsView, NumberedFindingsView, RaisedFindingView } from './finding-views.ts';
import { handleSchema, withHandle } from './schemas.ts';

const rowId = z.string().min(1).max(100);

/** Where a finding is raised from (finding-views.ts RaiseSource). */
export const raiseSourceSchema = z.union([
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('answer'), answerId: rowId }).strict(),
  z.object({ kind: z.literal('notebook'), entryId: rowId }).strict(),
  z.object({ kind: z.literal('record'), recordId: rowId }).strict(),
  // Issue 20: the deviations of a tested sample (records seen of its items), linked as the finding's evidence.
  z.object({ kind: z.literal('sample'), sampleId: rowId, recordIds: z.array(rowId).min(1).max(1000) }).strict(),
]);

/**
 * Findings: raised, linked, checked, graded and numbered (issue 17). Everything else a finding's
 * screen edits (its three parts, grade, links, dismissed warnings, diverging opinions, deleting and
 * restoring) goes through the row channels: those are single rows, and the undo of a delete is a restore.
 */
export const FINDING_CHANNELS = {
  /** Every live finding with its links, dismissed warnings and diverging opinions, and what grading and numbering need. */
  'findings:view': channel<FindingsView>()(withHandle),
  /**
   * Raises a finding as the typing member, in ONE transaction with its link rows, filled in from its
   * source (an answer, a notebook entry, a record seen, or nothing). `grade` (a key of the CB profile's
   * scale, or the stage 1 area of concern) overrides the default the source suggests.
   */
  'findings:raise': channel<RaisedFindingView>()(
    z
      .object({
        engagementHandle: handleSchema,
        source: raiseSourceSchema,
        grade: z.string().min(1).max(60).optional(),
      })
      .strict(),
  ),
  /**
   * The lead's numbering (typing member = the lead, else FINDINGS_LEAD_ONLY): final numbers for every
   * finding the profile numbers, in the order of shared/findings/numbering-order.ts, in one
   * transaction. Numbers already given stay unless `renumberAll`.
   */
  'findings:number': channel<NumberedFindingsView>()(
    z
      .object({
        engagementHandle: handleSchema,
        renumberAll: z.boolean().optional(),
      })
      .strict(),
  ),
} as const;
