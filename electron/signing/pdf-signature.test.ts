import { PDF } from '@libpdf/core';
import fc from 'fast-check';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPdf } from '../../resources/verify.mjs';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { signPdf } from './pdf-signature.ts';
import { makeTempDir, selfSignedIdentity, type TestIdentity } from './test-identities.ts';

let dir: string;
let lead: TestIdentity;
let reviewer: TestIdentity;
let unsigned: Uint8Array;
let once: Uint8Array;
let twice: Uint8Array;

async function makeReportPdf(): Promise<Uint8Array> {
  const pdf = PDF.create();
  const page = pdf.addPage();
  page.drawText('Audit report AW-2027-014 — revision 2', { x: 50, y: 700, size: 16 });
  return pdf.save();
}

beforeAll(async () => {
  dir = makeTempDir();
  lead = selfSignedIdentity(dir, 'lead', 'RSA');
  reviewer = selfSignedIdentity(dir, 'reviewer', 'EC');
  unsigned = await makeReportPdf();
  once = await signPdf(unsigned, lead.key, { reason: 'Audit report issued', location: 'Shanghai', signingTime: new Date('2027-03-05T10:00:00Z'), fieldName: 'Lead auditor' });
  twice = await signPdf(once, reviewer.key, { reason: 'Technical review', signingTime: new Date('2027-03-06T09:30:00Z'), fieldName: 'Reviewer' });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const covers = (byteRange: readonly number[], position: number): boolean =>
  position < byteRange[1]! || (position >= byteRange[2]! && position < byteRange[2]! + byteRange[3]!);

describe('signPdf', () => {
  it('signs as an incremental update: the unsigned file is a prefix of the signed one', () => {
    expect(Buffer.from(once.subarray(0, unsigned.length)).equals(Buffer.from(unsigned))).toBe(true);
    expect(Buffer.from(twice.subarray(0, once.length)).equals(Buffer.from(once))).toBe(true);
  });

  it('gives a valid ETSI.CAdES.detached signature over the whole file, with signing-certificate-v2', () => {
    const { signatures, modifiedAfterLastSignature } = verifyPdf(once);
    expect(signatures).toHaveLength(1);
    const [signature] = signatures;
    expect(signature!.reason).toBeUndefined();
    expect(signature).toMatchObject({
      valid: true,
      fieldName: 'Lead auditor',
      subFilter: 'ETSI.CAdES.detached',
      coversWholeFile: true,
      digestAlgorithm: 'SHA-256',
      signingTime: '2027-03-05T10:00:00.000Z',
      hasSigningCertificateV2: true,
      signingCertificateV2Matches: true,
    });
    expect(signature!.signer?.certificatePem).toBe(lead.certificatePem);
    expect(signature!.byteRange[0]).toBe(0);
    expect(modifiedAfterLastSignature).toBe(false);
  });

  it('keeps the first signature valid after a second (another key); the first no longer covers the whole file', () => {
    const { signatures, modifiedAfterLastSignature } = verifyPdf(twice);
    expect(signatures.map((s) => [s.fieldName, s.valid, s.coversWholeFile, s.signer?.certificatePem])).toEqual([
      ['Lead auditor', true, false, lead.certificatePem],
      ['Reviewer', true, true, reviewer.certificatePem],
    ]);
    expect(modifiedAfterLastSignature).toBe(false);
  });

  it('[property] a byte changed in a signed range invalidates every signature that covers it, and only those', () => {
    const { signatures } = verifyPdf(twice);
    const text = Buffer.from(twice).toString('latin1');
    // Bytes that locate the signatures (the /ByteRange arrays, the %PDF- header) are left alone:
    // changing them is a different damage (no longer found as a signature, or not a PDF), checked below.
    const locators: [number, number][] = [[0, 5]];
    for (let at = text.indexOf('/ByteRange'); at !== -1; at = text.indexOf('/ByteRange', at + 1)) locators.push([at, text.indexOf(']', at) + 1]);
    const signedPositions = fc
      .nat({ max: twice.length - 1 })
      .filter((p) => signatures.some((s) => covers(s.byteRange, p)) && !locators.some(([from, to]) => p >= from && p < to))
      // …and so are the signatures' own /Contents (a change there alters that CMS: the next test).
      .filter((p) => !signatures.some((s) => p >= s.byteRange[1] && p < s.byteRange[2]));
    fc.assert(
      fc.property(signedPositions, (position) => {
        const changed = twice.slice();
        changed[position] = changed[position] === 0x41 ? 0x42 : 0x41;
        const after = verifyPdf(changed).signatures;
        expect(after).toHaveLength(2);
        after.forEach((signature, i) => expect([position, signature.valid]).toEqual([position, !covers(signatures[i]!.byteRange, position)]));
      }),
      propertyRuns('pdf signed byte change', 40),
    );
  });

  it('a change inside range 1, inside the first signature\'s range 2, and in the last signature\'s range', () => {
    const [first, second] = verifyPdf(twice).signatures;
    const samples = [
      { position: 20, invalid: [true, true] }, // the header: both signatures cover it
      { position: first!.byteRange[2] + 5, invalid: [true, true] }, // the first signature's dictionary after /Contents
      { position: first!.byteRange[2] + first!.byteRange[3] + 40, invalid: [false, true] }, // the second revision only
      { position: second!.byteRange[2] + second!.byteRange[3] - 30, invalid: [false, true] }, // the last xref/trailer
    ];
    for (const { position, invalid } of samples) {
      const changed = twice.slice();
      changed[position]! ^= 0x01;
      expect([position, verifyPdf(changed).signatures.map((s) => !s.valid)]).toEqual([position, invalid]);
    }
  });

  it('a change in the first signature\'s CMS invalidates it (and the later signature, which covers it)', () => {
    const [first] = verifyPdf(twice).signatures;
    const changed = twice.slice();
    const position = first!.byteRange[1] + 200; // inside the DER, well before the zero padding
    changed[position] = changed[position] === 0x41 ? 0x42 : 0x41;
    expect(verifyPdf(changed).signatures.map((s) => s.valid)).toEqual([false, false]);
  });

  it('reports bytes added after the last signature', () => {
    const appended = Buffer.concat([twice, Buffer.from('\n% appended after signing\n')]);
    const result = verifyPdf(appended);
    expect(result.modifiedAfterLastSignature).toBe(true);
    expect(result.signatures.map((s) => s.valid)).toEqual([true, true]);
    expect(result.signatures[1]!.coversWholeFile).toBe(false);
  });

  it('finds no signature in an unsigned PDF and refuses bytes that are not a PDF', () => {
    expect(verifyPdf(unsigned)).toEqual({ signatures: [], modifiedAfterLastSignature: false });
    expect(() => verifyPdf(new TextEncoder().encode('hello'))).toThrow(/not a PDF/);
  });

  it('refuses a byte range that does not start at 0 or whose gap is not the contents', () => {
    const text = Buffer.from(once).toString('latin1');
    const at = text.indexOf('/ByteRange [0 ');
    const shifted = Buffer.from(once);
    shifted.write('/ByteRange [1 ', at, 'latin1');
    expect(verifyPdf(shifted).signatures[0]).toMatchObject({ valid: false, reason: expect.stringMatching(/does not start/) });
  });
});
