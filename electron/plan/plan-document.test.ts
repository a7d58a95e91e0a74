import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planDocument } from '../../shared/documents/plan-document.ts';
import type { Block } from '../../shared/documents/model.ts';
import { createDemoEngagement } from '../engagement/demo-engagement.ts';
import type { EngagementService } from '../engagement/engagement-service.ts';
import { startTestService } from '../../tests/helpers/services.ts';
import { tempDir } from '../../tests/helpers/temp.ts';

/** A two-session plan on the demo: the opening meeting and change management at the data centre. */
async function plannedDemo(service: EngagementService) {
  const opened = await createDemoEngagement(service, path.join(tempDir(), 'demo.iso20k'));
  const handle = opened.handle;
  // The demo comes with its own plan: this test plans from scratch.
  for (const session of await service.listRows(handle, 'plan_session')) await service.deleteRow(handle, 'plan_session', String(session.id));
  const team = await service.listRows(handle, 'team_member');
  const sites = await service.listRows(handle, 'site');
  const lead = team.find((member) => member.role === 'lead')!;
  const expert = team.find((member) => member.role === 'technical_expert')!;
  const dc = sites.find((site) => String(site.name).startsWith('Manchester data centre'))!;
  const opening = await service.createRow(handle, 'plan_session', { day: '2026-12-07', start_time: '09:00', end_time: '09:30', kind: 'opening', title: '' });
  const change = await service.createRow(handle, 'plan_session', { day: '2026-12-07', start_time: '09:30', end_time: '12:00', kind: 'audit', title: 'Change and release', site_id: String(dc.id) });
  const remote = await service.createRow(handle, 'plan_session', { day: '2026-12-08', start_time: '10:00', end_time: '11:00', kind: 'audit', title: 'Supplier review', remote: 1, remote_tool: 'Microsoft Teams', identity_check: 'Camera on, badge shown' });
  for (const session of [opening, change, remote]) await service.createRow(handle, 'plan_session_member', { session_id: String(session.id), team_member_id: String(lead.id) });
  await service.createRow(handle, 'plan_session_member', { session_id: String(change.id), team_member_id: String(expert.id) });
  await service.createRow(handle, 'plan_session_topic', { session_id: String(change.id), kind: 'process', topic: 'change' });
  await service.createRow(handle, 'plan_session_topic', { session_id: String(change.id), kind: 'clause', topic: '8.5' });
  await service.createRow(handle, 'plan_session_auditee', { session_id: String(change.id), name: 'Sam Okafor', role: 'Change manager' });
  return handle;
}

const textOf = (blocks: readonly Block[]): string => JSON.stringify(blocks);

describe('the audit plan document from an engagement', () => {
  it('resolves the engagement into the plan’s content: CB from its profile, labels in the document’s language, names for ids, planned time', async () => {
    const service = await startTestService();
    const handle = await plannedDemo(service);
    const input = await service.call(handle, 'planDocumentInput', { language: 'en', revision: 1, issuedAt: '2026-11-20T09:00:00.000Z', issuedBy: 'Helen Marsh' });
    expect(input.certificationBody).toMatchObject({ name: 'Meridian Assurance Certification Ltd', accreditations: ['Fictional accreditation body (demo) DEMO-20000-001'] });
    expect(input.audit).toMatchObject({ typeLabel: 'Stage 2 audit (initial certification)', language: 'English', combination: 'Combined audit with ISO/IEC 27001:2022' });
    expect(input.sessions.map((session) => session.title)).toEqual(['Opening meeting', 'Change and release', 'Supplier review']);
    const change = input.sessions[1]!;
    expect(change).toMatchObject({ siteName: 'Manchester data centre (MDC1)', processes: ['8.5.1 Change management'], auditees: [{ name: 'Sam Okafor', role: 'Change manager' }] });
    expect(change.clauses[0]).toMatch(/^8\.5 /);
    expect(input.sessions[2]!.remote).toEqual({ tool: 'Microsoft Teams', identityCheck: 'Camera on, badge shown', fallback: '' });
    expect(input.team.find((member) => member.role === 'lead')).toMatchObject({ roleLabel: 'Audit team leader', registrationNumber: 'IRCA 1204871' });
    // Lead 30 + 150 minutes on site, 60 remote; the technical expert does not count.
    expect(input.auditorDays).toMatchObject({ plannedOnSite: 0.38, plannedRemote: 0.13, allocatedOnSite: 7, allocatedRemote: 1 });
    expect(input.sites.find((site) => site.name === 'Manchester head office')?.visit).toBe('Central function: always audited');

    const zh = await service.call(handle, 'planDocumentInput', { language: 'zh-Hans', revision: 1, issuedAt: '2026-11-20T09:00:00.000Z', issuedBy: 'Helen Marsh' });
    expect(zh.audit.typeLabel).toBe('第二阶段审核（初次认证）');
    expect(zh.team.find((member) => member.role === 'lead')?.roleLabel).toBe('审核组长');
    expect(zh.audit.language).toBe('英语');

    const document = planDocument(input);
    expect(textOf(document.blocks)).toContain('Sam Okafor');
    expect(textOf(document.blocks)).toContain('Kestrel Data Services Ltd');
  });

  it('counts revisions per document and records each export once in the change log', async () => {
    const service = await startTestService();
    const handle = await plannedDemo(service);
    expect(await service.call(handle, 'nextRevision', 'audit-plan')).toBe(1);
    const record = { kind: 'audit-plan', revision: 1, format: 'pdf', language: 'en', template: '', fileName: 'plan.pdf', sha256: 'a'.repeat(64), size: 1234, byName: 'Helen Marsh' } as const;
    await service.change(handle, 'recordExport', record);
    await service.change(handle, 'recordExport', record);
    expect(await service.call(handle, 'listExports', 'audit-plan')).toHaveLength(1);
    expect(await service.call(handle, 'nextRevision', 'audit-plan')).toBe(2);
    expect(await service.call(handle, 'nextRevision', 'audit-report')).toBe(1);
    expect(await service.call(handle, 'verifyChain')).toMatchObject({ ok: true });
  });
});
