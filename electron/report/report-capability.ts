import type { ReportInput } from '../../shared/documents/report-input.ts';
import type { EvidenceIndex } from '../../shared/report/evidence-index.ts';
import { reportInput, type ReportBuildOptions } from '../../shared/report/report-input-builder.ts';
import { utcInstant } from '../../shared/time.ts';
import { defineCapability } from '../store/capability.ts';
import { chainHeads, type ChainHead } from '../store/change-log.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { readEvidenceIndex } from './evidence-index-source.ts';
import { reportGateCheck, type ReportGateCheck } from './report-gate.ts';
import { readReportSource } from './report-source.ts';
import { readStoredSelections } from './sample-selection-source.ts';
import type { StoredSelection } from '../../shared/report/review-samples.ts';

/** What an export asks of the report's content (the builder's options, one definition). */
export type ReportOptions = ReportBuildOptions;

/** The audit report (issue 18): its content and its completeness gate, built in the engagement worker. */
export const reportCapability = defineCapability({
  name: 'report',
  calls: (engagement: EngagementContext) => ({
    reportInput: (options: ReportOptions): ReportInput => reportInput(readReportSource(engagement, options), options),
    /** The gate over the content a final report would have (no draft, no photos; the words' language does not matter to it). */
    reportGate: (): ReportGateCheck => {
      const final: ReportOptions = { language: 'en', revision: 1, issuedAt: utcInstant(), issuedBy: '', draft: false, photos: false };
      return reportGateCheck(engagement, reportInput(readReportSource(engagement, final), final));
    },
    /** The technical-review package's evidence index. */
    reviewEvidenceIndex: (): EvidenceIndex => readEvidenceIndex(engagement),
    /** The technical-review package's selection records: each sample's selection as its draw stored it. */
    reviewSampleSelections: (): StoredSelection[] => readStoredSelections(engagement),
    /** The engagement state a signed report names (issue 19): every replica's chain head. */
    engagementState: (): ChainHead[] => chainHeads(engagement.db()),
  }),
  jobs: () => ({}),
});
