import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** Long jobs: start, one long-poll per caller for all its jobs, cancel. */
export function registerJobHandlers(router: Router, { service, platform, jobs, leases }: RouterDeps): void {
  router.register('job:start', ({ engagementHandle, file }, context) => {
    const destination = platform.resolveFile(file, 'save');
    const jobId = jobs.track(
      context.owner,
      (onProgress) => service.saveCopy(engagementHandle, destination, onProgress),
      (id) => service.cancelJob(id),
      (copy) => ({ file: platform.displayFile(copy.path), sha256: copy.sha256, size: copy.size }),
    );
    return { jobId };
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
