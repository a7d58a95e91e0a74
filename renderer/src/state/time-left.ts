import type { JobState } from './jobs-store.ts';

/** Below this the estimate is noise; long work is what the estimate is for. */
const SETTLE_MS = 2000;
const WORTH_SAYING_S = 5;

/**
 * Seconds left in the job's current phase at the rate seen since the phase began, or null while
 * there is too little to go on (the first two seconds) or too little left to be worth saying.
 */
export function secondsLeft(job: Pick<JobState, 'done' | 'total' | 'phaseStartedAt' | 'phaseStartDone'>, now: number): number | null {
  const elapsed = now - job.phaseStartedAt;
  const progressed = job.done - job.phaseStartDone;
  if (elapsed < SETTLE_MS || progressed <= 0 || job.total <= job.done) return null;
  const left = ((job.total - job.done) * elapsed) / progressed / 1000;
  return left >= WORTH_SAYING_S ? left : null;
}
