/** What the engagement worker needs of the sampling capability: its operations. */
export { samplingCapability } from './sampling-capability.ts';
