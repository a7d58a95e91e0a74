// Test support (not shipped): signing identities made with OpenSSL in a temporary folder — self-signed
// RSA 2048 / ECDSA P-256 certificates, and a tiny test CA that issues one, for the trust checks.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SigningKey } from './signing-key.ts';

export interface TestIdentity {
  readonly key: SigningKey;
  readonly certificatePem: string;
  readonly certificatePath: string;
  readonly keyPath: string;
}

const openssl = (args: string[], cwd: string): void => {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
};

export function makeTempDir(prefix = 'aw-signing-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const keyArgs = (keyType: 'RSA' | 'EC'): string[] => (keyType === 'RSA' ? ['-newkey', 'rsa:2048'] : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']);

function load(dir: string, name: string, keyType: 'RSA' | 'EC', chain: Uint8Array[] = []): TestIdentity {
  const keyPath = path.join(dir, `${name}.key`);
  const certificatePath = path.join(dir, `${name}.pem`);
  const certificatePem = fs.readFileSync(certificatePath, 'utf8');
  return {
    key: {
      privateKey: crypto.createPrivateKey(fs.readFileSync(keyPath)),
      certificate: new Uint8Array(new crypto.X509Certificate(certificatePem).raw),
      chain,
      keyType,
    },
    certificatePem,
    certificatePath,
    keyPath,
  };
}

/** A self-signed certificate (`openssl req -x509`). */
export function selfSignedIdentity(dir: string, name: string, keyType: 'RSA' | 'EC', commonName = `Test ${keyType} Auditor ${name}`): TestIdentity {
  openssl(['req', '-x509', ...keyArgs(keyType), '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', `/O=Test CB/CN=${commonName}`], dir);
  return load(dir, name, keyType);
}

/** A test CA (self-signed, CA:TRUE) and a signer certificate it issued; the signer's chain holds the CA. */
export function caIssuedIdentity(dir: string, keyType: 'RSA' | 'EC'): { ca: TestIdentity; signer: TestIdentity } {
  openssl(['req', '-x509', ...keyArgs('EC'), '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '60', '-subj', '/O=Test CB/CN=Test CB Root CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  const ca = load(dir, 'ca', 'EC');
  openssl(['req', '-new', ...keyArgs(keyType), '-nodes', '-keyout', 'signer.key', '-out', 'signer.csr', '-subj', '/O=Test CB/CN=Test Lead Auditor'], dir);
  fs.writeFileSync(path.join(dir, 'signer.ext'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  openssl(['x509', '-req', '-in', 'signer.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'signer.pem', '-days', '30', '-extfile', 'signer.ext'], dir);
  return { ca, signer: load(dir, 'signer', keyType, [ca.key.certificate]) };
}
