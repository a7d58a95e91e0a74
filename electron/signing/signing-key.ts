import type { KeyObject } from 'node:crypto';

/**
 * An unlocked signing identity (issue 19): the private key, held in memory only while a document is
 * signed, and the certificate that names the signer. Identities are kept by identity-store.ts; the
 * formats (the PDF's embedded CMS, the .docx's detached CMS and manifest) take one of these.
 */
export interface SigningKey {
  readonly privateKey: KeyObject;
  /** DER of the signer's X.509 certificate. */
  readonly certificate: Uint8Array;
  /** DER of the issuing certificates, nearest first (empty for a self-signed certificate). */
  readonly chain: readonly Uint8Array[];
  readonly keyType: 'RSA' | 'EC';
}
