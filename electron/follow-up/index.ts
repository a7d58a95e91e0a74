/** Corrective actions through to closure and earlier nonconformities as the main thread and other capabilities see them. */
export { followUpCapability } from './follow-up-capability.ts';
export { FollowUpService } from './follow-up-service.ts';
export type { MoveInput } from './corrective-actions.ts';
