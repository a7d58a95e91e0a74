import { defineCapability } from '../store/capability.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { choosePack, currentPack, type EngagementPackInfo, type EngagementPackRow, type PackToCopy } from './engagement-packs.ts';

/** The engagement's own copy of a checklist pack: chosen from the library, read back whole. */
export const packsCapability = defineCapability({
  name: 'packs',
  calls: (engagement: EngagementContext) => ({
    /** Copies a validated pack into the engagement and makes it the engagement's checklist. */
    choosePack(pack: PackToCopy): EngagementPackInfo {
      const store = engagement.store();
      return choosePack(store, pack, store.context.actorId, Date.now());
    },
    /** Which pack the engagement uses, without its content (usage records, summaries). */
    checklistPackInfo(): EngagementPackInfo | null {
      const pack = currentPack(engagement.db());
      if (!pack) return null;
      const { content: _content, ...info } = pack;
      return info;
    },
    /** The engagement's checklist pack with its JSON, or null before one is chosen. */
    checklistPack: (): EngagementPackRow | null => currentPack(engagement.db()),
  }),
  jobs: () => ({}),
});
