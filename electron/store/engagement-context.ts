import type Database from 'better-sqlite3';
import type { JobContext } from '../jobs/job-context.ts';
import type { BlobStore } from './blob-store.ts';
import type { EngagementStore } from './engagement-store.ts';

export interface CopyResult {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

export interface CopyOptions {
  /**
   * file_meta rows for the copy, computed right after the online backup finished (nothing runs in
   * between, so they describe exactly what the copy holds; a member copy records its base).
   */
  readonly fileMeta?: () => Record<string, string>;
}

/** What the core gives every capability of the engagement worker: the open file and safe copies. */
export interface EngagementContext {
  /** The open engagement's store (UNKNOWN_HANDLE when none is open). */
  store(): EngagementStore;
  /** Its only SQLite connection. */
  db(): Database.Database;
  /** Its content store: evidence files' bytes by SHA-256, uploaded in chunks. */
  blobs(): BlobStore;
  /** Refuses with FILE_DAMAGED when the file check finds damage (running it first if need be). */
  requireIntact(context: JobContext): Promise<void>;
  /**
   * A copy of the open file at `destination`: online backup into a temp file beside it, stamped as
   * a new file instance (plus `fileMeta`), compacted in its own worker, fsynced, SHA-256, atomic
   * rename. Refused for a damaged file. Cancel or failure leaves no temp file and the destination as it was.
   */
  copyOut(context: JobContext, destination: string, options?: CopyOptions): Promise<CopyResult>;
  /** Writes `bytes` (a package) at `destination` the same durable way, with its SHA-256. */
  writeOut(context: JobContext, destination: string, bytes: Uint8Array): Promise<CopyResult>;
  /** Everything written so far has left the file (a copy or package now holds it): no more coalescing. */
  markShipped(): void;
}
