import type { FindingsView, NumberedFindingsView, RaisedFindingView } from '../../shared/contract/finding-views.ts';
import { defineCapability } from '../store/capability.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { findingsView } from './findings-view.ts';
import { numberFindings } from './number-findings.ts';
import { raiseFinding, type RaiseRequest } from './raise-finding.ts';

/** Findings: raised, linked, checked, graded and numbered (issue 17), in the engagement worker. */
export const findingsCapability = defineCapability({
  name: 'findings',
  calls: (engagement: EngagementContext) => ({
    /** Every live finding with its links, dismissals and opinions; `typingMemberId` is the caller's (fieldwork's typingMember). */
    findingsView: (typingMemberId: string | null): FindingsView => findingsView(engagement.db(), typingMemberId),
    /** A finding raised by `memberId` from a source, with its links, in one transaction. */
    raiseFinding: (memberId: string, request: RaiseRequest): RaisedFindingView => raiseFinding(engagement.store(), memberId, request),
    /** The lead's final numbering, in one transaction (`memberId` must be the lead). */
    numberFindings: (memberId: string, renumberAll: boolean): NumberedFindingsView => numberFindings(engagement.store(), memberId, renumberAll),
  }),
  jobs: () => ({}),
});
