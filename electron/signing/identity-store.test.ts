import { randomBytes, sign, verify, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp.ts';
import { fingerprintOf } from './certificate-info.ts';
import { SigningIdentities } from './identity-store.ts';
import { openKeyFile, PASSPHRASE_MIN_LENGTH, sealWithPassphrase } from './key-protection.ts';
import type { SigningKey } from './signing-key.ts';
import { fakeOsProtection, OPENSSL_MISSING, opensslKey, opensslP12, opensslSelfSigned } from './test-openssl.ts';

const LI_NA = { name: 'Li Na', organisation: 'Example CB', title: 'Lead auditor', email: 'li.na@example-cb.org' };
const PASSPHRASE = 'correct horse battery';

function expectSigns(key: SigningKey): void {
  const data = Buffer.from('Audit report');
  expect(verify('sha256', data, new X509Certificate(key.certificate).publicKey, sign('sha256', data, key.privateKey))).toBe(true);
}

/** Every file under the folder, as bytes (the temp files of durable writes included, were any left). */
function folderBytes(dir: string): Buffer[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((entry) => (entry.isFile() ? [fs.readFileSync(path.join(entry.parentPath, entry.name))] : []));
}

function expectKeyNowhereInClear(dir: string, key: SigningKey): void {
  const der = key.privateKey.export({ type: 'pkcs8', format: 'der' });
  const pemBody = String(key.privateKey.export({ type: 'pkcs8', format: 'pem' })).split('\n').filter((line) => line && !line.startsWith('-----'));
  const files = folderBytes(dir);
  expect(files.length).toBeGreaterThan(0);
  for (const bytes of files) {
    expect(bytes.includes(der)).toBe(false);
    // the key's DER without its PKCS #8 wrapper, and any 64-character line of its PEM
    expect(bytes.includes(der.subarray(der.length - 64))).toBe(false);
    for (const line of pemBody) expect(bytes.includes(Buffer.from(line))).toBe(false);
    expect(bytes.includes(Buffer.from(der.toString('base64').slice(100, 164)))).toBe(false);
  }
}

describe('SigningIdentities', () => {
  it('creates an identity under OS protection, unlocks it without a passphrase, and a new instance reads it from disk', async () => {
    const dir = tempDir();
    const os = fakeOsProtection();
    const identities = new SigningIdentities(dir, os);
    expect(identities.current()).toBeNull();
    const info = await identities.create(LI_NA);
    expect(info).toMatchObject({ subject: { commonName: 'Li Na', organisation: 'Example CB', title: 'Lead auditor' }, keyType: 'RSA', source: 'created', protection: 'os', protectionName: 'Test keychain', selfSigned: true, warnings: [], chainLength: 0 });
    expect(info.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    const again = new SigningIdentities(dir, os);
    expect(again.current()).toEqual({ ...info, warnings: [] });
    expect(again.certificatePem()).toBe(info.certificatePem);
    const key = await again.unlock();
    expect(fingerprintOf(key.certificate)).toBe(info.fingerprint);
    expectSigns(key);
    expectKeyNowhereInClear(dir, key);
  });

  it('creates an EC identity under a passphrase where there is no OS protection, and asks for it to unlock', async () => {
    const dir = tempDir();
    const identities = new SigningIdentities(dir, null);
    await expect(identities.create(LI_NA)).rejects.toMatchObject({ code: 'KEY_PASSPHRASE_REQUIRED' });
    await expect(identities.create(LI_NA, { passphrase: 'short' })).rejects.toMatchObject({ code: 'KEY_PASSPHRASE_WEAK', params: { minLength: PASSPHRASE_MIN_LENGTH } });
    expect(identities.current()).toBeNull();

    const info = await identities.create(LI_NA, { passphrase: PASSPHRASE, keyType: 'EC' });
    expect(info).toMatchObject({ keyType: 'EC', protection: 'passphrase', protectionName: null });
    const reopened = new SigningIdentities(dir, null);
    await expect(reopened.unlock()).rejects.toMatchObject({ code: 'KEY_PASSPHRASE_REQUIRED' });
    await expect(reopened.unlock('correct horse battery!')).rejects.toMatchObject({ code: 'KEY_PASSPHRASE_WRONG' });
    const key = await reopened.unlock(PASSPHRASE);
    expect(key.keyType).toBe('EC');
    expectSigns(key);
    expectKeyNowhereInClear(dir, key);
  });

  it('uses the passphrase when the auditor gives one, even with OS protection at hand', async () => {
    const dir = tempDir();
    const identities = new SigningIdentities(dir, fakeOsProtection());
    expect((await identities.create(LI_NA, { passphrase: PASSPHRASE, keyType: 'EC' })).protection).toBe('passphrase');
    await expect(identities.unlock()).rejects.toMatchObject({ code: 'KEY_PASSPHRASE_REQUIRED' });
    expectSigns(await identities.unlock(PASSPHRASE));
  });

  it('cannot open an OS-protected key for another account or without OS protection', async () => {
    const dir = tempDir();
    await new SigningIdentities(dir, fakeOsProtection()).create(LI_NA, { keyType: 'EC' });
    await expect(new SigningIdentities(dir, fakeOsProtection()).unlock()).rejects.toMatchObject({ code: 'SIGNING_KEY_UNAVAILABLE', params: { reason: 'osProtectionFailed' } });
    await expect(new SigningIdentities(dir, null).unlock()).rejects.toMatchObject({ code: 'SIGNING_KEY_UNAVAILABLE', params: { reason: 'osProtectionUnavailable' } });
  });

  it('replaces an identity only when confirmed, and keeps the replaced certificate as the auditor’s own', async () => {
    const dir = tempDir();
    const identities = new SigningIdentities(dir, fakeOsProtection());
    const first = await identities.create(LI_NA, { keyType: 'EC' });
    await expect(identities.create({ ...LI_NA, title: 'Auditor' }, { keyType: 'EC' })).rejects.toMatchObject({ code: 'SIGNING_IDENTITY_EXISTS' });
    expect(identities.current()?.fingerprint).toBe(first.fingerprint);
    const second = await identities.create({ ...LI_NA, title: 'Auditor' }, { keyType: 'EC', replace: true });
    expect(identities.current()?.fingerprint).toBe(second.fingerprint);
    expect(identities.ownCertificates().map(fingerprintOf)).toEqual([second.fingerprint, first.fingerprint]);
    expect(fingerprintOf((await identities.unlock()).certificate)).toBe(second.fingerprint);
  });

  it('removes the key; signing then needs a new identity, and the certificate stays the auditor’s own', async () => {
    const dir = tempDir();
    const identities = new SigningIdentities(dir, fakeOsProtection());
    const info = await identities.create(LI_NA, { keyType: 'EC' });
    const key = await identities.unlock();
    identities.remove();
    expect(identities.current()).toBeNull();
    expect(identities.certificatePem()).toBeNull();
    await expect(identities.unlock()).rejects.toMatchObject({ code: 'SIGNING_IDENTITY_MISSING' });
    expect(identities.ownCertificates().map(fingerprintOf)).toEqual([info.fingerprint]);
    expectKeyNowhereInClear(dir, key);
    expect(fs.readFileSync(path.join(dir, 'signing', 'identity.json'), 'utf8')).not.toContain('"key"');
    // and a new one needs no confirming
    await identities.create(LI_NA, { keyType: 'EC' });
  });

  it('reports a damaged identity file as SIGNING_KEY_UNAVAILABLE, and remove() or a confirmed replacement clears it', async () => {
    const dir = tempDir();
    const identities = new SigningIdentities(dir, fakeOsProtection());
    await identities.create(LI_NA, { keyType: 'EC' });
    const file = path.join(dir, 'signing', 'identity.json');
    fs.writeFileSync(file, '{"format":"aw-signing-identity"');
    expect(() => identities.current()).toThrow(expect.objectContaining({ code: 'SIGNING_KEY_UNAVAILABLE', params: { reason: 'damaged' } }));
    await expect(identities.create(LI_NA, { keyType: 'EC' })).rejects.toMatchObject({ code: 'SIGNING_KEY_UNAVAILABLE' });
    await identities.create(LI_NA, { keyType: 'EC', replace: true });
    expect(identities.current()).not.toBeNull();
    fs.writeFileSync(file, 'garbage');
    identities.remove();
    expect(identities.current()).toBeNull();
  });

  it('refuses a certificate swapped in the file: it is not the key’s', async () => {
    const dir = tempDir();
    const os = fakeOsProtection();
    const identities = new SigningIdentities(dir, os);
    await identities.create(LI_NA, { keyType: 'EC' });
    const file = path.join(dir, 'signing', 'identity.json');
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { current: { certificate: string } };
    const other = new SigningIdentities(tempDir(), os);
    stored.current.certificate = (await other.create(LI_NA, { keyType: 'EC' })).certificatePem;
    fs.writeFileSync(file, JSON.stringify(stored));
    await expect(identities.unlock()).rejects.toMatchObject({ code: 'SIGNING_KEY_UNAVAILABLE', params: { reason: 'damaged' } });
  });

  (OPENSSL_MISSING ? it.skip : it)('imports a .p12 under a passphrase and under OS protection', async () => {
    const dir = tempDir();
    const work = tempDir();
    const keyFile = opensslKey(work, 'auditor', 'EC');
    const p12 = opensslP12(work, 'auditor', { key: keyFile, certificate: opensslSelfSigned(work, 'auditor', keyFile, '/CN=Li Na/O=Example CB') }, 'p12 password', true);
    const identities = new SigningIdentities(dir, null);
    await expect(identities.importP12(p12, 'wrong', { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'P12_WRONG_PASSWORD' });
    const info = await identities.importP12(p12, 'p12 password', { passphrase: PASSPHRASE });
    expect(info).toMatchObject({ source: 'imported', protection: 'passphrase', keyType: 'EC', subject: { commonName: 'Li Na', organisation: 'Example CB' } });
    const key = await identities.unlock(PASSPHRASE);
    expectSigns(key);
    expectKeyNowhereInClear(dir, key);

    const withOs = new SigningIdentities(dir, fakeOsProtection());
    expect(await withOs.importP12(p12, 'p12 password', { replace: true })).toMatchObject({ source: 'imported', protection: 'os', fingerprint: info.fingerprint });
    expectSigns(await withOs.unlock());
    // the same certificate again is not listed as a former one of itself
    expect(withOs.ownCertificates().map(fingerprintOf)).toEqual([info.fingerprint]);
  });
});

describe('the passphrase key file', () => {
  it('opens with the passphrase (normalized: NFC), and no byte of it can change unnoticed', async () => {
    const secret = new Uint8Array(randomBytes(120));
    const sealed = await sealWithPassphrase(secret, 'pass\u00e9word');
    expect(Buffer.from(sealed.subarray(0, 8)).toString('latin1')).toBe('AWSIGKEY');
    expect(Buffer.from(await openKeyFile(sealed, { passphrase: 'passe\u0301word', os: null }))).toEqual(Buffer.from(secret));
    for (const index of [9, 10, 14, 30, 45, sealed.length - 1]) {
      const altered = new Uint8Array(sealed);
      altered[index] = (altered[index] ?? 0) ^ 1;
      await expect(openKeyFile(altered, { passphrase: 'pass\u00e9word', os: null })).rejects.toMatchObject({ code: expect.stringMatching(/^(KEY_PASSPHRASE_WRONG|SIGNING_KEY_UNAVAILABLE)$/) });
    }
    await expect(openKeyFile(new Uint8Array(randomBytes(80)), { passphrase: 'pass\u00e9word', os: null })).rejects.toMatchObject({ code: 'SIGNING_KEY_UNAVAILABLE', params: { reason: 'damaged' } });
  });
});
