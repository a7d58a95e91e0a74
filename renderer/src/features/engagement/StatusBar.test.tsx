// The status bar's save state: "Saved" only once the main process has committed the edit.
import { MantineProvider } from '@mantine/core';
import { act, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngagementSummaryView } from '../../../../shared/contract/views.ts';
import type * as Client from '../../contract/client.ts';
import { ContractFailure } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { AUTOSAVE_DELAY_MS, useSaveStore } from '../../state/save-store.ts';
import { StatusBar } from './StatusBar.tsx';

/** The fake main process (the only fake): each call waits until the test answers or refuses it. */
const main = vi.hoisted(() => {
  const calls: { answer: (value: unknown) => void; refuse: (error: unknown) => void }[] = [];
  return {
    calls,
    invoke: (): Promise<unknown> => new Promise((answer, refuse) => calls.push({ answer, refuse })),
  };
});

vi.mock('../../contract/client.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof Client>()),
  invoke: main.invoke,
}));

const i18n = i18next.createInstance();
const LABELS = { saved: 'Saved', pending: 'Not saved yet', saving: 'Saving…', failed: 'Save failed', readOnly: 'Read-only', auditor: 'Auditor: {{name}}' };

beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { translation: { status: LABELS, engagement: { checking: 'Checking the file…' } } } } });
});

const summary = (readOnly = false) =>
  ({ handle: 'h-1', file: 'acme.awb', readOnly, fileCheck: { state: 'ok' }, engagement: null }) as unknown as EngagementSummaryView;

function renderBar() {
  render(
    <MantineProvider env="test">
      <I18nextProvider i18n={i18n}>
        <StatusBar />
      </I18nextProvider>
    </MantineProvider>,
  );
  return () => screen.getByTestId('save-state');
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await act(() => Promise.resolve());
}

beforeEach(() => {
  vi.useFakeTimers();
  main.calls.length = 0;
  useSaveStore.getState().reset();
  useAppStore.setState({ current: summary(), installation: null });
});

afterEach(async () => {
  for (const call of main.calls.splice(0)) call.answer(null);
  await settle();
  vi.useRealTimers();
});

describe('StatusBar', () => {
  it('shows Saved only once the edit is committed', async () => {
    const state = renderBar();
    expect(state().textContent).toBe('Saved');

    act(() => useSaveStore.getState().queue('h-1', { client_name: 'Acme' }));
    expect(state().textContent).toBe('Not saved yet');

    act(() => vi.advanceTimersByTime(AUTOSAVE_DELAY_MS));
    expect(state().textContent).toBe('Saving…');
    expect(state().dataset.state).toBe('saving');

    main.calls.shift()!.answer(null);
    await settle();
    expect(state().textContent).toBe('Saved');
    expect(state().dataset.state).toBe('saved');
  });

  it('says the save failed when the commit is refused', async () => {
    const state = renderBar();
    act(() => useSaveStore.getState().queue('h-1', { client_name: 'Acme' }));
    act(() => void useSaveStore.getState().flush());
    main.calls.shift()!.refuse(new ContractFailure({ code: 'INVALID_VALUE', params: { field: 'client_name' } }));
    await settle();
    expect(state().textContent).toBe('Save failed');
    expect(screen.queryByText('Saved')).toBeNull();
  });

  it('shows no save state for a read-only engagement', () => {
    useAppStore.setState({ current: summary(true) });
    renderBar();
    expect(screen.queryByTestId('save-state')).toBeNull();
    expect(screen.getByTestId('status-read-only').textContent).toBe('Read-only');
  });
});
