import { describe, expect, it } from 'vitest';
import { JobHub } from '../jobs/job-hub.ts';
import { HandleLeases } from '../router/handle-leases.ts';
import { sweepSilentSessions } from './session-sweep.ts';

const HANDLE = '0190a6a4-0000-7000-8000-0000000000b2';
const TTL = 1_000;

/** A job that is already done: its outcome becomes the owner's queued event. */
function finishedJob(jobs: JobHub, owner: string): string {
  return jobs.track(owner, () => ({ jobId: `job-of-${owner}`, result: Promise.resolve('done') }), () => undefined);
}

describe('sweepSilentSessions', () => {
  it('ends silent sessions with and without engagements, with their job events, and keeps live ones', async () => {
    let now = 0;
    const leases = new HandleLeases(() => now);
    const jobs = new JobHub();
    const closed: string[] = [];

    leases.lease(HANDLE, 'page:holder');
    // A session that only ever polled, and one whose engagement is closed but whose job events are kept:
    // neither holds a handle, and both used to be kept for as long as the host ran.
    leases.touch('page:poller');
    await jobs.poll('page:poller', 0, 0);
    leases.touch('page:finished');
    finishedJob(jobs, 'page:finished');
    await Promise.resolve();
    expect((await jobs.poll('page:finished', 0, 0)).events).toHaveLength(1);

    now = TTL / 2;
    leases.touch('page:live');
    now = TTL + 1;
    expect(sweepSilentSessions(leases, jobs, (handle) => closed.push(handle), TTL).sort()).toEqual(['page:finished', 'page:holder', 'page:poller']);
    expect(closed).toEqual([HANDLE]);
    expect(leases.owner(HANDLE)).toBeNull();
    expect(leases.silentOwners(-1)).toEqual(['page:live']);
    // The queue is gone: a poll starts a fresh one, with no events and its sequence back at 0.
    expect(await jobs.poll('page:finished', 0, 0)).toEqual({ events: [], lastSeq: 0 });

    now = 3 * TTL;
    expect(sweepSilentSessions(leases, jobs, (handle) => closed.push(handle), TTL)).toEqual(['page:live']);
    expect(leases.silentOwners(-1)).toEqual([]);
  });
});
