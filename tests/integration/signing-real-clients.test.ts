// Issue 19: the signed reports, checked by tools other than ours — poppler's pdfsig (with an NSS
// database that trusts a test CA), OpenSSL's cms command (the README's commands, verbatim), and our
// stand-alone verifier run as a separate Node process. Skipped only when a binary is missing.
import { PDF } from '@libpdf/core';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPdf } from '../../resources/verify.mjs';
import { signDocx, signPdf, docxSignatureFileNames } from '../../electron/signing/index.ts';
import { caIssuedIdentity, makeTempDir, selfSignedIdentity, type TestIdentity } from '../../electron/signing/test-identities.ts';

const has = (binary: string): boolean => spawnSync('sh', ['-c', `command -v ${binary}`]).status === 0;
const HAS_PDFSIG = has('pdfsig');
const HAS_OPENSSL = has('openssl');
const HAS_CERTUTIL = has('certutil');
const VERIFY_MJS = path.resolve('resources/verify.mjs');

const run = (command: string, args: string[], cwd: string) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

let dir: string;
let selfSigned: TestIdentity;
let ca: TestIdentity;
let caSigner: TestIdentity;

const MANIFEST_FIELDS = {
  engagement: { id: 'eng-0001', client: 'Example Services Ltd. 示例服务有限公司', reference: 'AW-2027-014' },
  document: { revision: 2, fileName: 'report.docx', language: 'en' },
  chainHeads: [
    { replica: 'r-b', seq: 12, hash: 'bb'.repeat(32) },
    { replica: 'r-a', seq: 40, hash: 'aa'.repeat(32) },
  ],
};

async function reportPdf(): Promise<Uint8Array> {
  const pdf = PDF.create();
  pdf.addPage().drawText('Audit report AW-2027-014', { x: 50, y: 700, size: 16 });
  return pdf.save();
}

/** A stand-in .docx: a zip's local-file header followed by text (the signature covers bytes, whatever they hold). */
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml — Audit report AW-2027-014 revision 2\n'.repeat(50))]);

function flipByte(file: string, position: number): void {
  const bytes = fs.readFileSync(file);
  bytes[position]! ^= 0x01;
  fs.writeFileSync(file, bytes);
}

/** The CMS in a PDF signature's /Contents, without its zero padding. */
function cmsOfPdf(pdf: Uint8Array, index: number): Buffer {
  const [, b, c] = verifyPdf(pdf).signatures[index]!.byteRange;
  const padded = Buffer.from(Buffer.from(pdf.subarray(b + 1, c - 1)).toString('latin1'), 'hex');
  const lengthByte = padded[1]!;
  const headerLength = lengthByte < 0x80 ? 2 : 2 + (lengthByte & 0x7f);
  const length = lengthByte < 0x80 ? lengthByte : padded.subarray(2, headerLength).readUIntBE(0, lengthByte & 0x7f);
  return padded.subarray(0, headerLength + length);
}

beforeAll(async () => {
  dir = makeTempDir('aw-signing-clients-');
  if (!HAS_OPENSSL) return;
  selfSigned = selfSignedIdentity(dir, 'auditor', 'EC');
  ({ ca, signer: caSigner } = caIssuedIdentity(dir, 'RSA'));
  const unsigned = await reportPdf();
  fs.writeFileSync(path.join(dir, 'report.pdf'), await signPdf(unsigned, selfSigned.key, { reason: 'Audit report issued', signingTime: new Date('2027-03-05T10:00:00Z') }));
  fs.writeFileSync(path.join(dir, 'trusted.pdf'), await signPdf(unsigned, caSigner.key, { reason: 'Audit report issued', signingTime: new Date() }));
  const signed = await signDocx(DOCX, MANIFEST_FIELDS, caSigner.key, new Date('2027-03-05T10:00:00Z'));
  const names = docxSignatureFileNames(path.join(dir, 'report.docx'));
  fs.writeFileSync(path.join(dir, 'report.docx'), DOCX);
  fs.writeFileSync(names.p7s, signed.p7s);
  fs.writeFileSync(names.manifest, signed.manifest);
  fs.writeFileSync(names.manifestP7s, signed.manifestP7s);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!HAS_PDFSIG || !HAS_OPENSSL)('pdfsig (poppler) reads our PDF signatures', () => {
  it('says "Signature is Valid." and, after a one-byte change inside the signed range, "Digest Mismatch."', () => {
    // pdfsig exits 0 whatever it finds: its output is the verdict.
    expect(run('pdfsig', ['report.pdf'], dir).output).toContain('Signature Validation: Signature is Valid.');
    fs.copyFileSync(path.join(dir, 'report.pdf'), path.join(dir, 'report-changed.pdf'));
    flipByte(path.join(dir, 'report-changed.pdf'), 20);
    expect(run('pdfsig', ['report-changed.pdf'], dir).output).toContain('Signature Validation: Digest Mismatch.');
  });

  it.skipIf(!HAS_CERTUTIL)('says "Certificate is Trusted." with an NSS database that trusts the test CA', () => {
    const nss = path.join(dir, 'nss');
    fs.mkdirSync(nss);
    expect(run('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password'], dir).status).toBe(0);
    expect(run('certutil', ['-A', '-n', 'testca', '-t', 'CT,C,C', '-i', ca.certificatePath, '-d', `sql:${nss}`], dir).status).toBe(0);
    const output = run('pdfsig', ['-nssdir', `sql:${nss}`, 'trusted.pdf'], dir).output;
    expect(output).toContain('Signature is Valid.');
    expect(output).toContain('Certificate is Trusted.');
    // …and the self-signed auditor is not.
    expect(run('pdfsig', ['-nssdir', `sql:${nss}`, 'report.pdf'], dir).output).not.toContain('Certificate is Trusted.');
  });
});

describe.skipIf(!HAS_OPENSSL)('openssl cms', () => {
  it('shows the signing-certificate-v2 attribute in the PDF\'s CMS and in the .docx .p7s', () => {
    fs.writeFileSync(path.join(dir, 'pdf-cms.der'), cmsOfPdf(fs.readFileSync(path.join(dir, 'report.pdf')), 0));
    for (const file of ['pdf-cms.der', 'report.docx.p7s', 'report.docx.manifest.json.p7s']) {
      const { status, output } = run('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', file], dir);
      expect([file, status]).toEqual([file, 0]);
      expect(output).toContain('id-smime-aa-signingCertificateV2');
    }
  });

  // The README's commands, word for word.
  const verifyDocx = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'report.docx.p7s', '-content', 'report.docx', '-noverify', '-out', '/dev/null'];
  const verifyManifest = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'report.docx.manifest.json.p7s', '-content', 'report.docx.manifest.json', '-noverify', '-out', '/dev/null'];
  const withCa = (args: string[]) => args.map((a) => (a === '-noverify' ? '-CAfile' : a)).flatMap((a) => (a === '-CAfile' ? [a, 'ca.pem'] : [a]));

  it('the README\'s commands verify the .docx and the manifest, with and without the CA', () => {
    for (const args of [verifyDocx, verifyManifest, withCa(verifyDocx), withCa(verifyManifest)]) {
      const { status, output } = run('openssl', args, dir);
      expect([args.join(' '), status, output.trim()]).toEqual([args.join(' '), 0, 'CMS Verification successful']);
    }
  });

  it('and fail after a one-byte change of the .docx or the manifest', () => {
    const copy = makeTempDir('aw-signing-changed-');
    for (const file of ['report.docx', 'report.docx.p7s', 'report.docx.manifest.json', 'report.docx.manifest.json.p7s', 'ca.pem']) {
      fs.copyFileSync(path.join(dir, file), path.join(copy, file));
    }
    flipByte(path.join(copy, 'report.docx'), 500);
    flipByte(path.join(copy, 'report.docx.manifest.json'), 60);
    for (const args of [verifyDocx, verifyManifest]) {
      const { status, output } = run('openssl', args, copy);
      expect(status).not.toBe(0);
      expect(output).toContain('Verification failure');
    }
    fs.rmSync(copy, { recursive: true, force: true });
  });
});

describe.skipIf(!HAS_OPENSSL)('node resources/verify.mjs (the command line, as a recipient runs it)', () => {
  const cli = (args: string[], cwd = dir) => {
    const result = spawnSync(process.execPath, [VERIFY_MJS, ...args], { cwd, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('exits 0 for a valid PDF and .docx, and prints the verdict, the fingerprint and the claimed time', () => {
    const pdf = cli(['report.pdf']);
    expect(pdf.status).toBe(0);
    expect(pdf.stdout).toContain('VALID');
    expect(pdf.stdout).toMatch(/SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    expect(pdf.stdout).toContain("the signer's own claim");
    const docx = cli(['report.docx']);
    expect([docx.status, docx.stderr]).toEqual([0, '']);
    expect(docx.stdout).toMatch(/Manifest \(report\.docx\.manifest\.json\): VALID/);
  });

  it('exits 1 for a changed PDF, .docx or manifest, and for a damaged .p7s', () => {
    const copy = makeTempDir('aw-signing-cli-');
    for (const file of fs.readdirSync(dir)) if (/^report/.test(file)) fs.copyFileSync(path.join(dir, file), path.join(copy, file));
    flipByte(path.join(copy, 'report.pdf'), 20);
    expect(cli(['report.pdf'], copy).status).toBe(1);
    fs.copyFileSync(path.join(dir, 'report.pdf'), path.join(copy, 'report.pdf'));
    fs.appendFileSync(path.join(copy, 'report.pdf'), '\n% appended\n');
    const appended = cli(['report.pdf'], copy);
    expect([appended.status, appended.stdout]).toEqual([1, expect.stringContaining('changed after its last signature')]);

    flipByte(path.join(copy, 'report.docx.manifest.json'), 60);
    expect(cli(['report.docx'], copy).status).toBe(1);
    fs.copyFileSync(path.join(dir, 'report.docx.manifest.json'), path.join(copy, 'report.docx.manifest.json'));
    expect(cli(['report.docx'], copy).status).toBe(0);
    flipByte(path.join(copy, 'report.docx'), 500);
    expect(cli(['report.docx'], copy).status).toBe(1);
    fs.copyFileSync(path.join(dir, 'report.docx'), path.join(copy, 'report.docx'));
    fs.writeFileSync(path.join(copy, 'report.docx.p7s'), 'not a signature');
    const malformed = cli(['report.docx'], copy);
    expect([malformed.status, malformed.stdout]).toEqual([1, expect.stringContaining('malformed CMS')]);
    fs.rmSync(copy, { recursive: true, force: true });
  });

  it('exits 2 with a clear message for bad input, never a stack trace', async () => {
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    fs.writeFileSync(path.join(dir, 'unsigned.pdf'), await reportPdf());
    fs.writeFileSync(path.join(dir, 'lonely.docx'), DOCX);
    const cases: [string[], RegExp][] = [
      [[], /Usage: node verify\.mjs/],
      [['missing.pdf'], /missing\.pdf: no such file/],
      [['notes.txt'], /not a PDF or a \.docx file/],
      [['unsigned.pdf'], /this PDF has no signature/],
      [['lonely.docx'], /no signature found \(expected lonely\.docx\.p7s beside it\)/],
      [['nss'], /is not a file/],
    ];
    for (const [args, message] of cases) {
      const { status, stdout, stderr } = cli(args);
      expect([args, status]).toEqual([args, 2]);
      expect(stderr).toMatch(message);
      expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at /);
    }
  });
});
