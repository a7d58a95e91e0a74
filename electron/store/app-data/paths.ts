import path from 'node:path';

/** Where an engagement's rolling backups live inside the app-data folder. */
export function backupFolderFor(appDataDir: string, engagementId: string): string {
  return path.join(appDataDir, 'backups', engagementId);
}
