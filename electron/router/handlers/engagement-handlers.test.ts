import { afterEach, expect, it } from 'vitest';
import { APP_VERSION } from '../../../shared/app-version.ts';
import { sampleEngagement } from '../../../tests/helpers/engagements.ts';
import { WORKER_DIR, tempDir } from '../../../tests/helpers/temp.ts';
import { EngagementService } from '../../engagement/engagement-service.ts';
import { WorkspacePlatform } from '../../host/workspace-platform.ts';
import { JobHub } from '../../jobs/job-hub.ts';
import { HandleLeases } from '../handle-leases.ts';
import { createRouter } from './index.ts';

let service: EngagementService | null = null;
afterEach(async () => {
  await service?.shutdown();
  service = null;
});

it('a reload while an engagement is being closed reclaims nothing and does not fail', async () => {
  service = await EngagementService.start({ appDataDir: tempDir(), workerDir: WORKER_DIR, rollingBackupIntervalMs: 0 });
  await service.setInstallationUser('Helen Marsh', 'HM');
  const workspace = tempDir();
  const leases = new HandleLeases();
  const router = createRouter({
    service,
    platform: new WorkspacePlatform({ workspaceDir: workspace, appDataDir: tempDir() }),
    leases,
    jobs: new JobHub(),
    appVersion: APP_VERSION,
  });
  const owner = { owner: 'page:reloading' };
  const created = await router.dispatch('engagement:create', { file: 'Northwind', fields: sampleEngagement() }, owner);
  expect(created.ok).toBe(true);
  const handle = (created as { ok: true; value: { summary: { handle: string } } }).value.summary.handle;
  // The engagement is closed underneath the lease (as when a close finishes during a reload).
  await service.close(handle);
  expect(await router.dispatch('engagement:handles', {}, owner)).toEqual({ ok: true, value: [] });
  expect(leases.owner(handle)).toBeNull();
});
