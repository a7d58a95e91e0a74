import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Engagement, EngagementFields } from '../../shared/engagement.ts';
import { newRowId } from '../../shared/ids.ts';
import { StoreError } from '../../shared/store-errors.ts';
import type { JobContext } from '../jobs/job-context.ts';
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
import { listConflicts, type ConflictView, type Decision } from '../consolidation/decisions.ts';
import { mergePackage, type ImportSummary } from '../consolidation/merge.ts';
import { newMemberCopyMeta } from '../consolidation/member-copy.ts';
import { buildPackage, memberCopyMeta, replicaHeads, type MemberCopyMeta } from '../consolidation/package-build.ts';
import { encodePackage } from '../consolidation/package-file.ts';
import { readIncoming, type IncomingPackage } from '../consolidation/team-files.ts';
import { readingReceived } from '../consolidation/received-file-errors.ts';
import { utcInstant } from '../../shared/time.ts';
import { choosePack, currentPack, type EngagementPackInfo, type EngagementPackRow, type PackToCopy } from '../packs/engagement-packs.ts';

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
  readonly engagement: EngagementFields;
}

export interface MemberCopyRequest {
  readonly memberId: string;
  readonly destination: string;
  readonly issuedBy: string;
}

export interface ExportPackageRequest {
  readonly destination: string;
  readonly passphrase: string | null;
  readonly createdBy: { actorId: string; name: string; initials: string };
}

export interface ImportRequest {
  readonly source: string;
  readonly passphrase: string | null;
  readonly importedBy: string;
}

export type ImportPreview = ImportSummary & {
  readonly kind: 'package' | 'member_copy';
  readonly encrypted: boolean;
  readonly fileName: string;
  readonly sha256: string;
};

export interface TeamOverview {
  readonly memberCopyOf: MemberCopyMeta | null;
  readonly memberCopies: {
    id: string;
    member_id: string;
    member_name: string;
    issued_at: string;
    issued_by: string;
    file_name: string;
    sha256: string;
  }[];
  readonly imports: {
    id: string;
    imported_at: string;
    source_kind: string;
    source_name: string;
    source_actor_id: string;
    source_actor_name: string;
    entries_added: number;
    fields_changed: number;
    conflicts_opened: number;
  }[];
  readonly openConflicts: number;
  readonly actors: { actorId: string; name: string }[];
}

export interface CopyResult {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

export interface CloseResult {
  readonly size: number;
  readonly mtimeMs: number;
}

/** Tables edited row by row from the UI besides the engagement itself. */
const CHILD_TABLES = new Set(['site', 'team_member']);

function childTable(table: string): string {
  if (!CHILD_TABLES.has(table)) throw new StoreError('INVALID_VALUE', `${table} is not a list of the engagement`, { table });
  return tableSpec(table).name;
}

/**
 * Everything one engagement worker does, with its single SQLite connection. The worker entry
 * serves `calls` and `jobs` over messages; tests may also drive a session in-process.
 */
export class EngagementSession {
  private db: Database.Database | null = null;
  private store: EngagementStore | null = null;
  private filePath = '';
  private summaryBase: Omit<OpenSummary, 'engagement' | 'clockAhead' | 'fileCheck'> | null = null;
  private fileCheck: FileCheck | null = null;

  constructor(private readonly vacuumWorkerPath: string) {}

  private requireStore(): EngagementStore {
    if (!this.store) throw new StoreError('UNKNOWN_HANDLE', 'No engagement is open in this worker');
    return this.store;
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
      request.engagement as unknown as Row,
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
    this.db = db;
    this.fileCheck = new FileCheck(db);
    this.filePath = filePath;
    this.store = new EngagementStore(db, { actorId, readOnly });
    this.summaryBase = {
      path: filePath,
      engagementId: this.store.engagementId,
      fileInstanceId: this.store.meta('file_instance_id'),
      readOnly,
      ...details,
    };
  }

  summary(): OpenSummary {
    const store = this.requireStore();
    const rows = store.listRows('engagement');
    return {
      ...this.summaryBase!,
      engagement: (rows[0] as unknown as Engagement | undefined) ?? null,
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
    return store.getRow('engagement', store.engagementId) as unknown as Engagement;
  }

  updateEngagement(patch: Partial<EngagementFields>): Engagement {
    const store = this.requireStore();
    return store.updateRow('engagement', store.engagementId, patch as Row) as unknown as Engagement;
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

  fieldHistory(table: string, id: string): ReturnType<EngagementStore['fieldHistory']> {
    return this.requireStore().fieldHistory(table, id);
  }

  verifyChain(): ChainVerdict {
    return this.requireStore().verifyChain();
  }

  purgeField(table: string, id: string, field: string): number {
    return this.requireStore().purgeField(table, id, field);
  }

  /** Copies a validated pack into the engagement and makes it the engagement's checklist. */
  choosePack(pack: PackToCopy): EngagementPackInfo {
    const store = this.requireStore();
    return choosePack(store, pack, store.context.actorId, Date.now());
  }

  /** Which pack the engagement uses, without its content (usage records, summaries). */
  checklistPackInfo(): EngagementPackInfo | null {
    const pack = currentPack(this.requireStore().db);
    if (!pack) return null;
    const { content: _content, ...info } = pack;
    return info;
  }

  /** The engagement's checklist pack with its JSON, or null before one is chosen. */
  checklistPack(): EngagementPackRow | null {
    return currentPack(this.requireStore().db);
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
  private requireIntact(context: JobContext): Promise<void> {
    return this.requireFileCheck().requireIntact(context);
  }

  /** Closes the connection; the size and mtime let the next open skip quick_check. */
  close(): CloseResult {
    if (this.db) {
      this.db.close();
      this.db = null;
      this.store = null;
      this.fileCheck = null;
    }
    const stat = fs.statSync(this.filePath);
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  }

  /**
   * Save a copy / member copy: online backup into a temp file beside the destination, VACUUM in a
   * separate worker (with a new file instance id), fsync, atomic rename, SHA-256. A cancel or a
   * failure leaves no temp file behind and the destination untouched.
   */
  async copyTo(context: JobContext, destination: string): Promise<CopyResult> {
    const db = this.requireDb();
    await this.requireIntact(context);
    const temp = tempPathBeside(destination);
    try {
      await backupInSlices(db, temp, context, 'copy');
      // The copy now holds our chain head: mark it shipped before any queued edit can coalesce
      // into it (nothing else runs between the last backup step and this line).
      this.markShippedUnlessReadOnly(db);
      context.progress(0, 1, 'compact');
      await this.vacuumInWorker(temp, newRowId(), context);
      context.throwIfCancelled();
      return await this.finish(temp, destination, context);
    } catch (error) {
      removeQuietly(temp);
      throw error;
    }
  }

  /**
   * A member copy: like "Save a copy", plus the member, the base (every replica's head now) and the
   * oldest app that can read it, recorded in the copy; the lead's file keeps a record of the issue.
   */
  async makeMemberCopy(context: JobContext, request: MemberCopyRequest): Promise<CopyResult> {
    const db = this.requireDb();
    const store = this.requireStore();
    const member = store.getRow('team_member', request.memberId);
    await this.requireIntact(context);
    const temp = tempPathBeside(request.destination);
    try {
      await backupInSlices(db, temp, context, 'copy');
      const meta = newMemberCopyMeta({
        memberCopyId: newRowId(),
        memberId: request.memberId,
        memberName: String(member.name),
        issuedAt: utcInstant(),
        issuedBy: request.issuedBy,
        base: replicaHeads(db),
      });
      this.markShippedUnlessReadOnly(db);
      context.progress(0, 1, 'compact');
      await this.vacuumInWorker(temp, newRowId(), context, meta);
      context.throwIfCancelled();
      const result = await this.finish(temp, request.destination, context);
      if (!store.readOnly) {
        db.prepare(
          `INSERT INTO member_copy (id, member_id, member_name, issued_at, issued_by, file_name, base_heads, sha256)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(meta.memberCopyId, meta.memberId, meta.memberName, meta.issuedAt, meta.issuedBy, path.basename(result.path), JSON.stringify(meta.base), result.sha256);
      }
      return result;
    } catch (error) {
      removeQuietly(temp);
      throw error;
    }
  }

  /** The return package: everything this copy has beyond its base, optionally encrypted. */
  async exportPackage(context: JobContext, request: ExportPackageRequest): Promise<CopyResult> {
    const db = this.requireDb();
    await this.requireIntact(context);
    context.progress(0, 1, 'package');
    const pkg = buildPackage(db, memberCopyMeta(db)?.base ?? {}, request.createdBy);
    const bytes = encodePackage(pkg, request.passphrase);
    this.markShippedUnlessReadOnly(db);
    const temp = tempPathBeside(request.destination);
    try {
      fs.writeFileSync(temp, bytes);
      return await this.finish(temp, request.destination, context);
    } catch (error) {
      removeQuietly(temp);
      throw error;
    }
  }

  /** What importing would add, change and put in conflict: the real merge, rolled back. */
  async previewImport(context: JobContext, request: ImportRequest): Promise<ImportPreview> {
    // The preview is the real merge rolled back: it needs a connection that may write.
    if (this.requireStore().readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
    context.progress(0, 1, 'read');
    const incoming = readIncoming(request.source, request.passphrase);
    context.progress(1, 2, 'preview');
    const summary = readingReceived(() => mergePackage(this.requireDb(), incoming.pkg, this.importOptions(incoming, request, true)));
    return { ...summary, kind: incoming.kind, encrypted: incoming.encrypted, fileName: incoming.fileName, sha256: incoming.sha256 };
  }

  /** Imports a return package or member copy: staged and checked, then joined in one transaction. */
  async importFrom(context: JobContext, request: ImportRequest): Promise<ImportPreview> {
    context.progress(0, 1, 'read');
    const incoming = readIncoming(request.source, request.passphrase);
    context.throwIfCancelled();
    context.progress(1, 2, 'merge');
    const store = this.requireStore();
    if (store.readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
    const summary = readingReceived(() => mergePackage(this.requireDb(), incoming.pkg, this.importOptions(incoming, request, false)));
    store.afterImport();
    context.progress(2, 2, 'done');
    return { ...summary, kind: incoming.kind, encrypted: incoming.encrypted, fileName: incoming.fileName, sha256: incoming.sha256 };
  }

  private importOptions(incoming: IncomingPackage, request: ImportRequest, dryRun: boolean) {
    return { dryRun, importedBy: request.importedBy, sourceKind: incoming.kind, sourceName: incoming.fileName, sha256: incoming.sha256 };
  }

  /** The Team section's facts: whose copy this is, copies issued, imports done, open conflicts. */
  teamOverview(): TeamOverview {
    const db = this.requireDb();
    return {
      memberCopyOf: memberCopyMeta(db),
      memberCopies: db.prepare('SELECT * FROM member_copy ORDER BY issued_at DESC').all() as TeamOverview['memberCopies'],
      imports: db.prepare('SELECT * FROM import_record ORDER BY imported_at DESC').all() as TeamOverview['imports'],
      openConflicts: db.prepare('SELECT COUNT(*) FROM conflict').pluck().get() as number,
      actors: db.prepare('SELECT DISTINCT source_actor_id AS actorId, source_actor_name AS name FROM import_record').all() as TeamOverview['actors'],
    };
  }

  listConflicts(): ConflictView[] {
    return listConflicts(this.requireDb());
  }

  decideConflicts(decisions: Decision[]): number {
    return this.requireStore().decideConflicts(decisions);
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
      this.markShippedUnlessReadOnly(db);
      return await this.finish(temp, destination, context);
    } catch (error) {
      removeQuietly(temp);
      throw error;
    }
  }

  private markShippedUnlessReadOnly(db: Database.Database): void {
    if (!this.requireStore().readOnly) markShipped(db);
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

  private requireDb(): Database.Database {
    if (!this.db) throw new StoreError('UNKNOWN_HANDLE', 'No engagement is open in this worker');
    return this.db;
  }

  private vacuumInWorker(
    file: string,
    newFileInstanceId: string | null,
    context: JobContext,
    memberCopy: MemberCopyMeta | null = null,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const worker = new Worker(this.vacuumWorkerPath, { workerData: { path: file, newFileInstanceId, memberCopy } });
      const poll = setInterval(() => {
        if (context.cancelled) void worker.terminate();
      }, 50);
      worker.once('message', (message: { ok: boolean; message?: string }) =>
        message.ok ? resolve() : reject(new StoreError('IO_ERROR', `Compacting the copy failed: ${message.message}`)),
      );
      worker.once('exit', () => {
        clearInterval(poll);
        if (context.cancelled) reject(new StoreError('JOB_CANCELLED', 'The job was cancelled', { jobId: context.jobId }));
        else resolve();
      });
      worker.once('error', reject);
    }).finally(() => context.resetSlice());
  }
}

/** What the main thread may call on an engagement worker (the worker entry serves exactly these). */
export type EngagementCalls = Pick<
  EngagementSession,
  | 'create'
  | 'open'
  | 'summary'
  | 'renewFileInstance'
  | 'getEngagement'
  | 'updateEngagement'
  | 'listRows'
  | 'createRow'
  | 'updateRow'
  | 'deleteRow'
  | 'fieldHistory'
  | 'verifyChain'
  | 'purgeField'
  | 'choosePack'
  | 'checklistPack'
  | 'checklistPackInfo'
  | 'teamOverview'
  | 'listConflicts'
  | 'decideConflicts'
  | 'close'
>;
export type EngagementJobs = Pick<
  EngagementSession,
  'copyTo' | 'backupTo' | 'makeMemberCopy' | 'exportPackage' | 'previewImport' | 'importFrom' | 'checkFile'
>;
