import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { StoreError } from '../../shared/store-errors.ts';
import type { JobProgress } from './job-context.ts';
import type { FromWorker, Remote, ToWorker } from './worker-protocol.ts';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export interface StartedJob<T> {
  readonly jobId: string;
  readonly result: Promise<T>;
}

/** The main thread's end of a service worker: typed calls, jobs with progress, cancel, shutdown. */
export class WorkerClient<Api extends object> {
  private readonly worker: Worker;
  private nextCallId = 1;
  private readonly calls = new Map<number, Pending>();
  private readonly jobs = new Map<string, Pending & { onProgress?: (p: JobProgress) => void }>();
  private stopped: Error | null = null;
  readonly api: Remote<Api>;

  constructor(bundlePath: string, workerData?: unknown) {
    this.worker = new Worker(bundlePath, { workerData });
    this.worker.on('message', (message: FromWorker) => this.receive(message));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`The worker stopped (exit code ${code})`)));
    this.api = new Proxy({} as Remote<Api>, {
      get: (_target, method) => (typeof method === 'string' ? (...args: unknown[]) => this.call(method, args) : undefined),
    });
  }

  private receive(message: FromWorker): void {
    if (message.kind === 'progress') {
      this.jobs.get(message.progress.jobId)?.onProgress?.(message.progress);
      return;
    }
    const pending = message.kind === 'reply' ? this.calls.get(message.callId) : this.jobs.get(message.jobId);
    if (!pending) return;
    if (message.kind === 'reply') this.calls.delete(message.callId);
    else this.jobs.delete(message.jobId);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(StoreError.fromJSON(message.error));
  }

  private fail(error: Error): void {
    this.stopped = error;
    const failure = new StoreError('INTERNAL', `The worker stopped: ${error.message}`);
    for (const pending of [...this.calls.values(), ...this.jobs.values()]) pending.reject(failure);
    this.calls.clear();
    this.jobs.clear();
  }

  private post(message: ToWorker): void {
    if (this.stopped) throw new StoreError('INTERNAL', `The engagement worker has stopped: ${this.stopped.message}`);
    this.worker.postMessage(message);
  }

  call<T>(method: string, args: unknown[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const callId = this.nextCallId++;
      this.calls.set(callId, { resolve: resolve as (v: unknown) => void, reject });
      try {
        this.post({ kind: 'call', callId, method, args });
      } catch (error) {
        this.calls.delete(callId);
        reject(error as Error);
      }
    });
  }

  startJob<T>(method: string, args: unknown[], onProgress?: (progress: JobProgress) => void): StartedJob<T> {
    const jobId = randomUUID();
    const result = new Promise<T>((resolve, reject) => {
      this.jobs.set(jobId, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      try {
        this.post({ kind: 'job', jobId, method, args });
      } catch (error) {
        this.jobs.delete(jobId);
        reject(error as Error);
      }
    });
    return { jobId, result };
  }

  cancel(jobId: string): void {
    if (this.jobs.has(jobId)) this.post({ kind: 'cancel', jobId });
  }

  hasJob(jobId: string): boolean {
    return this.jobs.has(jobId);
  }

  async terminate(): Promise<void> {
    this.stopped ??= new Error('terminated');
    await this.worker.terminate();
  }
}
