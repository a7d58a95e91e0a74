// The autosave store (DESIGN.md: every edit is committed on blur, or 500 ms after the last
// keystroke; no Save button). The only fake is the process boundary: the contract client's
// invoke() is replaced by a fake main process whose answers each test gives (or refuses) by hand.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngagementSummaryView } from '../../../shared/contract/views.ts';
import type { Engagement } from '../../../shared/engagement.ts';
import type * as Client from '../contract/client.ts';
import { ContractFailure } from '../contract/client.ts';
import { useAppStore } from './app-store.ts';
import { AUTOSAVE_DELAY_MS, useSaveStore } from './save-store.ts';

interface Call {
  readonly channel: string;
  readonly input: { engagementHandle: string; patch: Record<string, unknown>; table?: string; id?: string };
  readonly answer: (value: unknown) => void;
  readonly refuse: (error: unknown) => void;
}

/** The fake main process: records every call and leaves it unanswered until the test answers it. */
const main = vi.hoisted(() => {
  const calls: Call[] = [];
  return {
    calls,
    invoke(channel: string, input: Call['input']): Promise<unknown> {
      return new Promise((answer, refuse) => calls.push({ channel, input, answer, refuse }));
    },
  };
});

vi.mock('../contract/client.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof Client>()),
  invoke: main.invoke,
}));

const HANDLE = 'h-1';
const store = () => useSaveStore.getState();

/** Lets the store's promise chains run (they are microtasks: no timer moves). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

/** Answers the oldest unanswered call: the fake main process committed it. */
async function commit(value: unknown = null): Promise<Call> {
  const call = main.calls.shift();
  if (!call) throw new Error('no call waiting for an answer');
  call.answer(value);
  await settle();
  return call;
}

/** Refuses the oldest unanswered call, as the contract client does for a refused call. */
async function refuse(error: unknown): Promise<Call> {
  const call = main.calls.shift();
  if (!call) throw new Error('no call waiting for an answer');
  call.refuse(error);
  await settle();
  return call;
}

const invalid = (field: string) => new ContractFailure({ code: 'INVALID_VALUE', params: { field, problem: 'too long' } });
const compose = (type: 'compositionstart' | 'compositionend') => document.dispatchEvent(new CompositionEvent(type, { data: '审核' }));

beforeEach(() => {
  vi.useFakeTimers();
  main.calls.length = 0;
  useSaveStore.getState().reset();
  useAppStore.setState({ current: { handle: HANDLE, engagement: { id: 'e-1', client_name: 'Old' } } as unknown as EngagementSummaryView });
});

afterEach(async () => {
  compose('compositionend');
  while (main.calls.length) await commit();
  vi.useRealTimers();
});

describe('debounce', () => {
  it('commits several edits made within 500 ms once, 500 ms after the last, with the patches merged', async () => {
    store().queue(HANDLE, { client_name: 'A' });
    vi.advanceTimersByTime(200);
    store().queueRow(HANDLE, 'site', 's-1', { name: 'Paris' });
    vi.advanceTimersByTime(200);
    store().queue(HANDLE, { scope: 'All services', client_name: 'Acme' });
    vi.advanceTimersByTime(100);
    store().queueRow(HANDLE, 'site', 's-1', { address: '1 rue de Rivoli' });
    store().queueRow(HANDLE, 'team_member', 'm-1', { role: 'lead' });

    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    expect(main.calls).toHaveLength(0);
    expect(store().state).toBe('pending');

    vi.advanceTimersByTime(1);
    expect(main.calls.map((c) => c.channel)).toEqual(['engagement:update']);
    expect(main.calls[0]!.input).toEqual({ engagementHandle: HANDLE, patch: { client_name: 'Acme', scope: 'All services' } });

    // The rows follow the engagement's fields, one call each, each with its fields merged.
    await commit({ id: 'e-1', client_name: 'Acme' });
    expect(main.calls[0]!.input).toEqual({ engagementHandle: HANDLE, table: 'site', id: 's-1', patch: { name: 'Paris', address: '1 rue de Rivoli' } });
    await commit();
    expect(main.calls[0]!.input).toEqual({ engagementHandle: HANDLE, table: 'team_member', id: 'm-1', patch: { role: 'lead' } });
    await commit();
    expect(store().state).toBe('saved');

    vi.advanceTimersByTime(10 * AUTOSAVE_DELAY_MS);
    expect(main.calls).toHaveLength(0); // one commit for the lot, no second one
  });

  it.each([
    ['engagement field', (value: string) => store().queue(HANDLE, { client_name: value })],
    ['row', (value: string) => store().queueRow(HANDLE, 'site', 's-1', { name: value })],
  ])('restarts the delay at each keystroke in a %s, and commits the last value', (_kind, type) => {
    for (const value of ['A', 'Ac', 'Acm', 'Acme']) {
      type(value);
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 100);
    }
    expect(main.calls).toHaveLength(0); // 1.6 s of typing, never 500 ms still
    vi.advanceTimersByTime(99);
    expect(main.calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(main.calls).toHaveLength(1);
    expect(Object.values(main.calls[0]!.input.patch)).toEqual(['Acme']);
  });

  it('commits at once on blur (flush), and the pending debounce does not commit again', async () => {
    store().queue(HANDLE, { client_name: 'Acme' });
    vi.advanceTimersByTime(100);
    const flushed = store().flush();
    expect(main.calls).toHaveLength(1);
    expect(main.calls[0]!.input.patch).toEqual({ client_name: 'Acme' });

    const engagement = { id: 'e-1', client_name: 'Acme' };
    await commit(engagement);
    await expect(flushed).resolves.toEqual(engagement);
    vi.advanceTimersByTime(10 * AUTOSAVE_DELAY_MS);
    expect(main.calls).toHaveLength(0);
  });

  it('does nothing on a blur with nothing to save', async () => {
    await expect(store().flush()).resolves.toBeNull();
    expect(main.calls).toHaveLength(0);
    expect(store().state).toBe('saved');
  });
});

describe('save state', () => {
  it('goes pending → saving → saved, and says saved only once the main process has committed', async () => {
    const returned = store().queue(HANDLE, { client_name: 'Acme' });
    // The editor's call returns at once: the write happens later, off the keystroke.
    expect(returned).toBeUndefined();
    expect(store().state).toBe('pending');
    expect(main.calls).toHaveLength(0);

    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(store().state).toBe('saving');

    // However long the main process takes, nothing says "saved" before it answers.
    vi.advanceTimersByTime(30_000);
    await settle();
    expect(store().state).toBe('saving');
    expect(store().lastSavedAt).toBeNull();

    const engagement = { id: 'e-1', client_name: 'Acme' } as unknown as Engagement;
    await commit(engagement);
    expect(store().state).toBe('saved');
    expect(store().error).toBeNull();
    expect(store().lastSavedAt).toBe(Date.now());
    expect(store().pending).toEqual({});
    // The shell shows what the main process committed (the title, the status bar).
    expect(useAppStore.getState().current?.engagement).toEqual(engagement);
  });

  it('stays pending (not saved) when an edit came while the commit was in flight', async () => {
    store().queue(HANDLE, { client_name: 'A' });
    void store().flush();
    store().queue(HANDLE, { client_name: 'B' });
    await commit();
    expect(store().state).toBe('pending');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(main.calls[0]!.input.patch).toEqual({ client_name: 'B' });
    await commit();
    expect(store().state).toBe('saved');
  });
});

describe('a failed commit', () => {
  it('shows the failure and keeps the unsaved values; the next blur retries them', async () => {
    store().queue(HANDLE, { client_name: 'Acme', scope: 'All services' });
    void store().flush();
    const failure = invalid('client_name');
    await refuse(failure);

    expect(store().state).toBe('failed');
    expect(store().error).toBe(failure);
    expect(store().pending).toEqual({ client_name: 'Acme', scope: 'All services' });
    expect(store().lastSavedAt).toBeNull();

    void store().flush();
    expect(main.calls[0]!.input.patch).toEqual({ client_name: 'Acme', scope: 'All services' });
    await commit();
    expect(store().state).toBe('saved');
    expect(store().error).toBeNull();
  });

  it('lets a newer edit made while the failed commit was in flight win, and loses nothing on retry', async () => {
    store().queue(HANDLE, { client_name: 'Old name', scope: 'All services' });
    store().queueRow(HANDLE, 'site', 's-1', { name: 'Paris', address: 'Rivoli' });
    void store().flush();
    expect(main.calls[0]!.input.patch).toEqual({ client_name: 'Old name', scope: 'All services' });

    // Typed while the first commit is on its way.
    store().queue(HANDLE, { client_name: 'New name', criteria: 'ISO/IEC 20000-1:2018' });
    store().queueRow(HANDLE, 'site', 's-1', { name: 'Lyon' });
    await refuse(invalid('client_name'));

    expect(store().state).toBe('failed');
    expect(store().pending).toEqual({ client_name: 'New name', scope: 'All services', criteria: 'ISO/IEC 20000-1:2018' });
    expect(store().rows).toEqual({ 'site:s-1': { table: 'site', id: 's-1', patch: { name: 'Lyon', address: 'Rivoli' } } });

    // The newer edit's own debounce retries everything.
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(main.calls[0]!.input.patch).toEqual({ client_name: 'New name', scope: 'All services', criteria: 'ISO/IEC 20000-1:2018' });
    await commit();
    expect(main.calls[0]!.input).toMatchObject({ table: 'site', id: 's-1', patch: { name: 'Lyon', address: 'Rivoli' } });
    await commit();
    expect(main.calls).toHaveLength(0);
    expect(store().state).toBe('saved');
    expect(store().pending).toEqual({});
    expect(store().rows).toEqual({});
  });

  it('retries at once when the newer edit’s debounce ran out while the failed commit was in flight', async () => {
    store().queue(HANDLE, { client_name: 'Old name', scope: 'All services' });
    void store().flush();
    store().queue(HANDLE, { client_name: 'New name' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(main.calls).toHaveLength(1); // still one at a time

    await refuse(new Error('disk full'));
    expect(main.calls).toHaveLength(1);
    expect(main.calls[0]!.input.patch).toEqual({ client_name: 'New name', scope: 'All services' });
    expect(store().state).toBe('saving');
    await commit();
    expect(store().state).toBe('saved');
  });

  it('keeps only the rows not yet committed when a row fails after the engagement’s fields were saved', async () => {
    store().queue(HANDLE, { client_name: 'Acme' });
    store().queueRow(HANDLE, 'site', 's-1', { name: 'Paris' });
    store().queueRow(HANDLE, 'site', 's-2', { name: 'Lyon' });
    store().queueRow(HANDLE, 'site', 's-3', { name: 'Nice' });
    void store().flush();
    await commit({ id: 'e-1', client_name: 'Acme' });
    await commit();
    await refuse(invalid('name'));

    expect(store().state).toBe('failed');
    expect(store().pending).toEqual({}); // committed: not sent twice
    expect(Object.keys(store().rows).sort()).toEqual(['site:s-2', 'site:s-3']);

    void store().flush();
    expect(main.calls[0]!.input).toMatchObject({ table: 'site', id: 's-2', patch: { name: 'Lyon' } });
    await commit();
    expect(main.calls[0]!.input).toMatchObject({ table: 'site', id: 's-3', patch: { name: 'Nice' } });
    await commit();
    expect(store().state).toBe('saved');
  });
});

describe('order', () => {
  it('commits edits in order, one in flight at a time', async () => {
    store().queue(HANDLE, { client_name: 'A' });
    const first = store().flush();
    store().queue(HANDLE, { client_name: 'B' });
    const second = store().flush();
    store().queueRow(HANDLE, 'site', 's-1', { name: 'Paris' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    await settle();
    expect(main.calls.map((c) => c.input.patch)).toEqual([{ client_name: 'A' }]);

    await commit();
    await expect(first).resolves.toBeNull();
    expect(main.calls.map((c) => c.input.patch)).toEqual([{ client_name: 'B' }]);
    await commit();
    expect(main.calls.map((c) => c.input.patch)).toEqual([{ name: 'Paris' }]);
    await commit();
    await second;
    expect(main.calls).toHaveLength(0);
    expect(store().state).toBe('saved');
  });
});

describe('reset (the engagement screen closes)', () => {
  it('never carries a commit of the closed engagement over to the next one', async () => {
    store().queue(HANDLE, { client_name: 'Closed engagement’s name' });
    void store().flush();
    store().reset();
    useAppStore.setState({ current: { handle: 'h-2', engagement: { id: 'e-2', client_name: 'Other' } } as unknown as EngagementSummaryView });
    await refuse(new Error('engagement closed'));
    expect(store().state).toBe('saved');
    expect(store().pending).toEqual({});

    store().queue('h-2', { scope: 'Service desk' });
    void store().flush();
    expect(main.calls[0]!.input).toEqual({ engagementHandle: 'h-2', patch: { scope: 'Service desk' } });
  });

  it('does not show the closed engagement’s answer on the next one', async () => {
    store().queue(HANDLE, { client_name: 'Closed' });
    void store().flush();
    store().reset();
    const next = { handle: 'h-2', engagement: { id: 'e-2', client_name: 'Other' } } as unknown as EngagementSummaryView;
    useAppStore.setState({ current: next });
    await commit({ id: 'e-1', client_name: 'Closed' });
    expect(useAppStore.getState().current).toEqual(next);
    expect(store().lastSavedAt).toBeNull();
  });
});

describe('input methods', () => {
  it('does not commit while a composition is in progress, and commits the chosen characters when it ends', async () => {
    compose('compositionstart');
    store().queue(HANDLE, { client_name: 'shen he' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    store().queue(HANDLE, { client_name: '审核' });
    vi.advanceTimersByTime(10 * AUTOSAVE_DELAY_MS);
    expect(main.calls).toHaveLength(0);
    expect(store().state).toBe('pending');

    compose('compositionend');
    expect(main.calls).toHaveLength(1);
    expect(main.calls[0]!.input.patch).toEqual({ client_name: '审核' });
    await commit();
    await settle();
    expect(main.calls).toHaveLength(0); // each deferred debounce does not commit again
    expect(store().state).toBe('saved');
  });
});
