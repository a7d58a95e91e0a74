// The Sampling section against the contract: the empty state, the wizard's mapping (a dropped column
// never sent), and the Draw panel's statistical size.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SamplingStateView } from '../../../../shared/contract/sampling-views.ts';
import type { EngagementSummaryView } from '../../../../shared/contract/views.ts';
import type * as Client from '../../contract/client.ts';
import { en } from '../../i18n/en/index.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useSampling } from '../../state/sampling.ts';
import { POPULATION, PREVIEW } from './test-fixtures.ts';
import { SamplingSection } from './SamplingSection.tsx';

const main = vi.hoisted(() => {
  const calls: { channel: string; input: Record<string, unknown> }[] = [];
  const answers = new Map<string, (input: Record<string, unknown>) => unknown>();
  return {
    calls,
    answers,
    invoke: (channel: string, input: Record<string, unknown>): Promise<unknown> => {
      calls.push({ channel, input });
      const answer = answers.get(channel);
      return answer ? Promise.resolve(answer(input)) : Promise.reject(new Error(`unexpected ${channel}`));
    },
  };
});
vi.mock('../../contract/client.ts', async (importOriginal) => ({ ...(await importOriginal<typeof Client>()), invoke: main.invoke }));

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

const EMPTY: SamplingStateView = { populations: [], samples: [], items: [], attributes: [], recordSampling: { defaultMethod: 'judgment', judgment: { minPerProcess: 3, maxPerProcess: 10 } }, fromProfile: false, typingMemberId: 'member-1', team: [{ id: 'member-1', name: 'Dana Smith' }] };
let state: SamplingStateView;

beforeEach(() => {
  main.calls.length = 0;
  main.answers.clear();
  state = EMPTY;
  main.answers.set('sampling:state', () => state);
  main.answers.set('engagement:checklist', () => null);
  main.answers.set('plan:load', () => ({ sites: [{ id: 's-1', name: 'Leeds' }], team: [{ id: 'm-1', name: 'Helen Marsh' }], sessions: [], topics: [] }));
  main.answers.set('sampling:rows', () => ({ total: 0, rows: [] }));
  useSampling.setState({ handle: null, state: null, error: null });
  useAppStore.setState({
    info: { platform: 'web', fileAccess: 'native' } as never,
    current: { handle: 'h-1', file: 'kestrel.iso20k', readOnly: false, fileCheck: { state: 'ok' }, engagement: { id: 'e-1', client_name: 'Kestrel', checklist_pack_id: null } } as unknown as EngagementSummaryView,
    section: 'sampling',
    tab: null,
  });
});

const renderSection = () =>
  render(
    <MantineProvider env="test">
      <I18nextProvider i18n={i18n}>
        <SamplingSection />
      </I18nextProvider>
    </MantineProvider>,
  );

describe('the Sampling section', { timeout: 20_000 }, () => {
  it('says what to do when no export has been imported yet', async () => {
    renderSection();
    const empty = await screen.findByTestId('sampling-empty');
    expect(empty.textContent).toContain('Ask the client for an export of its ITSM tool');
    expect(empty.textContent).toContain('Import an export');
  });

  it('reads the export, shows the preset and the mapping, and waits for a process', async () => {
    main.answers.set('dialog:pickFile', () => ({ file: '/exports/incidents-2026-q1.csv' }));
    main.answers.set('sampling:sniff', () => PREVIEW);
    main.answers.set('job:start', () => ({ jobId: 'job-1' }));
    renderSection();
    await screen.findByTestId('sampling-empty');
    fireEvent.click(screen.getByTestId('sampling-import'));
    const wizard = await screen.findByTestId('import-wizard');
    await waitFor(() => expect(within(wizard).getByTestId('wizard-preset').textContent).toContain('ServiceNow'));
    expect((within(wizard).getByTestId('wizard-name') as HTMLInputElement).value).toBe('incidents-2026-q1');
    // No process yet: the import waits for one.
    expect((within(wizard).getByTestId('import-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(within(wizard).getByTestId('wizard-problem').textContent).toBe('Choose the process these records belong to.');
    expect(main.calls.find((call) => call.channel === 'sampling:sniff')!.input).toEqual({ engagementHandle: 'h-1', file: '/exports/incidents-2026-q1.csv' });
    expect(wizard.textContent).toContain('columns set to Not kept never reach the engagement file');
    expect(wizard.textContent).toContain('4 of 5 columns kept');
  });

  it('sends only the kept columns, the Priority column set to Not kept', async () => {
    state = { ...EMPTY, populations: [POPULATION] };
    main.answers.set('dialog:pickFile', () => ({ file: '/exports/incidents-2026-q1.csv' }));
    main.answers.set('sampling:sniff', () => PREVIEW);
    main.answers.set('job:start', () => ({ jobId: 'job-1' }));
    renderSection();
    await screen.findByTestId('draw-panel');
    fireEvent.click(screen.getByTestId('sampling-import'));
    const wizard = await screen.findByTestId('import-wizard');
    await waitFor(() => expect(within(wizard).getAllByTestId('wizard-role')).toHaveLength(5));
    fireEvent.click(within(wizard).getAllByTestId('wizard-role')[2]!);
    fireEvent.click(await screen.findByRole('option', { name: 'Not kept' }));
    await waitFor(() => expect(wizard.textContent).toContain('3 of 5 columns kept'));
    fireEvent.click(within(wizard).getByTestId('import-submit'));
    await waitFor(() => expect(main.calls.some((call) => call.channel === 'job:start')).toBe(true));
    const input = main.calls.find((call) => call.channel === 'job:start')!.input;
    expect(input).toMatchObject({ kind: 'sampling:import', topic: 'incident', badRows: 'skip', format: 'csv' });
    expect(input.columns).toEqual([
      { index: 0, name: 'Number', role: 'id' },
      { index: 1, name: 'Opened', role: 'opened' },
      { index: 4, name: 'Short description', role: 'attribute' },
    ]);
  });
});

describe('the Draw panel', { timeout: 20_000 }, () => {
  it('shows 59 records at 95 % confidence, 5 % tolerable, 0 % expected', async () => {
    state = { ...EMPTY, populations: [POPULATION] };
    renderSection();
    await screen.findByTestId('draw-panel');
    expect(screen.getByTestId('draw-suggestion').textContent).toBe('Suggested: 10 records (the CB profile’s range: 3–10 per process).');
    fireEvent.click(screen.getByText('Statistical (attributes)'));
    const size = await screen.findByTestId('draw-statistical-size');
    expect(size.dataset.size).toBe('59');
    expect(size.textContent).toContain('Sample size: 59 records, allowing 0 deviations');
    expect(size.textContent).toContain('Binomial model');
    expect(screen.getByTestId('draw-problem').textContent).toBe('Draws 59 records of 100,000.');
  });
});
