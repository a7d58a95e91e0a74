import Database from 'better-sqlite3';
import type { JobContext } from '../jobs/job-context.ts';
import { chunksOf } from '../store/blob-store.ts';
import type { IncomingBlobs } from './incoming-blobs.ts';

/**
 * A member's whole copy carries its evidence files in its own content store: those this engagement
 * lacks stream into incomplete uploads (one chunk in memory at a time, the copy opened read-only
 * and already checked), to become visible with the merge.
 */
export async function copyMemberBlobs(file: string, incoming: IncomingBlobs, context: JobContext): Promise<void> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const stored = db.prepare('SELECT id, sha256, media_type AS mediaType FROM blob WHERE complete = 1 ORDER BY sha256').all() as { id: string; sha256: string; mediaType: string }[];
    for (const blob of stored) {
      if (!incoming.start(blob.sha256, blob.mediaType)) continue;
      for (const bytes of chunksOf(db, blob.id)) {
        incoming.data(bytes);
        await context.checkpoint();
      }
      incoming.end();
    }
  } finally {
    db.close();
  }
}
