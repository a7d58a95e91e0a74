import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FINDINGS_PROFILE } from '../../shared/findings/default-scale.ts';
import { findingNature } from '../../shared/findings/finding-nature.ts';
import { checkStatement } from '../../shared/findings/statement-check.ts';
import { createDemoEngagement } from '../engagement/demo-engagement.ts';
import { startTestService } from '../../tests/helpers/services.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { DEMO_FINDINGS_EN } from './demo-findings-en.ts';

const DEMO_FINDINGS = DEMO_FINDINGS_EN.findings;

describe('the demo’s findings', () => {
  it('pass the statement check as written: no vague words, no causes or solutions, no prescribing improvement', () => {
    for (const finding of DEMO_FINDINGS) {
      const warnings = checkStatement({ nature: findingNature(DEFAULT_FINDINGS_PROFILE.grades, finding.grade), evidence: finding.evidence, notFulfilled: finding.notFulfilled });
      expect(warnings, finding.from).toEqual([]);
    }
    expect(new Set(DEMO_FINDINGS.map((finding) => finding.grade))).toEqual(new Set(['minor', 'observation', 'improvement', 'good-practice']));
  });

  it('are raised in the demo file from day 1’s answers, records and notebook, with their links and one diverging opinion; the lead numbers them', async () => {
    const service = await startTestService();
    const opened = await createDemoEngagement(service, path.join(tempDir(), 'demo.iso20k'));
    // createDemoEngagement raises them (addDemoFindings after the fieldwork).

    const team = await service.listRows(opened.handle, 'team_member');
    const helen = String(team.find((row) => row.initials === 'HM')!.id);
    const view = await service.call(opened.handle, 'findingsView', helen);
    expect(view).toMatchObject({ fromProfile: true, leadMemberId: helen, stage1: false });
    expect(view.findings).toHaveLength(DEMO_FINDINGS.length);
    expect(view.findings.map((finding) => finding.label).sort()).toEqual(['HM-P1', 'HM-P2', 'RI-P1', 'RI-P2', 'RI-P3']);
    for (const finding of view.findings) {
      expect(finding).toMatchObject({ raisedOn: '2026-12-07', gradeKnown: true });
      expect(finding.clauses.length, finding.label).toBeGreaterThan(0);
      const answerResults = (await service.listRows(opened.handle, 'checklist_answer')).filter((row) => finding.answers.some((link) => link.target === row.id)).map((row) => String(row.result));
      const nature = findingNature(view.grades, finding.grade);
      expect(checkStatement({ nature, evidence: finding.evidence, notFulfilled: finding.notFulfilled, answerResults }), finding.label).toEqual([]);
    }
    const sla = view.findings.find((finding) => finding.evidence.includes('SLA-NWR-2023'))!;
    expect(sla).toMatchObject({ grade: 'minor', isNonconformity: true, sourceKind: 'answer', process: 'service-level', opinions: [{ status: 'unresolved' }] });
    expect(sla.sessionId).not.toBeNull();
    expect(sla.evidenceRefs).toHaveLength(1);
    expect(sla.records).toHaveLength(1);
    expect(sla.notes).toHaveLength(1);
    const catalogue = view.findings.find((finding) => finding.evidence.includes('SC-2026-14'))!;
    expect(catalogue).toMatchObject({ sourceKind: 'record', process: 'service-catalogue', records: [{}], notes: [{}] });
    expect(view.findings.filter((finding) => finding.opinions.length > 0)).toHaveLength(1);

    // The CB's audit number recorded, the lead numbers: the demo profile's {audit}-{grade}-{seq:2}, a sequence per grade.
    await service.updateEngagement(opened.handle, { cb_audit_number: 'MAC-26-1187' });
    const numbered = await service.change(opened.handle, 'numberFindings', helen, false);
    expect(numbered.numbered.map((entry) => entry.number).sort()).toEqual(['MAC-26-1187-GP-01', 'MAC-26-1187-MIN-01', 'MAC-26-1187-MIN-02', 'MAC-26-1187-OBS-01', 'MAC-26-1187-OFI-01']);
    const after = await service.call(opened.handle, 'findingsView', helen);
    // Minors by clause: 8.2.4 (the catalogue) before 8.3.3 (the SLA).
    expect(after.findings.find((finding) => finding.id === catalogue.id)!.label).toBe('MAC-26-1187-MIN-01');
    expect(after.findings.find((finding) => finding.id === sla.id)!.label).toBe('MAC-26-1187-MIN-02');
  }, 60_000);
});
