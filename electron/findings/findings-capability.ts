import { defineCapability } from '../store/capability.ts';

/** Findings: raised, linked, checked, graded and numbered (issue 17), in the engagement worker. */
export const findingsCapability = defineCapability({
  name: 'findings',
  calls: () => ({}),
  jobs: () => ({}),
});
