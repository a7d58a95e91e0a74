import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { StoreError } from '../../shared/store-errors.ts';
import { ENGAGEMENT_TABLE, SITE_TABLE, TEAM_MEMBER_TABLE } from '../../shared/tables/engagement-tables.ts';
import { CHECKLIST_PACK_TABLE } from '../../shared/tables/pack-tables.ts';
import { EARLIER_AUDIT_TABLE, OTHER_PARTY_TABLE, SERVICE_PROCESS_TABLE, SERVICE_TABLE } from '../../shared/tables/preparation-tables.ts';
import { CB_PROFILE_TABLE } from '../../shared/tables/profile-tables.ts';
import type { RowOf, TableDecl } from '../../shared/tables/table.ts';
import { verifyChain } from '../store/chain-check.ts';
import { openEngagementFile } from '../store/engagement-file.ts';
import { preopenCheck } from '../store/preopen.ts';
import { memberCopyMeta } from '../team/worker.ts';
import { linkedFromDb, type LinkedEngagement } from '../follow-up/worker.ts';
import { EARLIER_NC_TABLE } from '../../shared/tables/finding-tables.ts';

/** Everything of an earlier engagement that the next audit of the cycle starts from. */
export interface EarlierEngagement {
  readonly fileName: string;
  readonly engagement: RowOf<typeof ENGAGEMENT_TABLE>;
  readonly sites: readonly RowOf<typeof SITE_TABLE>[];
  readonly team: readonly RowOf<typeof TEAM_MEMBER_TABLE>[];
  readonly services: readonly RowOf<typeof SERVICE_TABLE>[];
  readonly serviceProcesses: readonly RowOf<typeof SERVICE_PROCESS_TABLE>[];
  readonly otherParties: readonly RowOf<typeof OTHER_PARTY_TABLE>[];
  readonly earlierAudits: readonly RowOf<typeof EARLIER_AUDIT_TABLE>[];
  readonly profile: RowOf<typeof CB_PROFILE_TABLE> | null;
  readonly pack: RowOf<typeof CHECKLIST_PACK_TABLE> | null;
  /** Its nonconformities with their state (issue 17), verified at the next audit. */
  readonly linked: LinkedEngagement;
  /** The nonconformities it verified in turn that were still not closed as effective: verified again. */
  readonly unresolvedEarlierNcs: readonly RowOf<typeof EARLIER_NC_TABLE>[];
}

/**
 * Reads an earlier engagement without ever writing to it: the file (refused when an unfinished
 * change lies beside it) is copied to a private scratch folder and the copy is opened as a received file (full integrity and
 * reference checks, the change log's fingerprints, migrations applied to the copy only), so an
 * engagement from an older version of the app reads like a current one. The scratch copy is removed
 * whatever happens. A member copy is refused: it lacks the rest of the team's work.
 */
export function readEarlierEngagement(file: string): EarlierEngagement {
  preopenCheck(file, { allowForeignJournal: false });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-earlier-'));
  try {
    const copy = path.join(scratch, 'earlier.iso20k');
    fs.copyFileSync(file, copy);
    // The copy keeps the original's mode: an archived, read-only earlier file would give a read-only
    // copy that cannot be migrated. The copy is ours to write.
    fs.chmodSync(copy, 0o600);
    const opened = openEngagementFile(copy, { received: true });
    try {
      return readFrom(opened.db, path.basename(file));
    } finally {
      opened.db.close();
    }
  } catch (error) {
    // Errors name the scratch copy; the user chose the original.
    if (error instanceof StoreError && typeof error.params.path === 'string') {
      throw new StoreError(error.code, error.message, { ...error.params, path: file });
    }
    throw error;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function readFrom(db: Database.Database, fileName: string): EarlierEngagement {
  if (memberCopyMeta(db)) {
    throw new StoreError('EARLIER_MEMBER_COPY', `${fileName} is a team member’s copy, not the lead’s engagement`, { file: fileName });
  }
  const chain = verifyChain(db);
  if (!chain.ok) throw new StoreError('FILE_DAMAGED', `${fileName}: a recorded change no longer matches its fingerprint`, { file: fileName });
  const engagement = rowsOf(db, ENGAGEMENT_TABLE)[0];
  if (!engagement) throw new StoreError('NOT_ENGAGEMENT', `${fileName} holds no engagement`, { path: fileName });
  const byId = <D extends TableDecl>(table: D, id: string | null): RowOf<D> | null =>
    id ? (rowsOf(db, table).find((row) => row.id === id) ?? null) : null;
  return {
    fileName,
    engagement,
    sites: rowsOf(db, SITE_TABLE),
    team: rowsOf(db, TEAM_MEMBER_TABLE),
    services: rowsOf(db, SERVICE_TABLE),
    serviceProcesses: rowsOf(db, SERVICE_PROCESS_TABLE),
    otherParties: rowsOf(db, OTHER_PARTY_TABLE),
    earlierAudits: rowsOf(db, EARLIER_AUDIT_TABLE),
    profile: byId(CB_PROFILE_TABLE, engagement.cb_profile_id),
    pack: byId(CHECKLIST_PACK_TABLE, engagement.checklist_pack_id),
    linked: linkedFromDb(db, fileName),
    unresolvedEarlierNcs: rowsOf(db, EARLIER_NC_TABLE).filter((nc) => nc.effectiveness !== 'effective' && nc.closed_on === null),
  };
}

/**
 * The live rows of a table, with the columns this version declares (a file of a newer version may
 * have more; they are not carried over), in a stable order.
 */
function rowsOf<D extends TableDecl>(db: Database.Database, table: D): RowOf<D>[] {
  const columns = ['id', ...table.fields.map((field) => field.name)];
  // Immutable rows (a pack, a profile) are never deleted; mergeable ones keep a tombstone.
  const live = table.class === 'mergeable' ? 'WHERE deleted = 0' : '';
  return db.prepare(`SELECT ${columns.join(', ')} FROM ${table.name} ${live} ORDER BY id`).all() as RowOf<D>[];
}
