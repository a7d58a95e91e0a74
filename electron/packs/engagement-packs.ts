import type Database from 'better-sqlite3';
import { naturalRowId } from '../../shared/ids.ts';
import { utcInstant } from '../../shared/time.ts';
import { textIn, type ChecklistPack } from '../../shared/checklist/pack.ts';
import { packSha256 } from './pack-canonical.ts';
import type { EngagementStore, Row } from '../store/engagement-store.ts';
import { typedRow } from '../store/typed-rows.ts';
import { CHECKLIST_PACK_TABLE } from '../../shared/tables/pack-tables.ts';
import type { RowOf } from '../../shared/tables/table.ts';

/** A pack as the engagement holds it: the row of checklist_pack (content is the pack's JSON). */
export type EngagementPackRow = RowOf<typeof CHECKLIST_PACK_TABLE>;

export type EngagementPackInfo = Omit<EngagementPackRow, 'content'>;

export interface PackToCopy {
  readonly packId: string;
  readonly version: string;
  readonly sha256: string;
  readonly title: string;
  /** The pack's JSON text, validated by the caller. */
  readonly content: string;
}

/** What the engagement stores of a pack: its identity, fingerprint (pass it when known), title and JSON. */
export function packToCopy(pack: ChecklistPack, sha256: string = packSha256(pack)): PackToCopy {
  return {
    packId: pack.id,
    version: pack.version,
    sha256,
    title: textIn(pack.title, pack.defaultLanguage, pack.defaultLanguage),
    content: JSON.stringify(pack),
  };
}

/** Same pack content, same id in every copy of the engagement: the merge compares id and hash. */
export function engagementPackId(engagementId: string, sha256: string): string {
  return naturalRowId(engagementId, 'checklist_pack', [sha256]);
}

/**
 * Copies a pack into the engagement (once per content) and makes it the engagement's checklist.
 * Two writes: the immutable row with its log entry, then the engagement's mergeable field.
 */
export function choosePack(store: EngagementStore, pack: PackToCopy, actorId: string, now: number): EngagementPackInfo {
  const id = engagementPackId(store.engagementId, pack.sha256);
  store.addImmutable('checklist_pack', id, {
    pack_id: pack.packId,
    version: pack.version,
    sha256: pack.sha256,
    title: pack.title,
    content: pack.content,
    added_at: utcInstant(now),
    added_by: actorId,
  });
  store.updateRow('engagement', store.engagementId, { checklist_pack_id: id });
  return packInfo(store.db, id)!;
}

export function packInfo(db: Database.Database, id: string): EngagementPackInfo | null {
  return (
    (db.prepare('SELECT id, pack_id, version, sha256, title, added_at, added_by FROM checklist_pack WHERE id = ?').get(id) as
      | EngagementPackInfo
      | undefined) ?? null
  );
}

/** The engagement's checklist (the pack its engagement row names), with its content. */
export function currentPack(db: Database.Database): EngagementPackRow | null {
  const row = db.prepare('SELECT p.* FROM checklist_pack p JOIN engagement e ON e.checklist_pack_id = p.id LIMIT 1').get() as Row | undefined;
  return row ? typedRow(CHECKLIST_PACK_TABLE, row) : null;
}

/** Every pack the engagement holds (an earlier choice stays: answers may refer to it). */
export function heldPacks(db: Database.Database): EngagementPackInfo[] {
  return db
    .prepare('SELECT id, pack_id, version, sha256, title, added_at, added_by FROM checklist_pack ORDER BY added_at')
    .all() as EngagementPackInfo[];
}
