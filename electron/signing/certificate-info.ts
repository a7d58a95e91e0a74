import { createHash, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { RequestError } from '../../shared/contract/result.ts';

/**
 * What the app shows of a certificate (the auditor's own, a trusted one, a signer's) and how it reads
 * certificate files: PEM or DER in, DER kept, PEM written.
 */

/** expired / not valid yet: signatures made now would not verify as valid; expiresSoon: under 30 days left. */
export type CertificateWarning = 'expired' | 'notYetValid' | 'expiresSoon';

export const EXPIRES_SOON_DAYS = 30;

export interface CertificateName {
  readonly commonName: string | null;
  readonly organisation: string | null;
  readonly title: string | null;
  readonly email: string | null;
}

export interface CertificateSummary {
  readonly subject: CertificateName;
  readonly issuer: CertificateName;
  /** SHA-256 of the DER, upper-case hex pairs joined by colons (how certificate viewers print it). */
  readonly fingerprint: string;
  /** ISO 8601 instants. */
  readonly notBefore: string;
  readonly notAfter: string;
  readonly selfSigned: boolean;
  readonly isCa: boolean;
}

const NAME_OIDS = { commonName: '2.5.4.3', organisation: '2.5.4.10', title: '2.5.4.12', email: '1.2.840.113549.1.9.1' } as const;

/** Reads a certificate's names, fingerprint and validity; a DER that is no certificate is CERTIFICATE_UNREADABLE. */
export function describeCertificate(der: Uint8Array): CertificateSummary {
  const x509 = parseX509(der);
  let parsed: pkijs.Certificate;
  try {
    parsed = pkijs.Certificate.fromBER(new Uint8Array(der)); // a copy: pkijs wants a plain ArrayBuffer behind it
  } catch {
    throw unreadable();
  }
  return {
    subject: nameOf(parsed.subject),
    issuer: nameOf(parsed.issuer),
    fingerprint: fingerprintOf(der),
    notBefore: parsed.notBefore.value.toISOString(),
    notAfter: parsed.notAfter.value.toISOString(),
    // Not checkIssued(itself): OpenSSL's check also wants keyCertSign, which a signer's certificate lacks.
    selfSigned: x509.subject === x509.issuer && x509.verify(x509.publicKey),
    isCa: x509.ca,
  };
}

/** The validity warnings at `now` (at most one of expired / notYetValid, or expiresSoon). */
export function validityWarnings(summary: Pick<CertificateSummary, 'notBefore' | 'notAfter'>, now: Date = new Date()): CertificateWarning[] {
  const time = now.getTime();
  const notAfter = Date.parse(summary.notAfter);
  if (time < Date.parse(summary.notBefore)) return ['notYetValid'];
  if (time > notAfter) return ['expired'];
  if (notAfter - time < EXPIRES_SOON_DAYS * 24 * 60 * 60 * 1000) return ['expiresSoon'];
  return [];
}

export function fingerprintOf(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)?.join(':') ?? '';
}

/** Node's view of a certificate (public key, issuer checks); CERTIFICATE_UNREADABLE when it is none. */
export function parseX509(der: Uint8Array): X509Certificate {
  try {
    return new X509Certificate(der);
  } catch {
    throw unreadable();
  }
}

export function certificateToPem(der: Uint8Array): string {
  const body = Buffer.from(der).toString('base64').match(/.{1,64}/g)?.join('\n') ?? '';
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

const PEM_BLOCK = /-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END (?:X509 |TRUSTED )?CERTIFICATE-----/g;

/**
 * The certificates of a file as DER: every block of a PEM file (a CA bundle holds several), or the
 * file itself as DER. Each one must parse; nothing readable is CERTIFICATE_UNREADABLE.
 */
export function readCertificates(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  const blocks = [...text.matchAll(PEM_BLOCK)].map((match) => new Uint8Array(Buffer.from((match[1] ?? '').replace(/\s+/g, ''), 'base64')));
  const found = blocks.length > 0 ? blocks : text.includes('-----BEGIN') ? [] : [bytes];
  if (found.length === 0) throw unreadable();
  for (const der of found) {
    parseX509(der);
    // Node accepts a DER certificate with bytes after it; a file of more than one thing is not a certificate file.
    if (asn1js.fromBER(der).offset !== der.byteLength) throw unreadable();
  }
  return found;
}

/** The DER of a certificate in PEM (one block). */
export function pemToCertificate(pem: string): Uint8Array {
  const [der] = readCertificates(Buffer.from(pem, 'latin1'));
  if (!der) throw unreadable();
  return der;
}

function nameOf(name: pkijs.RelativeDistinguishedNames): CertificateName {
  const value = (oid: string): string | null => {
    const found = name.typesAndValues.filter((item) => item.type === oid).map((item) => String(item.value.valueBlock.value));
    return found.length > 0 ? found.join(', ') : null;
  };
  return { commonName: value(NAME_OIDS.commonName), organisation: value(NAME_OIDS.organisation), title: value(NAME_OIDS.title), email: value(NAME_OIDS.email) };
}

function unreadable(): RequestError {
  return new RequestError('CERTIFICATE_UNREADABLE', 'This is not an X.509 certificate');
}
