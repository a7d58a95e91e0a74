import { execFileSync, spawnSync } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { OsKeyProtection } from './key-protection.ts';

/**
 * Test support for electron/signing (imported by its tests only): the openssl command line, which
 * makes the .p12 files and CA-issued certificates a real CB would hand out, and a stand-in for the
 * OS's key protection (Electron's safeStorage is the one thing the tests cannot run).
 */

const probe = spawnSync('openssl', ['version'], { encoding: 'utf8' });
/** Why the openssl tests are skipped here, or null when openssl runs. */
export const OPENSSL_MISSING: string | null = probe.status === 0 ? null : 'openssl is not installed (apt-get install openssl); the tests that make .p12 files with it are skipped';

export function openssl(cwd: string, ...args: string[]): string {
  return execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function writeKeyPem(file: string, key: KeyObject): void {
  fs.writeFileSync(file, key.export({ type: 'pkcs8', format: 'pem' }));
}

/** A key pair made by openssl: RSA 2048 or ECDSA P-256. Returns the key's file name. */
export function opensslKey(dir: string, name: string, type: 'RSA' | 'EC'): string {
  const file = `${name}.key`;
  if (type === 'RSA') openssl(dir, 'genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', file);
  else openssl(dir, 'genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file);
  return file;
}

/** A self-signed certificate (a CA one with `ca`) for a key file; returns the certificate's file name. */
export function opensslSelfSigned(dir: string, name: string, keyFile: string, subject: string, ca = false): string {
  const file = `${name}.crt`;
  const extensions = ca ? ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'] : ['-addext', 'basicConstraints=CA:FALSE', '-addext', 'keyUsage=critical,digitalSignature,nonRepudiation'];
  openssl(dir, 'req', '-x509', '-new', '-key', keyFile, '-subj', subject, '-days', '365', '-sha256', ...extensions, '-out', file);
  return file;
}

/** A certificate for `keyFile` issued by the CA (its key and certificate files). */
export function opensslIssued(dir: string, name: string, keyFile: string, subject: string, issuer: { key: string; certificate: string }, ca = false): string {
  const file = `${name}.crt`;
  const extFile = `${name}.ext`;
  fs.writeFileSync(
    path.join(dir, extFile),
    ca ? 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n' : 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=emailProtection\n',
  );
  openssl(dir, 'req', '-new', '-key', keyFile, '-subj', subject, '-out', `${name}.csr`);
  openssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', issuer.certificate, '-CAkey', issuer.key, '-CAcreateserial', '-days', '365', '-sha256', '-extfile', extFile, '-out', file);
  return file;
}

/** Packs key and certificate(s) into a .p12: OpenSSL 3's default (PBES2, AES-256) or `-legacy` (3DES / RC2). */
export function opensslP12(dir: string, name: string, files: { key?: string; certificate: string; chain?: string }, password: string, legacy = false): Uint8Array {
  const file = `${name}.p12`;
  const args = ['pkcs12', '-export', '-in', files.certificate, '-out', file, '-passout', `pass:${password}`];
  if (files.key) args.push('-inkey', files.key);
  else args.push('-nokeys');
  if (files.chain) args.push('-certfile', files.chain);
  if (legacy) args.push('-legacy');
  openssl(dir, ...args);
  return new Uint8Array(fs.readFileSync(path.join(dir, file)));
}

/** The OS protection's stand-in: AES-256-GCM under a key of this "user account". */
export function fakeOsProtection(accountKey: Buffer = randomBytes(32)): OsKeyProtection {
  return {
    name: 'Test keychain',
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', accountKey, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    open(sealed) {
      const bytes = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', accountKey, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]));
    },
  };
}
