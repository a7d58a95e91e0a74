import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { RequestError } from '../../shared/contract/result.ts';
import { fsyncFolder, writeFileDurably } from '../platform/durable-write.ts';
import { createSigningIdentity, type CertificateSubject, type SigningKeyType } from './certificate-create.ts';
import { certificateToPem, describeCertificate, pemToCertificate, validityWarnings, type CertificateName, type CertificateWarning } from './certificate-info.ts';
import { checkPassphrase, openKeyFile, sealWithOs, sealWithPassphrase, unavailable, type KeyProtection, type OsKeyProtection } from './key-protection.ts';
import { readP12 } from './p12-import.ts';
import type { SigningKey } from './signing-key.ts';

/**
 * The auditor's signing identity on this installation: one key and its certificate, in
 * <app-data>/signing/identity.json (one file, so replacing an identity is one durable write: the old
 * key or the new one, never a mix). The key is in it only sealed (key-protection.ts).
 *
 * Protection: a passphrase when the caller gives one (the auditor chose to type it to sign); else the
 * OS's protection when this installation has one; else KEY_PASSPHRASE_REQUIRED. The desktop app
 * should pass no OS protection where Electron's safeStorage would only obscure the key (Linux's
 * "basic_text" backend), so the auditor is asked for a passphrase there.
 *
 * A new identity replaces the current one only when the caller says so (`replace: true`, after the
 * UI asked the auditor): otherwise SIGNING_IDENTITY_EXISTS. The old private key is gone with the
 * rewrite; its certificate is kept in `formerCertificates` (public, no key), so reports the auditor
 * signed before still count as their own (see ownCertificates and trusted-certificates.ts). remove()
 * does the same: the key goes, the certificate is remembered.
 */

export const SIGNING_FOLDER = 'signing';
const IDENTITY_FILE = 'identity.json';

export type IdentitySource = 'created' | 'imported';

export interface IdentityInfo {
  readonly subject: CertificateName;
  readonly issuer: CertificateName;
  readonly selfSigned: boolean;
  /** SHA-256 of the certificate, upper-case hex pairs joined by colons. */
  readonly fingerprint: string;
  readonly keyType: SigningKeyType;
  /** ISO 8601 instants. */
  readonly notBefore: string;
  readonly notAfter: string;
  readonly warnings: readonly CertificateWarning[];
  readonly source: IdentitySource;
  readonly protection: KeyProtection;
  /** The OS protection's name when protection is 'os' (e.g. "macOS Keychain"). */
  readonly protectionName: string | null;
  readonly createdAt: string;
  /** The certificate alone, to send to the CB for its trusted list. */
  readonly certificatePem: string;
  /** How many issuing certificates came with it (0 for a self-signed one). */
  readonly chainLength: number;
}

export interface KeepOptions {
  /** Protect the key with this passphrase rather than the OS (required where there is no OS protection). */
  readonly passphrase?: string | null | undefined;
  /** The auditor confirmed replacing the current identity. */
  readonly replace?: boolean | undefined;
}

export interface CreateOptions extends KeepOptions {
  readonly keyType?: SigningKeyType | undefined;
  readonly years?: number | undefined;
}

const identityFileSchema = z.object({
  format: z.literal('aw-signing-identity'),
  version: z.literal(1),
  current: z
    .object({
      source: z.enum(['created', 'imported']),
      protection: z.enum(['os', 'passphrase']),
      protectionName: z.string().nullable(),
      keyType: z.enum(['RSA', 'EC']),
      createdAt: z.string(),
      certificate: z.string(),
      chain: z.array(z.string()),
      /** The sealed key file (key-protection.ts), base64. */
      key: z.string(),
    })
    .nullable(),
  formerCertificates: z.array(z.string()),
});
type IdentityFile = z.infer<typeof identityFileSchema>;
type StoredIdentity = NonNullable<IdentityFile['current']>;

export class SigningIdentities {
  private readonly folder: string;
  private readonly file: string;

  constructor(
    appDataDir: string,
    private readonly osProtection: OsKeyProtection | null,
  ) {
    this.folder = path.join(appDataDir, SIGNING_FOLDER);
    this.file = path.join(this.folder, IDENTITY_FILE);
  }

  /** The identity, or null when there is none. A damaged file is SIGNING_KEY_UNAVAILABLE (remove() clears it). */
  current(now: Date = new Date()): IdentityInfo | null {
    const stored = this.read().current;
    return stored ? infoOf(stored, now) : null;
  }

  certificatePem(): string | null {
    return this.read().current?.certificate ?? null;
  }

  /** A new key pair and self-signed certificate (certificate-create.ts) become the identity. */
  async create(subject: CertificateSubject, options: CreateOptions = {}): Promise<IdentityInfo> {
    const protection = this.protectionFor(options);
    const key = createSigningIdentity(subject, { keyType: options.keyType, years: options.years });
    return this.keep(key, 'created', protection, options.passphrase);
  }

  /** The key and certificate of a .p12/.pfx file become the identity; its validity warnings are in the answer. */
  async importP12(bytes: Uint8Array, password: string, options: KeepOptions = {}): Promise<IdentityInfo> {
    const protection = this.protectionFor(options);
    const { key } = await readP12(bytes, password);
    return this.keep(key, 'imported', protection, options.passphrase);
  }

  /**
   * The key, in memory, to sign with. The certificate's public key must be the key's own: a key file
   * the OS opened into other bytes, or a certificate changed in the file, is SIGNING_KEY_UNAVAILABLE.
   */
  async unlock(passphrase?: string | null): Promise<SigningKey> {
    const stored = this.read().current;
    if (!stored) throw new RequestError('SIGNING_IDENTITY_MISSING', 'There is no signing identity on this installation');
    const pkcs8 = await openKeyFile(Buffer.from(stored.key, 'base64'), { passphrase, os: this.osProtection });
    const certificate = pemToCertificate(stored.certificate);
    let privateKey;
    try {
      privateKey = createPrivateKey({ key: Buffer.from(pkcs8.buffer, pkcs8.byteOffset, pkcs8.byteLength), format: 'der', type: 'pkcs8' });
    } catch {
      throw unavailable('damaged');
    } finally {
      pkcs8.fill(0); // best effort: the key lives on in the KeyObject, but not in a stray buffer of ours
    }
    if (!new X509Certificate(certificate).publicKey.equals(createPublicKey(privateKey))) throw unavailable('damaged');
    return { privateKey, certificate, chain: stored.chain.map(pemToCertificate), keyType: stored.keyType };
  }

  /** Deletes the key; the certificate stays among the former ones. Also clears a damaged file. */
  remove(): void {
    let former: string[] = [];
    try {
      const file = this.read();
      former = file.current ? [...file.formerCertificates, file.current.certificate] : file.formerCertificates;
    } catch {
      // a damaged file: nothing in it can be kept
    }
    if (!fs.existsSync(this.file)) return;
    if (former.length === 0) {
      fs.rmSync(this.file, { force: true });
      fsyncFolder(this.folder);
      return;
    }
    this.write({ format: 'aw-signing-identity', version: 1, current: null, formerCertificates: former });
  }

  /** The certificates that are the auditor's own here: the current one and those it replaced (DER). */
  ownCertificates(): Uint8Array[] {
    let file: IdentityFile;
    try {
      file = this.read();
    } catch {
      return [];
    }
    return [...(file.current ? [file.current.certificate] : []), ...file.formerCertificates].flatMap((pem) => {
      try {
        return [pemToCertificate(pem)];
      } catch {
        return []; // one damaged entry does not hide the others
      }
    });
  }

  /** Refuses before any work: an identity not confirmed for replacing, a missing or short passphrase. */
  private protectionFor(options: KeepOptions): KeyProtection {
    if (!options.replace && this.read().current) throw new RequestError('SIGNING_IDENTITY_EXISTS', 'A signing identity exists; replacing it needs confirming');
    if (options.passphrase) {
      checkPassphrase(options.passphrase);
      return 'passphrase';
    }
    if (this.osProtection) return 'os';
    throw new RequestError('KEY_PASSPHRASE_REQUIRED', 'Without OS protection the signing key needs a passphrase');
  }

  private async keep(key: SigningKey, source: IdentitySource, protection: KeyProtection, passphrase: string | null | undefined): Promise<IdentityInfo> {
    const pkcs8 = key.privateKey.export({ type: 'pkcs8', format: 'der' });
    let sealed: Uint8Array;
    try {
      if (protection === 'passphrase') {
        sealed = await sealWithPassphrase(pkcs8, passphrase ?? '');
      } else {
        try {
          sealed = sealWithOs(pkcs8, this.osProtection as OsKeyProtection);
        } catch {
          throw unavailable('osProtectionFailed');
        }
      }
    } finally {
      pkcs8.fill(0);
    }
    const previous = this.readOrEmpty();
    const stored: StoredIdentity = {
      source,
      protection,
      protectionName: protection === 'os' ? (this.osProtection?.name ?? null) : null,
      keyType: key.keyType,
      createdAt: new Date().toISOString(),
      certificate: certificateToPem(key.certificate),
      chain: key.chain.map(certificateToPem),
      key: Buffer.from(sealed).toString('base64'),
    };
    const former = previous.current ? [...previous.formerCertificates, previous.current.certificate] : previous.formerCertificates;
    this.write({ format: 'aw-signing-identity', version: 1, current: stored, formerCertificates: former.filter((pem) => pem !== stored.certificate) });
    return infoOf(stored, new Date());
  }

  private read(): IdentityFile {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { format: 'aw-signing-identity', version: 1, current: null, formerCertificates: [] };
      throw error;
    }
    try {
      return identityFileSchema.parse(JSON.parse(text));
    } catch {
      throw unavailable('damaged');
    }
  }

  /** A replacement may overwrite a damaged file (the auditor confirmed replacing). */
  private readOrEmpty(): IdentityFile {
    try {
      return this.read();
    } catch {
      return { format: 'aw-signing-identity', version: 1, current: null, formerCertificates: [] };
    }
  }

  private write(file: IdentityFile): void {
    // 0700: on a shared computer other accounts cannot even copy the sealed key.
    fs.mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    writeFileDurably(this.file, `${JSON.stringify(file, null, 2)}\n`);
  }
}

function infoOf(stored: StoredIdentity, now: Date): IdentityInfo {
  const certificate = pemToCertificate(stored.certificate);
  const summary = describeCertificate(certificate);
  return {
    subject: summary.subject,
    issuer: summary.issuer,
    selfSigned: summary.selfSigned,
    fingerprint: summary.fingerprint,
    keyType: stored.keyType,
    notBefore: summary.notBefore,
    notAfter: summary.notAfter,
    warnings: validityWarnings(summary, now),
    source: stored.source,
    protection: stored.protection,
    protectionName: stored.protectionName,
    createdAt: stored.createdAt,
    certificatePem: certificateToPem(certificate),
    chainLength: stored.chain.length,
  };
}
