// Verifying a signed report against the contract's answers: a valid signature, an invalid one with
// its reason, an unknown signer trusted from the result, a Word report's manifest, and a
// countersignature on a signed PDF (saved, then verified).
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignatureCheckView, SigningIdentityView, VerificationView } from '../../../../shared/contract/signing-views.ts';
import type * as Client from '../../contract/client.ts';
import { en } from '../../i18n/en/index.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useSigningStore } from './signing-store.ts';
import { VerifyDialog } from './VerifyDialog.tsx';

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

const FP = 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89';
const signer = { name: 'Helen Marsh', organisation: 'Meridian Certification Ltd', role: 'Audit team leader', subject: 'CN=Helen Marsh', issuer: 'CN=Helen Marsh', fingerprint: FP, notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2029-01-01T00:00:00.000Z', selfSigned: true };
const check = (fields: Partial<SignatureCheckView>): SignatureCheckView => ({
  valid: true,
  problem: null,
  signer,
  standing: 'trusted',
  signedAt: '2026-12-11T09:30:00.000Z',
  coversWholeFile: true,
  certificateValidThen: true,
  certificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
  ...fields,
});
const verification = (fields: Partial<VerificationView>): VerificationView => ({
  kind: 'pdf',
  fileName: 'Kestrel audit report rev 2.pdf',
  sha256: 'a'.repeat(64),
  verdict: 'valid',
  signatures: [check({})],
  modifiedAfterLastSignature: false,
  manifest: null,
  ...fields,
});
const IDENTITY: SigningIdentityView = { ...signer, name: 'Li Wei', fingerprint: 'FF:EE', keyType: 'EC', source: 'created', protection: 'os', warnings: [] };

let picks: string[];
function renderDialog() {
  render(
    <MantineProvider env="test">
      <Notifications />
      <I18nextProvider i18n={i18n}>
        <VerifyDialog opened onClose={() => undefined} />
      </I18nextProvider>
    </MantineProvider>,
  );
}

async function verifyFile() {
  fireEvent.click(screen.getByTestId('verify-choose'));
  return screen.findByTestId('verify-verdict');
}

beforeEach(() => {
  main.calls.length = 0;
  main.answers.clear();
  picks = ['/work/Kestrel audit report rev 2.pdf'];
  main.answers.set('dialog:pickFile', () => ({ file: picks.shift() ?? null }));
  main.answers.set('signing:status', () => ({ identity: null, protection: 'os' }));
  useSigningStore.setState({ status: null, error: null });
  useAppStore.setState({ info: { platform: 'desktop', fileAccess: 'native' } as never });
});

describe('verifying a signed report', () => {
  it('a valid signature: the green verdict, the signer, the claimed time and the whole fingerprint', async () => {
    main.answers.set('signing:verify', () => verification({}));
    renderDialog();
    const verdict = await verifyFile();
    expect(verdict.dataset.verdict).toBe('valid');
    expect(verdict.textContent).toContain('The signature is valid: the file is exactly what was signed');
    expect(main.calls.find((call) => call.channel === 'dialog:pickFile')!.input).toMatchObject({ mode: 'open', kind: 'signed' });
    expect(main.calls.find((call) => call.channel === 'signing:verify')!.input).toEqual({ file: '/work/Kestrel audit report rev 2.pdf' });
    const card = screen.getByTestId('verify-signature');
    expect(within(card).getByTestId('verify-signer').textContent).toBe('Helen Marsh');
    expect(within(card).getByTestId('verify-standing').textContent).toBe('Trusted');
    expect(card.textContent).toContain('claimed by the signer; no timestamp authority');
    expect(within(card).getByTestId('verify-fingerprint').textContent).toBe(FP);
    expect(card.textContent).toContain('Covers the whole file');
    expect(screen.queryByTestId('verify-trust')).toBeNull();
    // No certificate here: nothing to countersign with.
    expect(screen.queryByTestId('verify-countersign')).toBeNull();
  });

  it('an invalid signature: the red verdict and the reason per signature; a later signature named as such', async () => {
    main.answers.set('signing:verify', () =>
      verification({ verdict: 'invalid', modifiedAfterLastSignature: true, signatures: [check({ coversWholeFile: false }), check({ valid: false, problem: 'digest', standing: 'own' })] }),
    );
    renderDialog();
    const verdict = await verifyFile();
    expect(verdict.dataset.verdict).toBe('invalid');
    expect(screen.getByTestId('verify-modified-after')).toBeTruthy();
    const [first, second] = screen.getAllByTestId('verify-signature');
    expect(first!.textContent).toContain('A later signature was added after this one');
    expect(second!.dataset.valid).toBe('false');
    expect(within(second!).getByTestId('verify-problem').textContent).toContain('The file was changed after it was signed');
    // An invalid signature proves nobody signed: no standing is shown for it.
    expect(within(second!).queryByTestId('verify-standing')).toBeNull();
  });

  it('an unknown signer: trusting the certificate sends its PEM and verifies again', async () => {
    let trusted = false;
    main.answers.set('signing:verify', () => verification({ signatures: [check({ standing: trusted ? 'trusted' : 'unknown' })] }));
    main.answers.set('signing:trust', () => ((trusted = true), { ...signer, label: 'Helen Marsh', addedAt: '2026-12-11T10:00:00.000Z' }));
    renderDialog();
    await verifyFile();
    expect(screen.getByTestId('verify-standing').textContent).toBe('Unknown certificate');
    fireEvent.click(screen.getByTestId('verify-trust'));
    await waitFor(() => expect(screen.getByTestId('verify-standing').textContent).toBe('Trusted'));
    expect(main.calls.find((call) => call.channel === 'signing:trust')!.input).toEqual({ certificatePem: check({}).certificatePem, label: 'Helen Marsh' });
    expect(main.calls.filter((call) => call.channel === 'signing:verify')).toHaveLength(2);
  });

  it('no signature: the grey verdict', async () => {
    main.answers.set('signing:verify', () => verification({ verdict: 'unsigned', signatures: [] }));
    renderDialog();
    const verdict = await verifyFile();
    expect(verdict.dataset.verdict).toBe('unsigned');
    expect(verdict.textContent).toContain('No signature found');
  });

  it('a .p7s chosen asks for its Word report, and shows the signed manifest', async () => {
    picks = ['/work/report.docx.p7s', '/work/report.docx'];
    main.answers.set('signing:verify', () =>
      verification({ kind: 'docx', fileName: 'report.docx', manifest: { valid: true, sameSigner: true, matchesDocument: true, client: 'Kestrel Data Services Ltd', reference: 'MC-2026-118', engagementId: 'e-1', revision: 2, chainHeads: 3 } }),
    );
    renderDialog();
    await verifyFile();
    expect(main.calls.filter((call) => call.channel === 'dialog:pickFile')[1]!.input).toMatchObject({ kind: 'word' });
    expect(main.calls.find((call) => call.channel === 'signing:verify')!.input).toEqual({ file: '/work/report.docx', signatureFile: '/work/report.docx.p7s' });
    const manifest = screen.getByTestId('verify-manifest');
    expect(manifest.textContent).toContain('MC-2026-118');
    expect(manifest.textContent).toContain('3 change-log chains');
    expect(manifest.textContent).toContain('Matches the document');
  });

  it('adds my signature to a signed PDF, saves it as a new file and verifies that file', async () => {
    main.answers.set('signing:status', () => ({ identity: IDENTITY, protection: 'os' }));
    picks = ['/work/Kestrel audit report rev 2.pdf', '/work/Kestrel audit report rev 2 countersigned.pdf'];
    main.answers.set('signing:verify', (input) => verification(input.file === '/work/Kestrel audit report rev 2.pdf' ? {} : { fileName: 'Kestrel audit report rev 2 countersigned.pdf', signatures: [check({ coversWholeFile: false }), check({ standing: 'own', signer: { ...signer, name: 'Li Wei' } })] }));
    main.answers.set('signing:countersign', () => ({ file: 'Kestrel audit report rev 2 countersigned.pdf', sha256: 'c'.repeat(64), downloadUrl: null }));
    renderDialog();
    await verifyFile();
    fireEvent.click(await screen.findByTestId('verify-countersign'));
    fireEvent.change(screen.getByTestId('verify-countersign-role'), { target: { value: 'Technical reviewer' } });
    expect(screen.queryByTestId('verify-countersign-passphrase')).toBeNull();
    fireEvent.click(screen.getByTestId('verify-countersign-submit'));
    await waitFor(() => expect(screen.getByTestId('verify-countersigned')).toBeTruthy());
    expect(main.calls.filter((call) => call.channel === 'dialog:pickFile')[1]!.input).toMatchObject({ mode: 'save', kind: 'pdf', suggestedName: 'Kestrel audit report rev 2 countersigned' });
    expect(main.calls.find((call) => call.channel === 'signing:countersign')!.input).toEqual({ file: '/work/Kestrel audit report rev 2.pdf', output: '/work/Kestrel audit report rev 2 countersigned.pdf', role: 'Technical reviewer' });
    await waitFor(() => expect(screen.getAllByTestId('verify-signature')).toHaveLength(2));
    expect(main.calls.filter((call) => call.channel === 'signing:verify').at(-1)!.input).toEqual({ file: '/work/Kestrel audit report rev 2 countersigned.pdf' });
  });
});
