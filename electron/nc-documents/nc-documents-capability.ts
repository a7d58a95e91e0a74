import { defineCapability } from '../store/capability.ts';

/** The NC forms and the closing meeting record (issue 17), in the engagement worker. */
export const ncDocumentsCapability = defineCapability({
  name: 'nc-documents',
  calls: () => ({}),
  jobs: () => ({}),
});
