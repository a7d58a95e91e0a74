import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EngagementService } from '../../electron/engagement/engagement-service.ts';
import type { IntegrityLevel } from '../../electron/store/engagement-file.ts';
import { sampleEngagement } from '../helpers/engagements.ts';
import type { BenchFolder } from './bench-temp.ts';
import { MB, median, timeMs } from './measure.ts';

/** The measurements taken through the real EngagementService and its built worker bundles. */

export const WORKER_DIR = path.resolve(import.meta.dirname, '../../dist/workers');

export async function startService(folder: BenchFolder): Promise<{ service: EngagementService; actorId: string }> {
  const service = await EngagementService.start({
    appDataDir: folder.sub('app-data'),
    workerDir: WORKER_DIR,
    rollingBackupIntervalMs: 0,
  });
  const me = await service.setInstallationUser('Bench Auditor', 'BA');
  return { service, actorId: me.actorId };
}

/** New engagement file through the service (worker spawn included), closed again untimed. */
export async function measureCreate(service: EngagementService, folder: BenchFolder, runs: number): Promise<number[]> {
  const samples: number[] = [];
  const dir = folder.sub('create');
  for (let i = 0; i < runs; i++) {
    const { ms, value } = await timeMs(() => service.create(path.join(dir, `engagement-${i}.iso20k`), sampleEngagement()));
    samples.push(ms);
    await service.close(value.handle);
  }
  return samples;
}

export interface OpenSample {
  readonly ms: number;
  readonly integrity: IntegrityLevel | 'new';
}

/** openFile + getEngagement: what stands between "Open" and the first screen's data. */
async function openToFirstQuery(service: EngagementService, file: string): Promise<OpenSample> {
  let integrity: IntegrityLevel | 'new' = 'quick';
  const { ms, value: handle } = await timeMs(async () => {
    const opened = await service.openFile(file);
    integrity = opened.summary.integrity;
    await service.getEngagement(opened.handle);
    return opened.handle;
  });
  await service.close(handle);
  return { ms, integrity };
}

/** Each open follows the service's own clean close of the file, so quick_check is skipped. */
export async function measureCleanOpen(service: EngagementService, file: string, runs: number): Promise<OpenSample[]> {
  await openToFirstQuery(service, file); // leaves a clean-close record behind
  const samples: OpenSample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await openToFirstQuery(service, file));
  return samples;
}

/**
 * Each open is by a service with a fresh app-data folder (another installation, or this one after
 * a crash): no clean-close record, so quick_check runs. Starting that service is not timed.
 */
export async function measureOpenWithoutCleanClose(folder: BenchFolder, file: string, runs: number): Promise<OpenSample[]> {
  const samples: OpenSample[] = [];
  for (let i = 0; i < runs; i++) {
    const { service } = await startService(folder);
    try {
      samples.push(await openToFirstQuery(service, file));
    } finally {
      await service.shutdown();
    }
  }
  return samples;
}

/** The physical floor: a bare better-sqlite3 open and one SELECT, in this process, no checks. */
export function measureBareOpen(file: string, runs: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const db = new Database(file, { fileMustExist: true });
    db.prepare('SELECT * FROM engagement LIMIT 1').get();
    samples.push(performance.now() - start);
    db.close();
  }
  return samples;
}

export interface CopySample {
  readonly seconds: number;
  readonly copyBytes: number;
  /** When each job phase was first reported, in seconds from the start (progress is throttled). */
  readonly phases: Record<string, number>;
}

/** Save a copy of the open large engagement (backup, VACUUM in its own worker, fsync, SHA-256, rename). */
export async function measureSaveCopy(
  service: EngagementService,
  file: string,
  folder: BenchFolder,
  runs: number,
): Promise<CopySample[]> {
  const opened = await service.openFile(file);
  const samples: CopySample[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const destination = path.join(folder.sub('copy'), 'copy.iso20k');
      const phases: Record<string, number> = {};
      const start = performance.now();
      const copy = await service.saveCopy(opened.handle, destination, (progress) => {
        phases[progress.phase] ??= (performance.now() - start) / 1000;
      }).result;
      samples.push({ seconds: (performance.now() - start) / 1000, copyBytes: copy.size, phases });
      fs.rmSync(path.dirname(destination), { recursive: true, force: true });
    }
  } finally {
    await service.close(opened.handle);
  }
  return samples;
}

/** The floor for a copy: fs.copyFileSync (what cp does), same file, same run. */
export function measureFileCopy(file: string, folder: BenchFolder, runs: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const destination = path.join(folder.sub('cp'), 'cp.iso20k');
    const start = performance.now();
    fs.copyFileSync(file, destination);
    samples.push((performance.now() - start) / 1000);
    fs.rmSync(path.dirname(destination), { recursive: true, force: true });
  }
  return samples;
}

export const mbPerSecond = (bytes: number, seconds: readonly number[]): number => bytes / MB / median(seconds);
