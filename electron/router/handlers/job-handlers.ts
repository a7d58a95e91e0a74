import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';
import { previewView } from './team-handlers.ts';
import { fileCheckView } from './views.ts';

/** Long jobs: start (copies, member copies, packages, imports), one long-poll per caller, cancel. */
export function registerJobHandlers(router: Router, { service, platform, jobs, leases }: RouterDeps): void {
  router.register('job:start', (input, context) => {
    const track = <T>(start: (onProgress: Parameters<typeof service.saveCopy>[2]) => { jobId: string; result: Promise<T> }, map: (value: T) => unknown) =>
      ({ jobId: jobs.track(context.owner, start, (id) => service.cancelJob(id), map) });
    const copyView = (copy: { path: string; sha256: string; size: number }) => ({
      file: platform.displayFile(copy.path),
      sha256: copy.sha256,
      size: copy.size,
    });
    switch (input.kind) {
      case 'engagement:saveCopy': {
        const destination = platform.resolveFile(input.file, 'save');
        return track((p) => service.saveCopy(input.engagementHandle, destination, p), copyView);
      }
      case 'engagement:checkFile':
        return track((p) => service.checkFile(input.engagementHandle, p), fileCheckView);
      case 'team:memberCopy': {
        const destination = platform.resolveFile(input.file, 'save');
        return track((p) => service.makeMemberCopy(input.engagementHandle, input.memberId, destination, p), copyView);
      }
      case 'team:exportPackage': {
        const destination = platform.resolveFile(input.file, 'save', 'package');
        return track((p) => service.exportPackage(input.engagementHandle, destination, input.passphrase ?? null, p), copyView);
      }
      case 'team:previewImport': {
        const source = platform.resolveFile(input.file, 'open', 'import');
        return track((p) => service.previewImport(input.engagementHandle, source, input.passphrase ?? null, p), previewView);
      }
      case 'team:import': {
        const source = platform.resolveFile(input.file, 'open', 'import');
        return track((p) => service.importFrom(input.engagementHandle, source, input.passphrase ?? null, p), previewView);
      }
    }
  });

  router.register('jobs:poll', async ({ afterSeq, waitMs }, context) => {
    leases.touch(context.owner);
    const result = await jobs.poll(context.owner, afterSeq, waitMs ?? 25_000);
    leases.touch(context.owner);
    return result;
  });

  router.register('job:cancel', ({ jobId }, context) => {
    jobs.cancel(context.owner, jobId);
    return null;
  });
}
