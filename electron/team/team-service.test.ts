import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleEngagement } from '../../tests/helpers/engagements.ts';
import { WORKER_DIR, tempDir } from '../../tests/helpers/temp.ts';
import { TeamService } from './team-service.ts';
import { EngagementService } from '../engagement/engagement-service.ts';

let services: EngagementService[] = [];
afterEach(async () => {
  for (const service of services) await service.shutdown();
  services = [];
});

/** One installation (a laptop): its own app data. */
async function laptop(name: string, initials: string): Promise<EngagementService> {
  const service = await EngagementService.start({ appDataDir: tempDir(), workerDir: WORKER_DIR, rollingBackupIntervalMs: 0 });
  await service.setInstallationUser(name, initials);
  services.push(service);
  return service;
}

describe('team workflow through the service (built worker bundles)', () => {
  it('member copy out, package (with passphrase) and whole copy back, preview, import, decide', async () => {
    const usb = tempDir('aw-usb-');
    const lead = await laptop('Helen Marsh', 'HM');
    const opened = await lead.create(path.join(tempDir(), 'lead.iso20k'), sampleEngagement());
    const member = await lead.createRow(opened.handle, 'team_member', { name: 'Lee Chan', initials: 'LC', role: 'auditor' });
    const copyFile = path.join(usb, 'Lee.iso20k');
    const copy = await new TeamService(lead).makeMemberCopy(opened.handle, String(member.id), copyFile).result;
    expect(copy.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await new TeamService(lead).teamOverview(opened.handle)).memberCopies).toHaveLength(1);

    const lee = await laptop('Lee Chan', 'LC');
    const leeOpen = await lee.openFile(copyFile);
    expect((await new TeamService(lee).teamOverview(leeOpen.handle)).memberCopyOf).toMatchObject({ memberName: 'Lee Chan' });
    await lee.updateEngagement(leeOpen.handle, { scope: 'Lee’s scope' });
    await lead.updateEngagement(opened.handle, { scope: 'Helen’s scope' });
    const pkgFile = path.join(usb, 'Lee.iso20k-return');
    await new TeamService(lee).exportPackage(leeOpen.handle, pkgFile, 'a long passphrase', false).result;

    await expect(new TeamService(lead).previewImport(opened.handle, pkgFile, null).result).rejects.toMatchObject({ code: 'MERGE_PASSPHRASE_REQUIRED' });
    await expect(new TeamService(lead).previewImport(opened.handle, pkgFile, 'wrong passphrase').result).rejects.toMatchObject({ code: 'MERGE_WRONG_PASSPHRASE' });
    const preview = await new TeamService(lead).previewImport(opened.handle, pkgFile, 'a long passphrase').result;
    expect(preview).toMatchObject({ encrypted: true, kind: 'package', sourceActorName: 'Lee Chan', conflictsOpened: 1 });
    expect((await lead.getEngagement(opened.handle)).scope).toBe('Helen’s scope'); // the preview wrote nothing

    const imported = await new TeamService(lead).importFrom(opened.handle, pkgFile, 'a long passphrase').result;
    expect(imported.entriesAdded).toBeGreaterThan(0);
    const [conflict] = await new TeamService(lead).listConflicts(opened.handle);
    const lees = conflict!.candidates.find((c) => c.value === 'Lee’s scope')!;
    await new TeamService(lead).decideConflicts(opened.handle, [{ entity: 'engagement', rowId: conflict!.rowId, field: 'scope', replicaId: lees.replicaId, seq: lees.seq }]);
    expect((await lead.getEngagement(opened.handle)).scope).toBe('Lee’s scope');
    expect(await new TeamService(lead).listConflicts(opened.handle)).toEqual([]);

    // The whole member copy (not a package) imports too, and adds nothing new now.
    await lee.close(leeOpen.handle);
    const again = await new TeamService(lead).importFrom(opened.handle, copyFile, null).result;
    expect(again).toMatchObject({ kind: 'member_copy', entriesAdded: 0 });
    expect(await new TeamService(lead).listConflicts(opened.handle)).toEqual([]);
    expect((await new TeamService(lead).teamOverview(opened.handle)).imports).toHaveLength(2);
    expect(await lead.call(opened.handle, 'verifyChain')).toMatchObject({ ok: true });
  });

  it('refuses an open source, another engagement, a damaged copy and a non-package; nothing changes', async () => {
    const lead = await laptop('Helen Marsh', 'HM');
    const dir = tempDir();
    const opened = await lead.create(path.join(dir, 'lead.iso20k'), sampleEngagement());
    const other = await lead.create(path.join(dir, 'other.iso20k'), sampleEngagement({ client_name: 'Contoso Cloud SE' }));
    await expect(new TeamService(lead).importFrom(opened.handle, path.join(dir, 'other.iso20k'), null).result).rejects.toMatchObject({ code: 'SOURCE_OPEN' });
    await lead.close(other.handle);
    await expect(new TeamService(lead).importFrom(opened.handle, path.join(dir, 'other.iso20k'), null).result).rejects.toMatchObject({
      code: 'MERGE_OTHER_ENGAGEMENT',
      params: { clientName: 'Contoso Cloud SE' },
    });
    const damaged = path.join(dir, 'damaged.iso20k');
    fs.copyFileSync(path.join(dir, 'other.iso20k'), damaged);
    const bytes = fs.readFileSync(damaged);
    bytes.fill(0xee, 4096 + 8, 4096 + 64); // the header of the second page
    fs.writeFileSync(damaged, bytes);
    await expect(new TeamService(lead).importFrom(opened.handle, damaged, null).result).rejects.toMatchObject({ code: expect.stringMatching(/MERGE_DAMAGED|CORRUPT/) });
    const text = path.join(dir, 'notes.iso20k-return');
    fs.writeFileSync(text, 'meeting notes, not a package');
    await expect(new TeamService(lead).importFrom(opened.handle, text, null).result).rejects.toMatchObject({ code: 'MERGE_NOT_A_PACKAGE' });
    expect((await new TeamService(lead).teamOverview(opened.handle)).imports).toEqual([]);
    expect(await lead.call(opened.handle, 'verifyChain')).toMatchObject({ ok: true });
  });
});
