/** What the engagement worker (and other capabilities' worker code) needs of findings. */
export { findingsCapability } from './findings-capability.ts';
export { findingsProfileOf, nonconformityGrades } from './findings-profile.ts';
export { findingBriefs } from './finding-briefs.ts';
export type { FindingBrief } from '../../shared/findings/finding-brief.ts';
