import { createPublicKey, KeyObject, X509Certificate, type webcrypto } from 'node:crypto';
import type { P12Signer } from '@libpdf/core';
import { pdfLibrary } from './pdf-library.ts';
import { RequestError } from '../../shared/contract/result.ts';
import { keyTypeOf } from './certificate-create.ts';
import { describeCertificate, validityWarnings, type CertificateWarning } from './certificate-info.ts';
import type { SigningKey } from './signing-key.ts';

/**
 * Reading the certificate file a CB (or a national CA) issues to an auditor: PKCS #12 (.p12/.pfx)
 * with the private key and the certificate chain. @libpdf/core parses it, because it reads both the
 * encryption OpenSSL 3 and current Windows write (PBES2 with AES) and the legacy one older tools and
 * many CA portals still write (3DES / RC2, which WebCrypto has not), RSA and EC keys alike.
 */

export interface ImportedP12 {
  readonly key: SigningKey;
  /** Shown to the auditor before the identity is kept: a certificate outside its validity is never taken silently. */
  readonly warnings: readonly CertificateWarning[];
}

/** Why a PKCS #12 file was refused, in `params.reason` of P12_UNREADABLE. */
export type P12UnreadableReason = 'notPkcs12' | 'noCertificate' | 'keyWithoutCertificate' | 'unsupportedKey';

export async function readP12(bytes: Uint8Array, password: string, now: Date = new Date()): Promise<ImportedP12> {
  let signer: P12Signer;
  try {
    signer = await (await pdfLibrary()).P12Signer.create(bytes, password);
  } catch (error) {
    throw p12Refusal(error);
  }
  // P12Signer keeps the key as a WebCrypto CryptoKey in a field TypeScript calls private, imported
  // extractable; the signature formats take a node:crypto KeyObject. KeyObject.from converts the
  // CryptoKey in place (no export, so the PKCS #8 bytes are not copied out in the clear).
  const cryptoKey = (signer as unknown as { readonly privateKey: webcrypto.CryptoKey }).privateKey;
  let privateKey: KeyObject;
  try {
    privateKey = KeyObject.from(cryptoKey);
  } catch {
    throw unreadable('unsupportedKey');
  }
  let keyType: SigningKey['keyType'];
  try {
    keyType = keyTypeOf(privateKey);
  } catch {
    throw unreadable('unsupportedKey');
  }
  const { certificate, chain } = signerFirst(privateKey, [signer.certificate, ...signer.certificateChain]);
  return { key: { privateKey, certificate, chain, keyType }, warnings: validityWarnings(describeCertificate(certificate), now) };
}

/**
 * The certificate of the key first, then the others. A PKCS #12 file does not order its certificate
 * bags, and @libpdf/core takes the first as the signer's; a CA certificate first would sign every
 * report under the CA's name.
 */
function signerFirst(privateKey: KeyObject, certificates: readonly Uint8Array[]): { certificate: Uint8Array; chain: Uint8Array[] } {
  const publicKey = createPublicKey(privateKey);
  const index = certificates.findIndex((der) => new X509Certificate(der).publicKey.equals(publicKey));
  if (index < 0) throw unreadable('keyWithoutCertificate');
  const certificate = certificates[index] as Uint8Array;
  return { certificate, chain: certificates.filter((_, i) => i !== index) };
}

/** @libpdf/core reports everything as a SignerError with a message; these are the messages it uses. */
function p12Refusal(error: unknown): RequestError {
  const message = error instanceof Error ? error.message : String(error);
  // A wrong password fails the file's MAC (pkijs: "Integrity for the PKCS#12 data is broken!"); a file
  // without a MAC fails decrypting its bags instead.
  if (/integrity|invalid password|MAC|bad decrypt|decrypt/i.test(message)) return new RequestError('P12_WRONG_PASSWORD', 'The password does not open this PKCS #12 file');
  if (/no private key/i.test(message)) return new RequestError('P12_NO_PRIVATE_KEY', 'The PKCS #12 file holds no private key');
  if (/no certificates/i.test(message)) return unreadable('noCertificate');
  if (/unsupported|algorithm/i.test(message)) return unreadable('unsupportedKey');
  return unreadable('notPkcs12');
}

function unreadable(reason: P12UnreadableReason): RequestError {
  return new RequestError('P12_UNREADABLE', `This PKCS #12 file cannot be used (${reason})`, { reason });
}
