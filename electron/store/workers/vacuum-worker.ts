import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { stampCopy } from '../copy-stamp.ts';

/**
 * Compacts a fresh copy in its own thread, so the engagement's worker keeps serving edits.
 * It also gives the copy its own file instance id: whoever edits the copy writes as a new replica.
 */
interface VacuumRequest {
  readonly path: string;
  readonly newFileInstanceId: string | null;
  /** file_meta rows to write into the copy (a member copy: who it is for and the base it came from). */
  readonly fileMeta?: Readonly<Record<string, string>>;
}

const request = workerData as VacuumRequest;
try {
  const db = new Database(request.path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    if (request.newFileInstanceId) stampCopy(db, request.newFileInstanceId, request.fileMeta);
    db.exec('VACUUM');
  } finally {
    db.close();
  }
  parentPort?.postMessage({ ok: true });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: (error as Error).message });
}
