import type { PlanDocumentInput } from '../../shared/documents/plan-input.ts';
import { planDocumentInput, type PlanDocumentOptions } from '../../shared/plan/plan-document-input.ts';
import { defineCapability } from '../store/capability.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { readPlanSource } from './plan-source.ts';

/** The audit plan's document content, built in the worker from the engagement's rows. */
export const planCapability = defineCapability({
  name: 'plan',
  calls: (engagement: EngagementContext) => ({
    planDocumentInput: (options: PlanDocumentOptions): PlanDocumentInput => planDocumentInput(readPlanSource(engagement.store(), engagement.db()), options),
  }),
  jobs: () => ({}),
});
