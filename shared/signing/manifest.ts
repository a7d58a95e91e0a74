/**
 * The manifest delivered beside a signed .docx report (issue 19): which engagement, which revision,
 * the document's SHA-256 and size, where the engagement's journal stood when the report was signed,
 * and who signed. It is signed on its own (<name>.docx.manifest.json.p7s) by the same certificate.
 *
 * Written as UTF-8 JSON with a fixed key order and a trailing newline, so the same inputs give the
 * same bytes (a reader can diff two manifests, and the signature covers exactly these bytes).
 */

export const MANIFEST_FORMAT = 'audit-workbench-signed-report/1';

export const SIGNING_TIME_NOTE =
  "signedAt is the signer's own claim, taken from the signing computer's clock; no timestamp authority was involved.";

export interface ChainHead {
  /** The replica (installation) whose journal this is. */
  readonly replica: string;
  readonly seq: number;
  readonly hash: string;
}

/** What the caller knows about the report; the document's hash and size and the signer come from the bytes and the certificate. */
export interface ManifestFields {
  readonly engagement: { readonly id: string; readonly client: string; readonly reference: string };
  readonly document: { readonly revision: number; readonly fileName: string; readonly language: string };
  readonly chainHeads: readonly ChainHead[];
}

export interface ManifestSigner {
  readonly subject: string;
  /** SHA-256 of the certificate's DER, upper-case hex pairs joined by colons (as resources/verify.mjs prints it). */
  readonly fingerprintSha256: string;
}

export interface SignedReportManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly engagement: { readonly id: string; readonly client: string; readonly reference: string };
  readonly document: {
    readonly kind: 'audit-report';
    readonly revision: number;
    readonly fileName: string;
    /** Lower-case hex. */
    readonly sha256: string;
    readonly size: number;
    readonly language: string;
  };
  readonly engagementState: { readonly chainHeads: readonly ChainHead[] };
  readonly signer: ManifestSigner;
  /** ISO 8601 UTC; the signer's claim. */
  readonly signedAt: string;
  readonly note: string;
}

const byReplica = (a: ChainHead, b: ChainHead): number => (a.replica < b.replica ? -1 : a.replica > b.replica ? 1 : 0);

/** Builds the manifest with its keys in the documented order (an object literal fixes JSON.stringify's order). */
export function buildManifest(
  fields: ManifestFields,
  document: { readonly sha256: string; readonly size: number },
  signer: ManifestSigner,
  signedAt: Date,
): SignedReportManifest {
  return {
    format: MANIFEST_FORMAT,
    engagement: { id: fields.engagement.id, client: fields.engagement.client, reference: fields.engagement.reference },
    document: {
      kind: 'audit-report',
      revision: fields.document.revision,
      fileName: fields.document.fileName,
      sha256: document.sha256.toLowerCase(),
      size: document.size,
      language: fields.document.language,
    },
    engagementState: {
      chainHeads: [...fields.chainHeads].sort(byReplica).map((head) => ({ replica: head.replica, seq: head.seq, hash: head.hash })),
    },
    signer: { subject: signer.subject, fingerprintSha256: signer.fingerprintSha256 },
    signedAt: signedAt.toISOString(),
    note: SIGNING_TIME_NOTE,
  };
}

/** The manifest's exact bytes: two-space JSON, UTF-8, one trailing newline. */
export function serializeManifest(manifest: SignedReportManifest): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
}
