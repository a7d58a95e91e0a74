import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../../shared/app-version.ts';
import { WorkspacePlatform } from '../../host/workspace-platform.ts';
import { JobHub } from '../../jobs/job-hub.ts';
import { HandleLeases } from '../handle-leases.ts';
import { ask, routerWithEngagement } from '../../../tests/helpers/router.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { createRouter } from './index.ts';

describe('backup:usage (Settings → Backups)', () => {
  it('gives each engagement’s rolling backups and their size, and the folder only where host paths are shown', async () => {
    const { router, service, handle } = await routerWithEngagement();
    const empty = await ask(router, 'backup:usage', {});
    expect(empty).toMatchObject({ ok: true, value: { folder: null, engagements: [] } });

    const first = await service.backupNow(handle).result;
    const second = await service.backupNow(handle).result;
    const usage = await ask(router, 'backup:usage', {});
    expect(usage.value).toEqual({
      folder: null, // the browser host never shows the host's paths
      engagements: [
        {
          engagementId: first.engagementId,
          clientName: first.clientName,
          count: 2,
          bytes: fs.statSync(first.backupPath).size + fs.statSync(second.backupPath).size,
        },
      ],
    });

    // The desktop (and the test host) show full paths: there the folder is shown.
    const appData = path.dirname(path.dirname(path.dirname(first.backupPath)));
    const showing = createRouter({
      service,
      platform: new WorkspacePlatform({ workspaceDir: tempDir(), appDataDir: appData, allowAbsolutePaths: true }),
      leases: new HandleLeases(),
      jobs: new JobHub(),
      appVersion: APP_VERSION,
    });
    expect((await ask(showing, 'backup:usage', {})).value).toMatchObject({ folder: path.join(appData, 'backups') });
  });
});
