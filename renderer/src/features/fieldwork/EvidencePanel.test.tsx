// The evidence list at the size the issue sets (2,000 references): only the rows in view are drawn,
// the kind and the words narrow it, a chosen reference shows where it is used.
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FieldworkRecordsView } from '../../../../shared/contract/fieldwork-views.ts';
import { FIELDWORK_RECORD_TABLES } from '../../../../shared/tables/fieldwork-records-tables.ts';
import type * as Client from '../../contract/client.ts';
import { en } from '../../i18n/en/index.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { EvidencePanel } from './EvidencePanel.tsx';

/** The main process's answers to what the panel reads besides the records store. */
const main = vi.hoisted(() => ({
  invoke: (channel: string): Promise<unknown> => {
    switch (channel) {
      case 'engagement:checklist':
        return Promise.resolve(null);
      case 'plan:load':
        return Promise.resolve({ sessions: [], topics: [], services: [], members: [], auditees: [], sites: [], team: [{ id: 'm1', name: 'Helen Marsh' }], serviceRows: [] });
      case 'evidence:files':
        return Promise.resolve({ files: [], photoPolicy: 'strip-metadata', policyFromProfile: true, limits: { maxFileBytes: 512 * 1024 * 1024, maxPhotoBytes: 64 * 1024 * 1024, chunkBytes: 1024 * 1024 } });
      case 'fieldwork:state':
        return Promise.resolve({ typing: { memberId: 'm1', name: 'Helen Marsh', source: 'linked' }, answers: [] });
      default:
        return Promise.reject(new Error(`unexpected ${channel}`));
    }
  },
}));
vi.mock('../../contract/client.ts', async (importOriginal) => ({ ...(await importOriginal<typeof Client>()), invoke: main.invoke }));

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { translation: en } } });
});

const KINDS = ['document', 'record', 'interview', 'observation', 'screenshot', 'photo'] as const;
const row = (i: number) => ({
  id: `e${String(i).padStart(4, '0')}`,
  engagement_id: 'g',
  kind: KINDS[i % KINDS.length]!,
  title: i % 500 === 7 ? `变更管理程序 ${i}` : `Reference ${i}`,
  version: i % 10 === 0 ? 'v2' : '',
  evidence_date: null,
  location: i % 3 === 0 ? 'ServiceNow' : 'SharePoint',
  shown_by: i === 42 ? 'Sam Okafor' : '',
  notes: '',
  created_by: 'a',
  updated_at: '',
  updated_by: 'a',
  deleted: 0 as const,
});

beforeEach(() => {
  const records = Object.fromEntries(FIELDWORK_RECORD_TABLES.map((table) => [table.name, []])) as unknown as FieldworkRecordsView;
  const items = Array.from({ length: 2000 }, (_, i) => row(i));
  const seen = [{ id: 'r1', engagement_id: 'g', topic: 'change', record_ref: 'CHG-10422', query_id: null, result: 'fail', note: '', evidence_id: 'e0042', created_by: 'a', updated_at: '', updated_by: 'a', deleted: 0 }];
  useFieldworkRecords.setState({ handle: 'h', records: { ...records, evidence_item: items, record_seen: seen } as unknown as FieldworkRecordsView, error: null });
  useAppStore.setState({ current: { handle: 'h', readOnly: false, engagement: { checklist_pack_id: null } } as never });
});

function renderPanel() {
  render(
    <MantineProvider env="test">
      <I18nextProvider i18n={i18n}>
        <EvidencePanel />
      </I18nextProvider>
    </MantineProvider>,
  );
}

describe('the evidence list with 2,000 references', () => {
  it('draws only the rows in view', async () => {
    renderPanel();
    await waitFor(() => expect(screen.getByTestId('evidence-count').textContent).toBe('2,000 references'));
    expect(screen.getByTestId('evidence-list').getAttribute('data-count')).toBe('2000');
    expect(screen.getAllByTestId('evidence-row').length).toBeLessThan(40);
  });

  it('narrows by words (Chinese too) and by kind', async () => {
    renderPanel();
    const search = await screen.findByLabelText('Search the evidence');
    fireEvent.change(search, { target: { value: '变更' } });
    await waitFor(() => expect(screen.getByTestId('evidence-count').textContent).toBe('4 of 2,000 references'));
    fireEvent.change(search, { target: { value: 'okafor' } });
    await waitFor(() => expect(screen.getAllByTestId('evidence-row')).toHaveLength(1));
    fireEvent.change(search, { target: { value: '' } });
    await act(async () => {
      fireEvent.click(screen.getByText('Photo 333'));
    });
    await waitFor(() => expect(screen.getByTestId('evidence-count').textContent).toBe('333 of 2,000 references'));
  });

  it('shows where a chosen reference is used, and says so when nowhere', async () => {
    renderPanel();
    const search = await screen.findByLabelText('Search the evidence');
    fireEvent.change(search, { target: { value: 'okafor' } });
    await waitFor(() => expect(screen.getAllByTestId('evidence-row')).toHaveLength(1));
    fireEvent.mouseDown(screen.getByTestId('evidence-row').parentElement!);
    expect(screen.getByTestId('uses-record').textContent).toContain('CHG-10422');
    fireEvent.change(search, { target: { value: 'Reference 43' } });
    await waitFor(() => expect(screen.getAllByTestId('evidence-row').length).toBeGreaterThan(0));
    fireEvent.mouseDown(screen.getAllByTestId('evidence-row')[0]!.parentElement!);
    expect(screen.getByTestId('used-nowhere')).toBeTruthy();
  });
});
