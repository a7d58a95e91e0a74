import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngagementService } from '../../electron/engagement/engagement-service.ts';
import type { JobProgress } from '../../electron/jobs/job-context.ts';
import { isStoreError } from '../../shared/store-errors.ts';
import { sampleEngagement } from '../helpers/engagements.ts';
import { startTestService } from '../helpers/services.ts';
import { tempDir } from '../helpers/temp.ts';
import { addBulkSites } from './large-engagement.ts';
import { integrityCheck, logicalDump } from './logical-dump.ts';

/**
 * DESIGN.md: long jobs run in ≤ 100 ms slices in the engagement's worker, never hold a write
 * transaction across slices (edits keep flowing), and are cancellable; a cancelled or failed copy
 * leaves no temp file and the destination untouched.
 */

/** ~70 MB: enough for the online backup to take many steps (and the whole copy a second or more). */
const BULK_SITES = 15_000;


/**
 * A large engagement: created and edited through the service (real identity, replica and chain),
 * closed, grown with a direct connection while nothing has it open, and left closed.
 */
async function largeEngagementFile(service: EngagementService, file: string): Promise<void> {
  const { handle } = await service.create(file, sampleEngagement());
  await service.updateEngagement(handle, { objectives: 'Determine conformity of the SMS with all clauses' });
  await service.createRow(handle, 'site', { name: 'Hamburg HQ', kind: 'central' });
  await service.close(handle);
  addBulkSites(file, BULK_SITES);
}

/** The copy's temp files are hidden names ending in .part (and a -journal beside one while it is written). */
const leftovers = (folder: string): string[] => fs.readdirSync(folder);

describe('copy job (saveCopy) in slices, cancellable', () => {
  it('cancelled after its first progress: JOB_CANCELLED, no temp or destination file, source unchanged and editable', async () => {
    const service = await startTestService();
    const dir = tempDir();
    const source = path.join(dir, 'northwind.iso20k');
    const outFolder = path.join(dir, 'out');
    fs.mkdirSync(outFolder);
    const destination = path.join(outFolder, 'northwind-copy.iso20k');
    await largeEngagementFile(service, source);
    const before = logicalDump(source);
    expect(before.tables.site!.length).toBe(BULK_SITES + 1);

    const { handle } = await service.openFile(source);
    const engagementBefore = await service.getEngagement(handle);
    const chainBefore = await service.call(handle, 'verifyChain');

    let firstProgress: JobProgress | null = null;
    let partSeenMidway: string[] = [];
    const job = service.saveCopy(handle, destination, (progress) => {
      if (firstProgress) return;
      firstProgress = progress;
      // Listing a folder opens no descriptor on the engagement: safe while the worker copies.
      partSeenMidway = leftovers(outFolder);
      service.cancelJob(progress.jobId);
    });
    const error = await job.result.catch((e: unknown) => e);
    expect(isStoreError(error, 'JOB_CANCELLED'), String(error)).toBe(true);
    // It was cancelled mid-way: the online backup had started, into a temp file beside the destination.
    expect(firstProgress).toMatchObject({ phase: 'copy' });
    expect(firstProgress!.done).toBeLessThan(firstProgress!.total);
    expect(partSeenMidway.some((name) => name.endsWith('.part'))).toBe(true);
    expect(leftovers(outFolder)).toEqual([]);
    expect(fs.existsSync(destination)).toBe(false);

    // The source, seen through the same worker: unchanged, and it takes edits right away.
    expect(await service.getEngagement(handle)).toEqual(engagementBefore);
    expect(await service.call(handle, 'verifyChain')).toEqual(chainBefore);
    expect((await service.listRows(handle, 'site')).length).toBe(BULK_SITES + 1);
    const edited = await service.updateEngagement(handle, { scope: 'Managed hosting only' });
    expect(edited.scope).toBe('Managed hosting only');
    const added = await service.createRow(handle, 'site', { name: 'Berlin DC', kind: 'permanent' });
    await service.close(handle);

    // In the file: what was there before is there unchanged, plus exactly the two edits.
    expect(integrityCheck(source)).toBe('ok');
    const after = logicalDump(source);
    expect(after.schema).toEqual(before.schema);
    expect(after.tables.file_meta).toEqual(before.tables.file_meta);
    // Cancelled during the online backup, the copy touched nothing in the source, not even the
    // shipped marks (shipped_seq stays 0): nothing left the file, so edits may still coalesce.
    expect(after.tables.replica).toEqual(before.tables.replica);
    expect(after.tables.replica!.every((replica) => replica.shipped_seq === 0)).toBe(true);
    expect(after.tables.site!.filter((site) => site.id !== added.id)).toEqual(before.tables.site);
    expect(after.tables.engagement).toEqual([
      { ...before.tables.engagement![0], scope: 'Managed hosting only', updated_at: edited.updated_at, updated_by: edited.updated_by },
    ]);
    // The chain only grew: every earlier entry is still there, byte for byte.
    const key = (entry: Record<string, unknown>): string => `${String(entry.replica_id)}:${String(entry.seq)}`;
    const afterEntries = new Map(after.tables.change_log!.map((entry) => [key(entry), entry]));
    for (const entry of before.tables.change_log!) expect(afterEntries.get(key(entry))).toEqual(entry);
    expect(after.tables.change_log!.length).toBeGreaterThan(before.tables.change_log!.length);
  });

  it('answers an edit sent during the copy between its slices, long before the copy ends', async () => {
    const service = await startTestService();
    const dir = tempDir();
    const source = path.join(dir, 'northwind.iso20k');
    const destination = path.join(dir, 'northwind-copy.iso20k');
    await largeEngagementFile(service, source);
    const { handle } = await service.openFile(source);

    const start = performance.now();
    const copyEvents: { at: number; progress: JobProgress }[] = [];
    let edit: Promise<{ sentAt: number; answeredAt: number }> | null = null;
    const job = service.saveCopy(handle, destination, (progress) => {
      const at = performance.now() - start;
      if (progress.phase === 'copy') copyEvents.push({ at, progress });
      if (edit || progress.phase !== 'copy') return;
      // The first step of the online backup has run: the job is under way in this worker.
      const sentAt = performance.now() - start;
      edit = service
        .updateEngagement(handle, { objectives: 'Edited while the copy runs' })
        .then(() => ({ sentAt, answeredAt: performance.now() - start }));
    });
    const copy = await job.result;
    const copyMs = performance.now() - start;
    expect(edit).not.toBeNull();
    const { sentAt, answeredAt } = await edit!;
    const editMs = answeredAt - sentAt;
    console.log(
      `[job-cancel] copy of ${(copy.size / 1e6).toFixed(1)} MB took ${copyMs.toFixed(0)} ms ` +
        `(${copyEvents.length} backup progress events); the edit sent at ${sentAt.toFixed(0)} ms was answered in ${editMs.toFixed(0)} ms`,
    );

    // Several slices: the online backup reported a step strictly between its start and its end.
    expect(copyEvents.some((event) => event.progress.done > 0 && event.progress.done < event.progress.total)).toBe(true);
    // The edit was sent while the job was under way in this worker, and did not wait for it: it was
    // answered long before the copy ended (the worker served it between two backup steps, or while
    // the compaction ran in its own thread).
    expect(copyEvents[0]!.progress.done).toBeLessThan(copyEvents[0]!.progress.total);
    expect(answeredAt).toBeLessThan(copyMs);
    expect(editMs * 4).toBeLessThan(copyMs);
    expect((await service.getEngagement(handle)).objectives).toBe('Edited while the copy runs');
  });
});
