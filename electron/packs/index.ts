/** The packs capability as other capabilities, the composition and the router see it. */
export { packsCapability } from './packs-capability.ts';
export { chooseEngagementPack } from './choose-engagement-pack.ts';
export { packToCopy, type EngagementPackInfo, type PackToCopy } from './engagement-packs.ts';
export { packFileText, packSha256 } from './pack-canonical.ts';
export { readPackFile } from './pack-file.ts';
export { PackImportError } from './pack-issues.ts';
export { PackLibrary, type LibraryPack } from './pack-library.ts';
export { shippedPacks } from './shipped-packs.ts';
