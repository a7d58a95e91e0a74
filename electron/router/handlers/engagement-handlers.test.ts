import fs from 'node:fs';
import path from 'node:path';
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

it('opens the demo in the interface language: the Chinese twin under its own name, never from the English demo’s template', { timeout: 60_000 }, async () => {
  service = await EngagementService.start({ appDataDir: tempDir(), workerDir: WORKER_DIR, rollingBackupIntervalMs: 0 });
  await service.setInstallationUser('李伟', 'LW');
  const workspace = tempDir();
  // The end-to-end suite's template is the English demo's: a Chinese demo built from it would be English.
  const platform = new WorkspacePlatform({ workspaceDir: workspace, appDataDir: tempDir(), allowAbsolutePaths: true, demoTemplate: path.join(tempDir(), 'no template here.iso20k') });
  const router = createRouter({ service, platform, leases: new HandleLeases(), jobs: new JobHub(), appVersion: APP_VERSION });
  const owner = { owner: 'page:chinese' };
  const opened = await router.dispatch('engagement:openDemo', { language: 'zh-CN' }, owner);
  expect(opened).toMatchObject({ ok: true, value: { alreadyOpen: false, summary: { file: '演示 - 苏州云帆信息技术服务.iso20k', engagement: { client_name: '苏州云帆信息技术服务有限公司', audit_language: 'zh-CN' } } } });
  expect(fs.readdirSync(workspace)).toContain('演示 - 苏州云帆信息技术服务.iso20k');
  // Asked again, the same file: the demo is made once.
  expect(await router.dispatch('engagement:openDemo', { language: 'zh-CN' }, owner)).toMatchObject({ ok: true, value: { alreadyOpen: true } });
  expect(await router.dispatch('engagement:openDemo', { language: 'fr' }, owner)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
});
