/**
 * What the engagement worker needs of the packs capability: its operations. Kept apart from
 * index.ts, whose library, file readers and shipped pack the worker must not load (the worker
 * bundle would grow by them, and every open pays for it).
 */
export { packsCapability } from './packs-capability.ts';
/** Copying a pack into an engagement, for a capability that starts an engagement from another (the next audit). */
export { choosePack, currentPack } from './engagement-packs.ts';
