/**
 * Signed reports (issue 19) as the screens see them: the auditor's signing certificate, the trusted
 * certificates, and what a verification found. Times are UTC instants (ISO); a signing time is the
 * signer's claim (no timestamp authority is reachable offline), and the screens say so.
 */

export type SigningKeyType = 'RSA' | 'EC';
/** Where the private key is kept: the operating system's protection (desktop) or a passphrase-protected key file. */
export type KeyProtectionKind = 'os' | 'passphrase';
export type CertificateWarning = 'expired' | 'notYetValid' | 'expiresSoon';

export interface CertificateNameView {
  /** The subject's common name (a person, for a signer). */
  readonly name: string;
  readonly organisation: string;
  /** The subject's title attribute, when the certificate has one. */
  readonly role: string;
  /** The full subject, as the certificate writes it. */
  readonly subject: string;
  readonly issuer: string;
  /** SHA-256 of the certificate's DER, upper-case hex in pairs separated by colons. */
  readonly fingerprint: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly selfSigned: boolean;
}

export interface SigningIdentityView extends CertificateNameView {
  readonly keyType: SigningKeyType;
  readonly source: 'created' | 'imported';
  readonly protection: KeyProtectionKind;
  readonly warnings: readonly CertificateWarning[];
}

export interface SigningStatusView {
  readonly identity: SigningIdentityView | null;
  /** How a key created or imported now would be kept on this installation. */
  readonly protection: KeyProtectionKind;
}

export interface TrustedCertificateView extends CertificateNameView {
  readonly label: string;
  readonly addedAt: string;
}

/** Whose key made a signature: this installation's own, one on the trusted list (or issued by one), or unknown. */
export type SignerStanding = 'own' | 'trusted' | 'unknown';

export interface SignatureCheckView {
  /** The signature is valid for the bytes it covers. */
  readonly valid: boolean;
  /** Why not, when not valid. */
  readonly problem: 'digest' | 'signature' | 'signing-certificate' | 'malformed' | null;
  readonly signer: CertificateNameView | null;
  readonly standing: SignerStanding;
  /** The signer's claimed signing time. */
  readonly signedAt: string | null;
  /** PDF: the signature covers the file as it is (false for an earlier signature followed by later ones). */
  readonly coversWholeFile: boolean;
  /** The signer's certificate was valid at the claimed signing time. */
  readonly certificateValidThen: boolean;
  /** The signer's certificate (PEM), so the user can add it to the trusted list. */
  readonly certificatePem: string;
}

export interface ManifestCheckView {
  readonly valid: boolean;
  /** The manifest is signed by the same certificate as the document. */
  readonly sameSigner: boolean;
  /** The SHA-256 in the manifest is the document's. */
  readonly matchesDocument: boolean;
  readonly client: string;
  readonly reference: string;
  readonly engagementId: string;
  readonly revision: number;
  /** How many change-log chains the engagement state names. */
  readonly chainHeads: number;
}

export interface VerificationView {
  readonly kind: 'pdf' | 'docx';
  readonly fileName: string;
  readonly sha256: string;
  /** valid: every signature valid and nothing changed after the last; invalid: something does not hold; unsigned: no signature found. */
  readonly verdict: 'valid' | 'invalid' | 'unsigned';
  readonly signatures: readonly SignatureCheckView[];
  /** PDF: bytes were added after the last signature (an edit no signature covers). */
  readonly modifiedAfterLastSignature: boolean;
  /** Word: the signed manifest beside the file, when found. */
  readonly manifest: ManifestCheckView | null;
}

/** A PDF signed again (a second signature added as an incremental update). */
export interface CountersignView {
  readonly file: string;
  readonly sha256: string;
  readonly downloadUrl: string | null;
}

/** What signing added to an issued report. */
export interface ReportSignatureView {
  readonly signer: string;
  readonly fingerprint: string;
  readonly signedAt: string;
  /** Word: the detached signature and the signed manifest written beside the file. */
  readonly files: readonly string[];
}
