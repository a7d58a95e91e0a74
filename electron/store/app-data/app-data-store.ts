import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { APP_VERSION } from '../../../shared/app-version.ts';
import { newRowId } from '../../../shared/ids.ts';
import { StoreError } from '../../../shared/store-errors.ts';
import { utcInstant } from '../../../shared/time.ts';
import { APP_DATA_APPLICATION_ID } from '../file-format.ts';
import { applyMigrations, compareSchema, expectedSchema, readSchema } from '../schema.ts';
import { isInterfaceLanguage, type InterfaceLanguage } from '../../../shared/languages.ts';
import { ROLLING_BACKUP_LIMITS, rollingBackupsToKeep, type RollingBackupLimits } from '../../../shared/backup-limits.ts';
import { APP_DATA_MIGRATIONS } from './migrations.ts';
import { backupFolderFor, backupsFolderOf } from './paths.ts';

export const APP_DATA_FILE = 'app-data.sqlite';

export interface Installation {
  readonly actorId: string;
  readonly name: string;
  readonly initials: string;
  /** The interface language chosen at first run or in settings; null: follow the system's. */
  readonly language: InterfaceLanguage | null;
}

export interface RecentEngagement {
  readonly path: string;
  readonly engagementId: string;
  readonly clientName: string;
  readonly auditType: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly lastOpenedAt: string;
  /** The file is no longer where it was last opened. */
  readonly missing: boolean;
}

export interface BackupRecord {
  readonly id: string;
  readonly engagementId: string;
  readonly clientName: string;
  readonly sourcePath: string;
  readonly backupPath: string;
  readonly reason: 'rolling' | 'migration' | 'recovery';
  readonly createdAt: string;
  readonly size: number;
  readonly sha256: string;
}

export interface PackUsage {
  readonly engagementId: string;
  readonly path: string;
  readonly clientName: string;
  readonly packKey: string;
  readonly packTitle: string;
  readonly recordedAt: string;
}

/** What an engagement's rolling backups take now (files still there). */
export interface EngagementBackupUsage {
  readonly engagementId: string;
  /** The client's name at the newest backup. */
  readonly clientName: string;
  readonly count: number;
  readonly bytes: number;
}

/** Where rolling backups go and what each engagement's take: what Settings shows beside the limits. */
export interface BackupUsage {
  readonly folder: string;
  readonly engagements: readonly EngagementBackupUsage[];
}

/**
 * The installation's own small database: who uses it, recent engagements, clean-close records, the
 * backups index. A damaged one is moved aside and recreated: it holds nothing that cannot be rebuilt,
 * whereas refusing to start would lock the auditor out of their engagements.
 */
export class AppDataStore {
  readonly db: Database.Database;

  /** limits: ROLLING_BACKUP_LIMITS unless a test gives small ones. */
  constructor(
    readonly folder: string,
    private readonly limits: RollingBackupLimits = ROLLING_BACKUP_LIMITS,
  ) {
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, APP_DATA_FILE);
    this.db = AppDataStore.openOrRecreate(file);
  }

  private static openOrRecreate(file: string): Database.Database {
    try {
      return AppDataStore.openFile(file);
    } catch (error) {
      if (!fs.existsSync(file)) throw error;
      fs.renameSync(file, `${file}.damaged-${Date.now()}`);
      return AppDataStore.openFile(file);
    }
  }

  private static openFile(file: string): Database.Database {
    const db = new Database(file);
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = DELETE');
      db.pragma('synchronous = FULL');
      const appId = db.pragma('application_id', { simple: true }) as number;
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version === 0 && appId === 0) db.pragma(`application_id = ${APP_DATA_APPLICATION_ID}`);
      else if (appId !== APP_DATA_APPLICATION_ID) throw new Error('not an app-data store');
      const quick = db.pragma('quick_check', { simple: true });
      if (quick !== 'ok') throw new Error(`app-data store damaged: ${String(quick)}`);
      if (version > 0) {
        const difference = compareSchema(
          readSchema(db),
          expectedSchema(APP_DATA_MIGRATIONS, Math.min(version, APP_DATA_MIGRATIONS.length), 'app-data'),
          version > APP_DATA_MIGRATIONS.length,
        );
        if (difference) throw new Error('app-data schema mismatch');
      }
      applyMigrations(db, APP_DATA_MIGRATIONS, version, APP_DATA_MIGRATIONS.length, APP_VERSION);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }

  private setting(key: string): string | null {
    return (this.db.prepare('SELECT value FROM installation WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  }

  /** The person using this installation, or null on first run. The actor id never changes. */
  installation(): Installation | null {
    const actorId = this.setting('actor_id');
    const name = this.setting('name');
    if (!actorId || !name) return null;
    const language = this.setting('language');
    return { actorId, name, initials: this.setting('initials') ?? '', language: isInterfaceLanguage(language) ? language : null };
  }

  /** Who uses this installation and, when given, the interface language they chose. */
  setInstallationUser(name: string, initials: string, language?: InterfaceLanguage): Installation {
    const cleanName = name.trim();
    const cleanInitials = initials.trim().toUpperCase();
    if (!cleanName || cleanName.length > 200) throw new StoreError('INVALID_VALUE', 'A name is needed', { field: 'name' });
    if (!cleanInitials || cleanInitials.length > 10) {
      throw new StoreError('INVALID_VALUE', 'Initials are needed (at most 10 letters)', { field: 'initials' });
    }
    const upsert = this.db.prepare(
      'INSERT INTO installation (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.db.transaction(() => {
      if (!this.setting('actor_id')) upsert.run('actor_id', newRowId());
      upsert.run('name', cleanName);
      upsert.run('initials', cleanInitials);
      if (language) upsert.run('language', language);
    })();
    return this.installation()!;
  }

  rememberRecent(entry: Omit<RecentEngagement, 'missing' | 'lastOpenedAt'>): void {
    this.db
      .prepare(
        `INSERT INTO recent_engagement (path, engagement_id, client_name, audit_type, start_date, end_date, last_opened_at)
         VALUES (@path, @engagementId, @clientName, @auditType, @startDate, @endDate, @lastOpenedAt)
         ON CONFLICT (path) DO UPDATE SET engagement_id = excluded.engagement_id, client_name = excluded.client_name,
           audit_type = excluded.audit_type, start_date = excluded.start_date, end_date = excluded.end_date,
           last_opened_at = excluded.last_opened_at`,
      )
      .run({ ...entry, lastOpenedAt: utcInstant() });
  }

  listRecent(): RecentEngagement[] {
    const rows = this.db
      .prepare(
        `SELECT path, engagement_id AS engagementId, client_name AS clientName, audit_type AS auditType,
                start_date AS startDate, end_date AS endDate, last_opened_at AS lastOpenedAt
         FROM recent_engagement ORDER BY last_opened_at DESC LIMIT 50`,
      )
      .all() as Omit<RecentEngagement, 'missing'>[];
    return rows.map((row) => ({ ...row, missing: !fs.existsSync(row.path) }));
  }

  removeRecent(filePath: string): void {
    this.db.prepare('DELETE FROM recent_engagement WHERE path = ?').run(filePath);
  }

  recordCleanClose(realpath: string, size: number, mtimeMs: number): void {
    this.db
      .prepare(
        `INSERT INTO clean_close (realpath, size, mtime_ms, closed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (realpath) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, closed_at = excluded.closed_at`,
      )
      .run(realpath, size, mtimeMs, utcInstant());
  }

  /** Which pack an engagement uses, as last seen here (null: the engagement has no pack yet). */
  recordPackUsage(usage: Omit<PackUsage, 'recordedAt'> | { engagementId: string; packKey: null }): void {
    if (usage.packKey === null) {
      this.db.prepare('DELETE FROM pack_usage WHERE engagement_id = ?').run(usage.engagementId);
      return;
    }
    const entry = usage as Omit<PackUsage, 'recordedAt'>;
    this.db
      .prepare(
        `INSERT INTO pack_usage (engagement_id, path, client_name, pack_key, pack_title, recorded_at)
         VALUES (@engagementId, @path, @clientName, @packKey, @packTitle, @recordedAt)
         ON CONFLICT (engagement_id) DO UPDATE SET path = excluded.path, client_name = excluded.client_name,
           pack_key = excluded.pack_key, pack_title = excluded.pack_title, recorded_at = excluded.recorded_at`,
      )
      .run({ ...entry, recordedAt: utcInstant() });
  }

  listPackUsage(): PackUsage[] {
    return this.db
      .prepare(
        `SELECT engagement_id AS engagementId, path, client_name AS clientName, pack_key AS packKey,
                pack_title AS packTitle, recorded_at AS recordedAt
         FROM pack_usage ORDER BY client_name`,
      )
      .all() as PackUsage[];
  }

  /** Forgets the record when the file is opened, so a crash before the next clean close is noticed. */
  takeCleanClose(realpath: string): { size: number; mtimeMs: number } | null {
    const row = this.db.prepare('SELECT size, mtime_ms AS mtimeMs FROM clean_close WHERE realpath = ?').get(realpath) as
      | { size: number; mtimeMs: number }
      | undefined;
    this.db.prepare('DELETE FROM clean_close WHERE realpath = ?').run(realpath);
    return row ?? null;
  }

  /**
   * Records where a file instance is opened. Returns false when the same instance was last seen at
   * another path that still holds it: this file is a copy made outside the app (file manager, USB),
   * and writing to both as one replica would fork its change-log chain.
   */
  claimFileInstance(fileInstanceId: string, engagementId: string, realpath: string): boolean {
    const seen = this.db
      .prepare('SELECT realpath FROM file_instance WHERE file_instance_id = ?')
      .pluck()
      .get(fileInstanceId) as string | undefined;
    // Existence is enough: renewing an instance only costs an extra replica, a fork costs the chain.
    const unique = !seen || seen === realpath || !fs.existsSync(seen);
    if (unique) {
      this.db
        .prepare(
          `INSERT INTO file_instance (file_instance_id, engagement_id, realpath, last_seen_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (file_instance_id) DO UPDATE SET realpath = excluded.realpath, last_seen_at = excluded.last_seen_at`,
        )
        .run(fileInstanceId, engagementId, realpath, utcInstant());
    }
    return unique;
  }

  backupFolder(engagementId: string): string {
    return backupFolderFor(this.folder, engagementId);
  }

  addBackup(record: Omit<BackupRecord, 'id' | 'createdAt'>): BackupRecord {
    const full: BackupRecord = { ...record, id: newRowId(), createdAt: utcInstant() };
    this.db
      .prepare(
        `INSERT INTO backup (id, engagement_id, client_name, source_path, backup_path, reason, created_at, size, sha256)
         VALUES (@id, @engagementId, @clientName, @sourcePath, @backupPath, @reason, @createdAt, @size, @sha256)`,
      )
      .run(full);
    this.pruneRolling(record.engagementId);
    return full;
  }

  /**
   * Keeps the engagement's newest rolling backups within the count and the size cap
   * (`rollingBackupsToKeep`: the newest is always kept). Rows whose file is gone are forgotten and
   * count for nothing. A file that cannot be deleted (locked by a virus scanner or a sync client)
   * stays indexed and is tried again after the next backup. Migration and recovery copies live in
   * other folders and are never pruned here.
   */
  private pruneRolling(engagementId: string): void {
    const rows = this.db
      .prepare(
        `SELECT id, backup_path AS backupPath, size FROM backup WHERE engagement_id = ? AND reason = 'rolling'
         ORDER BY created_at DESC, rowid DESC`,
      )
      .all(engagementId) as { id: string; backupPath: string; size: number }[];
    const forget = this.db.prepare('DELETE FROM backup WHERE id = ?');
    const present: typeof rows = [];
    for (const row of rows) {
      if (fs.existsSync(row.backupPath)) present.push(row);
      else forget.run(row.id);
    }
    const kept = rollingBackupsToKeep(present.map((row) => row.size), this.limits);
    for (const backup of present.slice(kept)) {
      try {
        fs.rmSync(backup.backupPath, { force: true });
      } catch {
        continue;
      }
      forget.run(backup.id);
    }
  }

  /** The rolling backups' folder and, per engagement, how many there are and what they take. */
  backupUsage(): BackupUsage {
    const rows = this.db
      .prepare(
        `SELECT engagement_id AS engagementId, client_name AS clientName, backup_path AS backupPath, size FROM backup
         WHERE reason = 'rolling' ORDER BY created_at DESC, rowid DESC`,
      )
      .all() as { engagementId: string; clientName: string; backupPath: string; size: number }[];
    const engagements = new Map<string, EngagementBackupUsage>();
    for (const row of rows) {
      if (!fs.existsSync(row.backupPath)) continue;
      const seen = engagements.get(row.engagementId);
      engagements.set(row.engagementId, {
        engagementId: row.engagementId,
        clientName: seen?.clientName ?? row.clientName,
        count: (seen?.count ?? 0) + 1,
        bytes: (seen?.bytes ?? 0) + row.size,
      });
    }
    return { folder: backupsFolderOf(this.folder), engagements: [...engagements.values()] };
  }

  listBackups(engagementId?: string): BackupRecord[] {
    const select = `SELECT id, engagement_id AS engagementId, client_name AS clientName, source_path AS sourcePath,
      backup_path AS backupPath, reason, created_at AS createdAt, size, sha256 FROM backup`;
    const rows = (
      engagementId
        ? this.db.prepare(`${select} WHERE engagement_id = ? ORDER BY created_at DESC, rowid DESC`).all(engagementId)
        : this.db.prepare(`${select} ORDER BY created_at DESC, rowid DESC`).all()
    ) as BackupRecord[];
    return rows.filter((row) => fs.existsSync(row.backupPath));
  }

  getBackup(id: string): BackupRecord {
    const backup = this.listBackups().find((b) => b.id === id);
    if (!backup) throw new StoreError('BACKUP_NOT_FOUND', `No backup ${id}`, { id });
    return backup;
  }
}

/** What the main thread may call on the app-data worker. */
export type AppDataCalls = Pick<
  AppDataStore,
  | 'installation'
  | 'setInstallationUser'
  | 'rememberRecent'
  | 'listRecent'
  | 'removeRecent'
  | 'recordCleanClose'
  | 'takeCleanClose'
  | 'backupFolder'
  | 'claimFileInstance'
  | 'addBackup'
  | 'listBackups'
  | 'getBackup'
  | 'backupUsage'
  | 'recordPackUsage'
  | 'listPackUsage'
  | 'close'
>;

