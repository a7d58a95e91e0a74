import type Database from 'better-sqlite3';
import { APP_VERSION } from '../../shared/app-version.ts';
import { markShipped } from '../store/change-log.ts';
import { MEMBER_COPY_META_KEY, type MemberCopyMeta } from './package-build.ts';

/**
 * Turns a fresh copy of the lead's file into a member copy: it records the member, the base it came
 * from and the oldest app that can read it, and becomes a new file instance (so the member writes as
 * a new replica, even when a copy is issued twice to the same person).
 */
export function stampMemberCopy(db: Database.Database, meta: MemberCopyMeta, newFileInstanceId: string): void {
  const upsert = db.prepare(
    'INSERT INTO file_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    upsert.run(MEMBER_COPY_META_KEY, JSON.stringify(meta));
    upsert.run('file_instance_id', newFileInstanceId);
    // Every entry in the copy has left the lead's file: nobody may rewrite it by coalescing.
    markShipped(db);
  })();
}

export function newMemberCopyMeta(args: Omit<MemberCopyMeta, 'minAppVersion'>): MemberCopyMeta {
  return { ...args, minAppVersion: APP_VERSION };
}
