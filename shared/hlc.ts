/**
 * Hybrid logical clock. It only orders changes between replicas: wall time for humans is stored
 * separately. Encoded as a fixed-width string so that SQLite and JS compare it lexicographically.
 */

export interface HlcTimestamp {
  readonly wallMs: number;
  readonly counter: number;
  readonly node: string;
}

/** How far a remote clock may pull ours ahead of our own wall clock (DESIGN.md: "a few minutes"). */
export const MAX_CLOCK_DRIFT_MS = 5 * 60_000;
const WALL_DIGITS = 15;
const COUNTER_DIGITS = 4;
const MAX_COUNTER = 0xffff;

export function encodeHlc(ts: HlcTimestamp): string {
  return `${ts.wallMs.toString().padStart(WALL_DIGITS, '0')}:${ts.counter
    .toString(16)
    .padStart(COUNTER_DIGITS, '0')}:${ts.node}`;
}

export function decodeHlc(text: string): HlcTimestamp {
  const match = /^(\d{15}):([0-9a-f]{4}):(.+)$/.exec(text);
  if (!match) throw new Error(`Not a hybrid logical clock value: ${text}`);
  return { wallMs: Number(match[1]), counter: parseInt(match[2]!, 16), node: match[3]! };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ReceiveOutcome {
  /** The remote clock was further ahead of ours than MAX_CLOCK_DRIFT_MS: the entry is flagged. */
  readonly flagged: boolean;
}

export class HybridClock {
  private wallMs = 0;
  private counter = 0;

  constructor(
    readonly node: string,
    private readonly now: () => number = Date.now,
    private readonly maxDriftMs: number = MAX_CLOCK_DRIFT_MS,
  ) {}

  /** The latest value this clock has issued or observed. */
  current(): string {
    return encodeHlc({ wallMs: this.wallMs, counter: this.counter, node: this.node });
  }

  /** A new timestamp greater than every one issued or observed before. */
  tick(): string {
    const physical = this.now();
    if (physical > this.wallMs) {
      this.wallMs = physical;
      this.counter = 0;
    } else {
      this.bump();
    }
    return this.current();
  }

  /**
   * Observes a remote timestamp. A remote far ahead of our wall clock is bounded: we never move past
   * now + maxDrift, so one laptop with a wrong date cannot drag every later edit into the future.
   */
  receive(remote: string): ReceiveOutcome {
    const r = decodeHlc(remote);
    const physical = this.now();
    const ceiling = physical + this.maxDriftMs;
    const flagged = r.wallMs > ceiling;
    const remoteWall = Math.min(r.wallMs, ceiling);
    const remoteCounter = flagged ? 0 : r.counter;
    const wall = Math.max(this.wallMs, remoteWall, physical);
    if (wall === this.wallMs && wall === remoteWall) {
      this.counter = Math.max(this.counter, remoteCounter);
      this.bump();
    } else if (wall === this.wallMs) {
      this.bump();
    } else if (wall === remoteWall) {
      this.wallMs = wall;
      this.counter = remoteCounter;
      this.bump();
    } else {
      this.wallMs = wall;
      this.counter = 0;
    }
    return { flagged };
  }

  private bump(): void {
    if (this.counter >= MAX_COUNTER) {
      this.wallMs += 1;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
  }
}
