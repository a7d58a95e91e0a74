import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Engagement, EngagementFields, NewEngagementFields } from '../../shared/engagement.ts';
import { StoreError } from '../../shared/store-errors.ts';
import type { InterfaceLanguage } from '../../shared/languages.ts';
import type { JobProgress } from '../jobs/job-context.ts';
import { WorkerClient, type StartedJob } from '../jobs/worker-client.ts';
import type { AppDataCalls, BackupRecord, BackupUsage, Installation, PackUsage, RecentEngagement } from '../store/app-data/app-data-store.ts';
import type { CopyResult } from '../store/engagement-context.ts';
import type { OpenSummary } from '../store/engagement-session.ts';
import type { CallArgs, CallResult, EngagementCalls, EngagementJobs, JobArgs, JobResult } from './capabilities.ts';
import { restoreBackupInto } from './restore-backup.ts';
import { recordRollingBackup, rollingBackupPath } from './rolling-backup.ts';
import { recordPackUsage, rememberRecent } from './engagement-usage.ts';
import type { OpenEngagement, OpenOptions, OpenedEngagement, ServiceOptions } from './service-types.ts';

export type { OpenOptions, OpenedEngagement, ServiceOptions };
import type { Row } from '../store/engagement-store.ts';
import type { FileCheckState } from '../store/file-check.ts';

/** The file's real path (symlinks and relative parts resolved), or the path itself when it is missing. */
function realpathOf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * The typed service API over the store, for the router (IPC and browser host) to call. It runs on
 * the main thread and never touches SQLite or an open engagement's file descriptors itself: each
 * engagement has a worker, the app-data store has one, and open files are tracked by realpath.
 */
export class EngagementService {
  private readonly open = new Map<string, OpenEngagement>();
  private readonly closing = new Map<string, Promise<void>>();
  private readonly jobOwners = new Map<string, OpenEngagement>();

  private constructor(
    private readonly options: ServiceOptions,
    private readonly appData: WorkerClient<AppDataCalls>,
  ) {}

  /** Where the built worker bundles are (other workers, e.g. the document renderer, start from here). */
  get workerDir(): string {
    return this.options.workerDir;
  }

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

  async setInstallationUser(name: string, initials: string, language?: InterfaceLanguage): Promise<Installation> {
    return (this.installationCache = await this.appData.api.setInstallationUser(name, initials, language));
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
    const real = realpathOf(file);
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
      backups: new Set(),
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

  private remember(summary: OpenSummary): Promise<void> {
    return rememberRecent(this.appData.api, summary);
  }

  private async rememberPack(entry: OpenEngagement): Promise<void> {
    await recordPackUsage(this.appData.api, entry.summary, await entry.client.api.checklistPackInfo());
  }

  /**
   * After a change that may touch what the home screen and the library list (the engagement row,
   * its checklist pack): the summary, the recent list and the pack usage are brought up to date.
   */
  async refreshSummary(handle: string): Promise<void> {
    const entry = this.entry(handle);
    entry.summary = await entry.client.api.summary();
    await this.remember(entry.summary);
    await this.rememberPack(entry);
  }

  /** Any operation of the engagement's worker, typed by the capabilities that declare it. */
  call<K extends keyof EngagementCalls>(handle: string, name: K, ...args: CallArgs<K>): Promise<CallResult<K>> {
    const api = this.entry(handle).client.api as unknown as Record<K, (...a: CallArgs<K>) => Promise<CallResult<K>>>;
    return api[name](...args);
  }

  /** An operation that needs no open engagement (reading another file): in a worker of its own, ended after. */
  async callAlone<K extends keyof EngagementCalls>(name: K, ...args: CallArgs<K>): Promise<CallResult<K>> {
    const client = this.spawnEngagementWorker();
    try {
      return await (client.api as unknown as Record<K, (...a: CallArgs<K>) => Promise<CallResult<K>>>)[name](...args);
    } finally {
      await client.terminate();
    }
  }

  /** An operation that changes the engagement: it also marks it for the next rolling backup. */
  change<K extends keyof EngagementCalls>(handle: string, name: K, ...args: CallArgs<K>): Promise<CallResult<K>> {
    return this.edit(handle, () => this.call(handle, name, ...args));
  }

  /**
   * Starts a job of the engagement's worker, tracked so close and cancel find it. `args` is
   * computed here, so its refusals (a destination that is open, no user yet) reject the job's result.
   */
  startJob<K extends keyof EngagementJobs>(handle: string, name: K, args: () => JobArgs<K>, onProgress?: (p: JobProgress) => void): StartedJob<JobResult<K>> {
    try {
      const entry = this.entry(handle);
      return this.track(entry, entry.client.startJob<JobResult<K>>(name, args(), onProgress));
    } catch (error) {
      return { jobId: '', result: Promise.reject(error as Error) };
    }
  }

  listPackUsage(): Promise<PackUsage[]> {
    return this.appData.api.listPackUsage();
  }

  async create(file: string, fields: NewEngagementFields): Promise<OpenedEngagement> {
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
    await this.closed(target);
    const already = this.findOpen(target);
    if (already) return { handle: already.handle, alreadyOpen: true, summary: already.summary };
    const actorId = await this.actorId();
    // A missing file keeps its name: the worker's checks report it with their own code.
    const real = realpathOf(target);
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
      if (this.options.backupOnOpen && !summary.readOnly && !options.justMade) {
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

  /** The engagement changed outside a call of this service (an import): back it up at the next timer. */
  markEdited(handle: string): void {
    this.entry(handle).dirty = true;
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
    void job.result
      .then(async () => {
        entry.summary = await entry.client.api.summary();
      })
      .catch(() => undefined);
    return job;
  }

  /** A rolling backup into app-data now (also run by the timer when the engagement was edited). */
  backupNow(handle: string, onProgress?: (p: JobProgress) => void): StartedJob<BackupRecord> {
    const entry = this.entry(handle);
    const job = this.track(entry, entry.client.startJob<CopyResult>('backupTo', [rollingBackupPath(this.options.appDataDir, entry)], onProgress));
    return recordRollingBackup(entry, job, this.appData.api);
  }

  /** Refuses a source or destination that is an engagement open in this app (never a second descriptor). */
  notOpen(file: string, code: 'SOURCE_OPEN' | 'DESTINATION_OPEN'): string {
    const target = path.resolve(file);
    if (this.findOpen(target)) {
      throw new StoreError(code, `${target} is open in this app; close it first`, { path: target });
    }
    return target;
  }

  /** The installation's user, kept here so jobs can start synchronously (and be cancelled by id). */
  private installationCache: Installation | null = null;

  /** The installation's user (kept here so jobs can start synchronously and be cancelled by id). */
  me(): Installation {
    if (!this.installationCache) throw new StoreError('NO_INSTALLATION_USER', 'Tell the app who uses this installation first');
    return this.installationCache;
  }

  cancelJob(jobId: string): void {
    this.jobOwners.get(jobId)?.client.cancel(jobId);
  }

  /**
   * Closes an engagement: backups under way finish, other jobs are cancelled, the worker closes the
   * file. From the first moment the file counts as closing, not open: a reopen waits for the close
   * instead of getting the handle that is about to go.
   */
  close(handle: string): Promise<void> {
    const entry = this.entry(handle);
    this.open.delete(handle);
    const done = this.closeEntry(entry).finally(() => this.closing.delete(entry.realpath));
    this.closing.set(entry.realpath, done);
    return done;
  }

  private async closeEntry(entry: OpenEngagement): Promise<void> {
    if (entry.timer) clearInterval(entry.timer);
    await Promise.all([...entry.backups]);
    for (const jobId of entry.jobs) entry.client.cancel(jobId);
    while (entry.jobs.size) await new Promise((resolve) => setTimeout(resolve, 10));
    try {
      const closed = await entry.client.api.close();
      await this.appData.api.recordCleanClose(entry.realpath, closed.size, closed.mtimeMs);
    } finally {
      await entry.client.terminate();
    }
  }

  /** Waits until a close of the file at `file` under way has finished (a failed close counts as finished). */
  private async closed(file: string): Promise<void> {
    const closing = this.closing.get(realpathOf(file));
    if (closing) await closing.catch(() => undefined);
  }

  async shutdown(): Promise<void> {
    for (const handle of [...this.open.keys()]) await this.close(handle);
    await Promise.allSettled([...this.closing.values()]);
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

  /** Where rolling backups go and what each engagement's take (Settings shows it beside the limits). */
  backupUsage(): Promise<BackupUsage> {
    return this.appData.api.backupUsage();
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
    return restoreBackupInto(backup.backupPath, target, path.join(this.options.workerDir, 'vacuum-worker.cjs'));
  }
}
