import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** Long jobs: one long-poll per caller for all its jobs, and cancel (jobs start in team-handlers). */
export function registerJobHandlers(router: Router, { jobs, leases }: RouterDeps): void {
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
