import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CertificateNameView, SignatureCheckView, SignerStanding, SigningIdentityView, SigningStatusView, TrustedCertificateView, VerificationView } from '../../shared/contract/signing-views.ts';
import { RequestError } from '../../shared/contract/result.ts';
import { writeFileDurably } from '../platform/durable-write.ts';
import type { OsKeyProtection } from '../platform/platform.ts';
import { describeCertificate, pemToCertificate, type CertificateSummary } from './certificate-info.ts';
import type { CertificateSubject } from './certificate-create.ts';
import { SigningIdentities, type IdentityInfo } from './identity-store.ts';
import { signPdf } from './pdf-signature.ts';
import type { SigningKey } from './signing-key.ts';
import { TrustedCertificates, type TrustedCertificate } from './trusted-certificates.ts';
import { docxCompanionPaths, verifyDocxSignature, verifyPdf, type CmsVerification, type SignerCertificate } from '../../resources/verify.mjs';

/** What a signed export needs: the key in memory and how the page names the signer. */
export interface UnlockedSigner {
  readonly key: SigningKey;
  readonly identity: SigningIdentityView;
}

/**
 * The installation's signing certificate, its trusted certificates, verification and a further
 * signature on a signed PDF (issue 19), on the main thread: the key never enters an engagement worker,
 * a file of the engagement, a return package or a log — it is opened for one signature and dropped.
 * Verification is resources/verify.mjs, the same code anyone runs without the app.
 */
export class SigningService {
  readonly identities: SigningIdentities;
  readonly trusted: TrustedCertificates;

  constructor(
    appDataDir: string,
    private readonly osProtection: OsKeyProtection | null,
  ) {
    this.identities = new SigningIdentities(appDataDir, osProtection);
    this.trusted = new TrustedCertificates(appDataDir, () => this.identities.ownCertificates());
  }

  status(): SigningStatusView {
    const identity = this.identities.current();
    return { identity: identity ? identityView(identity) : null, protection: this.osProtection ? 'os' : 'passphrase' };
  }

  async create(subject: CertificateSubject, options: { keyType: 'RSA' | 'EC'; years: number; passphrase?: string | undefined; replace?: boolean | undefined }): Promise<SigningIdentityView> {
    return identityView(await this.identities.create(subject, options));
  }

  async importP12(file: string, password: string, options: { passphrase?: string | undefined; replace?: boolean | undefined }): Promise<SigningIdentityView> {
    return identityView(await this.identities.importP12(readInput(file), password, options));
  }

  /** Opens the key for one signature (a wrong passphrase is KEY_PASSPHRASE_WRONG before anything is written). */
  async unlock(passphrase?: string): Promise<UnlockedSigner> {
    const identity = this.identities.current();
    if (!identity) throw new RequestError('SIGNING_IDENTITY_MISSING', 'There is no signing certificate on this installation');
    return { key: await this.identities.unlock(passphrase ?? null), identity: identityView(identity) };
  }

  exportCertificate(file: string): void {
    const pem = this.identities.certificatePem();
    if (!pem) throw new RequestError('SIGNING_IDENTITY_MISSING', 'There is no signing certificate on this installation');
    writeFileDurably(file, Buffer.from(pem, 'utf8'));
  }

  trustedList(): TrustedCertificateView[] {
    return this.trusted.list().map(trustedView);
  }

  trustFile(file: string): TrustedCertificateView {
    return lastTrusted(this.trusted.trust(readInput(file)));
  }

  trustPem(pem: string, label?: string): TrustedCertificateView {
    return lastTrusted(this.trusted.trust(new TextEncoder().encode(pem), label ?? null));
  }

  untrust(fingerprint: string): void {
    this.trusted.untrust(fingerprint);
  }

  /** A PDF, or a Word file with its detached signature (and the signed manifest) beside it or named. */
  verify(file: string, signatureFile?: string): VerificationView {
    const lower = file.toLowerCase();
    if (lower.endsWith('.p7s')) return this.verify(file.replace(/\.p7s$/i, ''), file);
    const bytes = readInput(file);
    const fileName = path.basename(file);
    const sha256 = sha256Of(bytes);
    if (lower.endsWith('.pdf')) {
      let result;
      try {
        result = verifyPdf(bytes);
      } catch {
        throw new RequestError('SIGNATURE_UNREADABLE', 'This file is not a PDF', { file: fileName });
      }
      const signatures = result.signatures.map((signature) => this.checkView(signature));
      return { kind: 'pdf', fileName, sha256, verdict: verdictOf(signatures, result.modifiedAfterLastSignature), signatures, modifiedAfterLastSignature: result.modifiedAfterLastSignature, manifest: null };
    }
    const companions = docxCompanionPaths(file);
    const p7sFile = signatureFile ?? companions.p7s;
    if (!fs.existsSync(p7sFile)) return { kind: 'docx', fileName, sha256, verdict: 'unsigned', signatures: [], modifiedAfterLastSignature: false, manifest: null };
    const withManifest = fs.existsSync(companions.manifest) && fs.existsSync(companions.manifestP7s);
    const result = verifyDocxSignature(bytes, readInput(p7sFile), ...(withManifest ? ([readInput(companions.manifest), readInput(companions.manifestP7s)] as const) : ([] as const)));
    const signatures = [this.checkView(result.document)];
    const manifest = result.manifest ? manifestView(result.manifest) : null;
    const verdict = verdictOf(signatures, false) === 'valid' && (!manifest || manifest.valid) ? 'valid' : 'invalid';
    return { kind: 'docx', fileName, sha256, verdict, signatures, modifiedAfterLastSignature: false, manifest };
  }

  /** Adds this installation's signature to a signed PDF as an incremental update, written to `output`. */
  async countersign(file: string, output: string, role: string, passphrase?: string): Promise<{ file: string; sha256: string }> {
    const bytes = readInput(file);
    // The same test verifyPdf makes: a PDF names itself in its first kilobyte (no need to verify it all again here).
    if (!file.toLowerCase().endsWith('.pdf') || Buffer.from(bytes.subarray(0, 1024)).indexOf('%PDF-') === -1) {
      throw new RequestError('SIGNATURE_UNREADABLE', 'Only a PDF can take a further signature', { file: path.basename(file) });
    }
    const { key, identity } = await this.unlock(passphrase);
    const signed = await signPdf(bytes, key, { reason: role.trim() ? `${role.trim()}: ${identity.name}` : identity.name, signingTime: new Date() });
    writeFileDurably(output, Buffer.from(signed.buffer, signed.byteOffset, signed.byteLength));
    return { file: output, sha256: sha256Of(signed) };
  }

  /** A signature as the screens show it; a detached signature (Word) always covers its whole file. */
  private checkView(check: CmsVerification & { readonly coversWholeFile?: boolean }): SignatureCheckView {
    const signer = check.signer ? this.signerView(check.signer) : null;
    return {
      valid: check.valid,
      problem: check.valid ? null : problemOf(check),
      signer: signer?.view ?? null,
      standing: signer?.standing ?? 'unknown',
      signedAt: check.signingTime,
      coversWholeFile: check.coversWholeFile ?? true,
      certificateValidThen: check.signer !== null && check.signingTime !== null && check.signer.notBefore <= check.signingTime && check.signingTime <= check.signer.notAfter,
      certificatePem: check.signer?.certificatePem ?? '',
    };
  }

  private signerView(signer: SignerCertificate): { view: CertificateNameView; standing: SignerStanding } {
    const der = pemToCertificate(signer.certificatePem);
    const trust = this.trusted.trustOf(der);
    const standing: SignerStanding = trust.trusted ? (trust.by === 'own' ? 'own' : 'trusted') : 'unknown';
    return { view: nameView(describeCertificate(der), signer.subject, signer.issuer), standing };
  }
}

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function readInput(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new RequestError('FILE_NOT_FOUND', 'The file cannot be read', { file: path.basename(file) });
  }
}

function lastTrusted(list: TrustedCertificate[]): TrustedCertificateView {
  const last = list.at(-1);
  if (!last) throw new RequestError('CERTIFICATE_UNREADABLE', 'The file holds no certificate');
  return trustedView(last);
}

/** Valid when every signature is, and nothing was added after the last one. */
function verdictOf(signatures: readonly SignatureCheckView[], modifiedAfterLast: boolean): VerificationView['verdict'] {
  if (!signatures.length) return 'unsigned';
  return signatures.every((signature) => signature.valid) && !modifiedAfterLast ? 'valid' : 'invalid';
}

function problemOf(check: CmsVerification): SignatureCheckView['problem'] {
  if (check.malformed) return 'malformed';
  if (check.hasSigningCertificateV2 && !check.signingCertificateV2Matches) return 'signing-certificate';
  return /digest/i.test(check.reason ?? '') ? 'digest' : 'signature';
}

function nameView(summary: CertificateSummary, subject: string, issuer: string): CertificateNameView {
  return {
    name: summary.subject.commonName ?? subject,
    organisation: summary.subject.organisation ?? '',
    role: summary.subject.title ?? '',
    subject,
    issuer,
    fingerprint: summary.fingerprint,
    notBefore: summary.notBefore,
    notAfter: summary.notAfter,
    selfSigned: summary.selfSigned,
  };
}

const oneLine = (name: { commonName: string | null; organisation: string | null }): string => [name.commonName, name.organisation].filter(Boolean).join(', ');

/** The names, fingerprint and validity every certificate shows, from the store's or the trusted list's entry. */
function certificateView(entry: Pick<IdentityInfo, 'subject' | 'issuer' | 'selfSigned' | 'fingerprint' | 'notBefore' | 'notAfter'>): CertificateNameView {
  return {
    name: entry.subject.commonName ?? '',
    organisation: entry.subject.organisation ?? '',
    role: entry.subject.title ?? '',
    subject: oneLine(entry.subject),
    issuer: entry.selfSigned ? '' : oneLine(entry.issuer),
    fingerprint: entry.fingerprint,
    notBefore: entry.notBefore,
    notAfter: entry.notAfter,
    selfSigned: entry.selfSigned,
  };
}

function identityView(identity: IdentityInfo): SigningIdentityView {
  return { ...certificateView(identity), keyType: identity.keyType, source: identity.source, protection: identity.protection, warnings: identity.warnings };
}

function trustedView(entry: TrustedCertificate): TrustedCertificateView {
  return { ...certificateView(entry), label: entry.label ?? '', addedAt: entry.addedAt };
}

function manifestView(check: NonNullable<ReturnType<typeof verifyDocxSignature>['manifest']>): VerificationView['manifest'] {
  const manifest = (check.manifest ?? {}) as {
    engagement?: { id?: string; client?: string; reference?: string };
    document?: { revision?: number };
    engagementState?: { chainHeads?: unknown[] };
  };
  return {
    valid: check.valid,
    sameSigner: check.sameSigner,
    matchesDocument: check.docxSha256Matches,
    client: String(manifest.engagement?.client ?? ''),
    reference: String(manifest.engagement?.reference ?? ''),
    engagementId: String(manifest.engagement?.id ?? ''),
    revision: Number(manifest.document?.revision ?? 0),
    chainHeads: Array.isArray(manifest.engagementState?.chainHeads) ? manifest.engagementState.chainHeads.length : 0,
  };
}
