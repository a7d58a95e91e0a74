import type { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../platform/durable-write.ts';
import { certificateToPem, describeCertificate, fingerprintOf, parseX509, pemToCertificate, readCertificates, type CertificateName } from './certificate-info.ts';
import { SIGNING_FOLDER } from './identity-store.ts';

/**
 * The certificates this installation trusts as signers of reports, in
 * <app-data>/signing/trusted-certificates.json: colleagues' self-signed certificates, and the CA
 * certificates of CBs (or national CAs) that issue their auditors' certificates.
 *
 * A certificate is trusted when (the one place these rules live — trustOf):
 *  - it is the auditor's own (current or former identity here: the `ownCertificates` the composition
 *    hands in, SigningIdentities.ownCertificates) — an auditor need not list themselves;
 *  - it is in the list itself;
 *  - it chains to a CA certificate in the list: each step up, through the chain the signature
 *    carries, must be issued (names, key identifiers: X509Certificate.checkIssued) and signed
 *    (verify with the issuer's public key) by a CA certificate.
 * Validity dates are not judged here: whether a certificate was valid when a report was signed is
 * the verifier's question.
 */

const TRUSTED_FILE = 'trusted-certificates.json';
/** Steps up a chain; real ones have 2–4. */
const MAX_CHAIN_STEPS = 8;

export interface TrustedCertificate {
  readonly fingerprint: string;
  readonly label: string | null;
  readonly subject: CertificateName;
  readonly issuer: CertificateName;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly isCa: boolean;
  readonly selfSigned: boolean;
  readonly addedAt: string;
  readonly certificatePem: string;
}

/** Why a certificate is trusted: it is the auditor's own, it is listed, or a listed CA issued it (`anchor`: that CA's fingerprint). */
export type TrustVerdict = { readonly trusted: true; readonly by: 'own' | 'listed' | 'issuer'; readonly anchor: string } | { readonly trusted: false };

const trustedFileSchema = z.object({
  format: z.literal('aw-trusted-certificates'),
  version: z.literal(1),
  certificates: z.array(z.object({ label: z.string().nullable(), addedAt: z.string(), certificate: z.string() })),
});
type TrustedFile = z.infer<typeof trustedFileSchema>;

interface Held {
  readonly entry: TrustedFile['certificates'][number];
  readonly der: Uint8Array;
  readonly fingerprint: string;
}

export class TrustedCertificates {
  private readonly folder: string;
  private readonly file: string;

  constructor(
    appDataDir: string,
    private readonly ownCertificates: () => readonly Uint8Array[] = () => [],
  ) {
    this.folder = path.join(appDataDir, SIGNING_FOLDER);
    this.file = path.join(this.folder, TRUSTED_FILE);
  }

  /**
   * Adds the certificates of a file (PEM, one or a bundle, or DER); one already listed keeps its place
   * and takes the new label. CERTIFICATE_UNREADABLE when the file holds no certificate.
   */
  trust(bytes: Uint8Array, label?: string | null): TrustedCertificate[] {
    const added = readCertificates(bytes);
    const cleanLabel = label?.trim() ? label.trim() : null;
    const held = this.held();
    const now = new Date().toISOString();
    for (const der of added) {
      const fingerprint = fingerprintOf(der);
      const index = held.findIndex((item) => item.fingerprint === fingerprint);
      const entry = { label: cleanLabel ?? held[index]?.entry.label ?? null, addedAt: held[index]?.entry.addedAt ?? now, certificate: certificateToPem(der) };
      if (index >= 0) held[index] = { entry, der, fingerprint };
      else held.push({ entry, der, fingerprint });
    }
    this.write(held);
    const fingerprints = new Set(added.map(fingerprintOf));
    return held.filter((item) => fingerprints.has(item.fingerprint)).map(viewOf);
  }

  list(): TrustedCertificate[] {
    return this.held().map(viewOf);
  }

  /** Removes one by fingerprint (any case, with or without colons); false when it was not listed. */
  untrust(fingerprint: string): boolean {
    const wanted = normalFingerprint(fingerprint);
    const held = this.held();
    const kept = held.filter((item) => item.fingerprint !== wanted);
    if (kept.length === held.length) return false;
    this.write(kept);
    return true;
  }

  isTrusted(certificate: Uint8Array, chain: readonly Uint8Array[] = []): boolean {
    return this.trustOf(certificate, chain).trusted;
  }

  trustOf(certificate: Uint8Array, chain: readonly Uint8Array[] = []): TrustVerdict {
    const fingerprint = fingerprintOf(certificate);
    if (this.ownCertificates().some((own) => fingerprintOf(own) === fingerprint)) return { trusted: true, by: 'own', anchor: fingerprint };
    const listed = this.held().map((item) => ({ fingerprint: item.fingerprint, x509: parseX509(item.der) }));
    const carried = chain.flatMap((der) => {
      try {
        return [parseX509(der)];
      } catch {
        return []; // a damaged certificate in a signature's chain is no step up
      }
    });
    let current = parseX509(certificate);
    for (let step = 0; step <= MAX_CHAIN_STEPS; step++) {
      const currentFingerprint = fingerprintOf(current.raw);
      if (listed.some((item) => item.fingerprint === currentFingerprint)) return { trusted: true, by: step === 0 ? 'listed' : 'issuer', anchor: currentFingerprint };
      const anchor = listed.find((item) => issued(item.x509, current));
      if (anchor) return { trusted: true, by: 'issuer', anchor: anchor.fingerprint };
      const next = carried.find((candidate) => fingerprintOf(candidate.raw) !== currentFingerprint && issued(candidate, current));
      if (!next) return { trusted: false };
      current = next;
    }
    return { trusted: false };
  }

  private held(): Held[] {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    let file: TrustedFile;
    try {
      file = trustedFileSchema.parse(JSON.parse(text));
    } catch {
      // Like a damaged app-data store: moved aside (kept for whoever wants to look) and begun again.
      // An empty list trusts nobody, the safe side; the auditor adds the certificates again.
      fs.renameSync(this.file, path.join(this.folder, `trusted-certificates.damaged-${Date.now()}.json`));
      return [];
    }
    return file.certificates.flatMap((entry) => {
      try {
        const der = pemToCertificate(entry.certificate);
        return [{ entry, der, fingerprint: fingerprintOf(der) }];
      } catch {
        return [];
      }
    });
  }

  private write(held: readonly Held[]): void {
    fs.mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    const file: TrustedFile = { format: 'aw-trusted-certificates', version: 1, certificates: held.map((item) => item.entry) };
    writeFileDurably(this.file, `${JSON.stringify(file, null, 2)}\n`);
  }
}

/** `issuer` is a CA certificate that issued and signed `subject`. */
function issued(issuer: X509Certificate, subject: X509Certificate): boolean {
  try {
    return issuer.ca && subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
  } catch {
    return false; // a key type node cannot verify with
  }
}

function normalFingerprint(text: string): string {
  return (
    text
      .replace(/[^0-9a-f]/gi, '')
      .toUpperCase()
      .match(/../g)
      ?.join(':') ?? ''
  );
}

function viewOf(item: Held): TrustedCertificate {
  const summary = describeCertificate(item.der);
  return {
    fingerprint: item.fingerprint,
    label: item.entry.label,
    subject: summary.subject,
    issuer: summary.issuer,
    notBefore: summary.notBefore,
    notAfter: summary.notAfter,
    isCa: summary.isCa,
    selfSigned: summary.selfSigned,
    addedAt: item.entry.addedAt,
    certificatePem: item.entry.certificate,
  };
}
