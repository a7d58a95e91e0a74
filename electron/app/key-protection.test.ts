import { describe, expect, it, vi } from 'vitest';

// Electron itself is the one thing mocked: safeStorage as each platform reports it.
const storage = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret' }));
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => storage.available,
    getSelectedStorageBackend: () => storage.backend,
    encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
    decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'hex').toString(),
  },
}));

const { safeStorageProtection } = await import('./key-protection.ts');

describe('the signing key’s OS protection (safeStorage)', () => {
  it('seals and opens a key where the system protects it', () => {
    storage.available = true;
    storage.backend = 'gnome_libsecret';
    const protection = safeStorageProtection('linux')!;
    expect(protection.name).toBe('gnome_libsecret');
    const key = new Uint8Array([0, 1, 2, 250, 255]);
    const sealed = protection.seal(key);
    expect(Buffer.from(sealed).includes(Buffer.from(key))).toBe(false);
    expect([...protection.open(sealed)]).toEqual([...key]);
    expect(safeStorageProtection('darwin')!.name).toBe('macOS Keychain');
    expect(safeStorageProtection('win32')!.name).toBe('Windows DPAPI');
  });

  it('is none where safeStorage would keep the key in plain text (Linux without a secret service) or cannot encrypt', () => {
    storage.available = true;
    storage.backend = 'basic_text';
    expect(safeStorageProtection('linux')).toBeNull();
    storage.backend = 'unknown';
    expect(safeStorageProtection('linux')).toBeNull();
    storage.available = false;
    storage.backend = 'gnome_libsecret';
    expect(safeStorageProtection('linux')).toBeNull();
    expect(safeStorageProtection('darwin')).toBeNull();
  });
});
