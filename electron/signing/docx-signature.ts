import crypto from 'node:crypto';
import { docxCompanionPaths } from '../../resources/verify.mjs';
import { buildManifest, serializeManifest, type ManifestFields, type SignedReportManifest } from '../../shared/signing/manifest.ts';
import { signDetached } from './cms-detached.ts';
import type { SigningKey } from './signing-key.ts';

/**
 * The .docx report's signature: Word files have no signature format that other tools verify simply,
 * so the report is delivered with a detached CMS (<name>.docx.p7s) and a signed manifest
 * (<name>.docx.manifest.json + .p7s) that ties the file to its engagement and revision. Anyone can
 * check both with `openssl cms -verify` or resources/verify.mjs.
 */

export interface DocxSignature {
  /** Detached CMS over the .docx bytes. */
  readonly p7s: Uint8Array;
  /** The manifest's bytes (UTF-8 JSON), and the manifest itself. */
  readonly manifest: Uint8Array;
  readonly manifestJson: SignedReportManifest;
  /** Detached CMS over the manifest bytes, by the same key. */
  readonly manifestP7s: Uint8Array;
}

/** The files written beside `<name>.docx` (the verifier looks for the same names). */
export function docxSignatureFileNames(docxPath: string): { p7s: string; manifest: string; manifestP7s: string } {
  return docxCompanionPaths(docxPath);
}

/** The certificate's subject (one line) and SHA-256 fingerprint, as the verifier prints them. */
export function certificateSummary(certificateDer: Uint8Array): { subject: string; fingerprintSha256: string } {
  const certificate = new crypto.X509Certificate(certificateDer);
  return { subject: certificate.subject.split('\n').join(', '), fingerprintSha256: certificate.fingerprint256 };
}

export async function signDocx(docxBytes: Uint8Array, manifestFields: ManifestFields, key: SigningKey, signingTime: Date): Promise<DocxSignature> {
  const p7s = await signDetached(docxBytes, key, signingTime);
  const sha256 = crypto.createHash('sha256').update(docxBytes).digest('hex');
  const manifestJson = buildManifest(manifestFields, { sha256, size: docxBytes.byteLength }, certificateSummary(key.certificate), signingTime);
  const manifest = serializeManifest(manifestJson);
  const manifestP7s = await signDetached(manifest, key, signingTime);
  return { p7s, manifest, manifestJson, manifestP7s };
}
