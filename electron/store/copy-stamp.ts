import type Database from 'better-sqlite3';
import { markShipped } from './change-log.ts';

/**
 * Makes a fresh copy its own file: a new file instance id (whoever edits the copy writes as a new
 * replica), every entry marked as having left the original (nobody may coalesce into them), and
 * any file_meta rows a capability asks for (a member copy records its member and base), in one
 * transaction. Uploads still in flight (incomplete blobs: e.g. a photo's original while its
 * metadata is being removed) never leave in a copy.
 */
export function stampCopy(db: Database.Database, newFileInstanceId: string, fileMeta: Readonly<Record<string, string>> = {}): void {
  const upsert = db.prepare('INSERT INTO file_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [key, value] of Object.entries(fileMeta)) upsert.run(key, value);
    upsert.run('file_instance_id', newFileInstanceId);
    db.exec('DELETE FROM blob_chunk WHERE blob_id IN (SELECT id FROM blob WHERE complete = 0); DELETE FROM blob WHERE complete = 0;');
    markShipped(db);
  })();
}
