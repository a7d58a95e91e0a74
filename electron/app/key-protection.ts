import { safeStorage } from 'electron';
import type { OsKeyProtection } from '../platform/platform.ts';

/**
 * Electron safeStorage as the signing key's protection (issue 19): the macOS Keychain, Windows DPAPI or
 * the Linux secret service. On Linux safeStorage falls back to a hard-coded password ('basic_text') when
 * no secret service runs — that protects nothing, so the key goes into the passphrase-protected key
 * file instead (null here). Asked each time: the secret service may come up after the app.
 */
export function safeStorageProtection(platform: NodeJS.Platform = process.platform): OsKeyProtection | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  let name = platform === 'darwin' ? 'macOS Keychain' : platform === 'win32' ? 'Windows DPAPI' : 'secret service';
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return null;
    name = backend;
  }
  return {
    name,
    seal: (plain) => new Uint8Array(safeStorage.encryptString(Buffer.from(plain).toString('base64'))),
    open: (sealed) => new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(sealed)), 'base64')),
  };
}
