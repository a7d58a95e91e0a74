import path from 'node:path';
import type { MenuLabels } from '../../../shared/contract/views.ts';
import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** Installation, workspace files, recent engagements and backups: the home screen's channels. */
export function registerAppHandlers(router: Router, { service, platform, appVersion }: RouterDeps): void {
  router.register('app:info', () => ({ version: appVersion, fileAccess: platform.fileAccess, platform: platform.kind }));

  router.register('installation:get', () => service.installation());
  router.register('installation:set', ({ name, initials, language }) => service.setInstallationUser(name, initials, language));

  router.register('app:menuLabels', ({ labels }) => ({ applied: platform.setMenuLabels(labels as MenuLabels) }));

  router.register('files:list', ({ kind }) => platform.listFiles(kind));
  router.register('dialog:pickFile', async ({ mode, suggestedName, kind }, context) => {
    const file = await platform.pickFile(context.owner, mode, suggestedName, kind);
    return { file: file === null ? null : platform.displayFile(file) };
  });

  router.register('recent:list', async () =>
    (await service.listRecent()).map((recent) => ({
      file: platform.displayFile(recent.path),
      clientName: recent.clientName,
      auditType: recent.auditType,
      startDate: recent.startDate,
      endDate: recent.endDate,
      lastOpenedAt: recent.lastOpenedAt,
      missing: recent.missing,
    })),
  );
  router.register('recent:remove', async ({ file }) => {
    await service.removeRecent(platform.resolveFile(file, 'open'));
    return null;
  });

  router.register('backup:list', async () =>
    (await service.listBackups()).map((backup) => ({
      id: backup.id,
      engagementId: backup.engagementId,
      clientName: backup.clientName,
      reason: backup.reason,
      createdAt: backup.createdAt,
      size: backup.size,
      sha256: backup.sha256,
    })),
  );
  router.register('backup:usage', async () => {
    const usage = await service.backupUsage();
    // Shown only where the platform shows host paths (the desktop; the test host): never a name alone.
    const folder = platform.displayFile(usage.folder);
    return { folder: path.isAbsolute(folder) ? folder : null, engagements: usage.engagements };
  });
  router.register('backup:restore', async ({ backupId, file }) => {
    const restored = await service.restoreBackup(backupId, platform.resolveFile(file, 'create'));
    return { file: platform.displayFile(restored.path), sha256: restored.sha256, size: restored.size };
  });
}
