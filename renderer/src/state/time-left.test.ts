import { describe, expect, it } from 'vitest';
import { secondsLeft } from './time-left.ts';

describe('time left on long work', () => {
  it('extrapolates the rate since the phase began', () => {
    // 100 of 1000 MB in 10 s since the phase began at 0: 900 MB at 10 MB/s is 90 s.
    expect(secondsLeft({ done: 100, total: 1000, phaseStartedAt: 0, phaseStartDone: 0 }, 10_000)).toBeCloseTo(90);
    // Counted from where the phase began, not from zero: 100 MB in 10 s, 400 MB left is 40 s (not 6.7 s).
    expect(secondsLeft({ done: 600, total: 1000, phaseStartedAt: 0, phaseStartDone: 500 }, 10_000)).toBeCloseTo(40);
  });

  it('says nothing while there is too little to go on or too little left', () => {
    expect(secondsLeft({ done: 10, total: 1000, phaseStartedAt: 0, phaseStartDone: 0 }, 1_000)).toBeNull();
    expect(secondsLeft({ done: 0, total: 1000, phaseStartedAt: 0, phaseStartDone: 0 }, 10_000)).toBeNull();
    expect(secondsLeft({ done: 990, total: 1000, phaseStartedAt: 0, phaseStartDone: 0 }, 10_000)).toBeNull();
    expect(secondsLeft({ done: 1000, total: 1000, phaseStartedAt: 0, phaseStartDone: 0 }, 10_000)).toBeNull();
  });
});
