import type Database from 'better-sqlite3';
import { APP_VERSION } from '../../shared/app-version.ts';
import { utcInstant } from '../../shared/time.ts';
import type { ChangeEntry } from '../store/change-log.ts';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, type ReturnPackage } from './package-schema.ts';

export interface MemberCopyMeta {
  readonly memberCopyId: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly issuedAt: string;
  readonly issuedBy: string;
  /** The issuer's name (copies made before it was recorded have none). */
  readonly issuedByName?: string;
  /** The heads of every replica when the copy was made: its common history with the lead's file. */
  readonly base: Record<string, number>;
  readonly minAppVersion: string;
}

export const MEMBER_COPY_META_KEY = 'member_copy';

export function memberCopyMeta(db: Database.Database): MemberCopyMeta | null {
  const raw = db.prepare('SELECT value FROM file_meta WHERE key = ?').pluck().get(MEMBER_COPY_META_KEY) as string | undefined;
  return raw ? (JSON.parse(raw) as MemberCopyMeta) : null;
}

export function replicaHeads(db: Database.Database): Record<string, number> {
  const rows = db.prepare('SELECT replica_id AS r, MAX(seq) AS s FROM change_log GROUP BY replica_id').all() as { r: string; s: number }[];
  return Object.fromEntries(rows.map((row) => [row.r, row.s]));
}

/**
 * Everything this file has beyond `base`: the entries, their values, the replicas that wrote them
 * and what those replicas had seen. Other replicas' entries travel verbatim.
 */
export function buildPackage(
  db: Database.Database,
  base: Record<string, number>,
  createdBy: { actorId: string; name: string; initials: string },
): ReturnPackage {
  const meta = (key: string): string => (db.prepare('SELECT value FROM file_meta WHERE key = ?').pluck().get(key) as string) ?? '';
  const rows = db
    .prepare(
      `SELECT l.*, v.salt, v.old_value, v.new_value FROM change_log l LEFT JOIN change_value v USING (replica_id, seq)
       ORDER BY l.replica_id, l.seq`,
    )
    .all() as (ChangeEntry & { salt: Buffer | null; old_value: string | null; new_value: string | null })[];
  const entries = rows
    .filter((row) => row.seq > (base[row.replica_id] ?? 0))
    .map((row) => ({
      replica_id: row.replica_id,
      seq: row.seq,
      prev_hash: row.prev_hash,
      entity: row.entity,
      row_id: row.row_id,
      field: row.field,
      old_hash: row.old_hash,
      new_hash: row.new_hash,
      hlc: row.hlc,
      wall_time: row.wall_time,
      actor_id: row.actor_id,
      flags: row.flags,
      settles: row.settles ?? null,
      entry_hash: row.entry_hash,
      salt: row.salt ? Buffer.from(row.salt).toString('base64') : null,
      old_value: row.old_value,
      new_value: row.new_value,
    }));
  const client = db.prepare("SELECT client_name FROM engagement LIMIT 1").pluck().get() as string | undefined;
  return {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    engagementId: meta('engagement_id'),
    clientName: client ?? '',
    createdAt: utcInstant(),
    createdBy,
    appVersion: APP_VERSION,
    minAppVersion: APP_VERSION,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    sourceFileInstanceId: meta('file_instance_id'),
    base,
    replicas: db.prepare('SELECT id, actor_id, file_instance_id, created_at FROM replica ORDER BY id').all() as ReturnPackage['replicas'],
    knowledge: db.prepare('SELECT replica_id, from_seq, heads FROM replica_knowledge ORDER BY replica_id, from_seq').all() as ReturnPackage['knowledge'],
    entries,
  };
}
