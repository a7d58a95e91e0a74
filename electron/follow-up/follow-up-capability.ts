import { defineCapability } from '../store/capability.ts';

/** Corrective actions through to closure and earlier nonconformities (issue 17), in the engagement worker. */
export const followUpCapability = defineCapability({
  name: 'follow-up',
  calls: () => ({}),
  jobs: () => ({}),
});
