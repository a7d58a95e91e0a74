import type Database from 'better-sqlite3';
import type { ChecklistPack } from '../../shared/checklist/pack.ts';
import type { Engagement, TeamMember } from '../../shared/engagement.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { ENGAGEMENT_TABLE, TEAM_MEMBER_TABLE } from '../../shared/tables/engagement-tables.ts';
import { currentPack } from '../packs/worker.ts';
import type { EngagementStore, Row } from '../store/engagement-store.ts';
import { typedRow, typedRows } from '../store/typed-rows.ts';

/** What findings read of the engagement around them: the engagement row, the team, the checklist pack. */

export function engagementRow(db: Database.Database): Engagement {
  return typedRow(ENGAGEMENT_TABLE, db.prepare('SELECT * FROM engagement LIMIT 1').get() as Row);
}

/** The live team members, by id. */
export function teamMembers(db: Database.Database): TeamMember[] {
  return typedRows(TEAM_MEMBER_TABLE, db.prepare('SELECT * FROM team_member WHERE deleted = 0 ORDER BY id').all() as Row[]);
}

/** The lead auditor: the live team member with role 'lead' (the first by id if the team lists several). */
export function leadMember(members: readonly TeamMember[]): TeamMember | null {
  return members.find((member) => member.role === 'lead') ?? null;
}

/** A live row, or ROW_NOT_FOUND naming the table and id (deleted here or in a copy merged since). */
export function liveRow(store: EngagementStore, table: string, id: string): Row {
  const row = store.getRow(table, id);
  if (row.deleted === 1) throw new StoreError('ROW_NOT_FOUND', `${table} ${id} was deleted`, { table, id });
  return row;
}

/** The pack parsed once per pack row (its JSON never changes under an id). */
let packCache: { id: string; pack: ChecklistPack } | null = null;

export function enginePack(db: Database.Database): ChecklistPack | null {
  const row = currentPack(db);
  if (!row) return null;
  if (packCache?.id !== row.id) packCache = { id: row.id, pack: JSON.parse(row.content) as ChecklistPack };
  return packCache.pack;
}
