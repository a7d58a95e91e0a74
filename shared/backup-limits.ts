/**
 * How many rolling backups of an engagement are kept, and how much space they may take: the one
 * place both the app-data store (which prunes) and Settings (which tells the auditor) read.
 */
export interface RollingBackupLimits {
  /** The most recent backups kept per engagement. */
  readonly count: number;
  /** The most bytes an engagement's rolling backups may take together (the newest is kept anyway). */
  readonly bytes: number;
}

export const ROLLING_BACKUP_LIMITS: RollingBackupLimits = {
  count: 10,
  // 2 GiB per engagement: an engagement with a few hundred MB of evidence still keeps several restore
  // points, while ten backups of a 1.5 GB engagement (15 GB) can no longer fill an auditor's laptop.
  bytes: 2 * 1024 ** 3,
};

/**
 * How many of an engagement's rolling backups to keep, given their sizes newest first: the longest
 * newest prefix within both the count and the size cap, and never none: the newest backup is kept
 * even when it alone is larger than the cap (an engagement must have a backup).
 */
export function rollingBackupsToKeep(sizesNewestFirst: readonly number[], limits: RollingBackupLimits): number {
  let kept = 0;
  let bytes = 0;
  for (const size of sizesNewestFirst) {
    if (kept > 0 && (kept >= limits.count || bytes + size > limits.bytes)) break;
    kept += 1;
    bytes += size;
  }
  return kept;
}
