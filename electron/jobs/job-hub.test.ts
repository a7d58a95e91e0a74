import { describe, expect, it } from 'vitest';
import { StoreError } from '../../shared/store-errors.ts';
import { JobHub } from './job-hub.ts';

const started = <T>(result: Promise<T>) => () => ({ jobId: 'job-1', result });

describe('JobHub', () => {
  it('a job that ends after its owner was forgotten leaves nothing behind for that owner', async () => {
    const hub = new JobHub(() => undefined);
    let finish!: (value: string) => void;
    hub.track('window:1', started(new Promise<string>((resolve) => (finish = resolve))), () => undefined);
    hub.forget('window:1');
    finish('done');
    await new Promise((resolve) => setImmediate(resolve));
    expect((hub as unknown as { queues: Map<string, unknown> }).queues.has('window:1')).toBe(false);
  });

  it('an unexpected failure reaches the owner as INTERNAL without its text, and is logged', async () => {
    const logged: unknown[] = [];
    const hub = new JobHub((_message, error) => logged.push(error));
    const raw = new Error('SQLITE_CORRUPT: database disk image is malformed at /home/dana/x.iso20k');
    hub.track('window:1', started(Promise.reject(raw)), () => undefined);
    const known = new StoreError('MERGE_DAMAGED', 'damaged', { reason: 'value' });
    hub.track('window:1', () => ({ jobId: 'job-2', result: Promise.reject(known) }), () => undefined);
    const { events } = await hub.poll('window:1', 0, 1000);
    await new Promise((resolve) => setImmediate(resolve));
    const { events: all } = await hub.poll('window:1', 0, 0);
    expect(all.filter((e) => e.kind === 'failed').map((e) => (e.kind === 'failed' ? e.error : null))).toEqual([
      { code: 'INTERNAL', params: {} },
      { code: 'MERGE_DAMAGED', params: { reason: 'value' } },
    ]);
    expect(JSON.stringify(events)).not.toContain('SQLITE');
    expect(logged).toEqual([raw]);
  });
});
