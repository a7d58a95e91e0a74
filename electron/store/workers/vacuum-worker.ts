import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { stampMemberCopy } from '../../consolidation/member-copy.ts';
import type { MemberCopyMeta } from '../../consolidation/package-build.ts';
import { markShipped } from '../change-log.ts';

/**
 * Compacts a fresh copy in its own thread, so the engagement's worker keeps serving edits.
 * It also gives the copy its own file instance id: whoever edits the copy writes as a new replica.
 */
interface VacuumRequest {
  readonly path: string;
  readonly newFileInstanceId: string | null;
  /** Set when the copy is a member copy: who it is for and the base it came from. */
  readonly memberCopy?: MemberCopyMeta | null;
}

const request = workerData as VacuumRequest;
try {
  const db = new Database(request.path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    if (request.memberCopy && request.newFileInstanceId) {
      stampMemberCopy(db, request.memberCopy, request.newFileInstanceId);
    } else if (request.newFileInstanceId) {
      db.prepare("UPDATE file_meta SET value = ? WHERE key = 'file_instance_id'").run(request.newFileInstanceId);
      // Entries in a copy have left the original file: nobody may coalesce into them any more.
      markShipped(db);
    }
    db.exec('VACUUM');
  } finally {
    db.close();
  }
  parentPort?.postMessage({ ok: true });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: (error as Error).message });
}
