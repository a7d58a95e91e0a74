import type { EngagementSummaryView } from '../../../shared/contract/views.ts';
import type { Platform } from '../../platform/platform.ts';
import type { OpenSummary } from '../../store/engagement-session.ts';

/** The renderer sees files as the platform names them, never as the host's absolute paths. */
export function summaryView(handle: string, summary: OpenSummary, platform: Platform): EngagementSummaryView {
  return {
    handle,
    file: platform.displayFile(summary.path),
    engagementId: summary.engagementId,
    readOnly: summary.readOnly,
    readOnlyReason: summary.readOnlyReason,
    integrity: summary.integrity,
    migratedFrom: summary.migratedFrom,
    clockAhead: summary.clockAhead,
    engagement: summary.engagement,
  };
}
