import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { StoreError } from '../../shared/store-errors.ts';

export interface JobProgress {
  readonly jobId: string;
  readonly done: number;
  readonly total: number;
  readonly phase: string;
}

/** DESIGN.md: long jobs run in slices of at most 100 ms so edits keep flowing between them. */
export const SLICE_MS = 80;

/**
 * What a long job running inside an engagement worker sees: a way to report progress and a
 * checkpoint that hands the thread back to queued messages (edits, cancel) once a slice is used up.
 * A job never holds a write transaction across a checkpoint.
 */
export class JobContext {
  private sliceStart = performance.now();
  private lastEmit = 0;
  private lastPhase = '';
  private cancelRequested = false;

  constructor(
    readonly jobId: string,
    private readonly emit: (progress: JobProgress) => void,
    private readonly sliceMs: number = SLICE_MS,
  ) {}

  get cancelled(): boolean {
    return this.cancelRequested;
  }

  cancel(): void {
    this.cancelRequested = true;
  }

  throwIfCancelled(): void {
    if (this.cancelRequested) throw new StoreError('JOB_CANCELLED', 'The job was cancelled', { jobId: this.jobId });
  }

  /** Reports progress, at most every 50 ms, and always a new phase and the final step. */
  progress(done: number, total: number, phase: string): void {
    const now = performance.now();
    if (done < total && phase === this.lastPhase && now - this.lastEmit < 50) return;
    this.lastEmit = now;
    this.lastPhase = phase;
    this.emit({ jobId: this.jobId, done, total, phase });
  }

  /** Time left in the current slice, for jobs that size their own steps. */
  remainingSliceMs(): number {
    return Math.max(0, this.sliceMs - (performance.now() - this.sliceStart));
  }

  /** Yields to the event loop when the slice is used up; throws if the job was cancelled. */
  async checkpoint(): Promise<void> {
    if (performance.now() - this.sliceStart >= this.sliceMs) {
      await yieldToEventLoop();
      this.sliceStart = performance.now();
    }
    this.throwIfCancelled();
  }

  /** Marks the start of a slice (after an await the job did not control). */
  resetSlice(): void {
    this.sliceStart = performance.now();
  }
}
