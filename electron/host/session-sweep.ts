import type { JobHub } from '../jobs/job-hub.ts';
import type { HandleLeases } from '../router/handle-leases.ts';

/**
 * Ends every page session silent for `ttlMs` (tab closed, laptop asleep too long, or a session id
 * used once): its engagements are closed cleanly and everything kept for it — lease record,
 * last-seen time, job-event queue — is dropped. Sessions without handles must go too: otherwise
 * each new session id would cost memory for as long as the host runs.
 * Returns the sessions it ended.
 */
export function sweepSilentSessions(leases: HandleLeases, jobs: JobHub, close: (handle: string) => void, ttlMs: number): string[] {
  const silent = leases.silentOwners(ttlMs);
  for (const owner of silent) {
    for (const handle of leases.forget(owner)) close(handle);
    jobs.forget(owner);
  }
  return silent;
}
