import path from 'node:path';
import Database from 'better-sqlite3';
import { mergePackage, type ImportSummary } from '../../electron/team/merge.ts';
import { newMemberCopyMeta, stampMemberCopy } from '../../electron/team/member-copy.ts';
import { buildPackage, memberCopyMeta, replicaHeads } from '../../electron/team/package-build.ts';
import type { ReturnPackage } from '../../electron/team/package-schema.ts';
import { openEngagementFile } from '../../electron/store/engagement-file.ts';
import { EngagementStore } from '../../electron/store/engagement-store.ts';
import { newRowId } from '../../shared/ids.ts';

/** An engagement file open in-process as one auditor's laptop would have it. */
export interface Laptop {
  readonly file: string;
  readonly db: Database.Database;
  readonly store: EngagementStore;
  readonly actorId: string;
}

export function openLaptop(file: string, actorId: string, now?: () => number): Laptop {
  const opened = openEngagementFile(file);
  return { file, db: opened.db, store: new EngagementStore(opened.db, { actorId, readOnly: false, now }), actorId };
}

/** What the lead's "Make member copy" does, in-process: a copy stamped with the member and the base. */
export function issueMemberCopy(lead: Laptop, dir: string, memberName: string, memberActorId: string, now?: () => number): Laptop {
  const file = path.join(dir, `${memberName.replace(/\W+/g, '-')}-${newRowId().slice(-6)}.iso20k`);
  lead.db.prepare('VACUUM INTO ?').run(file);
  const copy = new Database(file);
  stampMemberCopy(
    copy,
    newMemberCopyMeta({
      memberCopyId: newRowId(),
      memberId: newRowId(),
      memberName,
      issuedAt: new Date().toISOString(),
      issuedBy: lead.actorId,
      base: replicaHeads(lead.db),
    }),
    newRowId(),
  );
  copy.close();
  return openLaptop(file, memberActorId, now);
}

/** The member's return package (everything beyond the base of their copy). */
export function returnPackage(laptop: Laptop, name = 'Member'): ReturnPackage {
  const base = memberCopyMeta(laptop.db)?.base ?? {};
  return buildPackage(laptop.db, base, { actorId: laptop.actorId, name, initials: name.slice(0, 2).toUpperCase() });
}

export function importInto(laptop: Laptop, pkg: ReturnPackage, dryRun = false): ImportSummary {
  const summary = mergePackage(laptop.db, pkg, {
    dryRun,
    importedBy: laptop.actorId,
    sourceKind: 'package',
    sourceName: 'test package',
    sha256: '0'.repeat(64),
  });
  if (!dryRun) laptop.store.afterImport();
  return summary;
}

/** The merge-relevant state of a file: domain tables, open conflicts, the set of log entries. */
export function mergeState(db: Database.Database, tables: readonly string[]): string {
  const dump: Record<string, unknown> = {};
  for (const table of tables) dump[table] = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  dump.conflicts = db.prepare('SELECT entity, row_id, field, candidates, shown_replica_id, shown_seq FROM conflict ORDER BY entity, row_id, field').all();
  dump.entries = db.prepare('SELECT replica_id, seq, entry_hash FROM change_log ORDER BY replica_id, seq').all();
  return JSON.stringify(dump);
}
