#!/usr/bin/env node
// Audit Workbench — stand-alone verifier for signed audit reports (issue 19).
//
// Anyone can check a report without the app:   node verify.mjs report.pdf
//                                                node verify.mjs report.docx
// (the .docx looks for report.docx.p7s, report.docx.manifest.json and report.docx.manifest.json.p7s beside it).
// Exit code: 0 every signature valid, 1 a signature is not valid (or the file changed after it),
// 2 usage or input problem (missing file, not a PDF or .docx, no signature found).
//
// It uses only node:crypto, node:fs and node:path so that it can be read in one sitting and run on any
// Node.js ≥ 20 with nothing installed; the app imports this same module as its verifier (one implementation).
//
// What it checks: the CMS SignedData (RFC 5652) — the message digest of the signed bytes, the signature
// over the signed attributes with the certificate carried in the CMS, and the ESS signing-certificate-v2
// attribute (RFC 5035) naming that certificate. What it does NOT check: whether the certificate is
// trusted (compare its SHA-256 fingerprint with the one your certification body publishes, or use
// `openssl cms -verify -CAfile ...`), and the signing time, which is the signer's own claim (no
// timestamp authority is involved).
//
// Fingerprints are SHA-256 of the certificate's DER, upper-case hex pairs joined by colons
// ("AB:CD:…"), the form `openssl x509 -fingerprint -sha256` prints.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// ---------------------------------------------------------------------------------------------------
// A minimal DER (and BER indefinite-length) reader: enough for CMS SignedData and X.509 certificates.

class DerError extends Error {}

/** Reads one TLV at `pos` (not beyond `end`). */
function readTlv(buf, pos, end = buf.length, depth = 0) {
  if (depth > 64) throw new DerError('nesting too deep');
  if (pos + 2 > end) throw new DerError('truncated');
  const first = buf[pos];
  let p = pos + 1;
  let tagNumber = first & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    let b;
    do {
      if (p >= end) throw new DerError('truncated tag');
      b = buf[p++];
      tagNumber = tagNumber * 128 + (b & 0x7f);
    } while (b & 0x80);
  }
  if (p >= end) throw new DerError('truncated length');
  const lengthByte = buf[p++];
  const constructed = (first & 0x20) !== 0;
  const node = { tag: first, cls: first >> 6, constructed, tagNumber, start: pos, valueStart: 0, valueEnd: 0, end: 0, children: null };
  if (lengthByte === 0x80) {
    if (!constructed) throw new DerError('indefinite length on a primitive');
    const children = [];
    let q = p;
    for (;;) {
      if (q + 2 > end) throw new DerError('missing end-of-contents');
      if (buf[q] === 0 && buf[q + 1] === 0) break;
      const child = readTlv(buf, q, end, depth + 1);
      children.push(child);
      q = child.end;
    }
    return Object.assign(node, { valueStart: p, valueEnd: q, end: q + 2, children });
  }
  let length = lengthByte;
  if (lengthByte > 0x80) {
    const n = lengthByte & 0x7f;
    if (n > 4) throw new DerError('length too long');
    length = 0;
    for (let i = 0; i < n; i++) {
      if (p >= end) throw new DerError('truncated length');
      length = length * 256 + buf[p++];
    }
  }
  if (p + length > end) throw new DerError('value runs past its container');
  return Object.assign(node, { valueStart: p, valueEnd: p + length, end: p + length });
}

function childrenOf(buf, node, depth = 0) {
  if (node.children) return node.children;
  if (!node.constructed) throw new DerError('expected a constructed value');
  const out = [];
  let q = node.valueStart;
  while (q < node.valueEnd) {
    const child = readTlv(buf, q, node.valueEnd, depth + 1);
    out.push(child);
    q = child.end;
  }
  node.children = out;
  return out;
}

const TAG = { INTEGER: 0x02, OCTET_STRING: 0x04, OID: 0x06, UTC_TIME: 0x17, GENERALIZED_TIME: 0x18, SEQUENCE: 0x30, SET: 0x31 };

function expect(node, tag, what) {
  if (!node || node.tag !== tag) throw new DerError(`expected ${what}`);
  return node;
}

const valueOf = (buf, node) => buf.subarray(node.valueStart, node.valueEnd);
const rawOf = (buf, node) => buf.subarray(node.start, node.end);

function decodeOid(bytes) {
  const parts = [];
  let value = 0;
  for (let i = 0; i < bytes.length; i++) {
    value = value * 128 + (bytes[i] & 0x7f);
    if ((bytes[i] & 0x80) === 0) {
      if (parts.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        parts.push(first, value - first * 40);
      } else parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

const oidOf = (buf, node) => decodeOid(valueOf(buf, expect(node, TAG.OID, 'an object identifier')));

/** An AlgorithmIdentifier whose parameters are absent or NULL (all the digest and signature algorithms we accept). */
function algorithmOf(buf, node, what) {
  const parts = childrenOf(buf, expect(node, TAG.SEQUENCE, what));
  if (parts.length > 2 || (parts.length === 2 && !(parts[1].tag === 0x05 && parts[1].valueEnd === parts[1].valueStart))) {
    throw new DerError(`unexpected parameters in ${what}`);
  }
  return oidOf(buf, parts[0]);
}

function decodeTime(buf, node) {
  const text = Buffer.from(valueOf(buf, node)).toString('latin1');
  let m;
  if (node.tag === TAG.UTC_TIME && (m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text))) {
    const year = Number(m[1]) < 50 ? 2000 + Number(m[1]) : 1900 + Number(m[1]);
    return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
  }
  if (node.tag === TAG.GENERALIZED_TIME && (m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d+))?Z$/.exec(text))) {
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ms));
  }
  throw new DerError('unreadable time');
}

// ---------------------------------------------------------------------------------------------------
// Object identifiers.

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  subjectKeyIdentifier: '2.5.29.14',
};

const DIGESTS = {
  '2.16.840.1.101.3.4.2.1': { name: 'SHA-256', node: 'sha256' },
  '2.16.840.1.101.3.4.2.2': { name: 'SHA-384', node: 'sha384' },
  '2.16.840.1.101.3.4.2.3': { name: 'SHA-512', node: 'sha512' },
};

/** Signature algorithms we can check: the key type each needs and the digest it implies (null: the SignerInfo's digest). */
const SIGNATURE_ALGORITHMS = {
  '1.2.840.113549.1.1.1': { key: 'rsa', digest: null }, // rsaEncryption (PKCS#1 v1.5; OpenSSL writes this)
  '1.2.840.113549.1.1.11': { key: 'rsa', digest: 'SHA-256' }, // sha256WithRSAEncryption
  '1.2.840.113549.1.1.12': { key: 'rsa', digest: 'SHA-384' },
  '1.2.840.113549.1.1.13': { key: 'rsa', digest: 'SHA-512' },
  '1.2.840.10045.2.1': { key: 'ec', digest: null }, // id-ecPublicKey, used by some signers in place of ecdsa-with-SHA*
  '1.2.840.10045.4.3.2': { key: 'ec', digest: 'SHA-256' }, // ecdsa-with-SHA256
  '1.2.840.10045.4.3.3': { key: 'ec', digest: 'SHA-384' },
  '1.2.840.10045.4.3.4': { key: 'ec', digest: 'SHA-512' },
};

// ---------------------------------------------------------------------------------------------------
// Certificates.

function parseCertificate(buf, node) {
  const der = Buffer.from(rawOf(buf, node));
  const [tbs] = childrenOf(buf, expect(node, TAG.SEQUENCE, 'a certificate'));
  const fields = childrenOf(buf, expect(tbs, TAG.SEQUENCE, 'a TBSCertificate'));
  let i = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] version
  const serial = expect(fields[i++], TAG.INTEGER, 'a serial number');
  i++; // signature algorithm
  const issuer = expect(fields[i], TAG.SEQUENCE, 'an issuer name');
  let subjectKeyIdentifier = null;
  const extensions = fields.find((f) => f.tag === 0xa3);
  if (extensions) {
    const [list] = childrenOf(buf, extensions);
    for (const extension of childrenOf(buf, expect(list, TAG.SEQUENCE, 'extensions'))) {
      const parts = childrenOf(buf, extension);
      if (oidOf(buf, parts[0]) !== OID.subjectKeyIdentifier) continue;
      const wrapped = parts[parts.length - 1];
      const inner = readTlv(buf, wrapped.valueStart, wrapped.valueEnd);
      subjectKeyIdentifier = Buffer.from(valueOf(buf, inner));
    }
  }
  return { der, serial: Buffer.from(valueOf(buf, serial)), issuerDer: Buffer.from(rawOf(buf, issuer)), subjectKeyIdentifier };
}

function fingerprintSha256(der) {
  return crypto.createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g).join(':');
}

function describeCertificate(der) {
  const x509 = new crypto.X509Certificate(der);
  return {
    subject: x509.subject.split('\n').join(', '),
    issuer: x509.issuer.split('\n').join(', '),
    fingerprintSha256: fingerprintSha256(der),
    notBefore: new Date(x509.validFrom).toISOString(),
    notAfter: new Date(x509.validTo).toISOString(),
    certificatePem: x509.toString(),
  };
}

// ---------------------------------------------------------------------------------------------------
// CMS SignedData.

function parseSignedData(buf) {
  const outer = readTlv(buf, 0);
  const contentInfo = childrenOf(buf, expect(outer, TAG.SEQUENCE, 'a ContentInfo'));
  if (oidOf(buf, contentInfo[0]) !== OID.signedData) throw new DerError('not a CMS SignedData');
  const [signedData] = childrenOf(buf, expect(contentInfo[1], 0xa0, 'the SignedData'));
  const parts = childrenOf(buf, expect(signedData, TAG.SEQUENCE, 'the SignedData'));
  const versionBytes = valueOf(buf, expect(parts[0], TAG.INTEGER, 'a version'));
  const version = versionBytes.length === 1 ? versionBytes[0] : -1;
  const digestAlgorithms = childrenOf(buf, expect(parts[1], TAG.SET, 'the digest algorithms')).map((a) => algorithmOf(buf, a, 'a digest algorithm'));
  const encap = childrenOf(buf, expect(parts[2], TAG.SEQUENCE, 'the encapsulated content info'));
  const eContentType = oidOf(buf, encap[0]);
  const certificates = [];
  let signerInfos = null;
  for (const part of parts.slice(3)) {
    if (part.tag === 0xa0) {
      for (const cert of childrenOf(buf, part)) if (cert.tag === TAG.SEQUENCE) certificates.push(parseCertificate(buf, cert));
    } else if (part.tag === TAG.SET) signerInfos = part;
  }
  if (!signerInfos) throw new DerError('no signer infos');
  const signers = childrenOf(buf, signerInfos);
  if (signers.length === 0) throw new DerError('no signer info');
  const signerInfo = parseSignerInfo(buf, signers[0]);
  // RFC 5652 5.1: version 1 for plain certificates, id-data and issuer-and-serial signers, else 3.
  const expectedVersion = eContentType === OID.data && signerInfo.version === 1 ? 1 : 3;
  if (version !== expectedVersion) throw new DerError(`SignedData version ${version} where ${expectedVersion} is due`);
  if (!digestAlgorithms.includes(signerInfo.digestAlgorithm)) throw new DerError("the signer's digest algorithm is not listed in the SignedData");
  return { encapsulatedContent: encap.length > 1, eContentType, certificates, signerInfo, signerCount: signers.length };
}

function parseSignerInfo(buf, node) {
  const parts = childrenOf(buf, expect(node, TAG.SEQUENCE, 'a SignerInfo'));
  const versionBytes = valueOf(buf, expect(parts[0], TAG.INTEGER, 'a version'));
  const version = versionBytes.length === 1 ? versionBytes[0] : -1;
  const sid = parts[1];
  if (version !== (sid?.tag === TAG.SEQUENCE ? 1 : 3)) throw new DerError(`SignerInfo version ${version} does not fit its signer identifier`);
  let issuerAndSerial = null;
  let subjectKeyIdentifier = null;
  if (sid?.tag === TAG.SEQUENCE) {
    const [issuer, serial] = childrenOf(buf, sid);
    issuerAndSerial = { issuerDer: Buffer.from(rawOf(buf, issuer)), serial: Buffer.from(valueOf(buf, expect(serial, TAG.INTEGER, 'a serial'))) };
  } else if (sid?.tag === 0x80) subjectKeyIdentifier = Buffer.from(valueOf(buf, sid));
  else throw new DerError('unreadable signer identifier');
  const digestAlgorithm = algorithmOf(buf, parts[2], 'a digest algorithm');
  let i = 3;
  let signedAttrs = null;
  if (parts[i]?.tag === 0xa0) signedAttrs = parts[i++];
  const signatureAlgorithm = algorithmOf(buf, parts[i++], 'a signature algorithm');
  const signature = Buffer.from(valueOf(buf, expect(parts[i++], TAG.OCTET_STRING, 'the signature value')));
  if (parts[i] !== undefined && parts[i].tag !== 0xa1) throw new DerError('unexpected field after the signature');
  const attributes = new Map();
  let signedAttrsDer = null;
  if (signedAttrs) {
    // The signature covers the DER of the attributes as a SET (0x31), not as the [0] they are stored in.
    signedAttrsDer = Buffer.from(rawOf(buf, signedAttrs));
    signedAttrsDer[0] = TAG.SET;
    for (const attribute of childrenOf(buf, signedAttrs)) {
      const [type, values] = childrenOf(buf, expect(attribute, TAG.SEQUENCE, 'an attribute'));
      const oid = oidOf(buf, type);
      if (attributes.has(oid)) throw new DerError(`attribute ${oid} appears twice`);
      attributes.set(oid, childrenOf(buf, expect(values, TAG.SET, 'attribute values')));
    }
  }
  return { version, issuerAndSerial, subjectKeyIdentifier, digestAlgorithm, signatureAlgorithm, signature, signedAttrsDer, attributes };
}

function findSignerCertificate(certificates, signerInfo) {
  const match = certificates.find((cert) =>
    signerInfo.issuerAndSerial
      ? cert.issuerDer.equals(signerInfo.issuerAndSerial.issuerDer) && cert.serial.equals(signerInfo.issuerAndSerial.serial)
      : cert.subjectKeyIdentifier !== null && cert.subjectKeyIdentifier.equals(signerInfo.subjectKeyIdentifier),
  );
  return match ?? null;
}

/** ESS signing-certificate-v2: SEQUENCE { certs SEQUENCE OF ESSCertIDv2 { hashAlgorithm DEFAULT sha256, certHash, issuerSerial? } ... } */
function signingCertificateV2Hash(buf, value) {
  const [certs] = childrenOf(buf, expect(value, TAG.SEQUENCE, 'a SigningCertificateV2'));
  const [first] = childrenOf(buf, expect(certs, TAG.SEQUENCE, 'the ESSCertIDv2 list'));
  const parts = childrenOf(buf, expect(first, TAG.SEQUENCE, 'an ESSCertIDv2'));
  let hashOid = '2.16.840.1.101.3.4.2.1';
  let i = 0;
  if (parts[0]?.tag === TAG.SEQUENCE) hashOid = oidOf(buf, childrenOf(buf, parts[i++])[0]);
  return { hash: DIGESTS[hashOid], certHash: Buffer.from(valueOf(buf, expect(parts[i], TAG.OCTET_STRING, 'a certificate hash'))) };
}

const asBuffer = (bytes) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/**
 * Verifies a detached CMS SignedData over `contentBytes`. Never throws: a CMS that cannot be read
 * gives `{ valid: false, malformed: true, reason }`.
 */
export function verifyCmsDetached(cmsDer, contentBytes) {
  const result = {
    valid: false,
    reason: undefined,
    malformed: false,
    signer: null,
    signingTime: null,
    digestAlgorithm: null,
    hasSigningCertificateV2: false,
    signingCertificateV2Matches: false,
  };
  const fail = (reason) => ({ ...result, valid: false, reason });
  try {
    const buf = asBuffer(cmsDer);
    const content = asBuffer(contentBytes);
    const outer = readTlv(buf, 0);
    if (outer.end > buf.length) throw new DerError('truncated');
    const parsed = parseSignedData(buf);
    const { signerInfo } = parsed;
    const certificate = findSignerCertificate(parsed.certificates, signerInfo);
    if (!certificate) return fail('the signer certificate is not in the CMS');
    result.signer = describeCertificate(certificate.der);
    const digest = DIGESTS[signerInfo.digestAlgorithm];
    if (!digest) return fail(`unsupported digest algorithm ${signerInfo.digestAlgorithm}`);
    result.digestAlgorithm = digest.name;
    if (parsed.encapsulatedContent) return fail('the CMS carries its own content (not a detached signature)');

    let signedBytes = content;
    if (signerInfo.signedAttrsDer) {
      const signingTime = signerInfo.attributes.get(OID.signingTime)?.[0];
      if (signingTime) result.signingTime = decodeTime(buf, signingTime).toISOString();
      const essValue = signerInfo.attributes.get(OID.signingCertificateV2)?.[0];
      if (essValue) {
        result.hasSigningCertificateV2 = true;
        const { hash, certHash } = signingCertificateV2Hash(buf, essValue);
        result.signingCertificateV2Matches = hash !== undefined && crypto.createHash(hash.node).update(certificate.der).digest().equals(certHash);
      }
      const contentType = signerInfo.attributes.get(OID.contentType)?.[0];
      if (!contentType) return fail('the content-type attribute is missing');
      if (oidOf(buf, contentType) !== parsed.eContentType) return fail('the content-type attribute differs from the content type');
      const messageDigest = signerInfo.attributes.get(OID.messageDigest)?.[0];
      if (!messageDigest) return fail('the message-digest attribute is missing');
      const claimed = Buffer.from(valueOf(buf, expect(messageDigest, TAG.OCTET_STRING, 'a message digest')));
      if (!crypto.createHash(digest.node).update(content).digest().equals(claimed)) {
        return fail('the signed content has changed (message digest mismatch)');
      }
      signedBytes = signerInfo.signedAttrsDer;
    }

    const publicKey = new crypto.X509Certificate(certificate.der).publicKey;
    const algorithm = SIGNATURE_ALGORITHMS[signerInfo.signatureAlgorithm];
    if (!algorithm) return fail(`unsupported signature algorithm ${signerInfo.signatureAlgorithm}`);
    if (algorithm.digest !== null && algorithm.digest !== digest.name) return fail('the signature algorithm names another digest than the signer info');
    if (algorithm.key !== publicKey.asymmetricKeyType) return fail(`the signature algorithm does not fit the certificate's ${publicKey.asymmetricKeyType} key`);
    let signatureOk = false;
    try {
      signatureOk = crypto.verify(digest.node, signedBytes, { key: publicKey, dsaEncoding: 'der' }, signerInfo.signature);
    } catch {
      signatureOk = false;
    }
    if (!signatureOk) return fail('the signature does not match the signer certificate');
    if (result.hasSigningCertificateV2 && !result.signingCertificateV2Matches) {
      return fail('the signing-certificate-v2 attribute names another certificate');
    }
    return { ...result, valid: true, reason: undefined };
  } catch (error) {
    if (error instanceof DerError || error instanceof RangeError) return { ...fail(`malformed CMS: ${error.message}`), malformed: true };
    return fail(`cannot verify: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// PDF: every signature dictionary's /ByteRange and /Contents (incremental updates add one each).

const isHex = (c) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const isPdfSpace = (c) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

function decodePdfString(text) {
  if (text.startsWith('<')) {
    const bytes = Buffer.from(text.slice(1, -1).replace(/\s+/g, ''), 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  const body = text.slice(1, -1).replace(/\\([nrtbf()\\])/g, (_, c) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c);
  const bytes = Buffer.from(body, 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return body;
}

/** The field names of signature fields, by the object number of their value (/V n g R), when the fields are not compressed. */
function signatureFieldNames(text) {
  const names = new Map();
  for (const m of text.matchAll(/(\d+)\s+\d+\s+obj\b([\s\S]*?)endobj/g)) {
    const body = m[2];
    if (!/\/FT\s*\/Sig\b/.test(body)) continue;
    const v = /\/V\s+(\d+)\s+\d+\s+R/.exec(body);
    const t = /\/T\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(body);
    if (v && t) names.set(Number(v[1]), decodePdfString(t[1]));
  }
  return names;
}

function objectNumberBefore(text, position) {
  const head = text.slice(Math.max(0, position - 4096), position);
  const all = [...head.matchAll(/(\d+)\s+\d+\s+obj\b/g)];
  return all.length > 0 ? Number(all[all.length - 1][1]) : null;
}

function readSignatureAt(pdf, text, at, fieldNames) {
  const m = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at, at + 200));
  if (!m) return null;
  const byteRange = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  const [a, b, c, d] = byteRange;
  const objectNumber = objectNumberBefore(text, at);
  const dictionaryText = text.slice(at - 2000 > 0 ? at - 2000 : 0, at + 2000);
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(dictionaryText)?.[1] ?? null;
  const base = {
    fieldName: objectNumber !== null ? (fieldNames.get(objectNumber) ?? null) : null,
    subFilter,
    byteRange,
    coversWholeFile: false,
  };
  const broken = (reason) => ({ ...base, ...verifyCmsDetachedEmpty(reason) });
  if (a !== 0) return broken('the byte range does not start at the beginning of the file');
  if (!(b > 0 && c > b + 1 && d >= 0 && c + d <= pdf.length)) return broken('the byte range does not fit the file');
  if (pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) return broken('the gap in the byte range is not the signature contents');
  for (let i = b + 1; i < c - 1; i++) if (!isHex(pdf[i])) return broken('the gap in the byte range is not the signature contents');
  let k = b - 1;
  while (k > 0 && isPdfSpace(pdf[k])) k--;
  if (text.slice(k - 8, k + 1) !== '/Contents') return broken('the gap in the byte range is not the signature contents');
  const end = c + d;
  const rest = pdf.subarray(end);
  base.coversWholeFile = end === pdf.length || (rest.length <= 2 && rest.every((x) => x === 0x0a || x === 0x0d));
  const hex = text.slice(b + 1, c - 1);
  const padded = Buffer.from(hex.length % 2 === 0 ? hex : `${hex}0`, 'hex');
  let cms;
  try {
    cms = padded.subarray(0, readTlv(padded, 0).end); // the contents are zero-padded to the reserved size
  } catch (error) {
    return { ...base, ...verifyCmsDetachedEmpty(`malformed CMS: ${error.message}`), malformed: true };
  }
  if (subFilter === 'adbe.pkcs7.sha1' || subFilter === 'adbe.x509.rsa_sha1') return broken(`unsupported signature format ${subFilter}`);
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  return { ...base, ...verifyCmsDetached(cms, signed) };
}

function verifyCmsDetachedEmpty(reason) {
  return {
    valid: false,
    reason,
    malformed: false,
    signer: null,
    signingTime: null,
    digestAlgorithm: null,
    hasSigningCertificateV2: false,
    signingCertificateV2Matches: false,
  };
}

/** Verifies every signature of a PDF. A file that is not a PDF throws (the CLI reports it). */
export function verifyPdf(pdfBytes) {
  const pdf = asBuffer(pdfBytes);
  if (pdf.subarray(0, 1024).indexOf('%PDF-') === -1) throw new Error('not a PDF file');
  const text = pdf.toString('latin1');
  const fieldNames = signatureFieldNames(text);
  const seen = new Set();
  const signatures = [];
  for (let at = text.indexOf('/ByteRange'); at !== -1; at = text.indexOf('/ByteRange', at + 1)) {
    const signature = readSignatureAt(pdf, text, at, fieldNames);
    if (!signature) continue;
    const key = signature.byteRange.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    signatures.push(signature);
  }
  signatures.sort((x, y) => x.byteRange[2] + x.byteRange[3] - (y.byteRange[2] + y.byteRange[3]));
  const last = signatures[signatures.length - 1];
  let modifiedAfterLastSignature = false;
  if (last) {
    const rest = pdf.subarray(Math.min(pdf.length, last.byteRange[2] + last.byteRange[3]));
    modifiedAfterLastSignature = !(rest.length <= 2 && rest.every((x) => x === 0x0a || x === 0x0d));
  }
  return { signatures, modifiedAfterLastSignature };
}

// ---------------------------------------------------------------------------------------------------
// .docx: a detached CMS beside the file, and a signed manifest.

/**
 * Verifies a .docx's detached signature and, when given, the manifest and its signature: the manifest
 * is valid when its own signature is, it names the .docx's SHA-256 and size, and the same certificate
 * signed both.
 */
export function verifyDocxSignature(docxBytes, p7sBytes, manifestBytes, manifestP7sBytes) {
  const docx = asBuffer(docxBytes);
  const document = verifyCmsDetached(p7sBytes, docx);
  if (manifestBytes === undefined || manifestP7sBytes === undefined) return { document };
  const signature = verifyCmsDetached(manifestP7sBytes, manifestBytes);
  let manifest = null;
  let reason = signature.valid ? undefined : `manifest signature: ${signature.reason}`;
  try {
    manifest = JSON.parse(asBuffer(manifestBytes).toString('utf8'));
  } catch {
    reason ??= 'the manifest is not JSON';
  }
  const sha256 = crypto.createHash('sha256').update(docx).digest('hex');
  const docxSha256Matches =
    typeof manifest?.document?.sha256 === 'string' &&
    manifest.document.sha256.toLowerCase() === sha256 &&
    (manifest.document.size === undefined || manifest.document.size === docx.length);
  if (!docxSha256Matches) reason ??= 'the manifest names another document (SHA-256 or size differ)';
  const sameSigner = document.signer !== null && signature.signer !== null && document.signer.fingerprintSha256 === signature.signer.fingerprintSha256;
  if (!sameSigner) reason ??= 'the manifest and the document were signed by different certificates';
  const valid = signature.valid && docxSha256Matches && sameSigner;
  return { document, manifest: { valid, reason: valid ? undefined : reason, sameSigner, docxSha256Matches, signature, manifest } };
}

/** The files a signed .docx is delivered with (one place for the names; the app's writer uses the same). */
export function docxCompanionPaths(docxPath) {
  return { p7s: `${docxPath}.p7s`, manifest: `${docxPath}.manifest.json`, manifestP7s: `${docxPath}.manifest.json.p7s` };
}

// ---------------------------------------------------------------------------------------------------
// Command line.

class UsageError extends Error {}

function describeSigner(lines, result) {
  if (!result.signer) return;
  lines.push(`    signer:       ${result.signer.subject}`);
  lines.push(`    issued by:    ${result.signer.issuer}`);
  lines.push(`    fingerprint:  SHA-256 ${result.signer.fingerprintSha256}`);
  lines.push(`    certificate:  valid ${result.signer.notBefore} to ${result.signer.notAfter}`);
  if (result.signingTime) {
    lines.push(`    signed at:    ${result.signingTime} (the signer's own claim; no timestamp authority)`);
    if (result.signingTime < result.signer.notBefore || result.signingTime > result.signer.notAfter) {
      lines.push('    note:         the claimed signing time is outside the certificate\'s validity');
    }
  }
  if (result.digestAlgorithm) lines.push(`    digest:       ${result.digestAlgorithm}`);
  lines.push(`    signing-certificate-v2: ${result.hasSigningCertificateV2 ? (result.signingCertificateV2Matches ? 'present, names this certificate' : 'present, names ANOTHER certificate') : 'absent'}`);
}

const verdict = (ok) => (ok ? 'VALID' : 'NOT VALID');

function readInput(file) {
  try {
    if (!fs.statSync(file).isFile()) throw new UsageError(`${file} is not a file`);
    return fs.readFileSync(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error?.code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${error?.code ?? error?.message})`);
  }
}

function runPdf(file, bytes, lines) {
  const { signatures, modifiedAfterLastSignature } = verifyPdf(bytes);
  if (signatures.length === 0) throw new UsageError(`${file}: this PDF has no signature`);
  let ok = true;
  signatures.forEach((signature, index) => {
    ok &&= signature.valid;
    lines.push(`Signature ${index + 1} of ${signatures.length}${signature.fieldName ? ` (field "${signature.fieldName}")` : ''}: ${verdict(signature.valid)}${signature.reason ? ` — ${signature.reason}` : ''}`);
    describeSigner(lines, signature);
    const [, , c, d] = signature.byteRange;
    lines.push(
      signature.coversWholeFile
        ? '    covers:       the whole file'
        : `    covers:       the file up to byte ${c + d} of ${bytes.length}; what follows was added later (an incremental update, e.g. a later signature)`,
    );
  });
  if (modifiedAfterLastSignature) {
    ok = false;
    lines.push('The file was changed after its last signature: bytes follow the last signed range.');
  }
  return ok;
}

function runDocx(file, bytes, lines) {
  const companions = docxCompanionPaths(file);
  if (!fs.existsSync(companions.p7s)) throw new UsageError(`${file}: no signature found (expected ${path.basename(companions.p7s)} beside it)`);
  const p7s = readInput(companions.p7s);
  const hasManifest = fs.existsSync(companions.manifest);
  const hasManifestP7s = fs.existsSync(companions.manifestP7s);
  const result = verifyDocxSignature(bytes, p7s, hasManifest ? readInput(companions.manifest) : undefined, hasManifestP7s ? readInput(companions.manifestP7s) : undefined);
  let ok = result.document.valid;
  lines.push(`Document signature (${path.basename(companions.p7s)}): ${verdict(result.document.valid)}${result.document.reason ? ` — ${result.document.reason}` : ''}`);
  describeSigner(lines, result.document);
  if (result.manifest) {
    ok &&= result.manifest.valid;
    lines.push(`Manifest (${path.basename(companions.manifest)}): ${verdict(result.manifest.valid)}${result.manifest.reason ? ` — ${result.manifest.reason}` : ''}`);
    lines.push(`    names this document (SHA-256 and size): ${result.manifest.docxSha256Matches ? 'yes' : 'NO'}`);
    lines.push(`    signed by the same certificate:          ${result.manifest.sameSigner ? 'yes' : 'NO'}`);
    const m = result.manifest.manifest;
    if (m?.engagement) lines.push(`    engagement:   ${m.engagement.reference ?? ''} ${m.engagement.client ?? ''}`.trimEnd());
    if (m?.document) lines.push(`    report:       revision ${m.document.revision ?? '?'}, ${m.document.fileName ?? ''}`);
  } else if (hasManifest !== hasManifestP7s) {
    ok = false;
    lines.push(`Manifest: NOT VALID — ${hasManifest ? `${path.basename(companions.manifestP7s)} is missing` : `${path.basename(companions.manifest)} is missing`}`);
  } else {
    lines.push('Manifest: none beside the file (not checked).');
  }
  return ok;
}

export function runCli(args, out = console.log, err = console.error) {
  if (args.length !== 1 || args[0] === '-h' || args[0] === '--help') {
    err('Usage: node verify.mjs <report.pdf | report.docx>\n(a .docx is checked with <name>.docx.p7s and, when present, <name>.docx.manifest.json and its .p7s beside it)');
    return 2;
  }
  const file = args[0];
  const lines = [];
  try {
    const bytes = readInput(file);
    let ok;
    if (bytes.subarray(0, 1024).indexOf('%PDF-') !== -1) ok = runPdf(file, bytes, lines);
    else if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) ok = runDocx(file, bytes, lines);
    else throw new UsageError(`${file}: not a PDF or a .docx file`);
    lines.push('');
    lines.push(ok ? `VERDICT: ${path.basename(file)} — every signature is valid.` : `VERDICT: ${path.basename(file)} — NOT VALID (see above).`);
    lines.push('Trust: this tool does not decide whether the signer is trusted; compare the fingerprint with the one');
    lines.push('your certification body publishes, or check the chain with `openssl cms -verify -CAfile <ca.pem>`.');
    out(lines.join('\n'));
    return ok ? 0 : 1;
  } catch (error) {
    if (lines.length > 0) out(lines.join('\n'));
    err(error instanceof UsageError ? error.message : `${file}: cannot be checked (${error instanceof Error ? error.message : String(error)})`);
    return 2;
  }
}

// Run as a program (`node verify.mjs file`), not when imported: the app bundles this module into
// CommonJS, where `import.meta` does not exist (esbuild would warn), so the entry script's name decides.
if (typeof require === 'undefined' && /(^|[\\/])verify\.mjs$/.test(process.argv[1] ?? '')) {
  process.exitCode = runCli(process.argv.slice(2));
}
