import type { ReportInput } from '../../shared/documents/report-input.ts';
import type { PlanDocumentOptions } from '../../shared/plan/plan-document-input.ts';
import type { EvidenceIndex } from '../../shared/report/evidence-index.ts';
import { utcInstant } from '../../shared/time.ts';
import { defineCapability } from '../store/capability.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { readEvidenceIndex } from './evidence-index-source.ts';
import { reportGateCheck, type ReportGateCheck } from './report-gate.ts';

/** What an export asks of the report's content: draft or final, with or without the photo annex. */
export interface ReportOptions extends PlanDocumentOptions {
  readonly draft: boolean;
  readonly photos: boolean;
}

/** The audit report (issue 18): its content and its completeness gate, built in the engagement worker. */
export const reportCapability = defineCapability({
  name: 'report',
  calls: (engagement: EngagementContext) => {
    const calls = {
      reportInput: (options: ReportOptions): ReportInput => {
        void engagement;
        void options;
        throw new Error('reportInput: built in this issue');
      },
      /** The gate over the content a final report would have (the words' language does not matter to it). */
      reportGate: (): ReportGateCheck =>
        reportGateCheck(engagement, calls.reportInput({ language: 'en', revision: 1, issuedAt: utcInstant(), issuedBy: '', draft: false, photos: false })),
      /** The technical-review package's evidence index. */
      reviewEvidenceIndex: (): EvidenceIndex => readEvidenceIndex(engagement),
    };
    return calls;
  },
  jobs: () => ({}),
});
