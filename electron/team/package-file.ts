import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { StoreError } from '../../shared/store-errors.ts';
import { parseReturnPackage, type ReturnPackage } from './package-schema.ts';

/**
 * The return package on disk: "AW20RPK1", a mode byte, then either the gzipped JSON (mode 0) or
 * salt, IV, GCM tag and the AES-256-GCM ciphertext of it (mode 1), the key derived from the
 * passphrase with scrypt. The header is authenticated as associated data.
 */
export { PACKAGE_EXTENSION } from '../../shared/file-kinds.ts';
const MAGIC = Buffer.from('AW20RPK1', 'latin1');
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

export function deriveKey(passphrase: string, salt: Buffer): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, SCRYPT);
}

export function encodePackage(pkg: ReturnPackage, passphrase?: string | null): Buffer {
  const compressed = gzipSync(Buffer.from(JSON.stringify(pkg), 'utf8'));
  if (!passphrase) return Buffer.concat([MAGIC, Buffer.from([0]), compressed]);
  const header = Buffer.concat([MAGIC, Buffer.from([1])]);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt), iv);
  cipher.setAAD(header);
  const ciphertext = Buffer.concat([cipher.update(compressed), cipher.final()]);
  return Buffer.concat([header, salt, iv, cipher.getAuthTag(), ciphertext]);
}

export function isPackage(bytes: Buffer): boolean {
  return bytes.length > MAGIC.length && bytes.subarray(0, MAGIC.length).equals(MAGIC);
}

export function packageIsEncrypted(bytes: Buffer): boolean {
  return isPackage(bytes) && bytes[MAGIC.length] === 1;
}

/** Decrypts (when needed), decompresses and validates; every failure is a clear StoreError. */
export function decodePackage(bytes: Buffer, passphrase?: string | null): ReturnPackage {
  if (!isPackage(bytes)) throw new StoreError('MERGE_NOT_A_PACKAGE', 'This file is not a return package');
  const mode = bytes[MAGIC.length];
  let compressed: Buffer;
  if (mode === 0) {
    compressed = bytes.subarray(MAGIC.length + 1);
  } else if (mode === 1) {
    if (!passphrase) throw new StoreError('MERGE_PASSPHRASE_REQUIRED', 'This package is protected by a passphrase');
    const header = bytes.subarray(0, MAGIC.length + 1);
    let offset = header.length;
    const salt = bytes.subarray(offset, (offset += 16));
    const iv = bytes.subarray(offset, (offset += 12));
    const tag = bytes.subarray(offset, (offset += 16));
    if (tag.length !== 16) throw new StoreError('MERGE_DAMAGED', 'The package is cut off');
    try {
      const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, salt), iv);
      decipher.setAAD(header);
      decipher.setAuthTag(tag);
      compressed = Buffer.concat([decipher.update(bytes.subarray(offset)), decipher.final()]);
    } catch {
      // GCM cannot tell a wrong passphrase from tampered bytes; the passphrase is by far the likelier.
      throw new StoreError('MERGE_WRONG_PASSPHRASE', 'The passphrase does not open this package');
    }
  } else {
    throw new StoreError('MERGE_DAMAGED', `Unknown package mode ${String(mode)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(gunzipSync(compressed).toString('utf8'));
  } catch {
    throw new StoreError('MERGE_DAMAGED', 'The package is damaged: its content cannot be read');
  }
  const parsed = parseReturnPackage(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoreError('MERGE_DAMAGED', `The package is damaged: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), {
      path: issue?.path.join('.') ?? '',
    });
  }
  return parsed.data;
}
