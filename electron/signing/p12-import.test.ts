import { generateKeyPairSync, randomBytes, sign, verify, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp.ts';
import { issueSelfSignedCertificate } from './certificate-create.ts';
import { certificateToPem } from './certificate-info.ts';
import { readP12 } from './p12-import.ts';
import type { SigningKey } from './signing-key.ts';
import { OPENSSL_MISSING, opensslIssued, opensslKey, opensslP12, opensslSelfSigned, writeKeyPem } from './test-openssl.ts';

if (OPENSSL_MISSING) console.warn(`p12-import: ${OPENSSL_MISSING}`);
const withOpenssl = OPENSSL_MISSING ? describe.skip : describe;
const DAY = 24 * 60 * 60 * 1000;

function expectSigns(key: SigningKey): void {
  const data = Buffer.from('Audit report, revision 1');
  const signature = sign('sha256', data, key.privateKey);
  expect(verify('sha256', data, new X509Certificate(key.certificate).publicKey, signature)).toBe(true);
}

withOpenssl('readP12 (files made by openssl)', () => {
  it.each([
    ['RSA', false],
    ['RSA', true],
    ['EC', false],
    ['EC', true],
  ] as const)('imports a %s key (legacy encryption: %s), and the key signs for its certificate', async (type, legacy) => {
    const dir = tempDir();
    const key = opensslKey(dir, 'auditor', type);
    const certificate = opensslSelfSigned(dir, 'auditor', key, '/CN=Li Na/O=Example CB');
    const imported = await readP12(opensslP12(dir, 'auditor', { key, certificate }, 'pässwort 1', legacy), 'pässwort 1');
    expect(imported.key.keyType).toBe(type);
    expect(imported.key.chain).toEqual([]);
    expect(imported.warnings).toEqual([]);
    expect(Buffer.from(imported.key.certificate)).toEqual(new X509Certificate(fs.readFileSync(path.join(dir, certificate))).raw);
    expectSigns(imported.key);
  });

  it('gives the certificate of the key as the signer’s and the CA’s as the chain', async () => {
    const dir = tempDir();
    const caKey = opensslKey(dir, 'ca', 'RSA');
    const caCertificate = opensslSelfSigned(dir, 'ca', caKey, '/CN=Example CB Auditors CA/O=Example CB', true);
    const key = opensslKey(dir, 'auditor', 'EC');
    const certificate = opensslIssued(dir, 'auditor', key, '/CN=Li Na/O=Example CB', { key: caKey, certificate: caCertificate });
    const imported = await readP12(opensslP12(dir, 'auditor', { key, certificate, chain: caCertificate }, 'secret'), 'secret');
    expect(new X509Certificate(imported.key.certificate).subject).toContain('CN=Li Na');
    expect(imported.key.chain.map((der) => new X509Certificate(der).subject)).toEqual([expect.stringContaining('CN=Example CB Auditors CA')]);
    expectSigns(imported.key);
  });

  it.each([false, true])('refuses a wrong password with P12_WRONG_PASSWORD (legacy: %s)', async (legacy) => {
    const dir = tempDir();
    const key = opensslKey(dir, 'auditor', 'RSA');
    const p12 = opensslP12(dir, 'auditor', { key, certificate: opensslSelfSigned(dir, 'auditor', key, '/CN=Li Na') }, 'right', legacy);
    await expect(readP12(p12, 'wrong')).rejects.toMatchObject({ code: 'P12_WRONG_PASSWORD' });
  });

  it('refuses a file of certificates only with P12_NO_PRIVATE_KEY', async () => {
    const dir = tempDir();
    const key = opensslKey(dir, 'auditor', 'RSA');
    const p12 = opensslP12(dir, 'auditor', { certificate: opensslSelfSigned(dir, 'auditor', key, '/CN=Li Na') }, 'secret');
    await expect(readP12(p12, 'secret')).rejects.toMatchObject({ code: 'P12_NO_PRIVATE_KEY' });
  });

  it.each([
    ['an expired certificate', -400, -35, 'expired'],
    ['a certificate not valid yet', 10, 400, 'notYetValid'],
    ['a certificate with under 30 days left', -300, 20, 'expiresSoon'],
  ] as const)('accepts %s with the warning %s', async (_, fromDays, toDays, warning) => {
    const dir = tempDir();
    const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const now = Date.now();
    const der = issueSelfSignedCertificate({ name: 'Li Na', organisation: 'Example CB' }, keys, { notBefore: new Date(now + fromDays * DAY), notAfter: new Date(now + toDays * DAY) });
    writeKeyPem(path.join(dir, 'auditor.key'), keys.privateKey);
    fs.writeFileSync(path.join(dir, 'auditor.crt'), certificateToPem(der));
    const imported = await readP12(opensslP12(dir, 'auditor', { key: 'auditor.key', certificate: 'auditor.crt' }, 'secret'), 'secret');
    expect(imported.warnings).toEqual([warning]);
    expectSigns(imported.key);
  });
});

describe('readP12 (files that are not PKCS #12)', () => {
  it.each([
    ['random bytes', new Uint8Array(randomBytes(2048))],
    ['an empty file', new Uint8Array(0)],
    ['a PEM certificate', new Uint8Array(Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'))],
    ['a DER sequence of something else', new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05])],
  ])('refuses %s with P12_UNREADABLE', async (_, bytes) => {
    await expect(readP12(bytes, 'secret')).rejects.toMatchObject({ code: 'P12_UNREADABLE', params: { reason: 'notPkcs12' } });
  });
});
