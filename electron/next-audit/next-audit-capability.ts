import { defineCapability } from '../store/capability.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { carryOver } from './carry-over.ts';
import { readEarlierEngagement, type EarlierEngagement } from './earlier-engagement.ts';

/**
 * The next audit of a cycle: read an earlier engagement (in a worker with no engagement of its own,
 * so its SQLite never runs on the main thread) and carry its preparation into the new engagement.
 */
export const nextAuditCapability = defineCapability({
  name: 'next-audit',
  calls: (engagement: EngagementContext) => ({
    readEarlier: (file: string): EarlierEngagement => readEarlierEngagement(file),
    carryOver(earlier: EarlierEngagement, historyNote: string): null {
      const store = engagement.store();
      carryOver(store, earlier, historyNote, store.context.actorId, Date.now());
      return null;
    },
  }),
  jobs: () => ({}),
});
