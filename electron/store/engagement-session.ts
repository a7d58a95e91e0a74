import { BlobStore } from './blob-store.ts';
import { PopulationStore } from './population-store.ts';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Engagement, EngagementFields, NewEngagementFields } from '../../shared/engagement.ts';
import { newRowId } from '../../shared/ids.ts';
import { StoreError } from '../../shared/store-errors.ts';
import type { JobContext } from '../jobs/job-context.ts';
import { runOneShotWorker } from '../jobs/one-shot-worker.ts';
import { markShipped } from './change-log.ts';
import type { ChainVerdict } from './chain-check.ts';
import { createEngagementFile, openEngagementFile, type IntegrityLevel, type ReadOnlyReason, type SetAside } from './engagement-file.ts';
import { FileCheck, type FileCheckState } from './file-check.ts';
import { writeThroughTemp } from '../platform/durable-write.ts';
import { EngagementStore, type Row } from './engagement-store.ts';
import {
  backupInSlices,
  fsyncFile,
  removeQuietly,
  renameDurably,
  sha256OfFile,
  tempPathBeside,
} from './file-copy.ts';
import { tableSpec } from './registry.ts';
import { typedRow } from './typed-rows.ts';
import { ENGAGEMENT_TABLE } from '../../shared/tables/engagement-tables.ts';
import { ROW_EDITED_TABLES } from '../../shared/tables/index.ts';
import type { CopyOptions, CopyResult, EngagementContext } from './engagement-context.ts';

export interface OpenSummary {
  readonly path: string;
  readonly engagementId: string;
  readonly fileInstanceId: string;
  readonly readOnly: boolean;
  readonly readOnlyReason: ReadOnlyReason;
  /** 'new': created in this session, nothing to check. */
  readonly integrity: IntegrityLevel | 'new';
  readonly migratedFrom: number | null;
  readonly schemaVersion: number;
  readonly engagement: Engagement | null;
  readonly clockAhead: boolean;
  /** The check of every logged value and chain link: pending until it ran, then its verdict. */
  readonly fileCheck: FileCheckState;
  /** A -journal that Audit Workbench did not write was set aside at open (copies kept). */
  readonly foreignJournal: SetAside | null;
}

export interface OpenRequest {
  readonly path: string;
  readonly actorId: string;
  readonly cleanClose?: { size: number; mtimeMs: number } | null;
  readonly received?: boolean;
  /** Set when the user agreed to roll back a hot journal: file and journal are copied here first. */
  readonly recoverHotJournalInto?: string | null;
  /** Where a -journal that is not ours is set aside (with a copy of the file) before SQLite opens it. */
  readonly setAsideForeignJournalInto?: string | null;
  /** Folder for the copy made before a migration. */
  readonly migrationBackupFolder?: string | null;
}

export interface CreateRequest {
  readonly path: string;
  readonly actorId: string;
  readonly engagement: NewEngagementFields;
}

export interface CloseResult {
  readonly size: number;
  readonly mtimeMs: number;
}

/** Tables edited row by row (declared with `editing: 'rows'`): lists of the engagement. */
const ROW_TABLES = new Set(ROW_EDITED_TABLES.map((table) => table.name));

function childTable(table: string): string {
  if (!ROW_TABLES.has(table)) throw new StoreError('INVALID_VALUE', `${table} is not a list of the engagement`, { table });
  return tableSpec(table).name;
}

/**
 * Everything one engagement worker does, with its single SQLite connection. The worker entry
 * serves `calls` and `jobs` over messages; tests may also drive a session in-process.
 */
export class EngagementSession implements EngagementContext {
  private connection: Database.Database | null = null;
  private engagementStore: EngagementStore | null = null;
  private filePath = '';
  private summaryBase: Omit<OpenSummary, 'engagement' | 'clockAhead' | 'fileCheck'> | null = null;
  private fileCheck: FileCheck | null = null;
  private blobStore: BlobStore | null = null;

  constructor(private readonly vacuumWorkerPath: string) {}

  private requireStore(): EngagementStore {
    if (!this.engagementStore) throw new StoreError('UNKNOWN_HANDLE', 'No engagement is open in this worker');
    return this.engagementStore;
  }

  create(request: CreateRequest): OpenSummary {
    const { db, identity } = createEngagementFile(request.path);
    this.attach(db, request.path, request.actorId, false, {
      readOnlyReason: null,
      integrity: 'new',
      migratedFrom: null,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      foreignJournal: null,
    });
    this.requireStore().createRow(
      'engagement',
      request.engagement,
      identity.engagementId,
    );
    return this.summary();
  }

  open(request: OpenRequest): OpenSummary {
    const opened = openEngagementFile(request.path, {
      cleanClose: request.cleanClose ?? null,
      received: request.received ?? false,
      recoverHotJournalInto: request.recoverHotJournalInto ?? null,
      setAsideForeignJournalInto: request.setAsideForeignJournalInto ?? null,
      backupBeforeMigration: (db, migration) => {
        if (!request.migrationBackupFolder) return;
        fs.mkdirSync(request.migrationBackupFolder, { recursive: true });
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const target = path.join(
          request.migrationBackupFolder,
          `${stamp}-before-v${migration.version}-${path.basename(request.path)}`,
        );
        writeThroughTemp(target, (temp) => db.prepare('VACUUM INTO ?').run(temp));
      },
    });
    this.attach(opened.db, request.path, request.actorId, opened.readOnly, {
      readOnlyReason: opened.readOnlyReason,
      integrity: opened.integrity,
      migratedFrom: opened.migratedFrom,
      schemaVersion: opened.userVersion,
      foreignJournal: opened.foreignJournal,
    });
    return this.summary();
  }

  private attach(
    db: Database.Database,
    filePath: string,
    actorId: string,
    readOnly: boolean,
    details: Pick<OpenSummary, 'readOnlyReason' | 'integrity' | 'migratedFrom' | 'schemaVersion' | 'foreignJournal'>,
  ): void {
    this.connection = db;
    this.fileCheck = new FileCheck(db, details.readOnlyReason === 'newer_version');
    this.filePath = filePath;
    this.engagementStore = new EngagementStore(db, { actorId, readOnly });
    this.blobStore = new BlobStore(db);
    // An upload or import the last session did not finish, and bytes no live row names: gone before the first screen.
    if (!readOnly) {
      this.blobStore.sweepAtOpen();
      new PopulationStore(db).sweepAtOpen();
    }
    this.summaryBase = {
      path: filePath,
      engagementId: this.engagementStore.engagementId,
      fileInstanceId: this.engagementStore.meta('file_instance_id'),
      readOnly,
      ...details,
    };
  }

  summary(): OpenSummary {
    const store = this.requireStore();
    const rows = store.listRows('engagement');
    return {
      ...this.summaryBase!,
      engagement: rows[0] ? typedRow(ENGAGEMENT_TABLE, rows[0]) : null,
      clockAhead: store.clockAhead(),
      fileCheck: this.requireFileCheck().state,
    };
  }

  /**
   * Gives this file a new instance id: it turned out to be a copy made outside the app, and its
   * edits must not continue the original's replica chain.
   */
  renewFileInstance(): OpenSummary {
    const store = this.requireStore();
    if (store.readOnly) return this.summary();
    store.renewFileInstance();
    this.summaryBase = { ...this.summaryBase!, fileInstanceId: store.meta('file_instance_id') };
    return this.summary();
  }

  getEngagement(): Engagement {
    const store = this.requireStore();
    return typedRow(ENGAGEMENT_TABLE, store.getRow('engagement', store.engagementId));
  }

  updateEngagement(patch: Partial<EngagementFields>): Engagement {
    const store = this.requireStore();
    return typedRow(ENGAGEMENT_TABLE, store.updateRow('engagement', store.engagementId, patch));
  }

  listRows(table: string): Row[] {
    return this.requireStore().listRows(childTable(table));
  }

  createRow(table: string, values: Row): Row {
    const store = this.requireStore();
    const id = store.createRow(childTable(table), { ...values, engagement_id: store.engagementId });
    return store.getRow(table, id);
  }

  updateRow(table: string, id: string, patch: Row): Row {
    return this.requireStore().updateRow(childTable(table), id, patch);
  }

  deleteRow(table: string, id: string): void {
    this.requireStore().deleteRow(childTable(table), id);
  }

  /** Takes a delete back (Undo). */
  restoreRow(table: string, id: string): Row {
    const store = this.requireStore();
    store.restoreRow(childTable(table), id);
    return store.getRow(table, id);
  }

  fieldHistory(table: string, id: string): ReturnType<EngagementStore['fieldHistory']> {
    return this.requireStore().fieldHistory(table, id);
  }

  verifyChain(): ChainVerdict {
    return this.requireStore().verifyChain();
  }

  purgeField(table: string, id: string, field: string): number {
    return this.requireStore().purgeField(table, id, field);
  }

  /**
   * Checks every logged value against its fingerprint and every chain link, in slices (damage that
   * integrity_check cannot see). Once per open; jobs that copy the file wait for the same run.
   */
  checkFile(context: JobContext): Promise<FileCheckState> {
    return this.requireFileCheck().run(context);
  }

  private requireFileCheck(): FileCheck {
    if (!this.fileCheck) throw new StoreError('UNKNOWN_HANDLE', 'No engagement is open in this worker');
    return this.fileCheck;
  }

  /** Nothing leaves a file known to be damaged: copies, member copies, packages, rolling backups. */
  requireIntact(context: JobContext): Promise<void> {
    return this.requireFileCheck().requireIntact(context);
  }

  /** Closes the connection; the size and mtime let the next open skip quick_check. */
  close(): CloseResult {
    if (this.connection) {
      this.connection.close();
      this.connection = null;
      this.engagementStore = null;
      this.blobStore = null;
      this.fileCheck = null;
    }
    const stat = fs.statSync(this.filePath);
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  }

  /** "Save a copy": the copy gets its own file instance, its SHA-256 is returned. */
  copyTo(context: JobContext, destination: string): Promise<CopyResult> {
    return this.copyOut(context, destination);
  }

  /**
   * A copy of the open file for someone else (EngagementContext.copyOut): online backup into a temp
   * file beside the destination, stamped and compacted in a separate worker, fsync, SHA-256, atomic
   * rename. A cancel or a failure leaves no temp file behind and the destination untouched.
   */
  async copyOut(context: JobContext, destination: string, options: CopyOptions = {}): Promise<CopyResult> {
    const db = this.requireDb();
    await this.requireIntact(context);
    const temp = tempPathBeside(destination);
    try {
      await backupInSlices(db, temp, context, 'copy');
      // Nothing else runs between the last backup step and these lines: the file_meta describes
      // exactly what the copy holds, and our chain head is marked shipped before any queued edit
      // can coalesce into it.
      const fileMeta = options.fileMeta?.() ?? {};
      this.markShipped();
      context.progress(0, 1, 'compact');
      await this.vacuumInWorker(temp, newRowId(), context, fileMeta);
      context.throwIfCancelled();
      return await this.finish(temp, destination, context);
    } catch (error) {
      removeQuietly(temp);
      throw error;
    }
  }

  /** Writes bytes (a return package) durably at `destination`, with its SHA-256. */
  async writeOut(context: JobContext, destination: string, bytes: Uint8Array): Promise<CopyResult> {
    const temp = tempPathBeside(destination);
    try {
      fs.writeFileSync(temp, bytes);
      return await this.finish(temp, destination, context);
    } catch (error) {
      removeQuietly(temp);
      throw error;
    }
  }

  /** A rolling backup: the same file instance (it is this file, earlier), no compaction. */
  async backupTo(context: JobContext, destination: string): Promise<CopyResult> {
    const db = this.requireDb();
    // A damaged file is not backed up: the rolling backups taken before the damage must stay.
    await this.requireIntact(context);
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    const temp = tempPathBeside(destination);
    try {
      await backupInSlices(db, temp, context, 'backup');
      // A restored backup becomes a new instance but keeps this replica's entries: they must not
      // change in the original afterwards, or the two files would hold two versions of one entry.
      this.markShipped();
      return await this.finish(temp, destination, context);
    } catch (error) {
      removeQuietly(temp);
      throw error;
    }
  }

  markShipped(): void {
    if (!this.requireStore().readOnly) markShipped(this.requireDb());
  }

  private async finish(temp: string, destination: string, context: JobContext): Promise<CopyResult> {
    context.progress(0, 1, 'verify');
    fs.rmSync(`${temp}-journal`, { force: true });
    fsyncFile(temp);
    const sha256 = await sha256OfFile(temp);
    context.throwIfCancelled();
    await renameDurably(temp, destination);
    context.progress(1, 1, 'done');
    return { path: destination, sha256, size: fs.statSync(destination).size };
  }

  /** EngagementContext: the open engagement's store and connection, for the capabilities. */
  store(): EngagementStore {
    return this.requireStore();
  }

  db(): Database.Database {
    return this.requireDb();
  }

  blobs(): BlobStore {
    if (!this.blobStore) throw new StoreError('UNKNOWN_HANDLE', 'No engagement is open in this worker');
    return this.blobStore;
  }

  private requireDb(): Database.Database {
    if (!this.connection) throw new StoreError('UNKNOWN_HANDLE', 'No engagement is open in this worker');
    return this.connection;
  }

  /** Compacts a fresh copy and stamps it (new file instance, file_meta) in the vacuum worker. */
  private vacuumInWorker(file: string, newFileInstanceId: string | null, context: JobContext, fileMeta: Record<string, string>): Promise<void> {
    return runOneShotWorker(this.vacuumWorkerPath, { path: file, newFileInstanceId, fileMeta }, 'Compacting the copy failed', context);
  }
}

