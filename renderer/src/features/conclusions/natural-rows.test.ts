// A natural-key row (a conclusion per topic) is created by its first edit; what is typed while the
// main process creates it follows it, in order, through the autosave. The only fake is the process
// boundary: the contract client's invoke() answers as the main process would, when the test says so.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FieldworkRecordsView } from '../../../../shared/contract/fieldwork-views.ts';
import type * as Client from '../../contract/client.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { findNaturalRow, saveNaturalRow } from './natural-rows.ts';

interface Call {
  readonly channel: string;
  readonly input: { table?: string; values?: Record<string, unknown>; id?: string; patch?: Record<string, unknown> };
  readonly answer: (value: unknown) => void;
}

const main = vi.hoisted(() => {
  const calls: Call[] = [];
  return {
    calls,
    invoke(channel: string, input: Call['input']): Promise<unknown> {
      return new Promise((answer) => calls.push({ channel, input, answer }));
    },
  };
});

vi.mock('../../contract/client.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof Client>()),
  invoke: main.invoke,
}));

const TABLES = ['person', 'session_person', 'notebook_entry', 'evidence_item', 'answer_evidence', 'answer_person', 'record_query', 'record_seen', 'record_attribute', 'audit_trail', 'audit_trail_step', 'conclusion', 'scope_check', 'surveillance_check', 'session_outcome', 'attendance', 'meeting_point', 'document_review', 'readiness'];
const empty = () => Object.fromEntries(TABLES.map((table) => [table, []])) as unknown as FieldworkRecordsView;

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

beforeEach(() => {
  main.calls.length = 0;
  useSaveStore.getState().reset();
  useFieldworkRecords.setState({ handle: 'h-1', records: empty(), error: null });
});
afterEach(() => {
  useSaveStore.getState().reset();
  vi.useRealTimers();
});

describe('saveNaturalRow', () => {
  it('creates the row with the first edit, and queues what is typed meanwhile once it exists', async () => {
    const first = saveNaturalRow('conclusion', { topic: 'change' }, { text: 'T' });
    const second = saveNaturalRow('conclusion', { topic: 'change' }, { text: 'Th' });
    const third = saveNaturalRow('conclusion', { topic: 'change' }, { status: 'conforming' });
    await settle();
    // One create only, with the key and the first edit.
    expect(main.calls.map((call) => call.channel)).toEqual(['rows:create']);
    expect(main.calls[0]!.input).toMatchObject({ table: 'conclusion', values: { topic: 'change', text: 'T' } });
    main.calls.shift()!.answer({ id: 'c-1', topic: 'change', text: 'T', status: 'not_concluded' });
    await Promise.all([first, second, third]);
    // The later edits wait in the autosave, on the new row, in the order typed.
    expect(useSaveStore.getState().rows['conclusion:c-1']?.patch).toEqual({ text: 'Th', status: 'conforming' });
    expect(findNaturalRow('conclusion', { topic: 'change' })).toMatchObject({ id: 'c-1', text: 'Th', status: 'conforming' });
  });

  it('edits the row that exists, and creates nothing', async () => {
    useFieldworkRecords.setState({ records: { ...empty(), scope_check: [{ id: 's-1', service_id: 'svc', status: 'not_checked', note: '' }] } as unknown as FieldworkRecordsView });
    await saveNaturalRow('scope_check', { service_id: 'svc' }, { status: 'confirmed' });
    expect(main.calls).toEqual([]);
    expect(useSaveStore.getState().rows['scope_check:s-1']?.patch).toEqual({ status: 'confirmed' });
  });

  it('keeps rows of different keys apart', async () => {
    void saveNaturalRow('readiness', { area: 'internal_audit' }, { status: 'ready' });
    void saveNaturalRow('readiness', { area: 'management_review' }, { status: 'not_ready' });
    await settle();
    expect(main.calls.map((call) => call.input.values)).toEqual([
      { area: 'internal_audit', status: 'ready' },
      { area: 'management_review', status: 'not_ready' },
    ]);
  });
});
