/** What the engagement worker (and other capabilities' worker code) needs of findings. */
export { findingsCapability } from './findings-capability.ts';
export { findingsProfileOf, nonconformityGrades } from './findings-profile.ts';
export { findingBriefs, type FindingBrief } from './finding-briefs.ts';
