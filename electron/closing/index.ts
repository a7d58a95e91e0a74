/** The closing meeting, the audit conclusions, the recommendation and signatures as the main thread and other capabilities see them. */
export { closingCapability } from './closing-capability.ts';
