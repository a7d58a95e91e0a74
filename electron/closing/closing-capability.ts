import { defineCapability } from '../store/capability.ts';

/** The closing meeting, the audit conclusions, the recommendation and signatures (issue 17), in the engagement worker. */
export const closingCapability = defineCapability({
  name: 'closing',
  calls: () => ({}),
  jobs: () => ({}),
});
