/** What the engagement worker needs of this capability: its operations. */
export { followUpCapability } from './follow-up-capability.ts';
/** The next audit of a cycle carries the earlier engagement's nonconformities with the same reading and import. */
export { importLinked, linkedFromDb, type LinkedEngagement } from './linked-file.ts';
