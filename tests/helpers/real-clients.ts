/**
 * Real clients for the documents' tests (DESIGN.md "Testing"): LibreOffice headless and poppler's
 * pdftotext. CI installs both (.ci/run: libreoffice-writer-nogui, poppler-utils) and a missing one
 * fails there; on a developer's machine without them the suite is skipped, saying why.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect } from 'vitest';

const has = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** `describe` when soffice and pdftotext are installed (or in CI, where their absence must fail), else `describe.skip` with a warning naming `suite`. */
export function realClientsDescribe(suite: string): typeof describe | typeof describe.skip {
  const missing = ['soffice', 'pdftotext'].filter((tool) => !has(tool));
  if (missing.length && !process.env.CI) console.warn(`${suite}: skipped here, ${missing.join(' and ')} not installed (apt-get install libreoffice-writer-nogui poppler-utils)`);
  return missing.length === 0 || process.env.CI ? describe : describe.skip;
}

export interface Conversion {
  readonly status: number | null;
  readonly stderr: string;
  readonly error?: Error;
}

/**
 * Every .docx converted to PDF into `outDir` by one LibreOffice call, with a profile folder of its own
 * in `scratch` (no clash with an office already running, never the user's profile). Asynchronous, so
 * the caller can render its own PDFs meanwhile.
 */
export function libreOfficeToPdf(files: readonly string[], outDir: string, scratch: string): Promise<Conversion> {
  return new Promise((resolve) => {
    const profile = `-env:UserInstallation=file://${path.join(scratch, 'lo-profile')}`;
    const child = spawn('soffice', [profile, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], { timeout: 240_000 });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    child.on('error', (error) => resolve({ status: null, stderr, error }));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/** LibreOffice ran, exited 0 and reported no error. */
export function expectConverted(conversion: Conversion): void {
  expect(conversion.error?.message, 'soffice could not run: install libreoffice-writer-nogui').toBeUndefined();
  expect(conversion.status, conversion.stderr).toBe(0);
  expect(conversion.stderr).not.toMatch(/\berror\b/i);
}

/** pdftotext's text of a PDF (or of its pages `first`–`last`): laid out as on the page, or with `layout: false` in reading order. */
export function pdftotext(file: string, { pages, layout = true }: { pages?: readonly [first: number, last: number]; layout?: boolean } = {}): string {
  const range = pages ? ['-f', String(pages[0]), '-l', String(pages[1])] : [];
  const result = spawnSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' });
  if (result.error) throw new Error(`pdftotext could not run (${result.error.message}): install poppler-utils`);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}
