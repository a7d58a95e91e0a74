import path from 'node:path';
import { createDemoEngagement } from '../../electron/engagement/demo-engagement.ts';
import { EngagementService } from '../../electron/engagement/engagement-service.ts';

export const LARGE_FINDINGS_FILE = 'Large findings - 1,000 findings.iso20k';
export const LARGE_FINDINGS = 1000;

const CLAUSES = ['8.5.1.3', '8.6.1', '8.6.3', '8.3.3', '8.2.4', '7.5.3', '8.7.1', '9.2', '8.5.2', '8.1'];
const PROCESSES = ['change-management', 'incident-management', 'problem-management', 'service-level', 'service-catalogue'];
const GRADES = ['minor', 'minor', 'observation', 'improvement', 'major', 'good-practice'];

/**
 * Issue 17's speed case: the demo engagement with 1,000 findings raised by its two auditors (grades,
 * clauses, processes and statements varied), written into `workspace` before the host starts.
 */
export async function writeLargeFindingsEngagement(workspace: string, appData: string, workerDir: string): Promise<string> {
  const service = await EngagementService.start({ appDataDir: appData, workerDir, rollingBackupIntervalMs: 0 });
  try {
    await service.setInstallationUser('Bench', 'BE');
    const file = path.join(workspace, LARGE_FINDINGS_FILE);
    const { handle } = await createDemoEngagement(service, file);
    const team = (await service.listRows(handle, 'team_member')).filter((member) => member.role === 'lead' || member.role === 'auditor');
    const seq = new Map<string, number>((await service.listRows(handle, 'finding')).map((row) => [String(row.raised_by), 0]));
    for (const row of await service.listRows(handle, 'finding')) seq.set(String(row.raised_by), Math.max(seq.get(String(row.raised_by)) ?? 0, Number(row.provisional_seq)));
    for (let i = 0; i < LARGE_FINDINGS - 5; i++) {
      const member = String(team[i % team.length]!.id);
      const next = (seq.get(member) ?? 0) + 1;
      seq.set(member, next);
      const clause = CLAUSES[i % CLAUSES.length]!;
      const row = await service.createRow(handle, 'finding', {
        raised_by: member,
        provisional_seq: next,
        source_kind: 'none',
        grade: GRADES[i % GRADES.length]!,
        grade_rationale: '',
        requirement: `ISO/IEC 20000-1:2018, ${clause}: the requirement as the checklist quotes it.`,
        evidence: `Record CHG-${10000 + i} of ${1 + (i % 28)} Nov 2026, shown by the process owner: no review after deployment.`,
        not_fulfilled: `Change CHG-${10000 + i} had no review of its success after deployment.`,
        process: PROCESSES[i % PROCESSES.length]!,
        raised_on: '2026-12-08',
      });
      await service.createRow(handle, 'finding_clause', { finding_id: String(row.id), clause });
    }
    await service.close(handle);
    return file;
  } finally {
    await service.shutdown();
  }
}
