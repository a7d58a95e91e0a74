import crypto from 'node:crypto';
import { pdfLibrary } from './pdf-library.ts';
import type { SigningKey } from './signing-key.ts';

/**
 * The PDF report's embedded signature (CMS, CAdES-detached: subFilter ETSI.CAdES.detached, SHA-256 — not called a PAdES level, which no offline validator can confirm), written by
 * @libpdf/core as an incremental update, so signing an already signed PDF leaves the earlier
 * signatures' byte ranges untouched and valid. libpdf's CMS carries ESS signing-certificate-v2.
 */

export interface PdfSignatureOptions {
  /** Shown by PDF readers as the signature's reason (e.g. "Audit report, revision 2, issued"). */
  readonly reason: string;
  readonly location?: string;
  /** The signer's claimed time (the CMS signingTime and the dictionary's /M); no timestamp authority. */
  readonly signingTime: Date;
  /** The signature field's name; libpdf names it "Signature_N" when omitted. */
  readonly fieldName?: string;
}

/** Room reserved for the CMS in /Contents: the signature, the signer certificate and a chain of a few certificates. */
const ESTIMATED_CMS_SIZE = 16 * 1024;

const WEBCRYPTO_CURVES: Readonly<Record<string, string>> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

/** libpdf signs through WebCrypto: the KeyObject goes across as PKCS#8 and is imported non-extractable. */
async function toCryptoKey(key: SigningKey): Promise<{ cryptoKey: CryptoKey; algorithm: 'RSASSA-PKCS1-v1_5' | 'ECDSA' }> {
  const pkcs8 = key.privateKey.export({ type: 'pkcs8', format: 'der' });
  if (key.keyType === 'RSA') {
    const cryptoKey = await crypto.webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
    return { cryptoKey, algorithm: 'RSASSA-PKCS1-v1_5' };
  }
  const curve = key.privateKey.asymmetricKeyDetails?.namedCurve ?? '';
  const namedCurve = WEBCRYPTO_CURVES[curve];
  if (!namedCurve) throw new Error(`unsupported EC curve ${curve || '(unknown)'}`);
  const cryptoKey = await crypto.webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve }, false, ['sign']);
  return { cryptoKey, algorithm: 'ECDSA' };
}

/** Signs a PDF and returns the whole signed file (the input followed by the signature's incremental update). */
export async function signPdf(pdfBytes: Uint8Array, key: SigningKey, options: PdfSignatureOptions): Promise<Uint8Array> {
  const { cryptoKey, algorithm } = await toCryptoKey(key);
  const { CryptoKeySigner, PDF } = await pdfLibrary();
  const signer = new CryptoKeySigner(cryptoKey, key.certificate, key.keyType, algorithm, [...key.chain]);
  const pdf = await PDF.load(pdfBytes);
  const { bytes } = await pdf.sign({
    signer,
    reason: options.reason,
    ...(options.location !== undefined ? { location: options.location } : {}),
    ...(options.fieldName !== undefined ? { fieldName: options.fieldName } : {}),
    signingTime: options.signingTime,
    subFilter: 'ETSI.CAdES.detached',
    digestAlgorithm: 'SHA-256',
    estimatedSize: ESTIMATED_CMS_SIZE,
  });
  return bytes;
}
