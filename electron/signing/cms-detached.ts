import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SigningKey } from './signing-key.ts';

/**
 * A detached CMS SignedData (RFC 5652) in the CAdES-detached shape, for a file delivered beside its
 * signature (the .docx report and its manifest). Signed attributes: content type (id-data), message
 * digest (SHA-256), signing time (the signer's claim) and ESS signing-certificate-v2 (RFC 5035), which
 * binds the certificate to the signature so it cannot be swapped for another with the same key.
 *
 * pkijs builds the structure; node:crypto signs (an in-memory KeyObject, no WebCrypto round trip;
 * ECDSA signatures come out DER-encoded as CMS wants). Checked by resources/verify.mjs and OpenSSL.
 */

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;
const sha256 = (bytes: Uint8Array): Uint8Array => new Uint8Array(crypto.createHash('sha256').update(bytes).digest());

function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(toArrayBuffer(der));
}

/** ESS signing-certificate-v2: one ESSCertIDv2 with the SHA-256 of the certificate (the default hash, so omitted) and its issuer and serial. */
function signingCertificateV2(certificate: pkijs.Certificate, certificateDer: Uint8Array): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      // GeneralNames { directoryName [4] Name }
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] })] }),
      certificate.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(certificateDer)) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** DER orders a SET OF by the encodings of its elements; asn1js keeps the given order, so we sort first. */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((attribute) => ({ attribute, der: new Uint8Array(attribute.toSchema().toBER()) }));
  encoded.sort((a, b) => Buffer.compare(a.der, b.der));
  return encoded.map((e) => e.attribute);
}

/**
 * Signs `content` and returns the DER of a detached CMS SignedData (a .p7s). The signing time is the
 * signer's claim, written as the signingTime attribute; no timestamp authority is involved.
 */
export async function signDetached(content: Uint8Array, key: SigningKey, signingTime: Date): Promise<Uint8Array> {
  const certificate = parseCertificate(key.certificate);
  const chain = key.chain.map(parseCertificate);

  const attributes = derSorted([
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(content)) })] }),
    // UTCTime up to 2049, as RFC 5652 asks of signingTime.
    new pkijs.Attribute({
      type: OID.signingTime,
      values: [signingTime.getUTCFullYear() < 2050 ? new asn1js.UTCTime({ valueDate: signingTime }) : new asn1js.GeneralizedTime({ valueDate: signingTime })],
    }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(certificate, key.certificate)] }),
  ]);
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });

  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] they are stored in.
  const signedAttrsDer = new Uint8Array(signedAttrs.toSchema().toBER());
  signedAttrsDer[0] = 0x31;
  const signature = crypto.sign('sha256', signedAttrsDer, key.keyType === 'EC' ? { key: key.privateKey, dsaEncoding: 'der' } : key.privateKey);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm:
      key.keyType === 'EC'
        ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 })
        : new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRSA, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(new Uint8Array(signature)) }),
  });

  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [certificate, ...chain],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}
