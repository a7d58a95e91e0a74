/** The packs capability as other capabilities and the composition see it. */
export { packsCapability } from './packs-capability.ts';
export { chooseEngagementPack } from './choose-engagement-pack.ts';
export { packToCopy, type EngagementPackInfo, type PackToCopy } from './engagement-packs.ts';
export { shippedPacks } from './shipped-packs.ts';
