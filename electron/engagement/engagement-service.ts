import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Engagement, EngagementFields } from '../../shared/engagement.ts';
import { newRowId } from '../../shared/ids.ts';
import { packKey } from '../../shared/checklist/pack.ts';
import { StoreError } from '../../shared/store-errors.ts';
import type { JobProgress } from '../jobs/job-context.ts';
import { WorkerClient, type StartedJob } from '../jobs/worker-client.ts';
import type { AppDataCalls, BackupRecord, Installation, PackUsage, RecentEngagement } from '../store/app-data/app-data-store.ts';
import type { EngagementPackInfo, EngagementPackRow, PackToCopy } from '../packs/engagement-packs.ts';
import { backupFolderFor } from '../store/app-data/paths.ts';
import type { ChainVerdict } from '../store/chain-check.ts';
import type { ConflictView, Decision } from '../consolidation/decisions.ts';
import type { CopyResult, EngagementCalls, ImportPreview, OpenSummary, TeamOverview } from '../store/engagement-session.ts';
import type { Row } from '../store/engagement-store.ts';
import type { FileCheckState } from '../store/file-check.ts';
import { fsyncFile, removeQuietly, renameDurably, sha256OfFile, tempPathBeside } from '../store/file-copy.ts';

export interface ServiceOptions {
  /** The installation's app-data folder (app-data store, backups). */
  readonly appDataDir: string;
  /** Folder with the built worker bundles (engagement-worker.cjs, app-data-worker.cjs, vacuum-worker.cjs). */
  readonly workerDir: string;
  /** How often an edited engagement gets a rolling backup; 0 turns the timer off. */
  readonly rollingBackupIntervalMs?: number;
  /** Take a rolling backup when a writable engagement is opened (the state before this session's edits). */
  readonly backupOnOpen?: boolean;
}

export interface OpenOptions {
  /** The user agreed to roll back an unfinished change (a hot journal); a copy is kept first. */
  readonly recoverHotJournal?: boolean;
  /** The file came from someone else: run the full integrity and reference checks. */
  readonly received?: boolean;
}

export interface OpenedEngagement {
  readonly handle: string;
  /** The file was already open in this app: the caller focuses its window instead. */
  readonly alreadyOpen: boolean;
  readonly summary: OpenSummary;
}

interface OpenEngagement {
  readonly handle: string;
  readonly realpath: string;
  readonly client: WorkerClient<EngagementCalls>;
  readonly jobs: Set<string>;
  summary: OpenSummary;
  dirty: boolean;
  timer: NodeJS.Timeout | null;
}

/**
 * The typed service API over the store, for the router (IPC and browser host) to call. It runs on
 * the main thread and never touches SQLite or an open engagement's file descriptors itself: each
 * engagement has a worker, the app-data store has one, and open files are tracked by realpath.
 */
export class EngagementService {
  private readonly open = new Map<string, OpenEngagement>();
  private readonly jobOwners = new Map<string, OpenEngagement>();

  private constructor(
    private readonly options: ServiceOptions,
    private readonly appData: WorkerClient<AppDataCalls>,
  ) {}

  static async start(options: ServiceOptions): Promise<EngagementService> {
    const appData = new WorkerClient<AppDataCalls>(path.join(options.workerDir, 'app-data-worker.cjs'), {
      folder: options.appDataDir,
    });
    const service = new EngagementService(options, appData);
    service.installationCache = await appData.api.installation();
    return service;
  }

  installation(): Promise<Installation | null> {
    return this.appData.api.installation();
  }

  async setInstallationUser(name: string, initials: string): Promise<Installation> {
    this.installationCache = await this.appData.api.setInstallationUser(name, initials);
    return this.installationCache;
  }

  private async actorId(): Promise<string> {
    const installation = await this.appData.api.installation();
    if (!installation) throw new StoreError('NO_INSTALLATION_USER', 'Tell the app who uses this installation first');
    return installation.actorId;
  }

  private spawnEngagementWorker(): WorkerClient<EngagementCalls> {
    return new WorkerClient<EngagementCalls>(path.join(this.options.workerDir, 'engagement-worker.cjs'), {
      workerDir: this.options.workerDir,
    });
  }

  /** The open engagement whose file is `file`, by realpath (symlinks and relative paths resolved). */
  private findOpen(file: string): OpenEngagement | null {
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      return null;
    }
    return [...this.open.values()].find((entry) => entry.realpath === real) ?? null;
  }

  private entry(handle: string): OpenEngagement {
    const entry = this.open.get(handle);
    if (!entry) throw new StoreError('UNKNOWN_HANDLE', 'This engagement is not open', { handle });
    return entry;
  }

  private register(client: WorkerClient<EngagementCalls>, summary: OpenSummary): OpenedEngagement {
    const handle = randomUUID();
    const entry: OpenEngagement = {
      handle,
      realpath: fs.realpathSync(summary.path),
      client,
      jobs: new Set(),
      summary,
      dirty: false,
      timer: null,
    };
    const interval = this.options.rollingBackupIntervalMs ?? 10 * 60_000;
    if (interval > 0 && !summary.readOnly) {
      entry.timer = setInterval(() => {
        if (entry.dirty) void this.backupNow(handle).result.catch(() => undefined);
      }, interval);
      entry.timer.unref();
    }
    this.open.set(handle, entry);
    // The recent list and pack usage are a convenience: failing to update them must not fail the open.
    this.remember(summary).catch(() => undefined);
    this.rememberPack(entry).catch(() => undefined);
    return { handle, alreadyOpen: false, summary };
  }

  private async remember(summary: OpenSummary): Promise<void> {
    if (!summary.engagement) return;
    await this.appData.api.rememberRecent({
      path: path.resolve(summary.path),
      engagementId: summary.engagementId,
      clientName: summary.engagement.client_name,
      auditType: summary.engagement.audit_type,
      startDate: summary.engagement.start_date,
      endDate: summary.engagement.end_date,
    });
  }

  private async rememberPack(entry: OpenEngagement): Promise<void> {
    const engagement = entry.summary.engagement;
    if (!engagement) return;
    const pack = await entry.client.api.checklistPackInfo();
    await this.appData.api.recordPackUsage(
      pack
        ? {
            engagementId: entry.summary.engagementId,
            path: path.resolve(entry.summary.path),
            clientName: engagement.client_name,
            packKey: packKey({ id: pack.pack_id, version: pack.version }),
            packTitle: pack.title,
          }
        : { engagementId: entry.summary.engagementId, packKey: null },
    );
  }

  /** Copies a checked pack into the engagement and makes it the engagement's checklist. */
  async choosePack(handle: string, pack: PackToCopy): Promise<EngagementPackInfo> {
    const info = await this.edit(handle, (client) => client.api.choosePack(pack));
    const entry = this.entry(handle);
    entry.summary = await entry.client.api.summary();
    await this.rememberPack(entry);
    return info;
  }

  checklistPack(handle: string): Promise<EngagementPackRow | null> {
    return this.entry(handle).client.api.checklistPack();
  }

  listPackUsage(): Promise<PackUsage[]> {
    return this.appData.api.listPackUsage();
  }

  async create(file: string, fields: EngagementFields): Promise<OpenedEngagement> {
    const actorId = await this.actorId();
    const target = path.resolve(file);
    if (fs.existsSync(target)) throw new StoreError('FILE_EXISTS', `${target} already exists`, { path: target });
    const client = this.spawnEngagementWorker();
    try {
      const summary = await client.api.create({ path: target, actorId, engagement: fields });
      await this.appData.api.claimFileInstance(summary.fileInstanceId, summary.engagementId, fs.realpathSync(target));
      return this.register(client, summary);
    } catch (error) {
      await client.terminate();
      throw error;
    }
  }

  async openFile(file: string, options: OpenOptions = {}): Promise<OpenedEngagement> {
    const target = path.resolve(file);
    const already = this.findOpen(target);
    if (already) return { handle: already.handle, alreadyOpen: true, summary: already.summary };
    const actorId = await this.actorId();
    let real = target;
    try {
      real = fs.realpathSync(target);
    } catch {
      // the worker's checks report a missing file with its own code
    }
    const cleanClose = await this.appData.api.takeCleanClose(real);
    const backups = path.join(this.options.appDataDir, 'backups');
    const client = this.spawnEngagementWorker();
    try {
      const summary = await client.api.open({
        path: target,
        actorId,
        cleanClose,
        received: options.received ?? false,
        recoverHotJournalInto: options.recoverHotJournal ? path.join(backups, 'recovered') : null,
        setAsideForeignJournalInto: path.join(backups, 'recovered'),
        migrationBackupFolder: path.join(backups, 'migration'),
      });
      const opened = this.register(client, await this.ensureOwnInstance(client, summary, real));
      if (this.options.backupOnOpen && !summary.readOnly) {
        // Failing to back up must not fail the open; the next rolling backup tries again.
        this.backupNow(opened.handle).result.catch(() => undefined);
      }
      return opened;
    } catch (error) {
      await client.terminate();
      throw error;
    }
  }

  /** A file copied outside the app shares its instance with the original: give the copy a new one. */
  private async ensureOwnInstance(
    client: WorkerClient<EngagementCalls>,
    summary: OpenSummary,
    real: string,
  ): Promise<OpenSummary> {
    if (summary.readOnly) return summary;
    if (await this.appData.api.claimFileInstance(summary.fileInstanceId, summary.engagementId, real)) return summary;
    const renewed = await client.api.renewFileInstance();
    await this.appData.api.claimFileInstance(renewed.fileInstanceId, renewed.engagementId, real);
    return renewed;
  }

  summary(handle: string): Promise<OpenSummary> {
    return this.entry(handle).client.api.summary();
  }

  getEngagement(handle: string): Promise<Engagement> {
    return this.entry(handle).client.api.getEngagement();
  }

  private async edit<T>(handle: string, change: (client: WorkerClient<EngagementCalls>) => Promise<T>): Promise<T> {
    const entry = this.entry(handle);
    const result = await change(entry.client);
    entry.dirty = true;
    return result;
  }

  async updateEngagement(handle: string, patch: Partial<EngagementFields>): Promise<Engagement> {
    const engagement = await this.edit(handle, (client) => client.api.updateEngagement(patch));
    const entry = this.entry(handle);
    entry.summary = { ...entry.summary, engagement };
    await this.remember(entry.summary);
    return engagement;
  }

  listRows(handle: string, table: string): Promise<Row[]> {
    return this.entry(handle).client.api.listRows(table);
  }

  createRow(handle: string, table: string, values: Row): Promise<Row> {
    return this.edit(handle, (client) => client.api.createRow(table, values));
  }

  updateRow(handle: string, table: string, id: string, patch: Row): Promise<Row> {
    return this.edit(handle, (client) => client.api.updateRow(table, id, patch));
  }

  deleteRow(handle: string, table: string, id: string): Promise<void> {
    return this.edit(handle, (client) => client.api.deleteRow(table, id));
  }

  purgeField(handle: string, table: string, id: string, field: string): Promise<number> {
    return this.edit(handle, (client) => client.api.purgeField(table, id, field));
  }

  fieldHistory(handle: string, table: string, id: string): Promise<ReturnType<EngagementCalls['fieldHistory']>> {
    return this.entry(handle).client.api.fieldHistory(table, id);
  }

  verifyChain(handle: string): Promise<ChainVerdict> {
    return this.entry(handle).client.api.verifyChain();
  }

  private track<T>(entry: OpenEngagement, job: StartedJob<T>): StartedJob<T> {
    entry.jobs.add(job.jobId);
    this.jobOwners.set(job.jobId, entry);
    const forget = (): void => {
      entry.jobs.delete(job.jobId);
      this.jobOwners.delete(job.jobId);
    };
    job.result.then(forget, forget);
    return job;
  }

  /** "Save a copy": a job; the copy gets its own file instance, its SHA-256 is returned. */
  saveCopy(handle: string, destination: string, onProgress?: (p: JobProgress) => void): StartedJob<CopyResult> {
    const entry = this.entry(handle);
    const target = path.resolve(destination);
    const openThere = this.findOpen(target);
    if (openThere) {
      const error = new StoreError('DESTINATION_OPEN', `${target} is open; close it first or choose another name`, {
        path: target,
      });
      return { jobId: '', result: Promise.reject(error) };
    }
    return this.track(entry, entry.client.startJob<CopyResult>('copyTo', [target], onProgress));
  }

  /** The check of every logged value and chain link (after the first screen); its verdict joins the summary. */
  checkFile(handle: string, onProgress?: (p: JobProgress) => void): StartedJob<FileCheckState> {
    const entry = this.entry(handle);
    const job = this.track(entry, entry.client.startJob<FileCheckState>('checkFile', [], onProgress));
    void job.result.then(
      async () => {
        entry.summary = await entry.client.api.summary();
      },
      () => undefined,
    );
    return job;
  }

  /** A rolling backup into app-data now (also run by the timer when the engagement was edited). */
  backupNow(handle: string, onProgress?: (p: JobProgress) => void): StartedJob<BackupRecord> {
    const entry = this.entry(handle);
    const { engagementId } = entry.summary;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    entry.dirty = false;
    const folder = backupFolderFor(this.options.appDataDir, engagementId);
    const job = this.track(entry, entry.client.startJob<CopyResult>('backupTo', [path.join(folder, `${stamp}.iso20k`)], onProgress));
    const result = job.result.then(async (copy) => {
      return this.appData.api.addBackup({
        engagementId,
        clientName: entry.summary.engagement?.client_name ?? '',
        sourcePath: entry.summary.path,
        backupPath: copy.path,
        reason: 'rolling',
        size: copy.size,
        sha256: copy.sha256,
      });
    });
    return { jobId: job.jobId, result };
  }

  /** Refuses a source or destination that is an engagement open in this app (never a second descriptor). */
  private notOpen(file: string, code: 'SOURCE_OPEN' | 'DESTINATION_OPEN'): string {
    const target = path.resolve(file);
    if (this.findOpen(target)) {
      throw new StoreError(code, `${target} is open in this app; close it first`, { path: target });
    }
    return target;
  }

  /** The installation's user, kept here so jobs can start synchronously (and be cancelled by id). */
  private installationCache: Installation | null = null;

  private me(): Installation {
    if (!this.installationCache) throw new StoreError('NO_INSTALLATION_USER', 'Tell the app who uses this installation first');
    return this.installationCache;
  }

  private startTeamJob<T>(handle: string, method: string, args: () => unknown[], onProgress?: (p: JobProgress) => void): StartedJob<T> {
    const entry = this.entry(handle);
    try {
      return this.track(entry, entry.client.startJob<T>(method, args(), onProgress));
    } catch (error) {
      return { jobId: '', result: Promise.reject(error as Error) };
    }
  }

  /** "Make member copy": a copy of this engagement for one team member, as a job. */
  makeMemberCopy(handle: string, memberId: string, destination: string, onProgress?: (p: JobProgress) => void): StartedJob<CopyResult> {
    return this.startTeamJob(handle, 'makeMemberCopy', () => [
      { memberId, destination: this.notOpen(destination, 'DESTINATION_OPEN'), issuedBy: this.me().actorId },
    ], onProgress);
  }

  /** "Create return package": what this copy has beyond its base, optionally with a passphrase. */
  exportPackage(handle: string, destination: string, passphrase: string | null, onProgress?: (p: JobProgress) => void): StartedJob<CopyResult> {
    return this.startTeamJob(handle, 'exportPackage', () => {
      const me = this.me();
      return [{ destination: this.notOpen(destination, 'DESTINATION_OPEN'), passphrase, createdBy: { actorId: me.actorId, name: me.name, initials: me.initials } }];
    }, onProgress);
  }

  previewImport(handle: string, source: string, passphrase: string | null, onProgress?: (p: JobProgress) => void): StartedJob<ImportPreview> {
    return this.startTeamJob(handle, 'previewImport', () => [
      { source: this.notOpen(source, 'SOURCE_OPEN'), passphrase, importedBy: this.me().actorId },
    ], onProgress);
  }

  importFrom(handle: string, source: string, passphrase: string | null, onProgress?: (p: JobProgress) => void): StartedJob<ImportPreview> {
    const entry = this.entry(handle);
    entry.dirty = true;
    const job = this.startTeamJob<ImportPreview>(handle, 'importFrom', () => [
      { source: this.notOpen(source, 'SOURCE_OPEN'), passphrase, importedBy: this.me().actorId },
    ], onProgress);
    // An import may bring another pack choice: keep the library's usage list right (best effort).
    void job.result.then(
      () => this.rememberPack(entry).catch(() => undefined),
      () => undefined,
    );
    return job;
  }

  teamOverview(handle: string): Promise<TeamOverview> {
    return this.entry(handle).client.api.teamOverview();
  }

  listConflicts(handle: string): Promise<ConflictView[]> {
    return this.entry(handle).client.api.listConflicts();
  }

  decideConflicts(handle: string, decisions: Decision[]): Promise<number> {
    return this.edit(handle, (client) => client.api.decideConflicts(decisions));
  }

  cancelJob(jobId: string): void {
    this.jobOwners.get(jobId)?.client.cancel(jobId);
  }

  async close(handle: string): Promise<void> {
    const entry = this.entry(handle);
    if (entry.timer) clearInterval(entry.timer);
    for (const jobId of entry.jobs) entry.client.cancel(jobId);
    while (entry.jobs.size) await new Promise((resolve) => setTimeout(resolve, 10));
    try {
      const closed = await entry.client.api.close();
      await this.appData.api.recordCleanClose(entry.realpath, closed.size, closed.mtimeMs);
    } finally {
      this.open.delete(handle);
      await entry.client.terminate();
    }
  }

  async shutdown(): Promise<void> {
    for (const handle of [...this.open.keys()]) await this.close(handle);
    await this.appData.api.close().catch(() => undefined);
    await this.appData.terminate();
  }

  openHandles(): string[] {
    return [...this.open.keys()];
  }

  listRecent(): Promise<RecentEngagement[]> {
    return this.appData.api.listRecent();
  }

  removeRecent(file: string): Promise<void> {
    return this.appData.api.removeRecent(file);
  }

  listBackups(engagementId?: string): Promise<BackupRecord[]> {
    return this.appData.api.listBackups(engagementId);
  }

  /**
   * Restores a backup as a new file (never over an open engagement). The restored file gets a new
   * file instance id: edits made in it are a new replica, so they can never collide in a merge
   * with entries that already left the original.
   */
  async restoreBackup(backupId: string, destination: string): Promise<CopyResult> {
    const backup = await this.appData.api.getBackup(backupId);
    const target = path.resolve(destination);
    if (this.findOpen(target)) {
      throw new StoreError('DESTINATION_OPEN', `${target} is open; close it first or choose another name`, { path: target });
    }
    const temp = tempPathBeside(target);
    try {
      fs.copyFileSync(backup.backupPath, temp);
      await this.vacuum(temp, newRowId());
      fsyncFile(temp);
      const sha256 = await sha256OfFile(temp);
      await renameDurably(temp, target);
      return { path: target, sha256, size: fs.statSync(target).size };
    } catch (error) {
      removeQuietly(temp);
      throw error instanceof StoreError
        ? error
        : new StoreError('IO_ERROR', `The backup could not be restored: ${(error as Error).message}`, { path: target });
    }
  }

  private vacuum(file: string, newFileInstanceId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(path.join(this.options.workerDir, 'vacuum-worker.cjs'), {
        workerData: { path: file, newFileInstanceId },
      });
      worker.once('message', (message: { ok: boolean; message?: string }) =>
        message.ok ? resolve() : reject(new StoreError('IO_ERROR', message.message ?? 'compaction failed')),
      );
      worker.once('error', reject);
    });
  }
}
