import type { EngagementService } from '../engagement/engagement-service.ts';
import type { EngagementPackInfo, PackToCopy } from './engagement-packs.ts';

/** Copies a checked pack into the engagement, makes it its checklist, and updates the usage list. */
export async function chooseEngagementPack(engagements: EngagementService, handle: string, pack: PackToCopy): Promise<EngagementPackInfo> {
  const info = await engagements.change(handle, 'choosePack', pack);
  await engagements.refreshSummary(handle);
  return info;
}
