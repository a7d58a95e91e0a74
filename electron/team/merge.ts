import type Database from 'better-sqlite3';
import semver from 'semver';
import { APP_VERSION } from '../../shared/app-version.ts';
import type { ImportPreviewView } from '../../shared/contract/team-views.ts';
import { decodeHlc } from '../../shared/hlc.ts';
import { newRowId } from '../../shared/ids.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { utcInstant } from '../../shared/time.ts';
import { entryHash, genesisHash, valueHashOfJson } from '../store/change-log.ts';
import { LATEST_ENGAGEMENT_VERSION } from '../store/migrations/index.ts';
import { tableSpec } from '../store/registry.ts';
import type { PackageEntry, ReturnPackage } from './package-schema.ts';
import { applyImmutableRows } from '../store/merge/immutable.ts';
import { loadKnowledge, loggedValuesOf, prepared, projectRows, type LoggedValue } from '../store/merge/projection.ts';

/** What an import adds, changes and puts in conflict (the preview shows the same, written nothing). */
export type ImportSummary = Omit<ImportPreviewView, 'fileName' | 'kind' | 'encrypted' | 'sha256' | 'files'>;

export interface ImportOptions {
  readonly dryRun: boolean;
  readonly importedBy: string;
  readonly sourceKind: 'package' | 'member_copy';
  readonly sourceName: string;
  readonly sha256: string;
  readonly now?: () => number;
}

class DryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

const broken = (message: string, params: Record<string, string | number> = {}): StoreError =>
  new StoreError('MERGE_BROKEN_CHAIN', message, params);

/** A logged value that does not match its salted fingerprint: named so the sender can find it. */
export function damagedValue(entry: { replica_id: string; seq: number; entity: string; row_id: string; field: string }): StoreError {
  return new StoreError('MERGE_DAMAGED', `A recorded value of ${entry.entity}.${entry.field} does not match its fingerprint`, {
    reason: 'value',
    entity: entry.entity,
    field: entry.field,
    rowId: entry.row_id,
    replicaId: entry.replica_id,
    seq: entry.seq,
  });
}

/** Refusals that need no transaction: another engagement, a newer app. Nothing is written. */
export function checkPackageFits(db: Database.Database, pkg: Pick<ReturnPackage, 'engagementId' | 'clientName' | 'schemaVersion' | 'minAppVersion'>): void {
  const engagementId = db.prepare("SELECT value FROM file_meta WHERE key = 'engagement_id'").pluck().get() as string;
  if (pkg.engagementId !== engagementId) {
    throw new StoreError('MERGE_OTHER_ENGAGEMENT', `This package belongs to another engagement (${pkg.clientName})`, {
      clientName: pkg.clientName,
    });
  }
  if (pkg.schemaVersion > LATEST_ENGAGEMENT_VERSION || (semver.valid(pkg.minAppVersion) && semver.gt(pkg.minAppVersion, APP_VERSION))) {
    throw new StoreError('MERGE_NEWER_VERSION', `This package needs Audit Workbench ${pkg.minAppVersion} or later`, {
      requiredVersion: pkg.minAppVersion,
    });
  }
}

/** The package's entries that are not yet in the file, verified; the rows they touch, by table. */
export interface VerifiedEntries {
  readonly toAdd: readonly { readonly entry: PackageEntry; readonly salt: Buffer | null }[];
  readonly touched: ReadonlyMap<string, ReadonlySet<string>>;
  readonly present: number;
  readonly newestWall: number;
}

/** The touched rows' logged values, by table and row. */
export type LoggedRows = Map<string, Map<string, LoggedValue[]>>;

export interface ProjectionCounts {
  readonly rowsAdded: number;
  readonly fieldsChanged: number;
  readonly conflictsOpened: number;
}

/**
 * The steps of an import, in the order mergePackage runs them inside its transaction. Exported so
 * that the benchmark can time the very same code step by step.
 */
export const importSteps = {
  /** The package's replicas: new ones are added, known ones must belong to the same person. */
  addReplicas(db: Database.Database, pkg: ReturnPackage): void {
    const replicaOf = db.prepare('SELECT actor_id FROM replica WHERE id = ?');
    const insert = db.prepare('INSERT INTO replica (id, actor_id, file_instance_id, created_at) VALUES (?, ?, ?, ?)');
    for (const replica of pkg.replicas) {
      const existing = replicaOf.get(replica.id) as { actor_id: string } | undefined;
      if (!existing) {
        insert.run(replica.id, replica.actor_id, replica.file_instance_id, replica.created_at);
      } else if (existing.actor_id !== replica.actor_id) {
        throw broken(`Replica ${replica.id} belongs to another person in this file`, { replicaId: replica.id });
      }
    }
  },

  /**
   * Checks every entry, link by link, before anything is written: its replica is known, its hash,
   * an entry already present must be identical, a new one must follow the one before it (in the
   * file or in the package), its values must match their salted fingerprints, its table must exist.
   * Each replica's hashes over the package's seq range (and the one before it) are read in one
   * statement; the entries are chained in memory.
   */
  verifyEntries(db: Database.Database, pkg: ReturnPackage): VerifiedEntries {
    const entries = [...pkg.entries].sort((a, b) => (a.replica_id === b.replica_id ? a.seq - b.seq : a.replica_id < b.replica_id ? -1 : 1));
    const range = new Map<string, { first: number; last: number }>();
    for (const entry of entries) {
      const seqs = range.get(entry.replica_id);
      if (!seqs) range.set(entry.replica_id, { first: entry.seq, last: entry.seq });
      else seqs.last = entry.seq;
    }
    const replicaOf = db.prepare('SELECT 1 FROM replica WHERE id = ?').pluck();
    const hashesIn = db.prepare('SELECT seq, entry_hash FROM change_log WHERE replica_id = ? AND seq BETWEEN ? AND ?').raw();
    const knownReplica = new Map<string, boolean>();
    const hashes = new Map<string, Map<number, string>>();
    for (const [replicaId, { first, last }] of range) {
      knownReplica.set(replicaId, replicaOf.get(replicaId) !== undefined);
      hashes.set(replicaId, new Map(hashesIn.all(replicaId, first - 1, last) as [number, string][]));
    }

    const toAdd: { entry: PackageEntry; salt: Buffer | null }[] = [];
    const touched = new Map<string, Set<string>>();
    let present = 0;
    let newestWall = 0;
    for (const entry of entries) {
      if (!knownReplica.get(entry.replica_id)) throw broken('An entry names a replica the package does not describe', { replicaId: entry.replica_id });
      const refuse = (message: string): StoreError => broken(message, { replicaId: entry.replica_id, seq: entry.seq });
      if (entryHash(entry) !== entry.entry_hash) throw refuse(`Entry ${entry.seq} of a replica was altered`);
      // Every value is checked, also of entries already here: a damaged package is refused whole.
      const salt = entry.salt ? Buffer.from(entry.salt, 'base64') : null;
      // A purged entry carries neither salt nor values; a value without its salt cannot be checked.
      if (
        salt
          ? valueHashOfJson(salt, 'old', entry.old_value ?? 'null') !== entry.old_hash || valueHashOfJson(salt, 'new', entry.new_value ?? 'null') !== entry.new_hash
          : entry.old_value !== null || entry.new_value !== null
      ) {
        throw damagedValue(entry);
      }
      const chain = hashes.get(entry.replica_id)!;
      const existing = chain.get(entry.seq);
      if (existing !== undefined) {
        if (existing !== entry.entry_hash) throw refuse('The package and this file hold different versions of one entry');
        present++;
        continue;
      }
      const previous = entry.seq === 1 ? genesisHash(entry.replica_id) : chain.get(entry.seq - 1);
      if (previous === undefined) throw refuse('The package misses history this file does not have');
      if (previous !== entry.prev_hash) throw refuse('An entry does not follow the one before it');
      try {
        tableSpec(entry.entity);
      } catch {
        throw new StoreError('MERGE_NEWER_VERSION', `The package changes ${entry.entity}, which this app does not know`, {
          requiredVersion: pkg.minAppVersion,
        });
      }
      chain.set(entry.seq, entry.entry_hash);
      toAdd.push({ entry, salt });
      const rows = touched.get(entry.entity);
      if (rows) rows.add(entry.row_id);
      else touched.set(entry.entity, new Set([entry.row_id]));
      newestWall = Math.max(newestWall, decodeHlc(entry.hlc).wallMs);
    }
    return { toAdd, touched, present, newestWall };
  },

  /** The touched rows' logged values, read before the new entries go in: one statement per table. */
  readTouchedRows(db: Database.Database, verified: VerifiedEntries): LoggedRows {
    return new Map([...verified.touched].map(([entity, ids]) => [entity, loggedValuesOf(db, entity, [...ids])]));
  },

  /** Writes the new entries and their values verbatim, and adds them to the touched rows' values. */
  insertEntries(db: Database.Database, verified: VerifiedEntries, logged: LoggedRows): void {
    const insertEntry = prepared(
      db,
      `INSERT INTO change_log (replica_id, seq, prev_hash, entity, row_id, field, old_hash, new_hash, hlc, wall_time, actor_id, flags, settles, entry_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertValue = prepared(db, 'INSERT INTO change_value (replica_id, seq, salt, old_value, new_value) VALUES (?, ?, ?, ?, ?)');
    for (const { entry: e, salt } of verified.toAdd) {
      insertEntry.run(e.replica_id, e.seq, e.prev_hash, e.entity, e.row_id, e.field, e.old_hash, e.new_hash, e.hlc, e.wall_time, e.actor_id, e.flags, e.settles ?? null, e.entry_hash);
      insertValue.run(e.replica_id, e.seq, salt, e.old_value, e.new_value);
      // The entry is its own logged value (the same fields as read back from the log).
      const byRow = logged.get(e.entity)!;
      const list = byRow.get(e.row_id);
      if (list) list.push(e);
      else byRow.set(e.row_id, [e]);
    }
  },

  /** What the package's replicas had seen: new rows are added, known ones must agree. */
  addKnowledge(db: Database.Database, pkg: ReturnPackage): void {
    const knowledgeOf = db.prepare('SELECT heads FROM replica_knowledge WHERE replica_id = ? AND from_seq = ?').pluck();
    const insertKnowledge = db.prepare('INSERT INTO replica_knowledge (replica_id, from_seq, heads) VALUES (?, ?, ?)');
    for (const row of pkg.knowledge) {
      const existing = knowledgeOf.get(row.replica_id, row.from_seq) as string | undefined;
      if (existing === undefined) {
        insertKnowledge.run(row.replica_id, row.from_seq, row.heads);
      } else if (existing !== row.heads) {
        throw broken('The package and this file disagree about what a replica had seen', { replicaId: row.replica_id });
      }
    }
  },

  /** Rewrites every touched row and its conflicts from the log, one batch per table. */
  projectTouched(db: Database.Database, verified: VerifiedEntries, logged: LoggedRows): ProjectionCounts {
    const knowledge = loadKnowledge(db);
    let rowsAdded = 0;
    let fieldsChanged = 0;
    let conflictsOpened = 0;
    for (const [entity, ids] of verified.touched) {
      // Immutable data (a checklist pack) merges as a unit by id and content, never field by field.
      if (tableSpec(entity).class === 'immutable') {
        rowsAdded += applyImmutableRows(db, entity, [...ids], logged.get(entity));
        continue;
      }
      for (const projection of projectRows(db, entity, [...ids], knowledge, logged.get(entity)).values()) {
        if (projection.inserted) rowsAdded++;
        else fieldsChanged += projection.changedFields;
        conflictsOpened += Math.max(0, projection.conflicts - projection.conflictsBefore);
      }
    }
    return { rowsAdded, fieldsChanged, conflictsOpened };
  },

  /** The import's summary; unless it is a dry run, the import record too. */
  summarize(db: Database.Database, pkg: ReturnPackage, options: ImportOptions, verified: VerifiedEntries, counts: ProjectionCounts): ImportSummary {
    const now = options.now ?? Date.now;
    const summary: ImportSummary = {
      sourceActorName: pkg.createdBy.name,
      entriesAdded: verified.toAdd.length,
      entriesAlreadyPresent: verified.present,
      rowsAdded: counts.rowsAdded,
      fieldsChanged: counts.fieldsChanged,
      conflictsOpened: counts.conflictsOpened,
      conflictsOpen: db.prepare('SELECT COUNT(*) FROM conflict').pluck().get() as number,
      clockAheadMs: Math.max(0, verified.newestWall - now()),
    };
    if (options.dryRun) return summary;
    db.prepare(
      `INSERT INTO import_record (id, imported_at, imported_by, source_kind, source_name, source_actor_id, source_actor_name, sha256, entries_added, fields_changed, conflicts_opened)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      newRowId(),
      utcInstant(now()),
      options.importedBy,
      options.sourceKind,
      options.sourceName,
      pkg.createdBy.actorId,
      pkg.createdBy.name,
      options.sha256,
      verified.toAdd.length,
      counts.fieldsChanged + counts.rowsAdded,
      counts.conflictsOpened,
    );
    return summary;
  },
};

/**
 * Applies the package's entries that are not yet present, verbatim and verified link by link, then
 * re-projects every row they touch. One IMMEDIATE transaction: a refusal or a dry run (the preview)
 * leaves the file exactly as it was.
 */
export function mergePackage(db: Database.Database, pkg: ReturnPackage, options: ImportOptions): ImportSummary {
  checkPackageFits(db, pkg);
  try {
    return db.transaction(() => {
      importSteps.addReplicas(db, pkg);
      const verified = importSteps.verifyEntries(db, pkg);
      const logged = importSteps.readTouchedRows(db, verified);
      importSteps.insertEntries(db, verified, logged);
      importSteps.addKnowledge(db, pkg);
      const counts = importSteps.projectTouched(db, verified, logged);
      const summary = importSteps.summarize(db, pkg, options, verified, counts);
      if (options.dryRun) throw new DryRun(summary);
      return summary;
    }).immediate();
  } catch (error) {
    if (error instanceof DryRun) return error.summary;
    throw error;
  }
}
