import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isStoreError } from '../../shared/store-errors.ts';
import { sampleEngagement } from '../../tests/helpers/engagements.ts';
import { WORKER_DIR, tempDir } from '../../tests/helpers/temp.ts';
import { EngagementService } from './engagement-service.ts';

let services: EngagementService[] = [];
afterEach(async () => {
  for (const service of services) await service.shutdown();
  services = [];
});

async function startService(appDataDir = tempDir()): Promise<EngagementService> {
  const service = await EngagementService.start({ appDataDir, workerDir: WORKER_DIR, rollingBackupIntervalMs: 0 });
  services.push(service);
  return service;
}

/** A service that backs up every writable engagement it opens, as the browser host does. */
async function startWithBackupOnOpen(): Promise<EngagementService> {
  const service = await EngagementService.start({ appDataDir: tempDir(), workerDir: WORKER_DIR, rollingBackupIntervalMs: 0, backupOnOpen: true });
  services.push(service);
  await service.setInstallationUser('Dana Auditor', 'DA');
  return service;
}

describe('EngagementService (built worker bundles under Node)', () => {
  it('refuses to create before the installation knows its user', async () => {
    const service = await startService();
    await expect(service.create(path.join(tempDir(), 'a.iso20k'), sampleEngagement())).rejects.toMatchObject({
      code: 'NO_INSTALLATION_USER',
    });
  });

  it('closing right after an open keeps the backup taken at open (the state before the session)', async () => {
    const service = await startWithBackupOnOpen();
    const file = path.join(tempDir(), 'quick.iso20k');
    await service.close((await service.create(file, sampleEngagement())).handle);
    const opened = await service.openFile(file);
    await service.close(opened.handle);
    expect(await service.listBackups(opened.summary.engagementId)).toHaveLength(1);
  });

  it('a reopen while the file is still closing waits for the close and gets a handle that works', async () => {
    const service = await startWithBackupOnOpen();
    const file = path.join(tempDir(), 'again.iso20k');
    await service.close((await service.create(file, sampleEngagement())).handle);
    const first = await service.openFile(file);
    const closing = service.close(first.handle); // waits for the backup taken at open
    const again = await service.openFile(file);
    await closing;
    expect(again.alreadyOpen).toBe(false);
    expect(again.handle).not.toBe(first.handle);
    expect((await service.getEngagement(again.handle)).client_name).toBe(sampleEngagement().client_name);
  });

  it('creates, edits, closes cleanly and reopens with the data and without quick_check', async () => {
    const appData = tempDir();
    const service = await startService(appData);
    const me = await service.setInstallationUser('Dana Auditor', 'da');
    expect(me.initials).toBe('DA');
    const file = path.join(tempDir(), 'northwind.iso20k');
    const created = await service.create(file, sampleEngagement());
    expect(created.summary.engagement?.client_name).toBe('Northwind Managed Services GmbH');
    await service.updateEngagement(created.handle, { objectives: 'Recommend certification or not' });
    const site = await service.createRow(created.handle, 'site', { name: 'Hamburg HQ', kind: 'central' });
    await service.createRow(created.handle, 'team_member', { name: 'Dana Auditor', initials: 'DA', role: 'lead', actor_id: me.actorId });
    await service.close(created.handle);

    const reopened = await service.openFile(file);
    expect(reopened.summary.integrity).toBe('skipped');
    expect(reopened.summary.engagement?.objectives).toBe('Recommend certification or not');
    const sites = await service.listRows(reopened.handle, 'site');
    expect(sites.map((s) => s.name)).toEqual(['Hamburg HQ']);
    expect(sites[0]!.id).toBe(site.id);
    expect(await service.call(reopened.handle, 'verifyChain')).toMatchObject({ ok: true, replicas: 1 });

    const again = await service.openFile(file);
    expect(again).toMatchObject({ alreadyOpen: true, handle: reopened.handle });

    const recent = await service.listRecent();
    expect(recent[0]).toMatchObject({ clientName: 'Northwind Managed Services GmbH', missing: false });
  });

  it('saves a copy with its SHA-256, backs up and restores', async () => {
    const service = await startService();
    await service.setInstallationUser('Dana Auditor', 'DA');
    const dir = tempDir();
    const { handle } = await service.create(path.join(dir, 'e.iso20k'), sampleEngagement());
    const copy = await service.saveCopy(handle, path.join(dir, 'copy.iso20k')).result;
    expect(copy.sha256).toMatch(/^[0-9a-f]{64}$/);
    // No temp file is left; the open file keeps its (truncated) journal while it holds the exclusive lock.
    expect(fs.readdirSync(dir).filter((f) => !f.endsWith('-journal')).sort()).toEqual(['copy.iso20k', 'e.iso20k']);

    const backup = await service.backupNow(handle).result;
    expect((await service.listBackups(backup.engagementId)).map((b) => b.id)).toContain(backup.id);
    const restored = await service.restoreBackup(backup.id, path.join(dir, 'restored.iso20k'));
    const opened = await service.openFile(restored.path);
    expect(opened.summary.engagement?.client_name).toBe('Northwind Managed Services GmbH');
    expect(opened.summary.fileInstanceId).not.toBe((await service.summary(handle)).fileInstanceId);
  });

  it('gives a file copied outside the app its own instance, so its edits never fork the original chain', async () => {
    const service = await startService();
    await service.setInstallationUser('Dana Auditor', 'DA');
    const dir = tempDir();
    const original = path.join(dir, 'original.iso20k');
    const created = await service.create(original, sampleEngagement());
    await service.updateEngagement(created.handle, { scope: 'written in the original' });
    await service.close(created.handle);
    fs.copyFileSync(original, path.join(dir, 'usb-copy.iso20k')); // the file manager, not the app

    const a = await service.openFile(original);
    const b = await service.openFile(path.join(dir, 'usb-copy.iso20k'));
    expect(b.summary.fileInstanceId).not.toBe(a.summary.fileInstanceId);
    await service.updateEngagement(b.handle, { scope: 'written in the copy' });
    expect(await service.call(b.handle, 'verifyChain')).toMatchObject({ ok: true, replicas: 2 });
    // Reopening the original keeps its instance: it is still where it was.
    await service.close(a.handle);
    expect((await service.openFile(original)).summary.fileInstanceId).toBe(a.summary.fileInstanceId);
  });

  it('uses the built worker bundles, which carry no Electron import', () => {
    for (const bundle of ['engagement-worker.cjs', 'app-data-worker.cjs', 'vacuum-worker.cjs']) {
      const code = fs.readFileSync(path.join(WORKER_DIR, bundle), 'utf8');
      expect(code).not.toMatch(/require\(["']electron["']\)/);
      expect(code).toMatch(/require\(["']better-sqlite3["']\)/);
    }
  });

  it('reports bad input as store errors', async () => {
    const service = await startService();
    await service.setInstallationUser('Dana Auditor', 'DA');
    const { handle } = await service.create(path.join(tempDir(), 'e.iso20k'), sampleEngagement());
    const error = await service.updateEngagement(handle, { start_date: '2026-02-30' }).catch((e: unknown) => e);
    expect(isStoreError(error, 'INVALID_VALUE')).toBe(true);
    await expect(service.openFile(path.join(tempDir(), 'missing.iso20k'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
