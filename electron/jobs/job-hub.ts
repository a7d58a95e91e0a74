import type { JobEvent } from '../../shared/contract/views.ts';
import { contractError } from './contract-error.ts';
import type { JobProgress } from './job-context.ts';
import type { StartedJob } from './worker-client.ts';

type NewEvent = JobEvent extends infer E ? (E extends JobEvent ? Omit<E, 'seq'> : never) : never;

interface OwnerQueue {
  seq: number;
  events: JobEvent[];
  waiters: Set<() => void>;
}

const KEPT_EVENTS = 500;

/**
 * Progress of every job, per caller, for one long-poll per window (a browser allows only six
 * connections per host). Progress events of one job are collapsed to the latest.
 */
export class JobHub {
  private readonly queues = new Map<string, OwnerQueue>();
  private readonly cancels = new Map<string, { owner: string; cancel: () => void }>();

  constructor(private readonly log: (message: string, error: unknown) => void = (message, error) => console.error(message, error)) {}

  private queue(owner: string): OwnerQueue {
    let queue = this.queues.get(owner);
    if (!queue) {
      queue = { seq: 0, events: [], waiters: new Set() };
      this.queues.set(owner, queue);
    }
    return queue;
  }

  private push(owner: string, event: NewEvent): void {
    // An owner forgotten meanwhile (its window closed, its page silent) gets nothing: a job that ends
    // later must not bring its queue back, to be kept forever.
    const queue = this.queues.get(owner);
    if (!queue) return;
    queue.seq += 1;
    if (event.kind === 'progress') {
      queue.events = queue.events.filter((e) => !(e.kind === 'progress' && e.jobId === event.jobId));
    }
    queue.events.push({ ...event, seq: queue.seq } as JobEvent);
    if (queue.events.length > KEPT_EVENTS) queue.events.splice(0, queue.events.length - KEPT_EVENTS);
    for (const wake of queue.waiters) wake();
    queue.waiters.clear();
  }

  /** Tracks a started job for `owner`; its progress and outcome become poll events. */
  track<T>(owner: string, start: (onProgress: (p: JobProgress) => void) => StartedJob<T>, cancel: (jobId: string) => void, map: (value: T) => unknown = (v) => v): string {
    this.queue(owner);
    let jobId = '';
    const pending: JobProgress[] = [];
    const job = start((progress) => {
      if (!jobId) pending.push(progress);
      else this.push(owner, { kind: 'progress', jobId, done: progress.done, total: progress.total, phase: progress.phase });
    });
    jobId = job.jobId || `job-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    for (const progress of pending) {
      this.push(owner, { kind: 'progress', jobId, done: progress.done, total: progress.total, phase: progress.phase });
    }
    this.cancels.set(jobId, { owner, cancel: () => cancel(jobId) });
    job.result.then(
      (value) => this.push(owner, { kind: 'done', jobId, value: map(value) }),
      (error: unknown) => this.push(owner, { kind: 'failed', jobId, error: contractError(error, this.log, `job ${jobId}`) }),
    ).finally(() => this.cancels.delete(jobId));
    return jobId;
  }

  cancel(owner: string, jobId: string): void {
    const entry = this.cancels.get(jobId);
    if (entry && entry.owner === owner) entry.cancel();
  }

  /** Events after `afterSeq`; waits up to `waitMs` for the next one when there is none yet. */
  async poll(owner: string, afterSeq: number, waitMs: number): Promise<{ events: JobEvent[]; lastSeq: number }> {
    const queue = this.queue(owner);
    // A seq from before a host restart is ahead of ours: start over rather than wait forever.
    const from = afterSeq > queue.seq ? 0 : afterSeq;
    const ready = (): JobEvent[] => queue.events.filter((e) => e.seq > from);
    if (!ready().length && waitMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          queue.waiters.delete(wake);
          resolve();
        }, waitMs);
        const wake = (): void => {
          clearTimeout(timer);
          resolve();
        };
        queue.waiters.add(wake);
      });
    }
    return { events: ready(), lastSeq: queue.seq };
  }

  forget(owner: string): void {
    const queue = this.queues.get(owner);
    if (queue) for (const wake of queue.waiters) wake();
    this.queues.delete(owner);
  }
}
