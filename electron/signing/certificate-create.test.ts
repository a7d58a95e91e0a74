import { sign, verify, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp.ts';
import { createSigningIdentity } from './certificate-create.ts';
import { certificateToPem, describeCertificate, validityWarnings } from './certificate-info.ts';
import { OPENSSL_MISSING, openssl } from './test-openssl.ts';

if (OPENSSL_MISSING) console.warn(`certificate-create: ${OPENSSL_MISSING}`);
const withOpenssl = OPENSSL_MISSING ? it.skip : it;
const SUBJECT = { name: '李娜 Li Na', organisation: 'Example Certification Ltd', title: 'Lead auditor', email: 'li.na@example-cb.org' };

describe('createSigningIdentity', () => {
  it.each(['RSA', 'EC'] as const)('makes a %s key and a self-signed certificate naming the auditor, and the key signs for it', (keyType) => {
    const now = new Date('2026-03-01T08:00:00Z');
    const key = createSigningIdentity(SUBJECT, { keyType, now });
    expect(key.keyType).toBe(keyType);
    expect(key.chain).toEqual([]);
    const x509 = new X509Certificate(key.certificate);
    expect(x509.checkPrivateKey(key.privateKey)).toBe(true);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.ca).toBe(false);
    expect(x509.subject.split('\n')).toEqual(['O=Example Certification Ltd', 'CN=李娜 Li Na', 'title=Lead auditor', 'emailAddress=li.na@example-cb.org']);
    expect(x509.issuer).toBe(x509.subject);
    expect(x509.subjectAltName).toBe('email:li.na@example-cb.org');
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.4', '1.3.6.1.5.5.7.3.36', '1.3.6.1.4.1.311.10.3.12']); // node names the EKU "keyUsage"
    expect(x509.publicKey.asymmetricKeyType).toBe(keyType === 'RSA' ? 'rsa' : 'ec');
    if (keyType === 'RSA') expect(x509.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    else expect(x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    // 16 bytes, positive
    expect(x509.serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);

    const summary = describeCertificate(key.certificate);
    expect(summary.subject).toEqual({ commonName: '李娜 Li Na', organisation: 'Example Certification Ltd', title: 'Lead auditor', email: 'li.na@example-cb.org' });
    expect(summary.notBefore).toBe('2026-02-28T08:00:00.000Z');
    expect(summary.notAfter).toBe('2029-03-01T08:00:00.000Z');
    expect(summary.selfSigned).toBe(true);
    expect(summary.fingerprint).toBe(x509.fingerprint256);
    expect(validityWarnings(summary, now)).toEqual([]);

    const data = Buffer.from('Stage 2 audit report');
    expect(verify('sha256', data, x509.publicKey, sign('sha256', data, key.privateKey))).toBe(true);
  });

  it('leaves out the title and email when not given, and takes the years asked for', () => {
    const key = createSigningIdentity({ name: 'Li Na', organisation: 'Example CB' }, { keyType: 'EC', years: 1, now: new Date('2026-03-01T08:00:00Z') });
    const x509 = new X509Certificate(key.certificate);
    expect(x509.subject).toBe('O=Example CB\nCN=Li Na');
    expect(x509.subjectAltName).toBeUndefined();
    expect(describeCertificate(key.certificate).notAfter).toBe('2027-03-01T08:00:00.000Z');
  });

  it.each([
    [{ name: ' ', organisation: 'Example CB' }, {}, 'name'],
    [{ name: 'Li Na', organisation: '' }, {}, 'organisation'],
    [{ name: 'x'.repeat(65), organisation: 'Example CB' }, {}, 'name'],
    [{ name: 'Li Na', organisation: 'Example CB', email: '李@example.org' }, {}, 'email'],
    [{ name: 'Li Na', organisation: 'Example CB' }, { years: 11 }, 'years'],
  ])('refuses fields a certificate cannot carry (%o %o)', (subject, options, field) => {
    expect(() => createSigningIdentity(subject, { keyType: 'EC', ...options })).toThrow(expect.objectContaining({ code: 'INVALID_PAYLOAD', params: expect.objectContaining({ field }) }));
  });

  withOpenssl('is read by openssl x509 with its extensions', () => {
    const dir = tempDir();
    for (const keyType of ['RSA', 'EC'] as const) {
      const file = path.join(dir, `${keyType}.crt`);
      fs.writeFileSync(file, certificateToPem(createSigningIdentity(SUBJECT, { keyType }).certificate));
      const text = openssl(dir, 'x509', '-in', file, '-text', '-noout', '-nameopt', 'utf8,sep_comma_plus_space');
      expect(text).toContain('Version: 3 (0x2)');
      expect(text).toContain(keyType === 'RSA' ? 'Signature Algorithm: sha256WithRSAEncryption' : 'Signature Algorithm: ecdsa-with-SHA256');
      expect(text).toContain('Subject: O=Example Certification Ltd, CN=李娜 Li Na, title=Lead auditor, emailAddress=li.na@example-cb.org');
      expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
      expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation/);
      expect(text).toMatch(/X509v3 Extended Key Usage: ?\s+E-mail Protection, 1\.3\.6\.1\.5\.5\.7\.3\.36, 1\.3\.6\.1\.4\.1\.311\.10\.3\.12/);
      expect(text).toContain('X509v3 Subject Key Identifier');
      expect(text).toContain('X509v3 Authority Key Identifier');
      expect(text).toMatch(/X509v3 Subject Alternative Name: ?\s+email:li\.na@example-cb\.org/);
      // and it verifies as its own anchor for document signing (S/MIME signer purpose, as NSS checks a PDF signer)
      expect(openssl(dir, 'verify', '-CAfile', file, '-purpose', 'smimesign', file)).toContain(': OK');
    }
  });
});
