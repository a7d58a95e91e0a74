import path from 'node:path';

/** The app-data folder's backups: one folder per engagement (rolling), plus migration/ and recovered/. */
export function backupsFolderOf(appDataDir: string): string {
  return path.join(appDataDir, 'backups');
}

/** Where an engagement's rolling backups live inside the app-data folder. */
export function backupFolderFor(appDataDir: string, engagementId: string): string {
  return path.join(backupsFolderOf(appDataDir), engagementId);
}
