/** Findings: raised, linked, checked, graded and numbered as the main thread and other capabilities see them. */
export { findingsCapability } from './findings-capability.ts';
