export type { SigningKey } from './signing-key.ts';
export { createSigningIdentity, issueSelfSignedCertificate, keyTypeOf, DEFAULT_CERTIFICATE_YEARS, type CertificateSubject, type CreateIdentityOptions, type SigningKeyType } from './certificate-create.ts';
export { describeCertificate, validityWarnings, fingerprintOf, certificateToPem, pemToCertificate, readCertificates, EXPIRES_SOON_DAYS, type CertificateName, type CertificateSummary, type CertificateWarning } from './certificate-info.ts';
export { readP12, type ImportedP12, type P12UnreadableReason } from './p12-import.ts';
export { checkPassphrase, sealWithPassphrase, sealWithOs, openKeyFile, protectionOf, PASSPHRASE_MIN_LENGTH, type OsKeyProtection, type KeyProtection, type KeyUnavailableReason } from './key-protection.ts';
export { SigningIdentities, SIGNING_FOLDER, type IdentityInfo, type IdentitySource, type KeepOptions, type CreateOptions } from './identity-store.ts';
export { TrustedCertificates, type TrustedCertificate, type TrustVerdict } from './trusted-certificates.ts';
