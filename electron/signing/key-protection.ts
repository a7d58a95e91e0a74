import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { RequestError } from '../../shared/contract/result.ts';

/**
 * How the auditor's private key is kept at rest: never in the clear. Either the operating system
 * seals it for this user account (Keychain, DPAPI, the Secret Service: the desktop app implements
 * the port below with Electron's safeStorage, in electron/app/), or a passphrase the auditor types to
 * sign (scrypt + AES-256-GCM), where the OS offers nothing (a Linux session without a keyring) or
 * the auditor chose one.
 *
 * The key file (the PKCS #8 DER of the key, sealed):
 *   "AWSIGKEY" | version 1 | mode (1 passphrase, 2 os) | …
 *   mode 1: scrypt log2 N (15) | r (8) | p (1) | salt (16) | IV (12) | GCM tag (16) | ciphertext
 *           — everything before the tag is authenticated as associated data, so the recorded scrypt
 *           cost or the mode cannot be changed without the open failing;
 *   mode 2: the bytes the OS protection returned.
 */

/** The port (declared with the platform, which provides it): the OS's sealing for this user account. Both calls throw when the OS cannot do it. */
export type { OsKeyProtection } from '../platform/platform.ts';
import type { OsKeyProtection } from '../platform/platform.ts';

export type KeyProtection = 'os' | 'passphrase';

/**
 * The passphrase rule, kept to one stated line: at least 8 characters (Unicode characters after NFC,
 * so 8 Chinese characters count as 8). Nothing else is imposed; the strength is the auditor's.
 */
export const PASSPHRASE_MIN_LENGTH = 8;

const MAGIC = Buffer.from('AWSIGKEY', 'latin1');
const VERSION = 1;
const MODE = { passphrase: 1, os: 2 } as const;
// Like the return package (electron/team/package-file.ts): ≈ 0.1 s and 32 MiB on a laptop per unlock.
const SCRYPT = { logN: 15, r: 8, p: 1 } as const;
const SCRYPT_MAXMEM = 64 * 1024 * 1024;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PASSPHRASE_HEADER_BYTES = MAGIC.length + 2 + 3 + SALT_BYTES + IV_BYTES;

/** KEY_PASSPHRASE_WEAK unless the passphrase keeps the rule. */
export function checkPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < PASSPHRASE_MIN_LENGTH) {
    throw new RequestError('KEY_PASSPHRASE_WEAK', `A passphrase has at least ${PASSPHRASE_MIN_LENGTH} characters`, { minLength: PASSPHRASE_MIN_LENGTH });
  }
}

export async function sealWithPassphrase(pkcs8: Uint8Array, passphrase: string): Promise<Uint8Array> {
  checkPassphrase(passphrase);
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const header = Buffer.concat([MAGIC, Buffer.from([VERSION, MODE.passphrase, SCRYPT.logN, SCRYPT.r, SCRYPT.p]), salt, iv]);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
  cipher.setAAD(header);
  const ciphertext = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return new Uint8Array(Buffer.concat([header, cipher.getAuthTag(), ciphertext]));
}

export function sealWithOs(pkcs8: Uint8Array, os: OsKeyProtection): Uint8Array {
  return new Uint8Array(Buffer.concat([MAGIC, Buffer.from([VERSION, MODE.os]), os.seal(pkcs8)]));
}

/** Which protection a key file has; a file that is not one is SIGNING_KEY_UNAVAILABLE (damaged). */
export function protectionOf(file: Uint8Array): KeyProtection {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.length < MAGIC.length + 2 || !bytes.subarray(0, MAGIC.length).equals(MAGIC) || bytes[MAGIC.length] !== VERSION) throw damaged();
  const mode = bytes[MAGIC.length + 1];
  if (mode === MODE.passphrase) return 'passphrase';
  if (mode === MODE.os) return 'os';
  throw damaged();
}

/**
 * The PKCS #8 DER of a key file. Passphrase: KEY_PASSPHRASE_REQUIRED without one, KEY_PASSPHRASE_WRONG
 * when it does not open; OS: SIGNING_KEY_UNAVAILABLE when there is no OS protection here or it fails
 * (another user account or computer, a reset keychain).
 */
export async function openKeyFile(file: Uint8Array, unlock: { readonly passphrase?: string | null | undefined; readonly os: OsKeyProtection | null }): Promise<Uint8Array> {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (protectionOf(bytes) === 'os') {
    if (!unlock.os) throw unavailable('osProtectionUnavailable');
    try {
      return unlock.os.open(bytes.subarray(MAGIC.length + 2));
    } catch {
      throw unavailable('osProtectionFailed');
    }
  }
  if (!unlock.passphrase) throw new RequestError('KEY_PASSPHRASE_REQUIRED', 'The signing key is protected by a passphrase');
  if (bytes.length < PASSPHRASE_HEADER_BYTES + TAG_BYTES) throw damaged();
  let offset = MAGIC.length + 2;
  const [logN, r, p] = [bytes[offset++], bytes[offset++], bytes[offset++]];
  // Version 1 writes one cost; any other is a damaged (or crafted, memory-exhausting) file.
  if (logN !== SCRYPT.logN || r !== SCRYPT.r || p !== SCRYPT.p) throw damaged();
  const salt = bytes.subarray(offset, (offset += SALT_BYTES));
  const iv = bytes.subarray(offset, (offset += IV_BYTES));
  const header = bytes.subarray(0, offset);
  const tag = bytes.subarray(offset, (offset += TAG_BYTES));
  try {
    const decipher = createDecipheriv('aes-256-gcm', await deriveKey(unlock.passphrase, salt), iv);
    decipher.setAAD(header);
    decipher.setAuthTag(tag);
    return new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(offset)), decipher.final()]));
  } catch {
    // GCM cannot tell a wrong passphrase from altered bytes; the passphrase is by far the likelier.
    throw new RequestError('KEY_PASSPHRASE_WRONG', 'The passphrase does not open the signing key');
  }
}

/** Asynchronous: scrypt's 0.1 s must not stall the desktop app's main process. */
function deriveKey(passphrase: string, salt: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N: 2 ** SCRYPT.logN, r: SCRYPT.r, p: SCRYPT.p, maxmem: SCRYPT_MAXMEM }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Why the key cannot be opened, in `params.reason` of SIGNING_KEY_UNAVAILABLE. */
export type KeyUnavailableReason = 'osProtectionUnavailable' | 'osProtectionFailed' | 'damaged';

export function unavailable(reason: KeyUnavailableReason): RequestError {
  return new RequestError('SIGNING_KEY_UNAVAILABLE', `The signing key cannot be opened (${reason})`, { reason });
}

function damaged(): RequestError {
  return unavailable('damaged');
}
