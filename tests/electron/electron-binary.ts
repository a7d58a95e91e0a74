import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

export interface ElectronBinary {
  readonly path: string | null;
  /** Why the real-Electron tests cannot run here, or null. */
  readonly unavailable: string | null;
}

const require = createRequire(import.meta.url);

function binaryPath(): string | null {
  try {
    const resolved = require('electron') as unknown as string; // the package exports the binary's path
    return typeof resolved === 'string' && fs.existsSync(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

/**
 * Electron ≥ 42 installs without its binary; `npx install-electron` fetches it (capped at 60 s).
 * Where that is impossible (no network, as on our build machines) the caller skips, saying why.
 */
export function ensureElectronBinary(): ElectronBinary {
  const existing = binaryPath();
  if (existing) return { path: existing, unavailable: null };
  const attempt = spawnSync('npx', ['--no-install', 'install-electron'], { encoding: 'utf8', timeout: 60_000 });
  const installed = binaryPath();
  if (installed) return { path: installed, unavailable: null };
  const lines = `${attempt.stderr ?? ''}\n${attempt.stdout ?? ''}`.split('\n').map((l) => l.trim());
  const detail = attempt.error?.message ?? lines.find((l) => /error|fail/i.test(l) && !l.startsWith('at ') && !l.startsWith('npm warn')) ?? 'unknown error';
  const unavailable = `the Electron binary could not be installed here (npx install-electron: ${attempt.signal ? 'timed out after 60 s' : detail}); on a machine with network access run: npx install-electron && npm run test:electron`;
  console.log(`[electron] ${unavailable}`);
  return { path: null, unavailable };
}
