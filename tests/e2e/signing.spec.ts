import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callFromPage as call, expect, firstRun, screenshot, test, toChinese, type Page } from './fixtures.ts';
import { makeDemoReportReady } from './report-ready.ts';

const PASSPHRASE = 'kestrel-signing-2026';
const P12_PASSWORD = 'meridian';

/** The CB's certificate file for Helen: an ECDSA P-256 key and its certificate in a legacy-encrypted .p12, as older CA portals issue them. Returns the key's PKCS#8 DER. */
function makeP12(target: string): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-p12-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-days', '730', '-subj', '/CN=Helen Marsh/O=Meridian Assurance Certification Ltd/title=Lead auditor'], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-legacy', '-inkey', key, '-in', cert, '-out', target, '-passout', `pass:${P12_PASSWORD}`], { stdio: 'ignore' });
  const der = createPrivateKey(fs.readFileSync(key)).export({ type: 'pkcs8', format: 'der' });
  fs.rmSync(dir, { recursive: true, force: true });
  return der;
}

/** Every file under a folder, recursively. */
const filesUnder = (folder: string): string[] =>
  fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));

/** pdfsig's verdict lines (it exits 0 whatever it finds). */
function pdfsig(file: string): string {
  const result = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  expect(result.error, 'pdfsig (poppler-utils) must be installed').toBeUndefined();
  return result.stdout;
}

async function pick(page: Page, title: string, name: string): Promise<void> {
  await page.getByRole('dialog', { name: title }).getByText(name, { exact: true }).click();
}

async function saveAs(page: Page, title: string): Promise<void> {
  await page.getByRole('dialog', { name: title }).getByRole('button', { name: 'Export', exact: true }).click();
}

test('signed report: import the CB’s .p12, issue the demo report signed, verify it, a tampered copy fails, a second signature keeps both valid', async ({ page, host, problems }) => {
  void problems;
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  const privateKey = makeP12(path.join(host.workspace, 'Helen Marsh.p12'));
  await page.goto(host.url);
  await firstRun(page);
  await screenshot(page, 'signing-home-en');
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  const roster = await call<{ team: { id: string; name: string }[] }>(page, 'engagement:roster', {});
  await call(page, 'fieldwork:linkMe', { memberId: roster.team.find((member) => member.name === 'Helen Marsh')!.id });

  // No certificate yet: the card says what it is for and what to do.
  await page.keyboard.press('Alt+R');
  await expect(page.getByTestId('signing-empty')).toBeVisible();
  await expect(page.getByTestId('report-sign-hint')).toBeVisible();
  await page.getByTestId('signing-card').scrollIntoViewIfNeeded();
  await screenshot(page, 'signing-empty-en');

  // Import the .p12: a wrong password first, then the right one; the key goes into a passphrase-protected key file.
  await page.getByTestId('signing-import').click();
  await pick(page, 'Choose the certificate file (.p12 / .pfx)', 'Helen Marsh.p12');
  const importForm = page.getByRole('dialog', { name: 'Import a signing certificate' });
  await importForm.getByTestId('signing-import-password').fill('not the password');
  await importForm.getByTestId('signing-passphrase').fill(PASSPHRASE);
  await importForm.getByTestId('signing-passphrase-repeat').fill(PASSPHRASE);
  await importForm.getByTestId('signing-import-submit').click();
  await expect(page.locator('[data-error-code="P12_WRONG_PASSWORD"]')).toBeVisible();
  await screenshot(page, 'signing-import-wrong-password-en');
  await importForm.getByTestId('signing-import-password').fill(P12_PASSWORD);
  await importForm.getByTestId('signing-import-submit').click();
  await expect(page.getByTestId('signing-identity')).toBeVisible();
  await expect(page.getByTestId('signing-name')).toContainText('Helen Marsh');
  const fingerprint = (await page.getByTestId('signing-fingerprint').textContent())!.trim();
  expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  await page.getByTestId('signing-card').scrollIntoViewIfNeeded();
  await screenshot(page, 'signing-identity-en');

  // Issue revision 1 signed: the passphrase unlocks the key for this one signature.
  await makeDemoReportReady(page);
  await expect(page.getByTestId('report-sign')).toBeChecked();
  await page.getByTestId('report-sign-passphrase').fill(PASSPHRASE);
  await page.getByTestId('report-export').scrollIntoViewIfNeeded();
  await screenshot(page, 'signing-issue-en');
  await page.getByTestId('report-issue').click();
  await saveAs(page, 'Issue revision 1');
  await expect(page.getByTestId('report-signed')).toContainText('Helen Marsh');
  await screenshot(page, 'signing-issued-en');
  const issued = path.join(host.workspace, 'Kestrel Data Services Ltd audit report rev 1.pdf');
  const issuedSig = pdfsig(issued);
  expect(issuedSig).toContain('Signer Certificate Common Name: Helen Marsh');
  expect(issuedSig).toContain('Signature is Valid.');
  const text = spawnSync('pdftotext', ['-layout', issued, '-'], { encoding: 'utf8' }).stdout;
  expect(text).toContain('Digital signature');
  // The fingerprint wraps in its cell: compare without the line break.
  expect(text.replace(/\s+/g, '')).toContain(fingerprint);

  // Verify it in the app: valid, the user's own certificate, the claimed time said to be a claim.
  await page.getByTestId('signing-verify').click();
  const verify = page.getByTestId('verify-dialog');
  await verify.getByTestId('verify-choose').click();
  await pick(page, 'Choose the signed report (.pdf, or the .docx with its .p7s beside it)', 'Kestrel Data Services Ltd audit report rev 1.pdf');
  await expect(verify.getByTestId('verify-verdict')).toHaveAttribute('data-verdict', 'valid');
  await expect(verify.getByTestId('verify-signature')).toHaveAttribute('data-standing', 'own');
  await expect(verify.getByTestId('verify-fingerprint')).toContainText(fingerprint);
  await screenshot(page, 'signing-verify-valid-en');

  // A copy with one byte changed: the signature no longer holds.
  const bytes = fs.readFileSync(issued);
  const at = Math.floor(bytes.length / 3);
  bytes[at] = bytes[at]! ^ 0x20;
  fs.writeFileSync(path.join(host.workspace, 'Tampered copy.pdf'), bytes);
  await verify.getByTestId('verify-choose').click();
  await pick(page, 'Choose the signed report (.pdf, or the .docx with its .p7s beside it)', 'Tampered copy.pdf');
  await expect(verify.getByTestId('verify-verdict')).toHaveAttribute('data-verdict', 'invalid');
  await expect(verify.getByTestId('verify-signature')).toHaveAttribute('data-valid', 'false');
  // A changed file takes no further signature: signing it would vouch for the change.
  await expect(verify.getByTestId('verify-countersign')).toHaveCount(0);
  await screenshot(page, 'signing-verify-tampered-en');
  expect(pdfsig(path.join(host.workspace, 'Tampered copy.pdf'))).toMatch(/Digest Mismatch|Signature is Invalid/);

  // A second signature on the issued PDF (as the CB's reviewer would add): both valid.
  await verify.getByTestId('verify-choose').click();
  await pick(page, 'Choose the signed report (.pdf, or the .docx with its .p7s beside it)', 'Kestrel Data Services Ltd audit report rev 1.pdf');
  await expect(verify.getByTestId('verify-verdict')).toHaveAttribute('data-verdict', 'valid');
  await verify.getByTestId('verify-countersign').click();
  const form = verify.getByTestId('verify-countersign-form');
  await form.getByTestId('verify-countersign-role').fill('Technical reviewer');
  await form.getByTestId('verify-countersign-passphrase').fill(PASSPHRASE);
  await form.getByTestId('verify-countersign-submit').click();
  await saveAs(page, 'Save the countersigned PDF');
  await expect(verify.getByTestId('verify-countersigned')).toBeVisible();
  await expect(verify.getByTestId('verify-signature')).toHaveCount(2);
  await expect(verify.getByTestId('verify-verdict')).toHaveAttribute('data-verdict', 'valid');
  await screenshot(page, 'signing-countersigned-en');
  const countersigned = fs.readdirSync(host.workspace).find((name) => name.endsWith('.pdf') && name !== path.basename(issued) && name !== 'Tampered copy.pdf')!;
  const both = pdfsig(path.join(host.workspace, countersigned));
  expect(both.match(/Signature is Valid\./g)).toHaveLength(2);
  await page.keyboard.press('Escape');

  // Settings: the trusted certificates (the user's own always count as trusted).
  await page.keyboard.press('Control+Comma');
  await expect(page.getByTestId('trusted-panel')).toBeVisible();
  await page.getByTestId('trusted-panel').scrollIntoViewIfNeeded();
  await screenshot(page, 'signing-trusted-en');
  // Neither the passphrase nor the .p12 password reached the host's output (its log), nor the key any
  // file but the .p12 it came in and the sealed key file: not the engagement, a backup, a signed report.
  expect(host.output()).not.toContain(PASSPHRASE);
  expect(host.output()).not.toContain(P12_PASSWORD);
  expect(host.output()).not.toContain(privateKey.toString('base64').slice(0, 40));
  const files = [...filesUnder(host.workspace), ...filesUnder(host.appData)].filter((file) => !file.endsWith('.p12') && !file.endsWith(path.join('signing', 'identity.json')));
  expect(files.some((file) => file.endsWith('.iso20k'))).toBe(true);
  for (const file of files) expect(fs.readFileSync(file).includes(privateKey), `${path.basename(file)} holds the private key`).toBe(false);
});

test('a certificate created in the app, saved for the CB; a CA trusted in Settings and removed; the signing screens in Chinese', async ({ page, host, problems }) => {
  void problems;
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  // The CB's CA certificate, to be trusted in Settings.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-ca-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'ca.key'), '-out', path.join(host.workspace, 'Meridian CA.pem'), '-days', '3650', '-subj', '/CN=Meridian Signing CA/O=Meridian Assurance Certification Ltd', '-addext', 'basicConstraints=critical,CA:TRUE'], { stdio: 'ignore' });
  fs.rmSync(dir, { recursive: true, force: true });
  await page.goto(host.url);
  await firstRun(page);
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.keyboard.press('Alt+R');

  // Create: RSA, two years, protected by a passphrase (the browser host has no system keychain).
  await page.getByTestId('signing-create').click();
  const create = page.getByRole('dialog', { name: 'Create a signing certificate' });
  await expect(create.getByTestId('signing-create-name')).toHaveValue('Helen Marsh');
  await expect(create.getByTestId('signing-create-organisation')).toHaveValue('Meridian Assurance Certification Ltd');
  await create.getByTestId('signing-create-years').fill('2');
  await create.getByTestId('signing-passphrase').fill(PASSPHRASE);
  await create.getByTestId('signing-passphrase-repeat').fill(PASSPHRASE);
  await screenshot(page, 'signing-create-en');
  await create.getByTestId('signing-create-submit').click();
  await expect(page.getByTestId('signing-identity')).toBeVisible();
  await expect(page.getByTestId('signing-name')).toContainText('Helen Marsh');

  // Saved for the CB: the certificate alone, no key, its fingerprint the one shown.
  await page.getByTestId('signing-export').click();
  await saveAs(page, 'Save the certificate (no private key) for the certification body');
  await expect(page.getByTestId('signing-exported')).toBeVisible();
  const pemName = fs.readdirSync(host.workspace).find((name) => name.endsWith('.pem') && name !== 'Meridian CA.pem')!;
  const pem = fs.readFileSync(path.join(host.workspace, pemName), 'utf8');
  expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
  expect(pem).not.toContain('PRIVATE KEY');
  const shown = (await page.getByTestId('signing-fingerprint').textContent())!.trim();
  expect(execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256', '-in', path.join(host.workspace, pemName)]).toString()).toContain(shown);
  await page.getByTestId('signing-card').scrollIntoViewIfNeeded();
  await screenshot(page, 'signing-created-en');

  // Settings: trust the CB's CA, see it listed, remove it.
  await page.keyboard.press('Control+Comma');
  await expect(page.getByTestId('trusted-empty')).toBeVisible();
  await page.getByTestId('trusted-add').click();
  await pick(page, 'Choose a certificate file (.pem, .crt, .cer)', 'Meridian CA.pem');
  await expect(page.getByTestId('trusted-row')).toHaveCount(1);
  await expect(page.getByTestId('trusted-row')).toContainText('Meridian Signing CA');
  await page.getByTestId('trusted-panel').scrollIntoViewIfNeeded();
  await screenshot(page, 'signing-trusted-listed-en');
  await page.getByTestId('trusted-remove').click();
  await page.getByTestId('trusted-remove-modal-confirm').click();
  await expect(page.getByTestId('trusted-empty')).toBeVisible();
  await page.keyboard.press('Escape');

  // The same screens in Chinese.
  await toChinese(page);
  await page.keyboard.press('Alt+R');
  await page.getByTestId('signing-card').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('signing-card')).toContainText('签名证书');
  await screenshot(page, 'signing-card-zh');
  await page.getByTestId('signing-verify').click();
  await expect(page.getByTestId('verify-dialog').getByTestId('verify-choose')).toBeVisible();
  await screenshot(page, 'signing-verify-zh');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '关闭审核项目' }).click();
  await page.getByTestId('verify-open').click();
  await expect(page.getByTestId('verify-dialog').getByTestId('verify-choose')).toBeVisible();
  await screenshot(page, 'signing-verify-home-zh');
});
