import type Database from 'better-sqlite3';
import { markShipped } from './change-log.ts';

/**
 * Makes a fresh copy its own file: a new file instance id (whoever edits the copy writes as a new
 * replica), every entry marked as having left the original (nobody may coalesce into them), and
 * any file_meta rows a capability asks for (a member copy records its member and base), in one
 * transaction.
 */
export function stampCopy(db: Database.Database, newFileInstanceId: string, fileMeta: Readonly<Record<string, string>> = {}): void {
  const upsert = db.prepare('INSERT INTO file_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [key, value] of Object.entries(fileMeta)) upsert.run(key, value);
    upsert.run('file_instance_id', newFileInstanceId);
    markShipped(db);
  })();
}
