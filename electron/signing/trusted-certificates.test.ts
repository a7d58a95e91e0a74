import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp.ts';
import { createSigningIdentity } from './certificate-create.ts';
import { certificateToPem, fingerprintOf } from './certificate-info.ts';
import { SigningIdentities } from './identity-store.ts';
import { fakeOsProtection, OPENSSL_MISSING, opensslIssued, opensslKey, opensslSelfSigned } from './test-openssl.ts';
import { TrustedCertificates } from './trusted-certificates.ts';

if (OPENSSL_MISSING) console.warn(`trusted-certificates: ${OPENSSL_MISSING}`);
const withOpenssl = OPENSSL_MISSING ? it.skip : it;

const colleague = () => createSigningIdentity({ name: 'Zhang Wei', organisation: 'Example CB' }, { keyType: 'EC' }).certificate;
const der = (dir: string, file: string) => new Uint8Array(new X509Certificate(fs.readFileSync(path.join(dir, file))).raw);

/** A CB's root CA, an intermediate for auditors, an auditor issued by it, and an outsider's CA and auditor. */
function pki(dir: string) {
  const rootKey = opensslKey(dir, 'root', 'RSA');
  const root = opensslSelfSigned(dir, 'root', rootKey, '/CN=Example CB Root CA/O=Example CB', true);
  const subKey = opensslKey(dir, 'sub', 'EC');
  const sub = opensslIssued(dir, 'sub', subKey, '/CN=Example CB Auditors CA/O=Example CB', { key: rootKey, certificate: root }, true);
  const auditor = opensslIssued(dir, 'auditor', opensslKey(dir, 'auditor', 'EC'), '/CN=Wang Fang/O=Example CB', { key: subKey, certificate: sub });
  const otherKey = opensslKey(dir, 'other', 'EC');
  const other = opensslSelfSigned(dir, 'other', otherKey, '/CN=Other CA', true);
  const outsider = opensslIssued(dir, 'outsider', opensslKey(dir, 'outsider', 'EC'), '/CN=Wang Fang/O=Example CB', { key: otherKey, certificate: other });
  // the same names as the CB's CA, another key: names alone must not make it an issuer
  const impostor = opensslSelfSigned(dir, 'impostor', opensslKey(dir, 'impostor', 'EC'), '/CN=Example CB Auditors CA/O=Example CB', true);
  const forged = opensslIssued(dir, 'forged', opensslKey(dir, 'forged', 'EC'), '/CN=Wang Fang/O=Example CB', { key: 'impostor.key', certificate: impostor });
  return { root: der(dir, root), sub: der(dir, sub), auditor: der(dir, auditor), outsider: der(dir, outsider), other: der(dir, other), forged: der(dir, forged), files: { root, sub } };
}

describe('TrustedCertificates', () => {
  it('adds PEM and DER files, lists them with a label, and removes one by fingerprint', () => {
    const dir = tempDir();
    const trusted = new TrustedCertificates(dir);
    expect(trusted.list()).toEqual([]);
    const zhang = colleague();
    const li = colleague();
    const [added] = trusted.trust(Buffer.from(certificateToPem(zhang)), ' Zhang Wei (Example CB) ');
    expect(added).toMatchObject({ fingerprint: fingerprintOf(zhang), label: 'Zhang Wei (Example CB)', subject: { commonName: 'Zhang Wei', organisation: 'Example CB' }, isCa: false, selfSigned: true });
    trusted.trust(li);
    // the same certificate again keeps its place and label
    trusted.trust(zhang);
    const again = new TrustedCertificates(dir);
    expect(again.list().map((item) => [item.fingerprint, item.label])).toEqual([
      [fingerprintOf(zhang), 'Zhang Wei (Example CB)'],
      [fingerprintOf(li), null],
    ]);
    expect(again.isTrusted(zhang)).toBe(true);
    expect(again.untrust(fingerprintOf(zhang).replaceAll(':', '').toLowerCase())).toBe(true);
    expect(again.untrust(fingerprintOf(zhang))).toBe(false);
    expect(again.isTrusted(zhang)).toBe(false);
    expect(again.list().map((item) => item.fingerprint)).toEqual([fingerprintOf(li)]);
  });

  it('refuses a file that is not a certificate with CERTIFICATE_UNREADABLE and keeps the list', () => {
    const dir = tempDir();
    const trusted = new TrustedCertificates(dir);
    trusted.trust(colleague());
    for (const bad of [Buffer.from('not a certificate'), Buffer.alloc(0), Buffer.from('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'), Buffer.concat([Buffer.from(colleague()), Buffer.from([0])])]) {
      expect(() => trusted.trust(bad)).toThrow(expect.objectContaining({ code: 'CERTIFICATE_UNREADABLE' }));
    }
    expect(trusted.list()).toHaveLength(1);
  });

  it('trusts the auditor’s own certificates without listing them, and nothing unknown', async () => {
    const dir = tempDir();
    const identities = new SigningIdentities(dir, fakeOsProtection());
    const trusted = new TrustedCertificates(dir, () => identities.ownCertificates());
    const own = await identities.create({ name: 'Li Na', organisation: 'Example CB' }, { keyType: 'EC' });
    const key = await identities.unlock();
    expect(trusted.trustOf(key.certificate)).toEqual({ trusted: true, by: 'own', anchor: own.fingerprint });
    expect(trusted.isTrusted(colleague())).toBe(false);
    expect(trusted.list()).toEqual([]);
  });

  withOpenssl('trusts a certificate a listed CA issued, directly or through the chain it carries', () => {
    const dir = tempDir();
    const ca = pki(dir);
    const trusted = new TrustedCertificates(tempDir());
    expect(trusted.isTrusted(ca.auditor, [ca.sub])).toBe(false);

    trusted.trust(fs.readFileSync(path.join(dir, ca.files.root)), 'Example CB');
    expect(trusted.trustOf(ca.auditor, [ca.sub, ca.root])).toEqual({ trusted: true, by: 'issuer', anchor: fingerprintOf(ca.root) });
    expect(trusted.isTrusted(ca.auditor, [ca.sub])).toBe(true);
    expect(trusted.isTrusted(ca.auditor)).toBe(false); // the intermediate is missing: no way up
    expect(trusted.isTrusted(ca.sub)).toBe(true);
    expect(trusted.isTrusted(ca.outsider, [ca.other])).toBe(false);
    expect(trusted.isTrusted(ca.forged, [ca.sub])).toBe(false);

    // a bundle (PEM with two certificates), and the intermediate alone then suffices
    const other = new TrustedCertificates(tempDir());
    const bundle = Buffer.concat([fs.readFileSync(path.join(dir, ca.files.sub)), fs.readFileSync(path.join(dir, ca.files.root))]);
    expect(other.trust(bundle).map((item) => item.isCa)).toEqual([true, true]);
    other.untrust(fingerprintOf(ca.root));
    expect(other.trustOf(ca.auditor)).toEqual({ trusted: true, by: 'issuer', anchor: fingerprintOf(ca.sub) });
    // a listed end-entity certificate issues nothing
    const leafOnly = new TrustedCertificates(tempDir());
    leafOnly.trust(ca.auditor);
    expect(leafOnly.trustOf(ca.auditor)).toMatchObject({ trusted: true, by: 'listed' });
    expect(leafOnly.isTrusted(ca.forged)).toBe(false);
  });

  it('moves a damaged list aside and trusts nobody', () => {
    const dir = tempDir();
    const trusted = new TrustedCertificates(dir);
    const zhang = colleague();
    trusted.trust(zhang);
    fs.writeFileSync(path.join(dir, 'signing', 'trusted-certificates.json'), '{');
    expect(trusted.isTrusted(zhang)).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'signing')).some((name) => name.startsWith('trusted-certificates.damaged-'))).toBe(true);
    trusted.trust(zhang);
    expect(trusted.isTrusted(zhang)).toBe(true);
  });
});
