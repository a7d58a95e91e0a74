/** Findings as the main thread and other capabilities see them. */
export { findingsCapability } from './findings-capability.ts';
export { findingsProfileOf, nonconformityGrades } from './findings-profile.ts';
export { findingBriefs } from './finding-briefs.ts';
export type { FindingBrief } from '../../shared/findings/finding-brief.ts';
/** The demo engagement's findings (the demo calls it after its fieldwork), in English and in Chinese. */
export { addDemoFindings, type DemoFindingsData } from './demo-findings.ts';
export { DEMO_FINDINGS_EN } from './demo-findings-en.ts';
export { DEMO_FINDINGS_ZH } from './demo-findings-zh.ts';
