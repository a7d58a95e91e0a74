// The signing certificate card against the contract: what it says with no certificate, what it shows
// of one (fingerprint, key kept, warnings), and the create form's passphrase when the key goes to a file.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SigningIdentityView, SigningStatusView } from '../../../../shared/contract/signing-views.ts';
import type * as Client from '../../contract/client.ts';
import { en } from '../../i18n/en/index.ts';
import { useAppStore } from '../../state/app-store.ts';
import { SigningCard } from './SigningCard.tsx';
import { useSigningStore } from './signing-store.ts';

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

const IDENTITY: SigningIdentityView = {
  name: 'Helen Marsh',
  organisation: 'Meridian Certification Ltd',
  role: 'Audit team leader',
  subject: 'CN=Helen Marsh, O=Meridian Certification Ltd',
  issuer: 'CN=Meridian Certification CA, O=Meridian Certification Ltd',
  fingerprint: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
  notBefore: '2024-01-01T00:00:00.000Z',
  notAfter: '2027-01-01T00:00:00.000Z',
  selfSigned: false,
  keyType: 'RSA',
  source: 'imported',
  protection: 'os',
  warnings: [],
};

let status: SigningStatusView;
const chooser = { choose: vi.fn(async () => '/work/helen.p12'), picker: <></> };

function renderCard() {
  render(
    <MantineProvider env="test">
      <I18nextProvider i18n={i18n}>
        <SigningCard organisation="Meridian Certification Ltd" chooser={chooser} />
      </I18nextProvider>
    </MantineProvider>,
  );
}

beforeEach(() => {
  main.calls.length = 0;
  main.answers.clear();
  main.answers.set('signing:status', () => status);
  useSigningStore.setState({ status: null, error: null });
  useAppStore.setState({ installation: { name: 'Helen Marsh', initials: 'HM', language: 'en' } as never, info: { platform: 'web', fileAccess: 'native' } as never });
  chooser.choose.mockClear();
});

describe('the signing certificate card', () => {
  it('with no certificate says what it is for and offers to create or import one', async () => {
    status = { identity: null, protection: 'os' };
    renderCard();
    const empty = await screen.findByTestId('signing-empty');
    expect(empty.textContent).toContain('No signing certificate on this installation yet');
    expect(empty.textContent).toContain('the issued report carries your digital signature');
    expect(screen.getByTestId('signing-create').textContent).toBe('Create a certificate');
    expect(screen.getByTestId('signing-import').textContent).toBe('Import a certificate (.p12 / .pfx)');
    expect(screen.queryByTestId('signing-identity')).toBeNull();
  });

  it('shows the certificate: name, issuer, the whole fingerprint, where the key is kept, no warning when none', async () => {
    status = { identity: IDENTITY, protection: 'os' };
    renderCard();
    const identity = await screen.findByTestId('signing-identity');
    expect(screen.getByTestId('signing-name').textContent).toBe('Helen Marsh');
    expect(identity.textContent).toContain('CN=Meridian Certification CA');
    expect(screen.getByTestId('signing-fingerprint').textContent).toBe(IDENTITY.fingerprint);
    expect(identity.textContent).toContain('protected by the operating system');
    expect(identity.textContent).toContain('RSA 2048-bit');
    expect(screen.queryAllByTestId('signing-warning')).toHaveLength(0);
    expect(screen.queryByTestId('signing-empty')).toBeNull();
  });

  it('warns in red for an expired certificate and in yellow for one expiring soon; a passphrase-protected key says so', async () => {
    status = { identity: { ...IDENTITY, selfSigned: true, protection: 'passphrase', warnings: ['expired', 'expiresSoon'] }, protection: 'passphrase' };
    renderCard();
    await screen.findByTestId('signing-identity');
    const warnings = screen.getAllByTestId('signing-warning');
    expect(warnings.map((w) => w.dataset.warning)).toEqual(['expired', 'expiresSoon']);
    expect(warnings[0]!.textContent).toContain('Expired: reports can no longer be signed with it');
    expect(screen.getAllByTestId('signing-warning-badge').map((b) => b.textContent)).toEqual(['Expired', 'Expires soon']);
    expect(screen.getByTestId('signing-identity').textContent).toContain('self-signed');
    expect(screen.getByTestId('signing-identity').textContent).toContain('in a key file protected by your passphrase');
  });

  it('creates a certificate with the auditor’s name and the CB prefilled, and a passphrase typed twice when the key goes to a file', async () => {
    status = { identity: null, protection: 'passphrase' };
    main.answers.set('signing:create', () => ({ ...IDENTITY, protection: 'passphrase', source: 'created' }));
    renderCard();
    fireEvent.click(await screen.findByTestId('signing-create'));
    expect((screen.getByTestId('signing-create-name') as HTMLInputElement).value).toBe('Helen Marsh');
    expect((screen.getByTestId('signing-create-organisation') as HTMLInputElement).value).toBe('Meridian Certification Ltd');
    expect((screen.getByTestId('signing-create-role') as HTMLInputElement).value).toBe('Audit team leader');
    expect(screen.getByTestId('signing-passphrase-kept').textContent).toContain('cannot be recovered');
    const submit = screen.getByTestId('signing-create-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('signing-passphrase'), { target: { value: 'long enough' } });
    fireEvent.change(screen.getByTestId('signing-passphrase-repeat'), { target: { value: 'long enougH' } });
    expect(submit.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('signing-passphrase-repeat'), { target: { value: 'long enough' } });
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    await waitFor(() => expect(screen.getByTestId('signing-identity')).toBeTruthy());
    expect(main.calls.find((call) => call.channel === 'signing:create')!.input).toEqual({
      name: 'Helen Marsh',
      organisation: 'Meridian Certification Ltd',
      role: 'Audit team leader',
      email: '',
      keyType: 'RSA',
      years: 3,
      passphrase: 'long enough',
    });
  });

  it('imports the CB’s .p12 with its password, and removes the certificate after a confirmation', async () => {
    status = { identity: null, protection: 'os' };
    main.answers.set('signing:importP12', () => IDENTITY);
    main.answers.set('signing:remove', () => null);
    renderCard();
    fireEvent.click(await screen.findByTestId('signing-import'));
    expect(chooser.choose).toHaveBeenCalledWith(expect.objectContaining({ mode: 'open', kind: 'keystore' }));
    fireEvent.change(await screen.findByTestId('signing-import-password'), { target: { value: 'from the CB' } });
    fireEvent.click(screen.getByTestId('signing-import-submit'));
    await waitFor(() => expect(screen.getByTestId('signing-identity')).toBeTruthy());
    expect(main.calls.find((call) => call.channel === 'signing:importP12')!.input).toEqual({ file: '/work/helen.p12', password: 'from the CB' });

    fireEvent.click(screen.getByTestId('signing-remove'));
    expect(screen.getByTestId('signing-remove-modal').textContent).toContain('Reports already signed with it stay valid');
    fireEvent.click(screen.getByTestId('signing-remove-modal-confirm'));
    await waitFor(() => expect(screen.getByTestId('signing-empty')).toBeTruthy());
  });
});
