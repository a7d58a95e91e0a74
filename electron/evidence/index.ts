/** Evidence files as the main thread and other capabilities see them. */
export { evidenceCapability } from './evidence-capability.ts';
export type { AttachRequest } from './attach.ts';
