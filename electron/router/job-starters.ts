import { JOB_KINDS, type JobInput, type JobKind, type JobResult } from '../../shared/contract/jobs.ts';
import type { JobProgress } from '../jobs/job-context.ts';
import type { StartedJob } from '../jobs/worker-client.ts';

/** Starts one kind of job: the result is already what the renderer receives (JSON, display names). */
export type JobStarter<K extends JobKind> = (input: JobInput<K>, onProgress: (progress: JobProgress) => void) => StartedJob<JobResult<K>>;

/** A started job whose result is turned into what the caller sees (the same job id, cancel and all). */
export function mapJob<T, U>(job: StartedJob<T>, view: (value: T) => U): StartedJob<U> {
  return { jobId: job.jobId, result: job.result.then(view) };
}

/**
 * The starters of every job kind of the contract, registered by the capability that owns the kind
 * (as channel handlers are). A kind registered twice, or a kind without a starter, is a wiring mistake.
 */
export class JobStarters {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry is the starter of its own kind
  private readonly starters = new Map<JobKind, JobStarter<any>>();

  register<K extends JobKind>(kind: K, starter: JobStarter<K>): void {
    if (this.starters.has(kind)) throw new Error(`Job ${kind} is already registered`);
    this.starters.set(kind, starter);
  }

  start<K extends JobKind>(input: JobInput<K>, onProgress: (progress: JobProgress) => void): StartedJob<JobResult<K>> {
    const starter = this.starters.get(input.kind as K);
    if (!starter) throw new Error(`No starter for job ${String(input.kind)}`);
    return (starter as JobStarter<K>)(input, onProgress);
  }

  unregistered(): JobKind[] {
    return JOB_KINDS.filter((kind) => !this.starters.has(kind));
  }
}
