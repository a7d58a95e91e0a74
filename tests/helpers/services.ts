import { afterEach } from 'vitest';
import { EngagementService } from '../../electron/engagement/engagement-service.ts';
import { WORKER_DIR, tempDir } from './temp.ts';

const running: EngagementService[] = [];

afterEach(async () => {
  for (const service of running.splice(0)) await service.shutdown();
});

/**
 * An EngagementService on the built worker bundles with its own app data (one laptop), shut down
 * after the test. `user` answers the first-run question; null leaves it unanswered.
 */
export async function startTestService(
  user: readonly [name: string, initials: string] | null = ['Dana Auditor', 'DA'],
  appDataDir: string = tempDir(),
): Promise<EngagementService> {
  const service = await EngagementService.start({ appDataDir, workerDir: WORKER_DIR, rollingBackupIntervalMs: 0 });
  running.push(service);
  if (user) await service.setInstallationUser(user[0], user[1]);
  return service;
}
