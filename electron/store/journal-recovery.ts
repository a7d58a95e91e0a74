import fs from 'node:fs';
import Database from 'better-sqlite3';
import { StoreError } from '../../shared/store-errors.ts';
import { copyFileDurably, sweepStaleParts } from '../platform/durable-write.ts';
import { verifyChain } from './chain-check.ts';
import { ENGAGEMENT_APPLICATION_ID } from './file-format.ts';

/** Where a file and its journal were copied before anything touched them (names in `folder`). */
export interface SetAside {
  readonly folder: string;
  readonly fileCopy: string;
  readonly journalCopy: string;
}

/** Copies the file and its journal into `folder` (durably) before SQLite may touch either. */
function copyWithJournalAside(path: string, folder: string): SetAside {
  fs.mkdirSync(folder, { recursive: true });
  sweepStaleParts(folder); // copies cut short by a kill: every copy here has a new name, so nothing else would
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = path.split(/[\\/]/).pop() ?? 'engagement.iso20k';
  const fileCopy = `${stamp}-${base}`;
  const journalCopy = `${fileCopy}-journal`;
  copyFileDurably(path, `${folder}/${fileCopy}`);
  copyFileDurably(`${path}-journal`, `${folder}/${journalCopy}`);
  return { folder, fileCopy, journalCopy };
}

/** File-system failures while setting a journal aside are the drive's, never INTERNAL. */
function onDisk<T>(path: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError('IO_ERROR', `${path}: the journal beside it could not be set aside (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { path });
  }
}

const foreign = (path: string, params: Record<string, boolean> = {}): StoreError =>
  new StoreError('FOREIGN_JOURNAL', `A file ${path}-journal that was not written for this engagement lies beside it`, { path, ...params });

/**
 * A -journal that is not ours is copied aside with the file, then removed, so SQLite can neither
 * delete it unseen nor play another database's pages into this file. Read-only files are refused
 * instead: their folder is not ours to change.
 */
export function setForeignJournalAside(path: string, folder: string | null | undefined, readOnly: boolean): SetAside {
  if (!folder || readOnly) throw foreign(path, { readOnly });
  return onDisk(path, () => {
    const aside = copyWithJournalAside(path, folder);
    fs.rmSync(`${path}-journal`);
    return aside;
  });
}

/** Puts a set-aside journal back when the open is refused after all: a refusal changes nothing. */
export function restoreJournal(path: string, aside: SetAside | null): void {
  if (!aside) return;
  const journal = `${path}-journal`;
  // An empty journal is what exclusive mode leaves after a refused migration: not the one set aside.
  const present = fs.statSync(journal, { throwIfNoEntry: false });
  // Whole or not at all: a half-copied journal beside the file would be misjudged at the next open.
  if (!present || present.size === 0) copyFileDurably(`${aside.folder}/${aside.journalCopy}`, journal);
}

/** Whether a rolled-back copy is still this engagement, whole: SQLite's checks, the id, the chain. */
function stillOurs(db: Database.Database): boolean {
  return (
    db.pragma('integrity_check', { simple: true }) === 'ok' &&
    (db.pragma('application_id', { simple: true }) as number) >>> 0 === ENGAGEMENT_APPLICATION_ID &&
    (db.pragma('foreign_key_check') as unknown[]).length === 0 &&
    verifyChain(db).ok
  );
}

/**
 * The user agreed to roll back an unfinished change. A journal that looks like ours may still be
 * another database's (one in exclusive mode journals page 1 only once, so its later journals do
 * not say whose they are): the rollback is done on a copy first, the copy is checked, and only a
 * copy that is still this engagement, whole, replaces the file. File and journal stay in `folder`
 * as they were. A rollback that would damage the file is refused, and nothing beside it changes.
 */
export function recoverHotJournalOnCopy(path: string, folder: string): void {
  const aside = onDisk(path, () => copyWithJournalAside(path, folder));
  const work = `${folder}/${aside.fileCopy}.rollback`;
  try {
    onDisk(path, () => {
      fs.copyFileSync(`${folder}/${aside.fileCopy}`, work);
      fs.copyFileSync(`${folder}/${aside.journalCopy}`, `${work}-journal`);
    });
    let ours = false;
    const db = new Database(work, { fileMustExist: true });
    try {
      db.prepare('SELECT count(*) FROM sqlite_schema').get(); // SQLite rolls the journal back here
      ours = stillOurs(db);
    } catch {
      ours = false; // a rollback SQLite itself finds damaging
    } finally {
      db.close();
    }
    if (!ours) throw foreign(path, { afterRollback: true });
    onDisk(path, () => {
      copyFileDurably(work, path);
      fs.rmSync(`${path}-journal`, { force: true });
    });
  } finally {
    fs.rmSync(work, { force: true });
    fs.rmSync(`${work}-journal`, { force: true });
  }
}
