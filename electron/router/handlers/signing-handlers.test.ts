import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportExportView } from '../../../shared/contract/report-views.ts';
import type { SigningStatusView, VerificationView } from '../../../shared/contract/signing-views.ts';
import { makeReportReady } from '../../../tests/helpers/report-ready.ts';
import { ask, runJob, testRouter } from '../../../tests/helpers/router.ts';
import { SigningIdentities } from '../../signing/identity-store.ts';

const PASSPHRASE = 'correct horse battery';

/** Every file under a folder, recursively. */
function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** The forms a private key could leak in: PKCS#8 DER, its PEM's base64, and the private scalar itself. */
async function keyForms(appData: string): Promise<Buffer[]> {
  const key = await new SigningIdentities(appData, null).unlock(PASSPHRASE);
  const der = key.privateKey.export({ type: 'pkcs8', format: 'der' });
  const d = Buffer.from(key.privateKey.export({ format: 'jwk' }).d!, 'base64url');
  return [der, Buffer.from(der.toString('base64').slice(0, 64)), d, Buffer.from(d.toString('base64')), Buffer.from(d.toString('hex'))];
}

describe('the signing channels', () => {
  it('create a certificate, sign the issued report (PDF and Word), verify it, see a one-byte change fail, trust and countersign — the key in no file but its own', { timeout: 240_000 }, async () => {
    const lead = await testRouter();
    const status = (await ask(lead.router, 'signing:status', {})).value as SigningStatusView;
    // The browser host has no system keychain: keys are kept in a passphrase-protected file.
    expect(status).toEqual({ identity: null, protection: 'passphrase' });
    expect(await ask(lead.router, 'signing:create', { name: 'Helen Marsh', organisation: 'Meridian Assurance Certification Ltd', role: 'Audit team leader', email: '', keyType: 'EC', years: 3 })).toMatchObject({
      ok: false,
      code: 'KEY_PASSPHRASE_REQUIRED',
    });
    const created = await ask(lead.router, 'signing:create', { name: 'Helen Marsh', organisation: 'Meridian Assurance Certification Ltd', role: 'Audit team leader', email: '', keyType: 'EC', years: 3, passphrase: PASSPHRASE });
    expect(created).toMatchObject({ ok: true, value: { name: 'Helen Marsh', organisation: 'Meridian Assurance Certification Ltd', role: 'Audit team leader', keyType: 'EC', protection: 'passphrase', source: 'created', selfSigned: true, warnings: [] } });
    const fingerprint = (created.value as { fingerprint: string }).fingerprint;
    expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    const handle = ((await ask(lead.router, 'engagement:openDemo', {})).value as { summary: { handle: string } }).summary.handle;
    await makeReportReady(lead.service, handle);
    const issue = (format: 'pdf' | 'docx', file: string, passphrase: string) =>
      runJob(lead.router, { kind: 'report:export', engagementHandle: handle, format, language: 'en', file, draft: false, photos: false, sign: { role: 'Audit team leader', passphrase } });
    // A wrong passphrase refuses before anything is written or recorded.
    expect(await issue('pdf', 'Kestrel report', 'not the passphrase')).toMatchObject({ ok: false, code: 'KEY_PASSPHRASE_WRONG' });
    expect(fs.existsSync(path.join(lead.workspace, 'Kestrel report.pdf'))).toBe(false);

    const pdf = await issue('pdf', 'Kestrel report', PASSPHRASE);
    expect(pdf).toMatchObject({ ok: true, value: { revision: 1, signature: { signer: 'Helen Marsh', fingerprint, files: [] } } });
    const verified = (await ask(lead.router, 'signing:verify', { file: 'Kestrel report.pdf' })).value as VerificationView;
    expect(verified).toMatchObject({ kind: 'pdf', verdict: 'valid', modifiedAfterLastSignature: false, signatures: [{ valid: true, standing: 'own', coversWholeFile: true, certificateValidThen: true, signer: { name: 'Helen Marsh', fingerprint } }] });
    expect(verified.signatures[0]!.signedAt).toBe((pdf.value as ReportExportView).signature!.signedAt);

    // One byte changed in a copy: the signature no longer holds.
    const bytes = fs.readFileSync(path.join(lead.workspace, 'Kestrel report.pdf'));
    bytes[2000] = bytes[2000]! ^ 0x01;
    fs.writeFileSync(path.join(lead.workspace, 'Kestrel report tampered.pdf'), bytes);
    expect((await ask(lead.router, 'signing:verify', { file: 'Kestrel report tampered.pdf' })).value).toMatchObject({ verdict: 'invalid', signatures: [{ valid: false, problem: 'digest' }] });

    // Word: the detached signature and the signed manifest beside it, naming the engagement state.
    const docx = await issue('docx', 'Kestrel report', PASSPHRASE);
    expect(docx).toMatchObject({ ok: true, value: { revision: 2, signature: { files: ['Kestrel report.docx.p7s', 'Kestrel report.docx.manifest.json', 'Kestrel report.docx.manifest.json.p7s'] } } });
    const word = (await ask(lead.router, 'signing:verify', { file: 'Kestrel report.docx' })).value as VerificationView;
    expect(word).toMatchObject({ kind: 'docx', verdict: 'valid', signatures: [{ valid: true, standing: 'own' }], manifest: { valid: true, sameSigner: true, matchesDocument: true, client: 'Kestrel Data Services Ltd', revision: 2 } });
    expect(word.manifest!.chainHeads).toBeGreaterThan(0);
    // The .p7s chosen instead of the document finds the document beside it.
    expect((await ask(lead.router, 'signing:verify', { file: 'Kestrel report.docx.p7s' })).value).toMatchObject({ kind: 'docx', verdict: 'valid' });
    // A Word file whose signature belongs to another file: the report of revision 2 beside revision 1's signature.
    fs.copyFileSync(path.join(lead.workspace, 'Kestrel report.docx.p7s'), path.join(lead.workspace, 'Other.docx.p7s'));
    fs.writeFileSync(path.join(lead.workspace, 'Other.docx'), Buffer.concat([fs.readFileSync(path.join(lead.workspace, 'Kestrel report.docx')), Buffer.from([0])]));
    expect((await ask(lead.router, 'signing:verify', { file: 'Other.docx' })).value).toMatchObject({ verdict: 'invalid', signatures: [{ valid: false, problem: 'digest' }], manifest: null });
    // A manifest edited by hand.
    const manifestFile = path.join(lead.workspace, 'Kestrel report.docx.manifest.json');
    fs.writeFileSync(manifestFile, fs.readFileSync(manifestFile, 'utf8').replace('"revision": 2', '"revision": 3'));
    expect((await ask(lead.router, 'signing:verify', { file: 'Kestrel report.docx' })).value).toMatchObject({ verdict: 'invalid', manifest: { valid: false } });
    // A Word file without a signature is unsigned, not an error.
    fs.copyFileSync(path.join(lead.workspace, 'Kestrel report.docx'), path.join(lead.workspace, 'Unsigned.docx'));
    expect((await ask(lead.router, 'signing:verify', { file: 'Unsigned.docx' })).value).toMatchObject({ verdict: 'unsigned', signatures: [] });
    fs.writeFileSync(path.join(lead.workspace, 'Not a report.pdf'), 'hello');
    expect(await ask(lead.router, 'signing:verify', { file: 'Not a report.pdf' })).toMatchObject({ ok: false, code: 'SIGNATURE_UNREADABLE' });

    // The CB's reviewer, on another installation: the lead's key is unknown until trusted; a second signature keeps the first valid.
    const reviewer = await testRouter();
    await reviewer.service.setInstallationUser('Tomás Byrne', 'TB');
    fs.copyFileSync(path.join(lead.workspace, 'Kestrel report.pdf'), path.join(reviewer.workspace, 'Kestrel report.pdf'));
    expect((await ask(reviewer.router, 'signing:verify', { file: 'Kestrel report.pdf' })).value).toMatchObject({ verdict: 'valid', signatures: [{ standing: 'unknown' }] });
    const pem = ((await ask(reviewer.router, 'signing:verify', { file: 'Kestrel report.pdf' })).value as VerificationView).signatures[0]!.certificatePem;
    expect(await ask(reviewer.router, 'signing:trust', { certificatePem: pem, label: 'Helen Marsh (Meridian)' })).toMatchObject({ ok: true, value: { fingerprint, label: 'Helen Marsh (Meridian)' } });
    expect((await ask(reviewer.router, 'signing:verify', { file: 'Kestrel report.pdf' })).value).toMatchObject({ signatures: [{ standing: 'trusted' }] });
    expect(await ask(reviewer.router, 'signing:create', { name: 'Tomás Byrne', organisation: 'Meridian Assurance Certification Ltd', role: 'Technical reviewer', email: '', keyType: 'RSA', years: 1, passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await ask(reviewer.router, 'signing:countersign', { file: 'Kestrel report.pdf', output: 'Kestrel report reviewed', role: 'Technical reviewer', passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { file: 'Kestrel report reviewed.pdf' },
    });
    const both = (await ask(reviewer.router, 'signing:verify', { file: 'Kestrel report reviewed.pdf' })).value as VerificationView;
    expect(both).toMatchObject({ verdict: 'valid', signatures: [{ valid: true, standing: 'trusted', coversWholeFile: false }, { valid: true, standing: 'own', coversWholeFile: true, signer: { name: 'Tomás Byrne' } }] });
    expect((await ask(reviewer.router, 'signing:trusted', {})).value).toMatchObject([{ name: 'Helen Marsh', fingerprint }]);
    expect(await ask(reviewer.router, 'signing:untrust', { fingerprint })).toMatchObject({ ok: true });
    expect((await ask(reviewer.router, 'signing:trusted', {})).value).toEqual([]);

    // The key never leaves its own file: not in the engagement file, a member copy, a return package, a backup or the app-data store.
    const members = (await ask(lead.router, 'engagement:roster', { engagementHandle: handle })).value as { team: { id: string; role: string }[] };
    const member = members.team.find((m) => m.role !== 'lead')!;
    expect(await runJob(lead.router, { kind: 'team:memberCopy', engagementHandle: handle, memberId: member.id, file: 'Kestrel - member' })).toMatchObject({ ok: true });
    const copy = ((await ask(lead.router, 'engagement:open', { file: 'Kestrel - member.iso20k' })).value as { summary: { handle: string } }).summary.handle;
    expect(await runJob(lead.router, { kind: 'team:exportPackage', engagementHandle: copy, file: 'Member return' })).toMatchObject({ ok: true });
    await ask(lead.router, 'engagement:close', { engagementHandle: copy });
    await ask(lead.router, 'engagement:close', { engagementHandle: handle });
    const forms = await keyForms(lead.appData);
    const scanned = [...filesUnder(lead.workspace), ...filesUnder(lead.appData).filter((file) => !file.endsWith(path.join('signing', 'identity.json')))];
    expect(scanned.some((file) => file.endsWith('.iso20k-return'))).toBe(true);
    for (const file of scanned) {
      const content = fs.readFileSync(file);
      for (const form of forms) expect(content.includes(form), `${path.relative(lead.appData, file)} holds the private key`).toBe(false);
    }
  });
});
