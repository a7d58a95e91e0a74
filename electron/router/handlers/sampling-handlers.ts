import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** Record sampling from the client's exports (issue 20): previews, populations' records, picks, and the jobs that import, draw, extend and verify. */
export function registerSamplingHandlers(router: Router, deps: RouterDeps): void {
  const { service, platform } = deps;
  const exportFile = (file: string) => platform.resolveFile(file, 'open', 'export');

  router.register('sampling:state', ({ engagementHandle }) => service.call(engagementHandle, 'samplingState'));
  router.register('sampling:sniff', ({ engagementHandle, file, reading }) => service.call(engagementHandle, 'previewExport', exportFile(file), reading ?? {}));
  router.register('sampling:rows', ({ engagementHandle, ...request }) => service.call(engagementHandle, 'populationRows', request));
  router.register('sampling:pick', ({ engagementHandle, sampleId, rowNo, reason }) => service.change(engagementHandle, 'pickSampleItem', sampleId, rowNo, reason));

  router.jobs.register('sampling:import', ({ engagementHandle, file, kind: _kind, ...request }, onProgress) =>
    service.startJob(engagementHandle, 'importPopulation', () => [{ ...request, file: exportFile(file) }] as const, onProgress),
  );
  router.jobs.register('sampling:draw', ({ engagementHandle, kind: _kind, ...request }, onProgress) => service.startJob(engagementHandle, 'drawSample', () => [request] as const, onProgress));
  router.jobs.register('sampling:extend', ({ engagementHandle, sampleId, more }, onProgress) => service.startJob(engagementHandle, 'extendSample', () => [sampleId, more] as const, onProgress));
  router.jobs.register('sampling:verify', ({ engagementHandle, sampleId }, onProgress) => service.startJob(engagementHandle, 'verifySample', () => [sampleId] as const, onProgress));
}
