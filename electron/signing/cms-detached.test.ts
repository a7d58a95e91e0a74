import fc from 'fast-check';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCmsDetached } from '../../resources/verify.mjs';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { signDetached } from './cms-detached.ts';
import { makeTempDir, selfSignedIdentity, type TestIdentity } from './test-identities.ts';

const SIGNED_AT = new Date('2027-03-05T10:00:00.000Z');
const CONTENT = new TextEncoder().encode('Audit report AW-2027-014, revision 2 — 审核报告\n'.repeat(20));

let dir: string;
const ids: Record<'RSA' | 'EC' | 'other', TestIdentity> = {} as never;
const p7s: Record<'RSA' | 'EC', Uint8Array> = {} as never;

beforeAll(async () => {
  dir = makeTempDir();
  ids.RSA = selfSignedIdentity(dir, 'rsa', 'RSA');
  ids.EC = selfSignedIdentity(dir, 'ec', 'EC');
  ids.other = selfSignedIdentity(dir, 'other', 'EC', 'Someone Else');
  p7s.RSA = await signDetached(CONTENT, ids.RSA.key, SIGNED_AT);
  p7s.EC = await signDetached(CONTENT, ids.EC.key, SIGNED_AT);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(['RSA', 'EC'] as const)('signDetached (%s)', (keyType) => {
  it('is valid for the exact bytes, names the signer and carries signing-certificate-v2', () => {
    const result = verifyCmsDetached(p7s[keyType], CONTENT);
    expect(result.reason).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(result.signer?.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(result.signer?.certificatePem).toBe(ids[keyType].certificatePem);
    expect(result.signer?.subject).toContain(`CN=Test ${keyType} Auditor`);
    expect(result.signingTime).toBe(SIGNED_AT.toISOString());
    expect(result.digestAlgorithm).toBe('SHA-256');
    expect(result.hasSigningCertificateV2).toBe(true);
    expect(result.signingCertificateV2Matches).toBe(true);
  });

  it('[property] flipping any single byte of the content makes it invalid', () => {
    fc.assert(
      fc.property(fc.nat({ max: CONTENT.length - 1 }), fc.integer({ min: 1, max: 255 }), (position, xor) => {
        const changed = CONTENT.slice();
        changed[position]! ^= xor;
        const result = verifyCmsDetached(p7s[keyType], changed);
        expect(result.valid).toBe(false);
        expect(result.reason).toMatch(/message digest/);
      }),
      propertyRuns(`cms content byte flip ${keyType}`, 50),
    );
  });

  it('[property] changing any byte of the .p7s gives invalid or malformed, never valid', () => {
    const signature = p7s[keyType];
    // The one unsigned byte whose change keeps the meaning: the SignerInfo's signature algorithm
    // sha256WithRSAEncryption (…01 01 0b) read as rsaEncryption (…01 01 01, what OpenSSL writes), both
    // PKCS#1 v1.5 with the SignerInfo's SHA-256. Found by an exhaustive sweep; no other byte survives.
    const rsaAlgorithm = Buffer.from(signature).lastIndexOf(Buffer.from('06092a864886f70d01010b', 'hex'));
    const equivalent = (position: number, value: number): boolean => keyType === 'RSA' && position === rsaAlgorithm + 10 && value === 0x01;
    fc.assert(
      fc.property(fc.nat({ max: signature.length - 1 }), fc.integer({ min: 1, max: 255 }), (position, xor) => {
        const changed = signature.slice();
        changed[position]! ^= xor;
        const result = verifyCmsDetached(changed, CONTENT);
        if (equivalent(position, changed[position]!)) return;
        expect(result.valid).toBe(false);
        expect(result.reason).toBeTruthy();
      }),
      propertyRuns(`cms p7s byte change ${keyType}`, 50),
    );
  });
});

describe('verifyCmsDetached', () => {
  it('reports another signer as that signer (whether it is known is the caller\'s decision)', async () => {
    const other = await signDetached(CONTENT, ids.other.key, SIGNED_AT);
    const result = verifyCmsDetached(other, CONTENT);
    expect(result.valid).toBe(true);
    expect(result.signer?.subject).toContain('CN=Someone Else');
    expect(result.signer?.fingerprintSha256).not.toBe(verifyCmsDetached(p7s.EC, CONTENT).signer?.fingerprintSha256);
  });

  it('says malformed, without throwing, for bytes that are not a CMS', () => {
    for (const bytes of [new Uint8Array(0), new Uint8Array([0x30, 0x82, 0xff]), new TextEncoder().encode('not a signature'), p7s.RSA.subarray(0, 100)]) {
      const result = verifyCmsDetached(bytes, CONTENT);
      expect(result.valid).toBe(false);
      expect(result.malformed).toBe(true);
      expect(result.reason).toMatch(/^malformed CMS/);
    }
  });

  it('refuses a signature whose certificate was swapped for another with a different key', async () => {
    // The RSA signature with the EC certificate: no certificate in the CMS matches the signer id.
    const swapped = Buffer.from(p7s.RSA);
    const rsaCert = Buffer.from(ids.RSA.key.certificate);
    const at = swapped.indexOf(rsaCert);
    expect(at).toBeGreaterThan(0);
    const result = verifyCmsDetached(Buffer.concat([swapped.subarray(0, at), Buffer.alloc(rsaCert.length), swapped.subarray(at + rsaCert.length)]), CONTENT);
    expect(result.valid).toBe(false);
  });
});
