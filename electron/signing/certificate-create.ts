import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { RequestError } from '../../shared/contract/result.ts';
import type { SigningKey } from './signing-key.ts';

/**
 * The auditor's own signing identity when the certification body issues none: a fresh key pair and a
 * self-signed X.509 v3 certificate naming the auditor. pkijs lays out the certificate; node:crypto
 * signs it (pkijs would go through WebCrypto, which cannot take a KeyObject without a round trip).
 *
 * A self-signed certificate proves nothing by itself: a reader trusts it because the auditor's CB
 * keeps it in its list (trusted-certificates.ts). What it gives is a stable identity whose signature
 * shows any change made to a report after it was signed.
 */

/** Who the certificate names (what the auditor types in Settings). */
export interface CertificateSubject {
  /** The auditor's name: the certificate's common name (CN). */
  readonly name: string;
  /** The certification body the auditor signs for: the organisation (O). */
  readonly organisation: string;
  /** Role, e.g. "Lead auditor": the X.520 `title` attribute (2.5.4.12). */
  readonly title?: string | undefined;
  readonly email?: string | undefined;
}

export type SigningKeyType = SigningKey['keyType'];

export interface CreateIdentityOptions {
  /**
   * RSA 2048 by default: every PDF reader a client or CB uses verifies it (ECDSA is missing in some
   * older readers), and 2048 bits stay within NIST SP 800-57's 112-bit strength through 2030, past a
   * default certificate's life. 3072 bits would cost seconds of key generation on a slow laptop.
   */
  readonly keyType?: SigningKeyType | undefined;
  /** Validity in whole years, 1–10; 3 by default (a certification cycle). */
  readonly years?: number | undefined;
  /** The clock (tests). */
  readonly now?: Date | undefined;
}

export const DEFAULT_CERTIFICATE_YEARS = 3;
const MAX_CERTIFICATE_YEARS = 10;
/** X.520 upper bounds (ub-common-name, ub-organization-name, ub-title); email: PKCS #9 allows 255, readers show far less. */
const FIELD_LIMITS = { name: 64, organisation: 64, title: 64, email: 128 } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

const OID = {
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  title: '2.5.4.12',
  emailAddress: '1.2.840.113549.1.9.1',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  /** What PDF readers look for in a signer's certificate: Adobe and NSS (pdfsig) accept emailProtection. */
  emailProtection: '1.3.6.1.5.5.7.3.4',
  documentSigning: '1.3.6.1.5.5.7.3.36', // RFC 9336
  microsoftDocumentSigning: '1.3.6.1.4.1.311.10.3.12',
} as const;

/** A new key pair and its self-signed certificate, valid from a day ago (clock skew) for `years`. */
export function createSigningIdentity(subject: CertificateSubject, options: CreateIdentityOptions = {}): SigningKey {
  const clean = checkSubject(subject);
  const keyType = options.keyType ?? 'RSA';
  const years = options.years ?? DEFAULT_CERTIFICATE_YEARS;
  if (!Number.isInteger(years) || years < 1 || years > MAX_CERTIFICATE_YEARS) {
    throw new RequestError('INVALID_PAYLOAD', `A certificate is valid for 1 to ${MAX_CERTIFICATE_YEARS} years`, { field: 'years' });
  }
  const now = options.now ?? new Date();
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + years);
  const keys = keyType === 'RSA' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const certificate = issueSelfSignedCertificate(clean, keys, { notBefore: new Date(now.getTime() - DAY_MS), notAfter });
  return { privateKey: keys.privateKey, certificate, chain: [], keyType };
}

/**
 * The self-signed certificate for a key pair and validity, as DER. Exported for tests, which need
 * certificates that expired or are not valid yet.
 */
export function issueSelfSignedCertificate(
  subject: CertificateSubject,
  keys: { readonly privateKey: KeyObject; readonly publicKey: KeyObject },
  validity: { readonly notBefore: Date; readonly notAfter: Date },
): Uint8Array {
  const clean = checkSubject(subject);
  const keyType = keyTypeOf(keys.privateKey);
  const spkiDer = keys.publicKey.export({ type: 'spki', format: 'der' });
  const publicKeyInfo = new pkijs.PublicKeyInfo({ schema: asn1js.fromBER(spkiDer).result });
  // RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits (an identifier, not a security use of SHA-1).
  const keyId = createHash('sha1').update(publicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest();
  const name = distinguishedName(clean);
  const algorithm =
    keyType === 'RSA'
      ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRSA, algorithmParams: new asn1js.Null() })
      : new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSHA256 }); // RFC 5758: no parameters

  const certificate = new pkijs.Certificate();
  certificate.version = 2; // v3
  certificate.serialNumber = new asn1js.Integer({ valueHex: serialNumber() });
  certificate.issuer = name;
  certificate.subject = name;
  certificate.notBefore = certificateTime(validity.notBefore);
  certificate.notAfter = certificateTime(validity.notAfter);
  certificate.subjectPublicKeyInfo = publicKeyInfo;
  certificate.signature = algorithm;
  certificate.signatureAlgorithm = algorithm;
  certificate.extensions = extensions(clean, keyId);

  certificate.tbsView = new Uint8Array(certificate.encodeTBS().toBER(false));
  // ECDSA signatures in X.509 are DER SEQUENCE { r, s } (RFC 5758), node's default encoding.
  const signature = sign('sha256', certificate.tbsView, keys.privateKey);
  certificate.signatureValue = new asn1js.BitString({ valueHex: signature });
  return new Uint8Array(certificate.toSchema(false).toBER(false));
}

/** RSA or EC (the two key types PDF and CMS signers use); anything else is refused. */
export function keyTypeOf(key: KeyObject): SigningKeyType {
  if (key.asymmetricKeyType === 'rsa') return 'RSA';
  if (key.asymmetricKeyType === 'ec') return 'EC';
  throw new RequestError('INVALID_PAYLOAD', `Keys of type ${String(key.asymmetricKeyType)} cannot sign documents`, { field: 'keyType' });
}

function checkSubject(subject: CertificateSubject): CertificateSubject {
  const text = (field: keyof typeof FIELD_LIMITS, value: string | undefined, required: boolean): string | undefined => {
    const trimmed = value?.normalize('NFC').trim() ?? '';
    if (trimmed === '') {
      if (required) throw new RequestError('INVALID_PAYLOAD', `The certificate needs a ${field}`, { field });
      return undefined;
    }
    if ([...trimmed].length > FIELD_LIMITS[field]) throw new RequestError('INVALID_PAYLOAD', `The ${field} is longer than a certificate takes`, { field, maxLength: FIELD_LIMITS[field] });
    return trimmed;
  };
  const email = text('email', subject.email, false);
  // emailAddress and rfc822Name are IA5String: ASCII only.
  if (email !== undefined && !/^[\x21-\x7e]+@[\x21-\x7e]+$/.test(email)) throw new RequestError('INVALID_PAYLOAD', 'The email address cannot go in a certificate', { field: 'email' });
  return { name: text('name', subject.name, true) ?? '', organisation: text('organisation', subject.organisation, true) ?? '', title: text('title', subject.title, false), email };
}

function distinguishedName(subject: CertificateSubject): pkijs.RelativeDistinguishedNames {
  const attribute = (type: string, value: asn1js.BaseStringBlock) => new pkijs.AttributeTypeAndValue({ type, value });
  const attributes = [attribute(OID.organisation, new asn1js.Utf8String({ value: subject.organisation })), attribute(OID.commonName, new asn1js.Utf8String({ value: subject.name }))];
  if (subject.title !== undefined) attributes.push(attribute(OID.title, new asn1js.Utf8String({ value: subject.title })));
  if (subject.email !== undefined) attributes.push(attribute(OID.emailAddress, new asn1js.IA5String({ value: subject.email })));
  // One attribute per RDN (O=…, CN=…), as every reader expects; pkijs would put them all in one
  // multi-valued RDN (O=… + CN=…), so the Name is laid out here and handed to pkijs as parsed BER.
  const name = new asn1js.Sequence({ value: attributes.map((item) => new asn1js.Set({ value: [item.toSchema()] })) });
  return new pkijs.RelativeDistinguishedNames({ schema: asn1js.fromBER(name.toBER(false)).result });
}

function extensions(subject: CertificateSubject, keyId: Buffer): pkijs.Extension[] {
  const extension = (extnID: string, critical: boolean, value: asn1js.AsnType) => new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
  const list = [
    extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
    // digitalSignature (bit 0) and nonRepudiation (bit 1, "contentCommitment"): the signer stands by the content.
    extension(OID.keyUsage, true, new asn1js.BitString({ valueHex: new Uint8Array([0b1100_0000]), unusedBits: 6 })),
    extension(OID.extKeyUsage, false, new pkijs.ExtKeyUsage({ keyPurposes: [OID.emailProtection, OID.documentSigning, OID.microsoftDocumentSigning] }).toSchema()),
    extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: keyId })),
    extension(OID.authorityKeyIdentifier, false, new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: keyId }) }).toSchema()),
  ];
  if (subject.email !== undefined) {
    // RFC 5280 4.1.2.6: the email belongs in the subjectAltName; the DN's emailAddress is for older readers.
    list.push(extension(OID.subjectAltName, false, new pkijs.AltName({ altNames: [new pkijs.GeneralName({ type: 1, value: subject.email })] }).toSchema()));
  }
  return list;
}

/** 16 random bytes, positive and with no leading zero byte (DER), as CA/B Forum asks of serials. */
function serialNumber(): Uint8Array {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return new Uint8Array(bytes);
}

/** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050; whole seconds. */
function certificateTime(date: Date): pkijs.Time {
  const value = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return new pkijs.Time({ type: value.getUTCFullYear() < 2050 ? 0 : 1, value });
}
