import type { ReportInput } from '../../shared/documents/report-input.ts';
import type { PlanDocumentOptions } from '../../shared/plan/plan-document-input.ts';
import type { ReportGateItemView } from '../../shared/contract/report-views.ts';
import { reportInput } from '../../shared/report/report-input-builder.ts';
import { defineCapability } from '../store/capability.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { readReportSource } from './report-source.ts';

/** What an export asks of the report's content: draft or final, with or without the photo annex. */
export interface ReportOptions extends PlanDocumentOptions {
  readonly draft: boolean;
  readonly photos: boolean;
}

/** The audit report (issue 18): its content and its completeness gate, built in the engagement worker. */
export const reportCapability = defineCapability({
  name: 'report',
  calls: (engagement: EngagementContext) => ({
    reportInput: (options: ReportOptions): ReportInput => reportInput(readReportSource(engagement, options), options),
    reportGate: (): ReportGateItemView[] => {
      throw new Error('reportGate: built in this issue');
    },
  }),
  jobs: () => ({}),
});
