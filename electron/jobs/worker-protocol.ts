import type { StoreErrorJson } from '../../shared/store-errors.ts';
import type { JobProgress } from './job-context.ts';

/** Messages between the main thread and a service worker. Plain JSON-compatible values only. */
export type ToWorker =
  | { readonly kind: 'call'; readonly callId: number; readonly method: string; readonly args: unknown[] }
  | { readonly kind: 'job'; readonly jobId: string; readonly method: string; readonly args: unknown[] }
  | { readonly kind: 'cancel'; readonly jobId: string };

export type FromWorker =
  | { readonly kind: 'reply'; readonly callId: number; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'reply'; readonly callId: number; readonly ok: false; readonly error: StoreErrorJson }
  | { readonly kind: 'progress'; readonly progress: JobProgress }
  | { readonly kind: 'job-end'; readonly jobId: string; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'job-end'; readonly jobId: string; readonly ok: false; readonly error: StoreErrorJson };

/** The promise-returning view of a worker's call methods, as the main thread sees them. */
export type Remote<Api> = {
  [K in keyof Api]: Api[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** Job methods get a JobContext first; the main thread passes only the rest. */
export type RemoteJobs<Jobs> = {
  [K in keyof Jobs]: Jobs[K] extends (ctx: never, ...args: infer A) => infer R ? { args: A; result: Awaited<R> } : never;
};
