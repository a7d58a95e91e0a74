import { defineCapability } from './capability.ts';
import type { EngagementSession } from './engagement-session.ts';

/**
 * The core's own operations on the engagement worker: the file (create, open, close, copies, the
 * file check), the engagement row and the lists edited row by row, the change log.
 */
export function coreCapability(session: EngagementSession) {
  return defineCapability({
    name: 'core',
    calls: () => ({
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
      restoreRow: session.restoreRow.bind(session),
      fieldHistory: session.fieldHistory.bind(session),
      verifyChain: session.verifyChain.bind(session),
      purgeField: session.purgeField.bind(session),
      close: session.close.bind(session),
    }),
    jobs: () => ({
      copyTo: session.copyTo.bind(session),
      backupTo: session.backupTo.bind(session),
      checkFile: session.checkFile.bind(session),
    }),
  });
}
