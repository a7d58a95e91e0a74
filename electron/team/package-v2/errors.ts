import type { z } from 'zod';
import { StoreError } from '../../../shared/store-errors.ts';

/**
 * How a package v2 fails, in the codes the renderer already explains (MERGE_*). `reason` tells the
 * cases apart for logs and tests: cut-off (the file ends early), blob-hash (a blob's or bulk
 * section's bytes do not match their hash or size), content (JSON or a schema, with its path),
 * corrupt (the compressed stream, a sealed segment or the frame structure does not check out).
 */

export const cutOff = (): StoreError => new StoreError('MERGE_DAMAGED', 'The package is cut off: it ends before its last section', { reason: 'cut-off' });

export const corrupt = (what: string): StoreError => new StoreError('MERGE_DAMAGED', `The package is damaged: ${what}`, { reason: 'corrupt' });

export const content = (path: string, what: string): StoreError =>
  new StoreError('MERGE_DAMAGED', `The package is damaged: ${path ? `${path}: ` : ''}${what}`, { reason: 'content', path });

export const blobMismatch = (sha256: string, section: 'blob' | 'bulk', id?: string): StoreError =>
  new StoreError('MERGE_DAMAGED', `The package is damaged: the bytes of ${section} ${id ?? sha256} do not match their fingerprint`, {
    reason: 'blob-hash',
    sha256,
    ...(section === 'bulk' ? { section, id: id ?? '' } : {}),
  });

export const newerVersion = (requiredVersion: string): StoreError =>
  new StoreError('MERGE_NEWER_VERSION', 'This package was made by a newer version of Audit Workbench', { requiredVersion });

/** A zod failure as a `content` error, its path prefixed with where the value sits in the package. */
export function schemaError(prefix: string, error: z.ZodError): StoreError {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return content(path, issue?.message ?? 'invalid');
}

export function parseJson(payload: Buffer, path: string): unknown {
  try {
    return JSON.parse(payload.toString('utf8'));
  } catch {
    throw content(path, 'not valid JSON');
  }
}

/** An AbortSignal's end as the error a job reports: its reason when that is an error, else JOB_CANCELLED. */
export function cancelled(signal: AbortSignal): Error {
  return signal.reason instanceof Error && signal.reason.name !== 'AbortError'
    ? signal.reason
    : new StoreError('JOB_CANCELLED', 'The job was cancelled');
}

/** A Node file-system error (it names a system call) as the store's code for it. */
export function fileError(error: unknown, file: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (!(error instanceof Error) || typeof (error as NodeJS.ErrnoException).syscall !== 'string') return error;
  if (code === 'ENOENT') return new StoreError('FILE_NOT_FOUND', `No file at ${file}`, { path: file });
  if (code === 'EISDIR') return new StoreError('NOT_A_FILE', `${file} is a folder`, { path: file });
  return new StoreError('IO_ERROR', `${file}: ${code ?? 'error'} (${error.message})`, { path: file });
}

/** A failure writing the package (no folder, a full disk, no permission) as IO_ERROR naming the destination. */
export function writeError(error: unknown, destination: string): unknown {
  if (!(error instanceof Error) || typeof (error as NodeJS.ErrnoException).syscall !== 'string') return error;
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new StoreError('IO_ERROR', `${destination} could not be written (${code})`, { path: destination, failure: code });
}
