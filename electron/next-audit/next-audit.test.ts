import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engagement, Site, TeamMember } from '../../shared/engagement.ts';
import { createDemoEngagement, DEMO_SITES, DEMO_TEAM } from '../engagement/demo-engagement.ts';
import type { EngagementService } from '../engagement/engagement-service.ts';
import { sha256OfFile } from '../store/file-copy.ts';
import { TeamService } from '../team/index.ts';
import { sampleEngagement } from '../../tests/helpers/engagements.ts';
import { fileAtVersion } from '../../tests/helpers/legacy-writer.ts';
import { startTestService } from '../../tests/helpers/services.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { CARRIED_ENGAGEMENT_FIELDS } from './carry-over.ts';
import { NextAuditService } from './next-audit-service.ts';

const surveillance = sampleEngagement({ client_name: 'Kestrel Data Services Ltd', audit_type: 'surveillance1', start_date: '2027-11-08', end_date: '2027-11-09', objectives: '' });

/** The demo's stage 2 as a closed engagement file: created, then closed. */
async function closedDemo(service: EngagementService, dir: string): Promise<{ file: string; earlier: Engagement }> {
  const file = path.join(dir, 'Kestrel 2026 stage 2.iso20k');
  const opened = await createDemoEngagement(service, file);
  const earlier = opened.summary.engagement as Engagement;
  await service.close(opened.handle);
  return { file, earlier };
}

const rows = async <T>(service: EngagementService, handle: string, table: string) => (await service.listRows(handle, table)) as unknown as T[];

describe('the next audit, from an earlier engagement', () => {
  it('carries the preparation over into a new file, adds the earlier audit to the history, and never changes the earlier file', async () => {
    const service = await startTestService();
    const dir = tempDir();
    const { file, earlier } = await closedDemo(service, dir);
    const visited = (await closedSites(service, file)).filter((site) => site.sample_basis !== 'none').map((site) => site.name);
    const before = await sha256OfFile(file);
    const recentBefore = (await service.listRecent()).length;

    const next = new NextAuditService(service);
    const preview = await next.readEarlier(file);
    expect(preview.engagement.client_name).toBe('Kestrel Data Services Ltd');
    expect(await service.listRecent()).toHaveLength(recentBefore); // reading left no trace

    const target = path.join(dir, 'Kestrel 2027 surveillance 1.iso20k');
    const opened = await next.createFromEarlier(target, file, surveillance, 'Carried over from “Kestrel 2026 stage 2.iso20k”.');
    const engagement = opened.summary.engagement as Engagement;
    expect(engagement.id).not.toBe(earlier.id);
    expect(engagement).toMatchObject({ audit_type: 'surveillance1', start_date: '2027-11-08', objectives: '', md1_seed: '', table_auditor_days: null, team_notified_on: null });
    for (const field of CARRIED_ENGAGEMENT_FIELDS) expect(engagement[field], field).toEqual(earlier[field]);
    expect(engagement.checklist_pack_id).not.toBeNull();

    const sites = await rows<Site>(service, opened.handle, 'site');
    expect(sites.map((site) => site.name).sort()).toEqual(DEMO_SITES.map((site) => site.name).sort());
    expect(sites.every((site) => site.sample_basis === 'none' && site.sample_reason === '')).toBe(true);

    const team = await rows<TeamMember>(service, opened.handle, 'team_member');
    expect(team.map((member) => [member.name, member.role, member.registration_number]).sort()).toEqual(
      DEMO_TEAM.map((member) => [member.name, member.role, member.registration_number]).sort(),
    );
    // The earlier audit's nonconformities (the demo's two minors) are to be verified at this one.
    const earlierNcs = await rows<{ source: string; grade: string; status_at_start: string; statement: string }>(service, opened.handle, 'earlier_nc');
    expect(earlierNcs.map((nc) => [nc.source, nc.grade, nc.status_at_start])).toEqual([
      ['linked_file', 'minor', 'open'],
      ['linked_file', 'minor', 'open'],
    ]);
    expect(earlierNcs.every((nc) => nc.statement.length > 20)).toBe(true);
    // Impartiality is declared for each audit: nobody's declaration carries over.
    expect(team.every((member) => member.no_conflict === null && member.declared_on === null && member.declared_by === '')).toBe(true);

    const services = await rows<{ id: string; name: string }>(service, opened.handle, 'service');
    expect(services).toHaveLength(3);
    const serviceIds = new Set(services.map((row) => row.id));
    const links = await rows<{ service_id: string; process_key: string }>(service, opened.handle, 'service_process');
    expect(links).toHaveLength(12);
    expect(links.every((link) => serviceIds.has(link.service_id))).toBe(true);
    const hosting = services.find((row) => row.name === 'Managed hosting')!;
    expect(links.filter((link) => link.service_id === hosting.id).map((link) => link.process_key).sort()).toEqual(
      ['availability', 'capacity', 'change', 'configuration', 'release-deployment'],
    );
    const parties = await rows<{ name: string; service_id: string | null }>(service, opened.handle, 'other_party');
    expect(parties.find((party) => party.name === 'Northern Power Colocation Ltd')?.service_id).toBe(hosting.id);
    expect(parties.find((party) => party.name === 'Kestrel Group IT Security')?.service_id).toBeNull();

    const history = await rows<{ audit_type: string; start_date: string; covered_sites: string; notes: string }>(service, opened.handle, 'earlier_audit');
    expect(history.map((audit) => audit.audit_type).sort()).toEqual(['stage1', 'stage2']);
    const stage2 = history.find((audit) => audit.audit_type === 'stage2')!;
    expect(stage2).toMatchObject({ start_date: earlier.start_date, notes: 'Carried over from “Kestrel 2026 stage 2.iso20k”.' });
    expect(stage2.covered_sites.split('; ').sort()).toEqual(visited.sort());

    expect(await service.call(opened.handle, 'verifyChain')).toMatchObject({ ok: true });
    expect(await sha256OfFile(file)).toBe(before);
    // Nothing beside the earlier file (no journal, no scratch copy): it was never opened for writing.
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('Kestrel 2026'))).toEqual(['Kestrel 2026 stage 2.iso20k']);
  });

  it('carries the engagement’s own copy of the CB profile and the checklist pack, whatever the library now holds', async () => {
    const service = await startTestService();
    const dir = tempDir();
    const { file } = await closedDemo(service, dir);
    const earlierPack = await openAndRead(service, file, async (handle) => service.call(handle, 'checklistPackInfo'));
    const opened = await new NextAuditService(service).createFromEarlier(path.join(dir, 'next.iso20k'), file, surveillance, '');
    expect(await service.call(opened.handle, 'checklistPackInfo')).toMatchObject({ sha256: earlierPack!.sha256, version: earlierPack!.version });
  });

  it('reads an engagement made by an older version of the app through a migrated scratch copy, leaving the file as it was', async () => {
    const service = await startTestService();
    const old = fileAtVersion(6, 2);
    const before = await sha256OfFile(old);
    const next = new NextAuditService(service);
    const opened = await next.createFromEarlier(path.join(tempDir(), 'next.iso20k'), old, surveillance, '');
    expect((await service.listRows(opened.handle, 'site')).map((site) => site.name).sort()).toEqual(['Site 0', 'Site 1']);
    expect(await sha256OfFile(old)).toBe(before);
  });

  it('refuses a member copy, a file open in this app and a file that is not an engagement, and creates nothing', async () => {
    const service = await startTestService();
    const dir = tempDir();
    const { file } = await closedDemo(service, dir);
    const next = new NextAuditService(service);

    const lead = await service.openFile(file);
    await expect(next.readEarlier(file)).rejects.toMatchObject({ code: 'SOURCE_OPEN' });
    const member = (await service.listRows(lead.handle, 'team_member'))[1]!;
    const copy = path.join(dir, 'member.iso20k');
    await new TeamService(service).makeMemberCopy(lead.handle, String(member.id), copy).result;
    await service.close(lead.handle);
    await expect(next.createFromEarlier(path.join(dir, 'a.iso20k'), copy, surveillance, '')).rejects.toMatchObject({ code: 'EARLIER_MEMBER_COPY' });

    const notes = path.join(dir, 'notes.iso20k');
    fs.writeFileSync(notes, 'Opening meeting at 09:00\n');
    await expect(next.createFromEarlier(path.join(dir, 'b.iso20k'), notes, surveillance, '')).rejects.toMatchObject({ code: 'NOT_SQLITE' });
    await expect(next.readEarlier(path.join(dir, 'missing.iso20k'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    expect(fs.existsSync(path.join(dir, 'a.iso20k')) || fs.existsSync(path.join(dir, 'b.iso20k'))).toBe(false);
  });

  it('removes the new file when carrying over fails, and keeps an existing file at the destination', async () => {
    const service = await startTestService();
    const dir = tempDir();
    const { file } = await closedDemo(service, dir);
    const next = new NextAuditService(service);
    const target = path.join(dir, 'next.iso20k');
    fs.writeFileSync(target, 'keep me');
    await expect(next.createFromEarlier(target, file, surveillance, '')).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');
    // A history note longer than the history allows fails inside the carry-over transaction.
    await expect(next.createFromEarlier(path.join(dir, 'next2.iso20k'), file, surveillance, 'x'.repeat(5001))).rejects.toMatchObject({ code: 'INVALID_VALUE' });
    expect(fs.existsSync(path.join(dir, 'next2.iso20k'))).toBe(false);
    expect((await service.listRecent()).map((recent) => path.basename(recent.path))).not.toContain('next2.iso20k');
  });
});

async function openAndRead<T>(service: EngagementService, file: string, read: (handle: string) => Promise<T>): Promise<T> {
  const opened = await service.openFile(file);
  try {
    return await read(opened.handle);
  } finally {
    await service.close(opened.handle);
  }
}

const closedSites = (service: EngagementService, file: string) => openAndRead(service, file, (handle) => rows<Site>(service, handle, 'site'));
