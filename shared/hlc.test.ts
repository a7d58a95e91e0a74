import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../tests/helpers/property.ts';
import { HybridClock, MAX_CLOCK_DRIFT_MS, compareHlc, decodeHlc, encodeHlc } from './hlc.ts';

const NODE_A = '0190a6a4-0000-7000-8000-00000000000a';
const NODE_B = '0190a6a4-0000-7000-8000-00000000000b';
const START = Date.UTC(2026, 11, 7, 8, 0, 0);

type Step = { kind: 'tick'; advance: number } | { kind: 'receive'; offset: number; counter: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('tick' as const), advance: fc.integer({ min: -5_000, max: 5_000 }) }),
  fc.record({
    kind: fc.constant('receive' as const),
    offset: fc.integer({ min: -86_400_000, max: 2 * 86_400_000 }),
    counter: fc.integer({ min: 0, max: 0xffff }),
  }),
);

describe('hybrid logical clock', () => {
  it('encodes to a fixed-width string that sorts like the tuple (wall, counter, node)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 47 }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 2 ** 47 }),
        fc.integer({ min: 0, max: 0xffff }),
        (w1, c1, w2, c2) => {
          const a = encodeHlc({ wallMs: w1, counter: c1, node: NODE_A });
          const b = encodeHlc({ wallMs: w2, counter: c2, node: NODE_A });
          const tuple = w1 !== w2 ? Math.sign(w1 - w2) : Math.sign(c1 - c2);
          expect(Math.sign(compareHlc(a, b))).toBe(tuple);
          expect(decodeHlc(a)).toEqual({ wallMs: w1, counter: c1, node: NODE_A });
        },
      ),
      propertyRuns('hlc encoding order'),
    );
  });

  it('issues strictly increasing timestamps, never more than the drift bound ahead of its wall clock', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 80 }), (steps) => {
        let wall = START;
        const clock = new HybridClock(NODE_A, () => wall);
        let previous = clock.current();
        let latestWall = wall;
        for (const step of steps) {
          if (step.kind === 'tick') {
            wall += step.advance; // wall clocks jump backwards too (NTP, a user fixing the date)
            latestWall = Math.max(latestWall, wall);
            const next = clock.tick();
            expect(compareHlc(next, previous)).toBeGreaterThan(0);
            previous = next;
          } else {
            const remote = encodeHlc({ wallMs: wall + step.offset, counter: step.counter, node: NODE_B });
            const outcome = clock.receive(remote);
            expect(outcome.flagged).toBe(step.offset > MAX_CLOCK_DRIFT_MS);
            const after = clock.tick();
            expect(compareHlc(after, previous)).toBeGreaterThan(0);
            if (!outcome.flagged) expect(compareHlc(after, remote)).toBeGreaterThan(0);
            previous = after;
          }
          // Bounded: never past the drift bound of the latest wall time this clock has read.
          expect(decodeHlc(previous).wallMs).toBeLessThanOrEqual(latestWall + MAX_CLOCK_DRIFT_MS);
        }
      }),
      propertyRuns('hlc monotonic and bounded'),
    );
  });

  it('flags a remote clock a day ahead and does not follow it', () => {
    const clock = new HybridClock(NODE_A, () => START);
    const dayAhead = encodeHlc({ wallMs: START + 86_400_000, counter: 0, node: NODE_B });
    expect(clock.receive(dayAhead).flagged).toBe(true);
    expect(decodeHlc(clock.tick()).wallMs).toBeLessThanOrEqual(START + MAX_CLOCK_DRIFT_MS);
  });

  it('rolls the counter over into the next millisecond instead of overflowing', () => {
    const clock = new HybridClock(NODE_A, () => START);
    for (let i = 0; i < 0x10001; i++) clock.tick();
    expect(decodeHlc(clock.current()).wallMs).toBe(START + 1);
  });

  it('rejects text that is not a clock value', () => {
    expect(() => decodeHlc('2026-12-07T08:00:00Z')).toThrow(/Not a hybrid logical clock value/);
  });
});
