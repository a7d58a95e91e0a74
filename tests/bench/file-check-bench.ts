import Database from 'better-sqlite3';
import type { EngagementService } from '../../electron/engagement/engagement-service.ts';
import { median } from './measure.ts';

export interface FileCheckBench {
  /** Seconds from starting the check job to its verdict, per run. */
  readonly seconds: number[];
  readonly entries: number;
  /** The floor: reading every log entry with its values once, in this process, no hashing. */
  readonly floorSeconds: number[];
  /** Edits made while the check runs: the worst time one waited (the check yields every slice). */
  readonly worstEditMs: number;
  /** The same edits on the same open file before the check started: the floor of an edit. */
  readonly worstEditWithoutCheckMs: number;
  readonly editsDuringCheck: number;
}

/** Reads what the check reads (entries joined with their values), without verifying anything. */
function readLogOnce(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const start = performance.now();
    let bytes = 0;
    for (const row of db
      .prepare('SELECT l.entry_hash, v.salt, v.old_value, v.new_value FROM change_log l LEFT JOIN change_value v USING (replica_id, seq)')
      .raw()
      .iterate() as Iterable<[string, Buffer | null, string | null, string | null]>) {
      bytes += (row[2]?.length ?? 0) + (row[3]?.length ?? 0);
    }
    if (bytes < 0) throw new Error('unreachable');
    return (performance.now() - start) / 1000;
  } finally {
    db.close();
  }
}

/**
 * The check of every logged value and chain link on the large file (it runs in the background after
 * the first screen, and first in any job that copies the file), with edits typed meanwhile.
 */
export async function measureFileCheck(service: EngagementService, file: string, runs: number): Promise<FileCheckBench> {
  const seconds: number[] = [];
  const floorSeconds: number[] = [];
  let entries = 0;
  let worstEditMs = 0;
  let editsDuringCheck = 0;
  let worstEditWithoutCheckMs = 0;
  for (let i = 0; i < runs; i++) {
    const opened = await service.openFile(file);
    try {
      // An auditor typing, one edit every 50 ms: the first edit after an open is slow on its own
      // (cold cache), so it comes first, then edits without the check (the floor), then with it.
      const edit = async (label: string): Promise<number> => {
        const editStart = performance.now();
        await service.updateEngagement(opened.handle, { objectives: `Conformity and effectiveness (${i}.${label})` });
        const ms = performance.now() - editStart;
        await new Promise((resolve) => setTimeout(resolve, 50));
        return ms;
      };
      await edit('first');
      for (let k = 0; k < 10; k++) worstEditWithoutCheckMs = Math.max(worstEditWithoutCheckMs, await edit(`before ${k}`));
      const start = performance.now();
      let running = true;
      const verdict = service.checkFile(opened.handle).result.finally(() => (running = false));
      while (running) {
        worstEditMs = Math.max(worstEditMs, await edit(String(editsDuringCheck)));
        editsDuringCheck++;
      }
      const result = await verdict;
      seconds.push((performance.now() - start) / 1000);
      if (result.state !== 'ok') throw new Error(`the large file did not check out: ${JSON.stringify(result)}`);
      entries = result.entries;
    } finally {
      await service.close(opened.handle);
    }
    floorSeconds.push(readLogOnce(file));
  }
  return { seconds, entries, floorSeconds, worstEditMs, worstEditWithoutCheckMs, editsDuringCheck };
}

export const fileCheckRatio = (bench: FileCheckBench): number => median(bench.seconds) / median(bench.floorSeconds);
