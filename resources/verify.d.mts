// Types of resources/verify.mjs (the stand-alone verifier the app imports as its own verifier).

export interface SignerCertificate {
  /** One line, RDNs joined by ", " (e.g. "C=CN, O=Example CB, CN=Li Wei"). */
  readonly subject: string;
  readonly issuer: string;
  /** SHA-256 of the certificate's DER: upper-case hex pairs joined by colons ("AB:CD:…"). */
  readonly fingerprintSha256: string;
  /** ISO 8601 UTC. */
  readonly notBefore: string;
  readonly notAfter: string;
  readonly certificatePem: string;
}

export interface CmsVerification {
  readonly valid: boolean;
  /** Why it is not valid (absent when valid). */
  readonly reason?: string;
  /** The CMS could not be read at all (truncated, not DER, not SignedData). */
  readonly malformed: boolean;
  /** The certificate that signed (from the CMS's certificates); null when the CMS names none it carries. Not checked for trust. */
  readonly signer: SignerCertificate | null;
  /** The signingTime attribute, ISO 8601 UTC: the signer's claim, not proven. */
  readonly signingTime: string | null;
  readonly digestAlgorithm: 'SHA-256' | 'SHA-384' | 'SHA-512' | null;
  readonly hasSigningCertificateV2: boolean;
  readonly signingCertificateV2Matches: boolean;
}

export interface PdfSignatureVerification extends CmsVerification {
  /** The signature field's name when the field is not in a compressed object stream. */
  readonly fieldName: string | null;
  readonly subFilter: string | null;
  readonly byteRange: readonly [number, number, number, number];
  /** False for an earlier signature followed by an incremental update (e.g. a later signature). */
  readonly coversWholeFile: boolean;
}

export interface PdfVerification {
  /** In file order of the signed revisions (the earliest first). */
  readonly signatures: readonly PdfSignatureVerification[];
  /** Bytes follow the last signature's range (beyond one trailing end-of-line). */
  readonly modifiedAfterLastSignature: boolean;
}

export interface DocxManifestVerification {
  /** The manifest's signature is valid, it names this .docx (SHA-256 and size) and the same certificate signed both. */
  readonly valid: boolean;
  readonly reason?: string;
  readonly sameSigner: boolean;
  readonly docxSha256Matches: boolean;
  readonly signature: CmsVerification;
  /** The parsed manifest (null when it is not JSON). */
  readonly manifest: unknown;
}

export interface DocxVerification {
  readonly document: CmsVerification;
  /** Present when both the manifest and its signature were given. */
  readonly manifest?: DocxManifestVerification;
}

/** Verifies a detached CMS SignedData over `contentBytes`; never throws. */
export function verifyCmsDetached(cmsDer: Uint8Array, contentBytes: Uint8Array): CmsVerification;

/** Verifies every signature of a PDF; throws only when the bytes are not a PDF. */
export function verifyPdf(pdfBytes: Uint8Array): PdfVerification;

export function verifyDocxSignature(docxBytes: Uint8Array, p7sBytes: Uint8Array, manifestBytes?: Uint8Array, manifestP7sBytes?: Uint8Array): DocxVerification;

/** The files beside `<name>.docx`: `<name>.docx.p7s`, `<name>.docx.manifest.json`, `<name>.docx.manifest.json.p7s`. */
export function docxCompanionPaths(docxPath: string): { p7s: string; manifest: string; manifestP7s: string };

/** The command line: returns the exit code (0 valid, 1 not valid, 2 usage or bad input). */
export function runCli(args: readonly string[], out?: (text: string) => void, err?: (text: string) => void): 0 | 1 | 2;
