import { Worker } from 'node:worker_threads';
import { StoreError } from '../../shared/store-errors.ts';
import type { JobContext } from './job-context.ts';

/** What a one-shot worker (the vacuum worker) posts once when it is done. */
interface OneShotReply {
  readonly ok: boolean;
  readonly message?: string;
}

/**
 * Runs a worker that does one piece of work and posts one reply (compacting a copy, in its own
 * thread so the engagement's worker keeps serving edits). With a job context, a cancel terminates
 * it and the job ends with JOB_CANCELLED. A failure is an IO_ERROR with `failure` and its reason.
 */
export function runOneShotWorker(bundlePath: string, workerData: unknown, failure: string, context: JobContext | null = null): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(bundlePath, { workerData });
    const poll = context
      ? setInterval(() => {
          if (context.cancelled) void worker.terminate();
        }, 50)
      : null;
    worker.once('message', (message: OneShotReply) =>
      message.ok ? resolve() : reject(new StoreError('IO_ERROR', `${failure}: ${message.message ?? 'no reason given'}`)),
    );
    // Only its reply says the work was done: an exit without one (cancelled, or crashed) is not success.
    worker.once('exit', (code) => {
      if (poll) clearInterval(poll);
      if (context?.cancelled) reject(new StoreError('JOB_CANCELLED', 'The job was cancelled', { jobId: context.jobId }));
      else reject(new StoreError('IO_ERROR', `${failure}: the worker stopped without answering (exit code ${code})`));
    });
    worker.once('error', reject);
  }).finally(() => context?.resetSlice());
}
