import { z } from 'zod';
import { channel } from './channel.ts';
import { empty, fileRefSchema, passphraseSchema } from './schemas.ts';
import type { CountersignView, SigningIdentityView, SigningStatusView, TrustedCertificateView, VerificationView } from './signing-views.ts';

const shortText = (max: number) => z.string().trim().max(max);
/** The .p12 password is whatever the CB chose (it may be empty); the key file passphrase is ours (8+ characters). */
const p12PasswordSchema = z.string().max(1000);

/**
 * Signed reports (issue 19): the installation's signing certificate (created here or imported from the
 * CB's .p12/.pfx), the trusted certificates, verification of a signed PDF or of a Word file with its
 * detached signature, and a further signature on a signed PDF. App-level: none takes an engagement.
 * `passphrase` unlocks (or, on creation, protects) the key where the system gives no key protection.
 */
export const SIGNING_CHANNELS = {
  'signing:status': channel<SigningStatusView>()(empty),
  'signing:create': channel<SigningIdentityView>()(
    z
      .object({
        name: shortText(200).min(1),
        organisation: shortText(200),
        role: shortText(200),
        email: shortText(200),
        keyType: z.enum(['RSA', 'EC']),
        years: z.number().int().min(1).max(10),
        passphrase: passphraseSchema.optional(),
        /** The user confirmed replacing the current certificate (otherwise SIGNING_IDENTITY_EXISTS). */
        replace: z.boolean().optional(),
      })
      .strict(),
  ),
  'signing:importP12': channel<SigningIdentityView>()(
    z.object({ file: fileRefSchema, password: p12PasswordSchema, passphrase: passphraseSchema.optional(), replace: z.boolean().optional() }).strict(),
  ),
  'signing:remove': channel<null>()(empty),
  /** Saves the certificate (PEM, no key) for the CB to record its fingerprint. */
  'signing:exportCertificate': channel<{ file: string; downloadUrl: string | null }>()(z.object({ file: fileRefSchema }).strict()),
  'signing:trusted': channel<TrustedCertificateView[]>()(empty),
  /** Trusts the certificate a verification showed. */
  'signing:trust': channel<TrustedCertificateView>()(z.object({ certificatePem: z.string().min(1).max(200_000), label: shortText(200).optional() }).strict()),
  /** Trusts the certificates of a file (.pem, .cer, .crt; one, a bundle, or DER). */
  'signing:trustFile': channel<TrustedCertificateView>()(z.object({ file: fileRefSchema }).strict()),
  'signing:untrust': channel<null>()(z.object({ fingerprint: z.string().min(1).max(200) }).strict()),
  /** A PDF, or a .docx (its .p7s and signed manifest are looked for beside it unless `signatureFile` names the .p7s). */
  'signing:verify': channel<VerificationView>()(z.object({ file: fileRefSchema, signatureFile: fileRefSchema.optional() }).strict()),
  /** Adds this installation's signature to a signed PDF as an incremental update, written to `output`. */
  'signing:countersign': channel<CountersignView>()(
    z.object({ file: fileRefSchema, output: fileRefSchema, role: shortText(200), passphrase: passphraseSchema.optional() }).strict(),
  ),
} as const;
