import path from 'node:path';
import type { Remote } from '../jobs/worker-protocol.ts';
import type { StartedJob } from '../jobs/worker-client.ts';
import type { AppDataCalls, BackupRecord } from '../store/app-data/app-data-store.ts';
import { backupFolderFor } from '../store/app-data/paths.ts';
import type { CopyResult } from '../store/engagement-context.ts';
import type { OpenEngagement } from './service-types.ts';

/** Where the next rolling backup of an open engagement goes (app-data, one folder per engagement). */
export function rollingBackupPath(appDataDir: string, entry: OpenEngagement): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  entry.dirty = false;
  return path.join(backupFolderFor(appDataDir, entry.summary.engagementId), `${stamp}.iso20k`);
}

/**
 * A started rolling backup, recorded in app-data's backup index when the copy is done. A close
 * waits for it (entry.backups): closing right after an open must not cancel the backup of the
 * state before this session's edits.
 */
export function recordRollingBackup(entry: OpenEngagement, job: StartedJob<CopyResult>, appData: Remote<AppDataCalls>): StartedJob<BackupRecord> {
  const { engagementId } = entry.summary;
  const result = job.result.then((copy) =>
    appData.addBackup({
      engagementId,
      clientName: entry.summary.engagement?.client_name ?? '',
      sourcePath: entry.summary.path,
      backupPath: copy.path,
      reason: 'rolling',
      size: copy.size,
      sha256: copy.sha256,
    }),
  );
  const settled = result.catch(() => undefined);
  entry.backups.add(settled);
  void settled.then(() => entry.backups.delete(settled));
  return { jobId: job.jobId, result };
}
