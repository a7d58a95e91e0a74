// The Report screen against the contract: the completeness check's verdict and items with their
// "Fix" links (section and tab), the export as a job with its phase, and the register.
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportGateItemView, ReportGateView, ReportRevisionView } from '../../../../shared/contract/report-views.ts';
import type { EngagementSummaryView } from '../../../../shared/contract/views.ts';
import type * as Client from '../../contract/client.ts';
import { en } from '../../i18n/en/index.ts';
import { requestedTab, useAppStore } from '../../state/app-store.ts';
import { useJobsStore } from '../../state/jobs-store.ts';
import type { SigningIdentityView } from '../../../../shared/contract/signing-views.ts';
import { useSigningStore } from '../signing/signing-store.ts';
import { ReportSection } from './ReportSection.tsx';

/** The main process: answers per channel, and every call recorded. */
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

const item = (code: ReportGateItemView['code'], number: number | null, params: ReportGateItemView['params'], section: string, tab: string | null, blocking = true): ReportGateItemView => ({
  code,
  item: number,
  blocking,
  params,
  fix: { section, tab },
});

const NOT_READY: ReportGateView = {
  auditType: 'stage2',
  ready: false,
  items: [
    item('client-details', 2, { field: 'representative' }, 'setup', null),
    item('recommendation', 16, {}, 'conclusions', 'audit'),
    item('statement', 12, { item: 'significant_changes', gap: 'no_verdict' }, 'conclusions', 'audit'),
    item('nc-unacknowledged', null, { finding: 'MAJ-01' }, 'findings', 'closing'),
    item('unresolved-opinion', null, { finding: 'MIN-01' }, 'findings', 'closing', false),
  ],
  nextRevision: 1,
  photos: { count: 3, bytes: 3 * 1024 * 1024 },
  revisions: [],
};

const revision = (fields: Partial<ReportRevisionView>): ReportRevisionView => ({
  revision: 1,
  draft: false,
  format: 'pdf',
  kind: 'audit-report',
  language: 'en',
  template: '',
  fileName: 'Kestrel audit report rev 1.pdf',
  sha256: 'a'.repeat(64),
  size: 120_000,
  exportedAt: '2026-12-11T09:30:00.000Z',
  exportedBy: 'Helen Marsh',
  ...fields,
});

const READY: ReportGateView = {
  ...NOT_READY,
  ready: true,
  items: [NOT_READY.items[4]!],
  nextRevision: 2,
  revisions: [
    revision({ kind: 'review-package', format: 'zip', fileName: 'Kestrel technical review package rev 1.zip', sha256: 'c'.repeat(64), exportedAt: '2026-12-11T10:00:00.000Z' }),
    revision({}),
    revision({ draft: true, kind: 'audit-report-draft', fileName: 'Kestrel audit report DRAFT for rev 1.pdf', sha256: 'b'.repeat(64), exportedAt: '2026-12-10T17:00:00.000Z' }),
  ],
};

function open() {
  useAppStore.setState({
    info: { platform: 'web', fileAccess: 'native' } as never,
    current: { handle: 'h-1', file: 'kestrel.iso20k', readOnly: false, fileCheck: { state: 'ok' }, engagement: { id: 'e-1', client_name: 'Kestrel Data Services Ltd', cb_profile_id: null } } as unknown as EngagementSummaryView,
    section: 'report',
    tab: null,
  });
}

async function renderSection() {
  render(
    <MantineProvider env="test">
      <I18nextProvider i18n={i18n}>
        <ReportSection />
      </I18nextProvider>
    </MantineProvider>,
  );
  await waitFor(() => expect(screen.getByTestId('report-gate-verdict')).toBeTruthy());
}

let gate: ReportGateView;
beforeEach(() => {
  main.calls.length = 0;
  main.answers.clear();
  gate = NOT_READY;
  main.answers.set('report:gate', () => gate);
  main.answers.set('report:prepare', () => null);
  main.answers.set('engagement:profile', () => ({ title: 'Meridian', profile: { reportLanguages: ['en', 'zh-Hans'] } }));
  main.answers.set('signing:status', () => ({ identity: null, protection: 'os' }));
  useSigningStore.setState({ status: null, error: null });
  open();
});

describe('the completeness check', () => {
  it('says how many items keep the final report back, groups them and words each from its code', async () => {
    await renderSection();
    expect(main.calls.some((call) => call.channel === 'report:prepare')).toBe(true);
    expect(screen.getByTestId('report-gate-verdict').textContent).toBe('4 items to complete before the final report');
    const contents = screen.getByTestId('report-gate-items');
    expect(within(contents).getAllByTestId('report-gate-number').map((badge) => badge.textContent)).toEqual(['9.4.8 item 2', '9.4.8 item 12', '9.4.8 item 16']);
    expect(contents.textContent).toContain('The client’s representative is not named.');
    // Stage 2: the changes are those since stage 1, as the Audit conclusions tab names them.
    expect(contents.textContent).toContain('The audit conclusion “Significant changes affecting the client’s system since stage 1” is not recorded.');
    expect(screen.getByTestId('report-gate-decisions').textContent).toContain('Nonconformity MAJ-01 is neither acknowledged nor declined by the auditee.');
    expect(screen.getByTestId('report-gate-warnings').textContent).toContain('Finding MIN-01: the auditee’s diverging opinion is unresolved');
  });

  it('keeps the final report and the package back, the draft always allowed', async () => {
    await renderSection();
    expect((screen.getByTestId('report-issue') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('report-issue').textContent).toBe('Issue revision 1');
    expect((screen.getByTestId('report-export-draft') as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByTestId('report-package-export') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('report-register-empty')).toBeTruthy();
  });

  it('“Fix” opens the section and the tab the item names; the section opens on that tab', async () => {
    await renderSection();
    const recommendation = screen.getAllByTestId('report-gate-item').find((line) => line.dataset.code === 'recommendation')!;
    fireEvent.click(within(recommendation).getByTestId('report-gate-fix'));
    expect(useAppStore.getState().section).toBe('conclusions');
    expect(useAppStore.getState().tab).toBe('audit');
    expect(requestedTab(['topics', 'scope', 'audit'], 'topics')).toBe('audit');
    // Any other navigation forgets the tab: the section opens on its first again.
    useAppStore.getState().setSection('findings');
    expect(requestedTab(['findings', 'closing', 'follow-up'], 'findings')).toBe('findings');
  });

  it('asks again on “Check again”, and says when the report can be issued', async () => {
    await renderSection();
    gate = READY;
    fireEvent.click(screen.getByTestId('report-gate-recheck'));
    await waitFor(() => expect(screen.getByTestId('report-gate-verdict').textContent).toBe('Ready to issue revision 2'));
    expect(screen.getByTestId('report-gate').textContent).toContain('One point for your attention below');
    expect((screen.getByTestId('report-issue') as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByTestId('report-package-export') as HTMLButtonElement).disabled).toBe(false);
  });

  it('offers to check again when the check could not run, and shows it once it does', async () => {
    main.answers.set('report:gate', () => Promise.reject(new Error('worker restarted')));
    render(
      <MantineProvider env="test">
        <I18nextProvider i18n={i18n}>
          <ReportSection />
        </I18nextProvider>
      </MantineProvider>,
    );
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
    main.answers.set('report:gate', () => gate);
    fireEvent.click(screen.getByTestId('report-gate-recheck'));
    await waitFor(() => expect(screen.getByTestId('report-gate-verdict').textContent).toBe('4 items to complete before the final report'));
  });
});

describe('the register', () => {
  it('lists revisions, drafts and packages newest first, the draft marked and each fingerprint whole for copying', async () => {
    gate = READY;
    await renderSection();
    const rows = screen.getAllByTestId('report-register-row');
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]!.textContent)).toEqual(['Rev. 1', 'Rev. 1', 'DRAFTfor rev. 1']);
    expect(rows[0]!.textContent).toContain('Technical-review package');
    expect(rows[0]!.textContent).toContain('ZIP');
    expect(rows[2]!.dataset.draft).toBe('true');
    expect(within(rows[1]!).getByTestId('report-register-sha').dataset.sha).toBe('a'.repeat(64));
    expect(within(rows[1]!).getByRole('button', { name: 'Copy the SHA-256 of Kestrel audit report rev 1.pdf' })).toBeTruthy();
  });
});

describe('the export', () => {
  it('exports a draft as a job: the file chosen, the phase shown while it runs, then the file and its fingerprint; the check asked again', async () => {
    main.answers.set('dialog:pickFile', () => ({ file: '/tmp/Kestrel audit report DRAFT for rev 1.pdf' }));
    main.answers.set('job:start', () => ({ jobId: 'job-1' }));
    await renderSection();
    const checksBefore = main.calls.filter((call) => call.channel === 'report:gate').length;
    fireEvent.click(screen.getByTestId('report-export-draft'));
    await waitFor(() => expect(main.calls.some((call) => call.channel === 'job:start')).toBe(true));
    const started = main.calls.find((call) => call.channel === 'job:start')!.input;
    expect(started).toEqual({ kind: 'report:export', engagementHandle: 'h-1', format: 'pdf', language: 'en', file: '/tmp/Kestrel audit report DRAFT for rev 1.pdf', draft: true, photos: true });
    expect(main.calls.find((call) => call.channel === 'dialog:pickFile')!.input).toMatchObject({ mode: 'save', kind: 'pdf', suggestedName: 'Kestrel Data Services Ltd audit report DRAFT for rev 1' });

    act(() => useJobsStore.getState().apply([{ seq: 1, jobId: 'job-1', kind: 'progress', phase: 'rendering', done: 1, total: 3 }]));
    expect(screen.getByTestId('job-phase').textContent).toBe('Laying out the pages…');
    act(() =>
      useJobsStore.getState().apply([
        { seq: 2, jobId: 'job-1', kind: 'done', value: { file: 'Kestrel audit report DRAFT for rev 1.pdf', revision: 1, sha256: 'd'.repeat(64), size: 2048, template: '', downloadUrl: null, draft: true } },
      ]),
    );
    await waitFor(() => expect(screen.getByTestId('report-exported').textContent).toContain('Draft exported (for revision 1)'));
    expect(screen.getByTestId('report-export-sha').textContent).toBe('d'.repeat(64));
    await waitFor(() => expect(main.calls.filter((call) => call.channel === 'report:gate').length).toBe(checksBefore + 1));
  });

  it('leaves the photo annex out when the lead unticks it', async () => {
    main.answers.set('dialog:pickFile', () => ({ file: '/tmp/report.docx' }));
    main.answers.set('job:start', () => ({ jobId: 'job-2' }));
    await renderSection();
    fireEvent.click(screen.getByLabelText('Include the photo annex (3 photos, 3.0 MB)'));
    fireEvent.click(screen.getByText('Word to edit'));
    fireEvent.click(screen.getByTestId('report-export-draft'));
    await waitFor(() => expect(main.calls.some((call) => call.channel === 'job:start')).toBe(true));
    expect(main.calls.find((call) => call.channel === 'job:start')!.input).toMatchObject({ format: 'docx', photos: false, draft: true });
    expect(main.calls.find((call) => call.channel === 'dialog:pickFile')!.input).toMatchObject({ kind: 'word' });
  });

  it('offers the CB’s template for Word only, and exports nothing until one is chosen', async () => {
    main.answers.set('report:templates', () => []);
    await renderSection();
    expect(screen.queryByTestId('report-layout')).toBeNull();
    fireEvent.click(screen.getByText('Word to edit'));
    fireEvent.click(await screen.findByText('The CB’s report template'));
    await waitFor(() => expect(screen.getByTestId('report-template-choice').textContent).toContain('has no report template'));
    expect((screen.getByTestId('report-export-draft') as HTMLButtonElement).disabled).toBe(true);
  });
});

const IDENTITY: SigningIdentityView = {
  name: 'Helen Marsh',
  organisation: 'Meridian Certification Ltd',
  role: 'Audit team leader',
  subject: 'CN=Helen Marsh, O=Meridian Certification Ltd',
  issuer: 'CN=Helen Marsh, O=Meridian Certification Ltd',
  fingerprint: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter: '2029-01-01T00:00:00.000Z',
  selfSigned: true,
  keyType: 'EC',
  source: 'created',
  protection: 'passphrase',
  warnings: [],
};

describe('signing the issued report (issue 19)', () => {
  it('without a certificate says where to get one, and issues unsigned', async () => {
    gate = READY;
    main.answers.set('dialog:pickFile', () => ({ file: '/tmp/Kestrel audit report rev 2.pdf' }));
    main.answers.set('job:start', () => ({ jobId: 'job-3' }));
    await renderSection();
    await waitFor(() => expect(screen.getByTestId('report-sign-hint').textContent).toBe('Create or import a certificate above to sign the report.'));
    expect(screen.getByTestId('signing-empty')).toBeTruthy();
    fireEvent.click(screen.getByTestId('report-issue'));
    await waitFor(() => expect(main.calls.some((call) => call.channel === 'job:start')).toBe(true));
    expect(main.calls.find((call) => call.channel === 'job:start')!.input).not.toHaveProperty('sign');
  });

  it('sends `sign` (role and passphrase) only for issuing, never for a draft, and says who signed', async () => {
    gate = READY;
    main.answers.set('signing:status', () => ({ identity: IDENTITY, protection: 'passphrase' }));
    main.answers.set('dialog:pickFile', () => ({ file: '/tmp/report.pdf' }));
    let job = 0;
    main.answers.set('job:start', () => ({ jobId: `job-s${++job}` }));
    await renderSection();
    const checkbox = await screen.findByTestId('report-sign');
    expect((checkbox as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('report-sign-options').textContent).toContain('Sign the issued report with my certificate (Helen Marsh, AB:CD:EF:01…)');
    expect(screen.getByTestId('report-sign-options').textContent).toContain('Drafts are not signed.');
    expect((screen.getByTestId('report-sign-role') as HTMLInputElement).value).toBe('Audit team leader');
    // The key is kept in a key file: no issuing until its passphrase is typed.
    expect((screen.getByTestId('report-issue') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('report-sign-passphrase'), { target: { value: 'correct horse' } });
    fireEvent.change(screen.getByTestId('report-sign-role'), { target: { value: 'Lead auditor' } });

    fireEvent.click(screen.getByTestId('report-export-draft'));
    await waitFor(() => expect(main.calls.filter((call) => call.channel === 'job:start')).toHaveLength(1));
    expect(main.calls.find((call) => call.channel === 'job:start')!.input).not.toHaveProperty('sign');
    act(() => useJobsStore.getState().apply([{ seq: 10, jobId: 'job-s1', kind: 'done', value: { file: 'draft.pdf', revision: 2, sha256: 'e'.repeat(64), size: 10, template: '', downloadUrl: null, draft: true } }]));
    await waitFor(() => expect((screen.getByTestId('report-issue') as HTMLButtonElement).disabled).toBe(false));

    fireEvent.click(screen.getByTestId('report-issue'));
    await waitFor(() => expect(main.calls.filter((call) => call.channel === 'job:start')).toHaveLength(2));
    expect(main.calls.filter((call) => call.channel === 'job:start')[1]!.input).toMatchObject({ draft: false, sign: { role: 'Lead auditor', passphrase: 'correct horse' } });
    act(() =>
      useJobsStore.getState().apply([
        {
          seq: 11,
          jobId: 'job-s2',
          kind: 'done',
          value: { file: 'report.pdf', revision: 2, sha256: 'f'.repeat(64), size: 10, template: '', downloadUrl: null, draft: false, signature: { signer: 'Helen Marsh', fingerprint: IDENTITY.fingerprint, signedAt: '2026-12-11T09:30:00.000Z', files: [] } },
        },
      ]),
    );
    await waitFor(() => expect(screen.getByTestId('report-signed').textContent).toContain(`Signed by Helen Marsh · fingerprint ${IDENTITY.fingerprint}`));
    expect(screen.getByTestId('report-signed').textContent).toContain('(the signer’s clock)');
    // Never kept: the passphrase field is empty again after the export used it.
    expect((screen.getByTestId('report-sign-passphrase') as HTMLInputElement).value).toBe('');
  });

  it('issues unsigned when the lead unticks signing', async () => {
    gate = READY;
    main.answers.set('signing:status', () => ({ identity: { ...IDENTITY, protection: 'os' }, protection: 'os' }));
    main.answers.set('dialog:pickFile', () => ({ file: '/tmp/report.pdf' }));
    main.answers.set('job:start', () => ({ jobId: 'job-u' }));
    await renderSection();
    fireEvent.click(await screen.findByTestId('report-sign'));
    expect(screen.queryByTestId('report-sign-role')).toBeNull();
    fireEvent.click(screen.getByTestId('report-issue'));
    await waitFor(() => expect(main.calls.some((call) => call.channel === 'job:start')).toBe(true));
    expect(main.calls.find((call) => call.channel === 'job:start')!.input).not.toHaveProperty('sign');
  });
});
