import fs from 'node:fs';
import Database from 'better-sqlite3';
import semver from 'semver';
import { APP_VERSION } from '../../shared/app-version.ts';
import { newRowId } from '../../shared/ids.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { ENGAGEMENT_APPLICATION_ID } from './file-format.ts';
import { ENGAGEMENT_MIGRATIONS, LATEST_ENGAGEMENT_VERSION } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';
import { recoverHotJournalOnCopy, restoreJournal, setForeignJournalAside, type SetAside } from './journal-recovery.ts';
import { preopenCheck } from './preopen.ts';
import { applyMigrations, compareSchema, expectedSchema, minReaderVersionOf, readSchema } from './schema.ts';

export type IntegrityLevel = 'skipped' | 'quick' | 'full';
export type ReadOnlyReason = 'file_mode' | 'newer_version' | null;

export interface OpenOptions {
  /** Size and mtime of our own last clean close of this file: quick_check is skipped when they match. */
  readonly cleanClose?: { readonly size: number; readonly mtimeMs: number } | null;
  /** A file received from someone else: full integrity_check and foreign_key_check. */
  readonly received?: boolean;
  /** The user agreed to roll back a hot journal; file and journal are copied to this folder first. */
  readonly recoverHotJournalInto?: string | null;
  /**
   * Where a -journal that is not ours is set aside (with a copy of the file) before SQLite opens the
   * file; without it such a journal is refused with FOREIGN_JOURNAL.
   */
  readonly setAsideForeignJournalInto?: string | null;
  /** Where to put the copy made before each migration step. */
  readonly backupBeforeMigration?: (db: Database.Database, migration: Migration) => void;
  readonly migrations?: readonly Migration[];
  readonly appVersion?: string;
}

export interface OpenedFile {
  readonly db: Database.Database;
  readonly readOnly: boolean;
  readonly readOnlyReason: ReadOnlyReason;
  readonly integrity: IntegrityLevel;
  readonly migratedFrom: number | null;
  readonly userVersion: number;
  /** A foreign -journal was set aside: the names of the copies kept in the recovered folder. */
  readonly foreignJournal: SetAside | null;
}


/** The pragmas DESIGN.md fixes, for a connection that may write. */
function applyWritePragmas(db: Database.Database): void {
  // DELETE, not WAL: files travel by mail and USB, and a -wal copied while open loses data.
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma('fullfsync = ON');
  db.pragma('secure_delete = ON');
  // In exclusive mode the journal stays on disk; truncating it keeps purged values out of it.
  db.pragma('journal_size_limit = 0');
  // 64 MiB of page cache (default 2 MiB): a big import then keeps its dirty pages in memory instead
  // of spilling them to the file mid-transaction (-15 % on the merge bench's scale imports).
  db.pragma('cache_size = -65536');
}

function sqliteCode(error: unknown): string {
  return (error as { code?: string }).code ?? '';
}

function mapOpenError(error: unknown, path: string): never {
  if (error instanceof StoreError) throw error;
  const code = sqliteCode(error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    throw new StoreError('LOCKED', `${path} is open in another program`, { path });
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR_SHORT_READ')) {
    throw new StoreError('CORRUPT', `${path} is damaged: ${(error as Error).message}`, { path });
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR')) {
    throw new StoreError('IO_ERROR', `${path} could not be read: ${(error as Error).message}`, { path });
  }
  throw error;
}

function checkIntegrity(db: Database.Database, level: 'quick' | 'full', path: string): void {
  const rows = db.pragma(level === 'full' ? 'integrity_check' : 'quick_check') as Record<string, string>[];
  const problems = rows.map((r) => String(Object.values(r)[0])).filter((v) => v !== 'ok');
  if (problems.length) {
    // SQLite's own lines stay in the message (logged where it is caught), not in what crosses to the renderer.
    throw new StoreError('CORRUPT', `${path} is damaged: ${problems.slice(0, 3).join('; ')}`, { path, problems: problems.length });
  }
  if (level === 'full') {
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) {
      throw new StoreError('CORRUPT', `${path} has ${fk.length} broken references between records`, {
        path,
        brokenReferences: fk.length,
      });
    }
  }
}

/**
 * Opens an engagement file the way DESIGN.md prescribes: plain-read checks first, then SQLite with
 * an exclusive lock, integrity and schema checks, and migrations (a backup before each step).
 * Any refusal leaves the file byte-identical.
 */
export function openEngagementFile(path: string, options: OpenOptions = {}): OpenedFile {
  const migrations = options.migrations ?? ENGAGEMENT_MIGRATIONS;
  const latest = migrations.length;
  const appVersion = options.appVersion ?? APP_VERSION;
  let report = preopenCheck(path, { allowHotJournal: Boolean(options.recoverHotJournalInto), allowForeignJournal: true });
  if (report.hotJournal && options.recoverHotJournalInto) {
    recoverHotJournalOnCopy(path, options.recoverHotJournalInto);
    // The rolled-back file replaced the original (a crashed migration even has its old version back).
    report = preopenCheck(path, { allowForeignJournal: true });
  }

  const fileVersion = report.header.userVersion;
  if (fileVersion < 1) throw new StoreError('NOT_ENGAGEMENT', `${path} has no engagement data`, { path });
  const foreignJournal = report.foreignJournal
    ? setForeignJournalAside(path, options.setAsideForeignJournalInto, report.readOnly || fileVersion > latest)
    : null;

  let readOnly = report.readOnly;
  let readOnlyReason: ReadOnlyReason = readOnly ? 'file_mode' : null;
  let db: Database.Database | null = null;
  try {
    if (fileVersion > latest) {
      // A file from a newer app: read which app version it needs without writing anything.
      const probe = new Database(path, { readonly: true, fileMustExist: true });
      let required: string | null;
      try {
        required = minReaderVersionOf(probe);
      } finally {
        probe.close();
      }
      if (!required || semver.gt(required, appVersion)) {
        throw new StoreError('NEWER_VERSION', `${path} needs Audit Workbench ${required ?? 'newer'} or later`, {
          path,
          requiredVersion: required ?? 'unknown',
          fileSchemaVersion: fileVersion,
        });
      }
      readOnly = true;
      readOnlyReason = readOnlyReason ?? 'newer_version';
    }
    if (fileVersion < latest && readOnly) {
      throw new StoreError('OLDER_VERSION_READ_ONLY', `${path} must be upgraded but it is read-only`, { path });
    }

    db = new Database(path, { readonly: readOnly, fileMustExist: true });
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('busy_timeout = 250');
    if (readOnly) {
      db.prepare('SELECT count(*) FROM sqlite_schema').get(); // takes and keeps the shared lock
    } else {
      // Takes the exclusive lock now, so "open in another program" is reported here, not on first edit.
      db.exec('BEGIN EXCLUSIVE; COMMIT');
      applyWritePragmas(db);
    }
    db.pragma('foreign_keys = ON');

    const clean =
      options.cleanClose &&
      options.cleanClose.size === report.size &&
      Math.abs(options.cleanClose.mtimeMs - report.mtimeMs) < 1 &&
      !options.received &&
      !report.hotJournal;
    const integrity: IntegrityLevel = options.received ? 'full' : clean ? 'skipped' : 'quick';
    if (integrity !== 'skipped') checkIntegrity(db, integrity, path);

    const comparedVersion = Math.min(fileVersion, latest);
    const difference = compareSchema(
      readSchema(db),
      expectedSchema(migrations, comparedVersion, 'engagement'),
      fileVersion > latest,
    );
    if (difference) {
      throw new StoreError('SCHEMA_MISMATCH', `${path} does not have the structure of an engagement file`, {
        path,
        missing: difference.missing,
        unexpected: difference.unexpected,
        changed: difference.changed,
      });
    }

    let migratedFrom: number | null = null;
    if (fileVersion < latest) {
      migratedFrom = fileVersion;
      const open = db;
      applyMigrations(open, migrations, fileVersion, latest, appVersion, (migration) =>
        options.backupBeforeMigration?.(open, migration),
      );
    }
    return {
      db,
      readOnly,
      readOnlyReason,
      integrity,
      migratedFrom,
      userVersion: db.pragma('user_version', { simple: true }) as number,
      foreignJournal,
    };
  } catch (error) {
    db?.close();
    restoreJournal(path, foreignJournal);
    mapOpenError(error, path);
  }
}

export interface NewFileIdentity {
  readonly engagementId: string;
  readonly fileInstanceId: string;
}

/** Creates a new engagement file at a path that must not exist yet. */
export function createEngagementFile(
  path: string,
  migrations: readonly Migration[] = ENGAGEMENT_MIGRATIONS,
  appVersion: string = APP_VERSION,
): { db: Database.Database; identity: NewFileIdentity } {
  if (fs.existsSync(path)) throw new StoreError('FILE_EXISTS', `${path} already exists`, { path });
  const db = new Database(path);
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    applyWritePragmas(db);
    db.pragma('foreign_keys = ON');
    db.pragma(`application_id = ${ENGAGEMENT_APPLICATION_ID}`);
    applyMigrations(db, migrations, 0, migrations.length, appVersion);
    const identity = { engagementId: newRowId(), fileInstanceId: newRowId() };
    const insert = db.prepare('INSERT INTO file_meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      insert.run('engagement_id', identity.engagementId);
      insert.run('file_instance_id', identity.fileInstanceId);
      insert.run('created_at', new Date().toISOString());
      insert.run('created_by_app', appVersion);
    })();
    return { db, identity };
  } catch (error) {
    db.close();
    fs.rmSync(path, { force: true });
    fs.rmSync(`${path}-journal`, { force: true });
    throw error;
  }
}

export { LATEST_ENGAGEMENT_VERSION };
export type { SetAside };
