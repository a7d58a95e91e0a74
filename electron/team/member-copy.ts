import type Database from 'better-sqlite3';
import { APP_VERSION } from '../../shared/app-version.ts';
import { stampCopy } from '../store/copy-stamp.ts';
import { MEMBER_COPY_META_KEY, type MemberCopyMeta } from './package-build.ts';

/** What a member copy records in its file_meta: the member, the base it came from, the oldest app. */
export function memberCopyFileMeta(meta: MemberCopyMeta): Record<string, string> {
  return { [MEMBER_COPY_META_KEY]: JSON.stringify(meta) };
}

/**
 * Turns a fresh copy of the lead's file into a member copy: it records the member, the base it came
 * from and the oldest app that can read it, and becomes a new file instance (so the member writes as
 * a new replica, even when a copy is issued twice to the same person).
 */
export function stampMemberCopy(db: Database.Database, meta: MemberCopyMeta, newFileInstanceId: string): void {
  stampCopy(db, newFileInstanceId, memberCopyFileMeta(meta));
}

export function newMemberCopyMeta(args: Omit<MemberCopyMeta, 'minAppVersion'>): MemberCopyMeta {
  return { ...args, minAppVersion: APP_VERSION };
}
