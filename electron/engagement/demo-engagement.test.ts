import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engagement, Site } from '../../shared/engagement.ts';
import { md1SitesFromRows, validateMd1Selection } from '../../shared/sampling/md1-sample.ts';
import { hasKnownCategory, parseCategories } from '../../shared/scope/service-categories.ts';
import { startTestService } from '../../tests/helpers/services.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { checkProfile } from '../../shared/cb-profile/profile-validate.ts';
import { planCheckInput } from '../../shared/plan/plan-check-input.ts';
import { checkPlan } from '../../shared/plan/plan-checks.ts';
import { createDemoEngagement } from './demo-engagement.ts';

describe('the demo engagement', () => {
  it('is prepared as a lead would before stage 2: scope, services with process coverage, other parties, stage 1', async () => {
    const service = await startTestService();
    const opened = await createDemoEngagement(service, path.join(tempDir(), 'demo.iso20k'));
    const engagement = opened.summary.engagement as Engagement;
    expect(engagement.certificate_wording).toMatch(/managed hosting/);
    // Its CB's profile is a valid profile, copied into the engagement.
    const profile = await service.call(opened.handle, 'cbProfile');
    expect(profile).toMatchObject({ profile_id: 'demo.meridian' });
    const checked = checkProfile(JSON.parse(profile!.content));
    expect(checked.ok ? checked.profile.certificationBody?.name : checked.issues).toEqual({ en: 'Meridian Assurance Certification Ltd' });
    expect(engagement).toMatchObject({ effective_personnel: 247, allocated_onsite_days: 7, allocated_remote_days: 1 });
    const services = await service.listRows(opened.handle, 'service');
    expect(services).toHaveLength(3);
    // Every service has a known IT-service category (stored by key; free text beside it stays as typed).
    expect(services.every((row) => hasKnownCategory(String(row.categories)))).toBe(true);
    expect(parseCategories(String(services.find((row) => row.name === 'Managed hosting')?.categories))).toEqual(['operation-maintenance', 'Cloud hosting']);
    expect((await service.listRows(opened.handle, 'service_process')).length).toBeGreaterThanOrEqual(10);
    expect(await service.listRows(opened.handle, 'other_party')).toHaveLength(2);
    expect(await service.listRows(opened.handle, 'earlier_audit')).toMatchObject([{ audit_type: 'stage1' }]);
    expect(await service.call(opened.handle, 'verifyChain')).toMatchObject({ ok: true });
  });

  it.each(['en', 'zh-CN'] as const)('in %s: a valid MD 1 sample, and a plan that covers every process and clause and visits every sampled site', { timeout: 60_000 }, async (language) => {
    const service = await startTestService();
    const opened = await createDemoEngagement(service, path.join(tempDir(), 'demo.iso20k'), language);
    const engagement = opened.summary.engagement as Engagement;
    const sites = (await service.listRows(opened.handle, 'site')) as unknown as Site[];
    const check = validateMd1Selection({
      sites: md1SitesFromRows(sites),
      answers: {
        auditType: engagement.audit_type,
        eligibility: { one_management_system: true, central_control: true, internal_audits_all_sites: true },
        samplingAppropriate: true,
        provedEffective: null,
      },
      seed: engagement.md1_seed,
      recordedInputsHash: engagement.md1_inputs_hash,
      selection: sites
        .filter((site) => site.sample_basis !== 'none')
        .map((site) => ({ siteId: site.id, basis: site.sample_basis as 'central' | 'random' | 'chosen', reason: site.sample_reason })),
    });
    expect(check.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(check.valid).toBe(true);
    // Its plan: every process and clause covered, every sampled site visited, nobody in two places.
    const input = await service.call(opened.handle, 'planDocumentInput', { language: 'en', revision: 1, issuedAt: '2026-11-20T09:00:00.000Z', issuedBy: 'Helen Marsh' });
    expect(input.sessions.length).toBeGreaterThanOrEqual(15);
    const rows = <T>(table: string) => service.listRows(opened.handle, table) as unknown as Promise<T[]>;
    const pack = await service.call(opened.handle, 'checklistPack');
    const plan = checkPlan(
      planCheckInput(engagement, sites, await rows('team_member'), {
        sessions: await rows('plan_session'),
        topics: await rows('plan_session_topic'),
        services: await rows('plan_session_service'),
        members: await rows('plan_session_member'),
        auditees: await rows('plan_session_auditee'),
      }, pack ? JSON.parse(pack.content) : null),
    );
    expect(plan.coverage.missing).toEqual([]);
    expect(plan.issues.filter((issue) => issue.severity === 'error' || issue.code === 'SITE_NOT_VISITED' || issue.code === 'NOT_COVERED')).toEqual([]);
    expect(await service.call(opened.handle, 'verifyChain')).toMatchObject({ ok: true });
  });

  it('is at the end of day 1 of stage 2: sessions as they ran, the notebook, Rajesh’s answers, an on-screen sample, one conclusion — and the lead has answered nothing yet', async () => {
    const service = await startTestService();
    const opened = await createDemoEngagement(service, path.join(tempDir(), 'demo.iso20k'));
    const records = await service.call(opened.handle, 'fieldworkRecords');
    const team = await service.listRows(opened.handle, 'team_member');
    const helen = team.find((member) => member.initials === 'HM')!.id;
    const answers = await service.listRows(opened.handle, 'checklist_answer');
    expect(answers.length).toBeGreaterThanOrEqual(20);
    expect(answers.some((answer) => answer.team_member_id === helen)).toBe(false);
    expect(answers.filter((answer) => answer.result === 'nonconformity')).toHaveLength(1);
    // Every answered question is a question of the engagement's pack.
    const pack = JSON.parse((await service.call(opened.handle, 'checklistPack'))!.content) as { clauses: { questions?: { id: string }[] }[] };
    const questions = new Set(pack.clauses.flatMap((clause) => (clause.questions ?? []).map((question) => question.id)));
    expect(answers.filter((answer) => !questions.has(String(answer.question_id)))).toEqual([]);
    expect(records.session_outcome.map((outcome) => outcome.status).sort()).toEqual(['extended', 'held', 'shortened', 'shortened', 'shortened']);
    expect(records.attendance).toHaveLength(8);
    expect(records.notebook_entry.length).toBeGreaterThanOrEqual(8);
    expect(records.person.map((person) => person.name).sort()).toEqual(['Dev Anand', 'Joanne Kerr', 'Mark Ellis', 'Priya Shah']);
    // The on-screen SLA query, and the query the incident sample files its records under.
    expect(records.record_query).toHaveLength(2);
    const slaQuery = records.record_query.find((query) => query.topic === 'service-level')!;
    expect(records.record_seen.filter((record) => record.query_id === slaQuery.id)).toHaveLength(3);
    // The incident export, imported without its caller column, and a stratified sample of 12 (2+ per priority), 10 tested, 1 deviation.
    const sampling = await service.call(opened.handle, 'samplingState');
    expect(sampling.populations).toMatchObject([{ topic: 'incident', rowCount: 1240, skippedRows: 0, rowsHere: true }]);
    expect(sampling.populations[0]!.columns.map((column) => column.name)).not.toContain('caller_id');
    expect(sampling.samples).toMatchObject([{ method: 'stratified', stratify_by: 'priority', seed: 'meridian-incidents-2026-12-08', sampling_plan: '8.6.1-s01' }]);
    const strata = new Map<string, number>();
    for (const item of sampling.items) strata.set(item.stratum, (strata.get(item.stratum) ?? 0) + 1);
    expect(sampling.items).toHaveLength(12);
    expect([...strata.values()].every((count) => count >= 2)).toBe(true);
    const sampled = new Set(sampling.items.map((item) => item.record_id));
    expect(records.record_seen.filter((record) => sampled.has(record.id) && record.result === 'fail')).toHaveLength(1);
    expect(records.record_seen.filter((record) => sampled.has(record.id) && record.result === 'pass')).toHaveLength(9);
    const verified = await service.startJob(opened.handle, 'verifySample', () => [sampling.samples[0]!.id] as const).result;
    expect(verified).toMatchObject({ matches: true, checkedItems: 12 });
    expect(records.conclusion).toMatchObject([{ topic: 'business-relationship', status: 'conforming' }]);
    // The SLA register Joanne e-mailed, attached by Rajesh to the reference his records cite.
    const { files } = await service.call(opened.handle, 'evidenceFiles');
    const rajesh = team.find((member) => member.initials === 'RI')!.id;
    const sla = records.evidence_item.find((item) => item.title === 'SLA register (status Active)')!;
    expect(files).toMatchObject([{ present: true, row: { evidence_id: sla.id, media_type: 'text/csv', team_member_id: rajesh, file_kind: 'file' } }]);
    expect(await service.call(opened.handle, 'verifyChain')).toMatchObject({ ok: true });
  });
});
