import { workerData } from 'node:worker_threads';
import { serveWorker } from '../../jobs/worker-host.ts';
import type { InterfaceLanguage } from '../../../shared/languages.ts';
import { AppDataStore, type AppDataCalls } from './app-data-store.ts';

/** The app-data store's worker: the only connection to the installation's own database. */
const store = new AppDataStore((workerData as { folder: string }).folder);

const calls: AppDataCalls = {
  installation: () => store.installation(),
  setInstallationUser: (name: string, initials: string, language?: InterfaceLanguage) => store.setInstallationUser(name, initials, language),
  rememberRecent: (entry) => store.rememberRecent(entry),
  listRecent: () => store.listRecent(),
  removeRecent: (path: string) => store.removeRecent(path),
  recordCleanClose: (realpath: string, size: number, mtimeMs: number) => store.recordCleanClose(realpath, size, mtimeMs),
  takeCleanClose: (realpath: string) => store.takeCleanClose(realpath),
  backupFolder: (engagementId: string) => store.backupFolder(engagementId),
  claimFileInstance: (fileInstanceId: string, engagementId: string, realpath: string) =>
    store.claimFileInstance(fileInstanceId, engagementId, realpath),
  addBackup: (record) => store.addBackup(record),
  listBackups: (engagementId?: string) => store.listBackups(engagementId),
  getBackup: (id: string) => store.getBackup(id),
  backupUsage: () => store.backupUsage(),
  recordPackUsage: (usage) => store.recordPackUsage(usage),
  listPackUsage: () => store.listPackUsage(),
  close: () => store.close(),
};

serveWorker(calls, {});
