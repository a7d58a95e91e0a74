import type { ExportPreviewView, PopulationRowsView, SampleItemRowView, SamplingStateView } from '../../shared/contract/sampling-views.ts';
import type { JobContext } from '../jobs/job-context.ts';
import { defineCapability } from '../store/capability.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { previewExport } from './export-preview.ts';
import { importPopulation, type PopulationImportRequest } from './population-import.ts';
import { drawSample, extendSample, pickItem, type DrawRequest } from './sample-draw.ts';
import { verifySample } from './sample-verify.ts';
import { typingMember } from '../fieldwork/worker.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { populationRows, samplingState, type RowsRequest } from './sampling-state.ts';
import type { SniffOptions } from './source/index.ts';

/** The team member drawing: the typing member (NOT_A_TEAM_MEMBER until the auditor has said who they are). */
function drawingMember(engagement: EngagementContext): string {
  const typing = typingMember(engagement.store(), engagement.db());
  if (!typing.memberId) throw new StoreError('NOT_A_TEAM_MEMBER', 'Say which team member you are first');
  return typing.memberId;
}

/**
 * Record sampling from the client's exports in the worker (issue 20): the export's preview, the
 * import of a population (a job streaming the file into committed slices), the draw, extension and
 * verification of samples (jobs), judgmental picks, and the section's state.
 */
export const samplingCapability = defineCapability({
  name: 'sampling',
  calls: (engagement: EngagementContext) => ({
    samplingState: (): SamplingStateView => samplingState(engagement.store(), engagement.db()),
    previewExport: (file: string, reading: SniffOptions): Promise<ExportPreviewView> => previewExport(file, reading),
    populationRows: (request: RowsRequest): PopulationRowsView => populationRows(engagement.db(), request),
    pickSampleItem: (sampleId: string, rowNo: number, reason: string): SampleItemRowView => pickItem(engagement, sampleId, rowNo, reason),
  }),
  jobs: (engagement: EngagementContext) => ({
    importPopulation: (context: JobContext, request: PopulationImportRequest) => importPopulation(engagement, context, request, engagement.store().context.actorId),
    // memberId: the demo draws as its auditor; the screens draw as the typing member.
    drawSample: (context: JobContext, request: DrawRequest, memberId?: string) => drawSample(engagement, context, memberId ?? drawingMember(engagement), request),
    extendSample: (context: JobContext, sampleId: string, more: number) => extendSample(engagement, context, sampleId, more),
    verifySample: (context: JobContext, sampleId: string) => verifySample(engagement, context, sampleId),
  }),
});
