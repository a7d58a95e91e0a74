/** Findings as the main thread and other capabilities see them. */
export { findingsCapability } from './findings-capability.ts';
export { findingsProfileOf, nonconformityGrades } from './findings-profile.ts';
export { findingBriefs, type FindingBrief } from './finding-briefs.ts';
/** The demo engagement's findings (the demo calls it after its fieldwork). */
export { addDemoFindings } from './demo-findings.ts';
