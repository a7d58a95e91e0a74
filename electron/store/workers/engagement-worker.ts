import path from 'node:path';
import { workerData } from 'node:worker_threads';
import { serveWorker } from '../../jobs/worker-host.ts';
import { EngagementSession, type EngagementCalls, type EngagementJobs } from '../engagement-session.ts';

/** One worker per open engagement: it owns the file's only SQLite connection. */
interface EngagementWorkerData {
  readonly workerDir: string;
}

const { workerDir } = workerData as EngagementWorkerData;
const session = new EngagementSession(path.join(workerDir, 'vacuum-worker.cjs'));

const calls: EngagementCalls = {
  create: session.create.bind(session),
  open: session.open.bind(session),
  summary: session.summary.bind(session),
  renewFileInstance: session.renewFileInstance.bind(session),
  getEngagement: session.getEngagement.bind(session),
  updateEngagement: session.updateEngagement.bind(session),
  listRows: session.listRows.bind(session),
  createRow: session.createRow.bind(session),
  updateRow: session.updateRow.bind(session),
  deleteRow: session.deleteRow.bind(session),
  fieldHistory: session.fieldHistory.bind(session),
  verifyChain: session.verifyChain.bind(session),
  purgeField: session.purgeField.bind(session),
  choosePack: session.choosePack.bind(session),
  checklistPack: session.checklistPack.bind(session),
  checklistPackInfo: session.checklistPackInfo.bind(session),
  teamOverview: session.teamOverview.bind(session),
  listConflicts: session.listConflicts.bind(session),
  decideConflicts: session.decideConflicts.bind(session),
  close: session.close.bind(session),
};

const jobs: EngagementJobs = {
  copyTo: session.copyTo.bind(session),
  backupTo: session.backupTo.bind(session),
  makeMemberCopy: session.makeMemberCopy.bind(session),
  exportPackage: session.exportPackage.bind(session),
  previewImport: session.previewImport.bind(session),
  importFrom: session.importFrom.bind(session),
  checkFile: session.checkFile.bind(session),
};

serveWorker(calls, jobs);
