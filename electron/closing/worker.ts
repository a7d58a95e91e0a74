/** What the engagement worker needs of this capability: its operations. */
export { closingCapability } from './closing-capability.ts';
