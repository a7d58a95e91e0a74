// A sample of 10,000 items tested from the keyboard: only the rows in view are drawn, P/F/N/Space
// set results through the records seen (the record's result follows its attributes), nothing acts
// while an input method composes, and the evaluation counts deviations and raises a finding.
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FieldworkRecordsView } from '../../../../../shared/contract/fieldwork-views.ts';
import type { SamplingStateView } from '../../../../../shared/contract/sampling-views.ts';
import { FIELDWORK_RECORD_TABLES } from '../../../../../shared/tables/fieldwork-records-tables.ts';
import type * as Client from '../../../contract/client.ts';
import { en } from '../../../i18n/en/index.ts';
import { useAppStore } from '../../../state/app-store.ts';
import { useFieldworkRecords } from '../../../state/fieldwork-records.ts';
import { useFindings } from '../../../state/findings.ts';
import { useSampling } from '../../../state/sampling.ts';
import { SampleView } from './SampleView.tsx';

const SIZE = 10_000;
const pad = (n: number) => String(n).padStart(5, '0');

/** The main process: what the view reads besides the two stores, and the writes it makes. */
const main = vi.hoisted(() => {
  const calls: { channel: string; input: Record<string, unknown> }[] = [];
  let created = 0;
  return {
    calls,
    invoke: (channel: string, input: Record<string, unknown>): Promise<unknown> => {
      calls.push({ channel, input });
      switch (channel) {
        case 'engagement:checklist':
          return Promise.resolve(null);
        case 'plan:load':
          return Promise.resolve({ sessions: [], topics: [], services: [], members: [], auditees: [], sites: [], team: [{ id: 'm1', name: 'Helen Marsh' }], serviceRows: [] });
        case 'fieldwork:state':
          return Promise.resolve({ typing: { memberId: 'm1', name: 'Helen Marsh', source: 'linked' }, answers: [] });
        case 'sampling:rows': {
          const rowNos = (input.rowNos as number[] | undefined) ?? [];
          return Promise.resolve({ total: rowNos.length, rows: rowNos.map((rowNo) => ({ rowNo, line: rowNo + 2, recordId: `INC-${pad(rowNo / 7)}`, cells: [`INC-${pad(rowNo / 7)}`, rowNo % 2 ? 'P2' : 'P3'] })) });
        }
        case 'rows:create':
          return Promise.resolve({ id: `new-${++created}`, ...(input.values as object), note: '', deleted: 0 });
        case 'findings:raise':
          return Promise.resolve({ findingId: 'f1', label: 'NC 1' });
        case 'findings:view':
          return Promise.resolve({ findings: [] });
        default:
          return Promise.resolve(null);
      }
    },
  };
});
vi.mock('../../../contract/client.ts', async (importOriginal) => ({ ...(await importOriginal<typeof Client>()), invoke: main.invoke }));

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { translation: en } } });
});
afterEach(() => {
  fireEvent.compositionEnd(document.body);
});

const base = { engagement_id: 'g', created_by: 'a', updated_at: '', updated_by: 'a', deleted: 0 };
function samplingState(sizing: 'judgment' | 'statistical'): SamplingStateView {
  return {
    populations: [
      {
        id: 'p1', topic: 'incident', name: 'Incidents 2026', periodFrom: '2026-01-01', periodTo: '2026-06-30', siteId: '', sourceName: 'incidents.csv', sourceFormat: 'csv', encoding: 'utf-8', delimiter: ',', sheet: '',
        columns: [{ name: 'Number', role: 'id' }, { name: 'Priority', role: 'priority' }], rowCount: 1_000_000, skippedRows: 0, contentHash: 'c'.repeat(64), idsHash: 'd'.repeat(64), importedAt: '2026-07-01T09:00:00Z', importedBy: 'm1', rowsHere: true, strata: [],
      },
    ],
    samples: [
      {
        ...base, id: 's1', population_id: 'p1', drawn_by: 'm1', query_id: 'q1', sampling_plan: '', sizing, justification: 'Ten thousand to load the grid', confidence: sizing === 'statistical' ? 0.95 : null, tolerable_rate: sizing === 'statistical' ? 0.05 : null, expected_rate: sizing === 'statistical' ? 0 : null,
        statistical_model: sizing === 'statistical' ? 'binomial' : '', planned_size: SIZE, method: 'random', stratify_by: '', allocation: 'proportional', minimum_per_stratum: null, algorithm: 'aw-perm-1', seed: 'seed-20260701', population_hash: 'd'.repeat(64), selection: '{}', drawn_at: '2026-07-01T10:00:00Z',
      },
    ],
    items: Array.from({ length: SIZE }, (_, n) => ({ ...base, id: `i${n}`, sample_id: 's1', row_no: n * 7, record_ref: `INC-${pad(n)}`, draw_seq: n, selection: 'random' as const, stratum: '', reason: '', record_id: `rs${n}` })),
    attributes: [
      { ...base, id: 'a1', sample_id: 's1', attribute: 'custom-classified', label: 'Classified correctly', position: 1 },
      { ...base, id: 'a2', sample_id: 's1', attribute: 'custom-resolved', label: 'Resolved within its target', position: 2 },
    ],
    judgment: { minPerProcess: 3, maxPerProcess: 10, frequencyTable: true },
  } as unknown as SamplingStateView;
}

function load(sizing: 'judgment' | 'statistical' = 'judgment') {
  const records = Object.fromEntries(FIELDWORK_RECORD_TABLES.map((table) => [table.name, []])) as unknown as FieldworkRecordsView;
  const seen = Array.from({ length: SIZE }, (_, n) => ({ ...base, id: `rs${n}`, topic: 'incident', record_ref: `INC-${pad(n)}`, query_id: 'q1', result: 'not_tested', note: '', evidence_id: null }));
  useFieldworkRecords.setState({ handle: 'h', records: { ...records, record_seen: seen } as unknown as FieldworkRecordsView, error: null });
  useSampling.setState({ handle: 'h', state: samplingState(sizing), error: null });
}

beforeEach(() => {
  main.calls.length = 0;
  useAppStore.setState({ current: { handle: 'h', readOnly: false, engagement: { checklist_pack_id: null } } as never, section: 'sampling' as never });
  useFindings.setState({ handle: null, view: null, selectedId: null });
  load();
});

function renderView() {
  render(
    <MantineProvider env="test">
      <I18nextProvider i18n={i18n}>
        <SampleView sampleId="s1" />
      </I18nextProvider>
    </MantineProvider>,
  );
}

const grid = () => screen.getByTestId('sample-grid');
const press = (key: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(grid(), { key, ...init });
const cell = (row: number, col: number) => document.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`)!;
const creates = (table: string) => main.calls.filter((call) => call.channel === 'rows:create' && call.input.table === table).map((call) => call.input.values);

describe('a sample of 10,000 items', { timeout: 20_000 }, () => {
  it('shows how it was drawn and draws only the rows in view', async () => {
    renderView();
    await screen.findByTestId('sample-view');
    expect(screen.getByTestId('sample-seed').textContent).toBe('seed-20260701');
    expect(screen.getByTestId('sample-population-hash').textContent).toBe('d'.repeat(64));
    expect(screen.getByTestId('sample-method').textContent).toContain('Simple random');
    expect(grid().getAttribute('data-count')).toBe('10000');
    expect(screen.getAllByTestId('sample-row').length).toBeLessThan(40);
    expect(screen.getByTestId('sample-progress').textContent).toBe('0 of 10,000 items tested');
    // The kept cells of the records in view come from the population, once for ≤ 10,000 items.
    await waitFor(() => expect(screen.getAllByText('P3').length).toBeGreaterThan(0));
    expect(main.calls.filter((call) => call.channel === 'sampling:rows')).toHaveLength(1);
  });

  it('draws other rows when scrolled far down, still only a few', async () => {
    renderView();
    await screen.findByTestId('sample-view');
    await act(async () => {
      grid().scrollTop = 5_000 * 30;
      fireEvent.scroll(grid());
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    });
    await waitFor(() => expect(document.querySelector('[data-record="INC-05000"]')).toBeTruthy());
    expect(document.querySelector('[data-record="INC-00000"]')).toBeNull();
    expect(screen.getAllByTestId('sample-row').length).toBeLessThan(40);
  });

  it('sets results from the keyboard; the record follows its attributes', async () => {
    renderView();
    await screen.findByTestId('sample-view');
    act(() => grid().focus());
    await act(async () => press('p'));
    await waitFor(() => expect(creates('record_attribute')).toEqual([{ record_id: 'rs0', attribute: 'custom-classified', result: 'pass' }]));
    await waitFor(() => expect(cell(0, 1).getAttribute('data-result')).toBe('pass'));
    // P moved on to the second attribute; F fails it, and the record with it.
    await act(async () => press('F'));
    await waitFor(() => expect(cell(0, 2).getAttribute('data-result')).toBe('fail'));
    await waitFor(() => expect(document.querySelector('[data-record="INC-00000"]')!.getAttribute('data-result')).toBe('fail'));
    // Space steps through the results: fail → not applicable; the record now passes.
    await act(async () => press(' '));
    await waitFor(() => expect(cell(0, 2).getAttribute('data-result')).toBe('not_applicable'));
    await waitFor(() => expect(document.querySelector('[data-record="INC-00000"]')!.getAttribute('data-result')).toBe('pass'));
    await act(async () => press('ArrowDown'));
    expect(grid().getAttribute('aria-activedescendant')).toMatch(/-1-2$/);
    expect(screen.getByTestId('sample-progress').textContent).toContain('1 of 10,000 items tested');
  });

  it('does nothing while an input method composes', async () => {
    renderView();
    await screen.findByTestId('sample-view');
    act(() => grid().focus());
    fireEvent.compositionStart(grid(), { data: '' });
    press('p');
    press('ArrowDown');
    press('p', { isComposing: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(creates('record_attribute')).toEqual([]);
    expect(grid().getAttribute('aria-activedescendant')).toMatch(/-0-1$/);
  });

  it('opens the item with Enter: its cells, note, evidence and attribute notes', async () => {
    renderView();
    await screen.findByTestId('sample-view');
    act(() => grid().focus());
    await act(async () => press('Enter'));
    await screen.findByTestId('sample-item-drawer');
    expect(screen.getByRole('dialog').textContent).toContain('INC-00000');
    expect(screen.getByLabelText('Note on attribute 1')).toBeTruthy();
    expect(screen.getByTestId('sample-item-cells').textContent).toContain('P3');
  });

  it('counts deviations, never concludes reliance in judgment mode, and raises a finding with the deviating records', async () => {
    const records = useFieldworkRecords.getState().records!;
    useFieldworkRecords.setState({
      records: {
        ...records,
        record_seen: records.record_seen.map((row, n) => (n < 4 ? { ...row, result: n === 2 ? 'fail' : 'pass' } : row)),
        record_attribute: [0, 1, 2, 3].flatMap((n) => [
          { ...base, id: `ra${n}a`, record_id: `rs${n}`, attribute: 'custom-classified', result: n === 2 ? 'fail' : 'pass', note: '' },
          { ...base, id: `ra${n}b`, record_id: `rs${n}`, attribute: 'custom-resolved', result: 'pass', note: '' },
        ]),
      } as unknown as FieldworkRecordsView,
    });
    renderView();
    await screen.findByTestId('sample-view');
    expect(screen.getByTestId('sample-deviations').textContent).toBe('1 deviation of 4 evaluated: a deviation rate of 25%.');
    expect(screen.queryByTestId('sample-upper-limit')).toBeNull();
    expect(screen.getByTestId('sample-candidate-note').textContent).toContain('candidate nonconformity');
    expect(document.body.textContent).not.toMatch(/reliance/i);
    await act(async () => fireEvent.click(screen.getByTestId('sample-raise-finding')));
    await waitFor(() => expect(main.calls.find((call) => call.channel === 'findings:raise')?.input.source).toEqual({ kind: 'sample', sampleId: 's1', recordIds: ['rs2'] }));
    expect(useFindings.getState().selectedId).toBe('f1');
  });

  it('shows the upper deviation limit against the tolerable rate in statistical mode', async () => {
    load('statistical');
    const records = useFieldworkRecords.getState().records!;
    useFieldworkRecords.setState({
      records: { ...records, record_seen: records.record_seen.map((row, n) => (n < 59 ? { ...row, result: 'pass' } : row)), record_attribute: Array.from({ length: 59 }, (_, n) => ['custom-classified', 'custom-resolved'].map((attribute) => ({ ...base, id: `ra${n}${attribute}`, record_id: `rs${n}`, attribute, result: 'pass', note: '' }))).flat() } as unknown as FieldworkRecordsView,
    });
    renderView();
    await screen.findByTestId('sample-view');
    // 1 − 0.05^(1/59) = 4.951…%, shown rounded up: a limit is never shown below what was computed.
    expect(screen.getByTestId('sample-upper-limit').textContent).toBe('The upper deviation limit is 4.96% at 95% confidence (tolerable 5%; binomial model).');
    expect(screen.getByTestId('sample-sizing').textContent).toContain('Confidence 95% · tolerable deviation rate 5% · expected deviation rate 0%');
  });
});

describe('the test attributes of a sample', { timeout: 20_000 }, () => {
  it('adds the auditor’s own attribute after the others, and renames it in place', async () => {
    renderView();
    await screen.findByTestId('sample-view');
    expect(screen.getAllByTestId('sample-attribute').map((row) => row.getAttribute('data-attribute'))).toEqual(['custom-classified', 'custom-resolved']);
    fireEvent.change(screen.getByTestId('sample-attribute-new'), { target: { value: 'Closed by the caller' } });
    await act(async () => fireEvent.click(screen.getByTestId('sample-attribute-add')));
    const added = creates('sample_attribute')[0] as Record<string, unknown>;
    expect(added).toMatchObject({ sample_id: 's1', label: 'Closed by the caller', position: 3 });
    expect(String(added.attribute)).toMatch(/^custom-[0-9a-f-]{36}$/);
    await waitFor(() => expect(screen.getAllByTestId('sample-attribute')).toHaveLength(3));
    // The grid has a third attribute column.
    expect(cell(0, 3).getAttribute('data-testid')).toBe('sample-cell');
    fireEvent.change(screen.getAllByTestId('sample-attribute-label')[0]!, { target: { value: 'Classified and prioritised' } });
    expect(useSampling.getState().state!.attributes.find((row) => row.id === 'a1')!.label).toBe('Classified and prioritised');
  });
});
