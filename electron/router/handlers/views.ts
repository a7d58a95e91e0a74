import type { CopyView, EngagementSummaryView, FileCheckView } from '../../../shared/contract/views.ts';
import type { CopyResult } from '../../store/engagement-context.ts';
import type { FileCheckState } from '../../store/file-check.ts';
import type { Platform } from '../../platform/platform.ts';
import type { OpenSummary } from '../../store/engagement-session.ts';

/** The renderer sees files as the platform names them, never as the host's absolute paths. */
export function summaryView(handle: string, summary: OpenSummary, platform: Platform): EngagementSummaryView {
  return {
    handle,
    file: platform.displayFile(summary.path),
    engagementId: summary.engagementId,
    readOnly: summary.readOnly,
    readOnlyReason: summary.readOnlyReason,
    integrity: summary.integrity,
    migratedFrom: summary.migratedFrom,
    clockAhead: summary.clockAhead,
    engagement: summary.engagement,
    fileCheck: fileCheckView(summary.fileCheck),
    foreignJournal: summary.foreignJournal
      ? { fileCopy: summary.foreignJournal.fileCopy, journalCopy: summary.foreignJournal.journalCopy }
      : null,
  };
}

/** A copy as the renderer sees it: the file as the platform names it, its SHA-256 and size. */
export function copyView(copy: CopyResult, platform: Platform): CopyView {
  return { file: platform.displayFile(copy.path), sha256: copy.sha256, size: copy.size };
}

/** The check's verdict without row ids: what the renderer names is the table, field and entry. */
export function fileCheckView(check: FileCheckState): FileCheckView {
  if (check.state !== 'damaged') return check;
  const { reason, entity, field, replicaId, seq } = check.damage;
  return { state: 'damaged', damage: { reason, entity, field, replicaId, seq } };
}
