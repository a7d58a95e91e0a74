import { describe, expect, it } from 'vitest';
import { HandleLeases } from './handle-leases.ts';

const HANDLE = '0190a6a4-0000-7000-8000-0000000000a1';

/** Leases on a clock the test moves. */
function leasesAt(start = 1_000): { leases: HandleLeases; advance: (ms: number) => void } {
  let now = start;
  return { leases: new HandleLeases(() => now), advance: (ms) => (now += ms) };
}

describe('HandleLeases: what is kept per owner ends with the owner', () => {
  it('remembers nothing for a caller that only refreshes (a request that neither leases nor polls)', () => {
    const { leases, advance } = leasesAt();
    for (let i = 0; i < 100; i++) leases.refresh(`page:once-${i}`);
    advance(10_000);
    expect(leases.silentOwners(0)).toEqual([]);
  });

  it('refreshes a known owner, so it is not silent while it keeps calling', () => {
    const { leases, advance } = leasesAt();
    leases.touch('page:polling');
    advance(100);
    leases.refresh('page:polling');
    advance(60);
    expect(leases.silentOwners(100)).toEqual([]);
    advance(50);
    expect(leases.silentOwners(100)).toEqual(['page:polling']);
  });

  it('reports silent owners with and without handles, and forgets them with their handles', () => {
    const { leases, advance } = leasesAt();
    leases.lease(HANDLE, 'page:holder');
    leases.touch('page:poller');
    advance(200);
    expect(leases.silentOwners(100).sort()).toEqual(['page:holder', 'page:poller']);
    expect(leases.forget('page:holder')).toEqual([HANDLE]);
    expect(leases.forget('page:poller')).toEqual([]);
    expect(leases.owner(HANDLE)).toBeNull();
    expect(leases.silentOwners(-1)).toEqual([]);
  });
});
