import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDocxSignature } from '../../resources/verify.mjs';
import { MANIFEST_FORMAT, SIGNING_TIME_NOTE } from '../../shared/signing/manifest.ts';
import { signDetached } from './cms-detached.ts';
import { docxSignatureFileNames, signDocx, type DocxSignature } from './docx-signature.ts';
import { makeTempDir, selfSignedIdentity, type TestIdentity } from './test-identities.ts';

const DOCX = new TextEncoder().encode('PK\u0003\u0004 stand-in .docx bytes\n'.repeat(40));
const OTHER_DOCX = new TextEncoder().encode('PK\u0003\u0004 another report\n');
const SIGNED_AT = new Date('2027-03-05T10:00:00.000Z');
const FIELDS = {
  engagement: { id: 'eng-1', client: 'Example Services Ltd.', reference: 'AW-2027-014' },
  document: { revision: 2, fileName: 'AW-2027-014 report r2.docx', language: 'zh-CN' },
  chainHeads: [
    { replica: 'r-b', seq: 3, hash: 'b'.repeat(64) },
    { replica: 'r-a', seq: 9, hash: 'a'.repeat(64) },
  ],
};

let dir: string;
let auditor: TestIdentity;
let other: TestIdentity;
let signed: DocxSignature;

beforeAll(async () => {
  dir = makeTempDir();
  auditor = selfSignedIdentity(dir, 'auditor', 'RSA');
  other = selfSignedIdentity(dir, 'other', 'EC');
  signed = await signDocx(DOCX, FIELDS, auditor.key, SIGNED_AT);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('signDocx', () => {
  it('writes the manifest in the documented key order, chain heads by replica, with a trailing newline', () => {
    const text = new TextDecoder().decode(signed.manifest);
    expect(text.endsWith('}\n')).toBe(true);
    const manifest = JSON.parse(text);
    expect(Object.keys(manifest)).toEqual(['format', 'engagement', 'document', 'engagementState', 'signer', 'signedAt', 'note']);
    expect(Object.keys(manifest.document)).toEqual(['kind', 'revision', 'fileName', 'sha256', 'size', 'language']);
    expect(manifest).toMatchObject({
      format: MANIFEST_FORMAT,
      document: { kind: 'audit-report', revision: 2, size: DOCX.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      engagementState: { chainHeads: [{ replica: 'r-a', seq: 9 }, { replica: 'r-b', seq: 3 }] },
      signedAt: SIGNED_AT.toISOString(),
      note: SIGNING_TIME_NOTE,
    });
    expect(manifest).toEqual(signed.manifestJson);
  });

  it('verifies: the document, the manifest, the same signer and the document hash', () => {
    const result = verifyDocxSignature(DOCX, signed.p7s, signed.manifest, signed.manifestP7s);
    expect(result.document.valid).toBe(true);
    expect(result.manifest).toMatchObject({ valid: true, sameSigner: true, docxSha256Matches: true });
    expect(signed.manifestJson.signer.fingerprintSha256).toBe(result.document.signer?.fingerprintSha256);
  });

  it('refuses a manifest signed by another certificate, or naming another document', async () => {
    const byOther = verifyDocxSignature(DOCX, signed.p7s, signed.manifest, await signDetached(signed.manifest, other.key, SIGNED_AT));
    expect(byOther.manifest).toMatchObject({ valid: false, sameSigner: false, reason: expect.stringMatching(/different certificates/) });
    const elsewhere = await signDocx(OTHER_DOCX, FIELDS, auditor.key, SIGNED_AT);
    const mixed = verifyDocxSignature(DOCX, signed.p7s, elsewhere.manifest, elsewhere.manifestP7s);
    expect(mixed.manifest).toMatchObject({ valid: false, docxSha256Matches: false, sameSigner: true });
  });

  it('names the companion files beside the .docx', () => {
    expect(docxSignatureFileNames('/out/report r2.docx')).toEqual({
      p7s: '/out/report r2.docx.p7s',
      manifest: '/out/report r2.docx.manifest.json',
      manifestP7s: '/out/report r2.docx.manifest.json.p7s',
    });
  });
});
