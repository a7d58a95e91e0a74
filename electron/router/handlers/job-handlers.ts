import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** Long jobs: start any declared kind (its capability registered the starter), one long-poll per caller, cancel. */
export function registerJobHandlers(router: Router, { service, jobs, leases }: RouterDeps): void {
  router.register('job:start', (input, context) => ({
    jobId: jobs.track(context.owner, (onProgress) => router.jobs.start(input, onProgress), (id) => service.cancelJob(id)),
  }));

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
