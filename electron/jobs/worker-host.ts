import { parentPort } from 'node:worker_threads';
import { StoreError, type StoreErrorJson } from '../../shared/store-errors.ts';
import { JobContext } from './job-context.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- methods are looked up by name from messages
type Methods = Record<string, (...args: any[]) => unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Jobs = Record<string, (ctx: JobContext, ...args: any[]) => Promise<unknown>>;

/**
 * An unexpected error keeps its text in `message` (the main thread logs it) and carries no params:
 * raw SQLite or JSON messages must never reach the renderer.
 */
export function toErrorJson(error: unknown): StoreErrorJson {
  if (error instanceof StoreError) return error.toJSON();
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: 'INTERNAL', params: {}, message };
}

/**
 * Serves a service object inside a worker thread. Calls run one at a time, synchronously, in
 * message order; jobs run concurrently with them, yielding at their checkpoints.
 */
export function serveWorker(methods: Methods, jobs: Jobs): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorker must run inside a worker thread');
  const running = new Map<string, JobContext>();
  const send = (message: FromWorker): void => port.postMessage(message);

  port.on('message', (message: ToWorker) => {
    if (message.kind === 'cancel') {
      running.get(message.jobId)?.cancel();
      return;
    }
    if (message.kind === 'job') {
      const job = jobs[message.method];
      const context = new JobContext(message.jobId, (progress) => send({ kind: 'progress', progress }));
      running.set(message.jobId, context);
      const run = job
        ? job(context, ...message.args)
        : Promise.reject(new Error(`Unknown job ${message.method}`));
      run.then(
        (value) => send({ kind: 'job-end', jobId: message.jobId, ok: true, value }),
        (error: unknown) => send({ kind: 'job-end', jobId: message.jobId, ok: false, error: toErrorJson(error) }),
      ).finally(() => running.delete(message.jobId));
      return;
    }
    const method = methods[message.method];
    Promise.resolve()
      .then(() => {
        if (!method) throw new Error(`Unknown method ${message.method}`);
        return method(...message.args);
      })
      .then(
        (value) => send({ kind: 'reply', callId: message.callId, ok: true, value }),
        (error: unknown) => send({ kind: 'reply', callId: message.callId, ok: false, error: toErrorJson(error) }),
      );
  });
}
