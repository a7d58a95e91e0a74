// One part of a finding's statement: the live statement check under the field, dismissing a warning
// with its reason (a finding_dismissal row through the row path), never a check on the requirement.
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FindingView, FindingsView } from '../../../../shared/contract/finding-views.ts';
import { DEFAULT_FINDINGS_PROFILE } from '../../../../shared/findings/default-scale.ts';
import type * as Client from '../../contract/client.ts';
import { en } from '../../i18n/en/index.ts';
import { useFindings } from '../../state/findings.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { StatementField } from './statement-field.tsx';

/** The main process: what the field writes, and the findings view read again after it. */
const main = vi.hoisted(() => ({
  calls: [] as { channel: string; input: Record<string, unknown> }[],
  view: null as unknown,
  invoke(channel: string, input: Record<string, unknown>): Promise<unknown> {
    main.calls.push({ channel, input });
    if (channel === 'rows:create') return Promise.resolve({ id: 'd1' });
    if (channel === 'rows:update') return Promise.resolve({});
    if (channel === 'findings:view') return Promise.resolve(main.view);
    return Promise.reject(new Error(`unexpected ${channel}`));
  },
}));
vi.mock('../../contract/client.ts', async (importOriginal) => ({ ...(await importOriginal<typeof Client>()), invoke: main.invoke }));

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { translation: en } } });
});

const FINDING: FindingView = {
  id: 'f1',
  raisedBy: 'm1',
  raisedByName: 'Helen Marsh',
  raisedByInitials: 'HM',
  provisionalSeq: 1,
  finalNumber: '',
  finalSeq: null,
  label: 'HM-P1',
  sourceKind: 'none',
  grade: 'minor',
  gradeKnown: true,
  isNonconformity: true,
  gradeRationale: '',
  requirement: '',
  evidence: '',
  notFulfilled: '',
  procedure: '',
  process: '',
  auditeeRepresentative: '',
  raisedOn: '2026-12-07',
  sessionId: null,
  repeatOf: null,
  clauses: [],
  sites: [],
  services: [],
  evidenceRefs: [],
  answers: [],
  notes: [],
  records: [],
  dismissals: [],
  opinions: [],
  updatedAt: '1',
};
const viewWith = (finding: FindingView): FindingsView => ({
  findings: [finding],
  grades: DEFAULT_FINDINGS_PROFILE.grades,
  fromProfile: false,
  numbering: DEFAULT_FINDINGS_PROFILE.findingNumbering,
  stage1: false,
  leadMemberId: 'm1',
  typingMemberId: 'm1',
  earlierNcs: [],
  earlierLastSeq: null,
});

beforeEach(() => {
  main.calls = [];
  main.view = viewWith(FINDING);
  useSaveStore.getState().reset();
  useFindings.setState({ handle: 'h', view: viewWith(FINDING), error: null, selectedId: 'f1' });
});

/** The field, re-rendered from the store as the panel does. */
function Field({ part }: { part: 'requirement' | 'not_fulfilled' }) {
  const finding = useFindings((s) => s.view!.findings[0]!);
  return <StatementField finding={finding} grades={DEFAULT_FINDINGS_PROFILE.grades} part={part} label={part} description="" placeholder="" readOnly={false} />;
}
const renderField = (part: 'requirement' | 'not_fulfilled') =>
  render(
    <MantineProvider env="test">
      <I18nextProvider i18n={i18n}>
        <Field part={part} />
      </I18nextProvider>
    </MantineProvider>,
  );

describe('a statement part', () => {
  it('warns while typing about a solution in a nonconformity, with the words, and autosaves the text', async () => {
    renderField('not_fulfilled');
    fireEvent.change(screen.getByTestId('statement-not_fulfilled-input'), { target: { value: 'Reviews are late; Kestrel should implement reminders.' } });
    const warning = await screen.findByTestId('statement-warning');
    expect(warning.getAttribute('data-code')).toBe('cause_or_solution');
    expect(warning.textContent).toContain('«should implement»');
    await act(() => useSaveStore.getState().flush());
    expect(main.calls).toContainEqual({ channel: 'rows:update', input: { engagementHandle: 'h', table: 'finding', id: 'f1', patch: { not_fulfilled: 'Reviews are late; Kestrel should implement reminders.' } } });
  });

  it('never checks the quoted requirement', async () => {
    renderField('requirement');
    fireEvent.change(screen.getByTestId('statement-requirement-input'), { target: { value: 'The organization shall implement a change policy; some changes are exempt, etc.' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId('statement-warning')).toBeNull();
  });

  it('dismisses a warning only with a reason, kept as a finding_dismissal row, and shows it dismissed', async () => {
    renderField('not_fulfilled');
    fireEvent.change(screen.getByTestId('statement-not_fulfilled-input'), { target: { value: 'Some changes had no review.' } });
    fireEvent.click(await screen.findByTestId('warning-dismiss'));
    fireEvent.click(screen.getByTestId('reason-confirm'));
    expect(screen.getByText('Give the reason: it is kept with the finding.')).toBeTruthy();
    expect(main.calls.some((call) => call.channel === 'rows:create')).toBe(false);

    const typed = useFindings.getState().view!.findings[0]!;
    main.view = viewWith({ ...typed, dismissals: [{ id: 'd1', part: 'not_fulfilled', code: 'vague', subject: 'Some', reason: 'Two of the five changes sampled: named in the evidence.' }] });
    fireEvent.change(screen.getByTestId('reason-input'), { target: { value: 'Two of the five changes sampled: named in the evidence.' } });
    fireEvent.click(screen.getByTestId('reason-confirm'));
    await waitFor(() =>
      expect(main.calls).toContainEqual({
        channel: 'rows:create',
        input: { engagementHandle: 'h', table: 'finding_dismissal', values: { finding_id: 'f1', part: 'not_fulfilled', code: 'vague', subject: 'Some', reason: 'Two of the five changes sampled: named in the evidence.' } },
      }),
    );
    await waitFor(() => expect(screen.getByTestId('statement-warning').getAttribute('data-dismissed')).toBe('true'));
    expect(screen.getByTestId('statement-warning').textContent).toContain('dismissed: Two of the five changes sampled');
  });
});
