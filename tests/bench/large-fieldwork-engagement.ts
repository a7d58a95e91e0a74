import fs from 'node:fs';
import path from 'node:path';
import { createDemoEngagement } from '../../electron/engagement/demo-engagement.ts';
import { EngagementService } from '../../electron/engagement/engagement-service.ts';
import { ANSWER_RESULTS } from '../../shared/fieldwork/answer-results.ts';
import { EVIDENCE_KINDS } from '../../shared/fieldwork/fieldwork-kinds.ts';

export const LARGE_FIELDWORK_FILE = 'Large fieldwork - 660 answers.iso20k';
const SHIPPED = path.resolve(import.meta.dirname, '../../resources/checklists/iso20000-1-2018-amd1-2024.json');
const EVIDENCE = 2000;

interface ShippedPack {
  readonly clauses: readonly { readonly questions?: readonly { readonly id: string }[] }[];
}

/**
 * Issue 15's speed case: the demo engagement with the full shipped pack answered by three team
 * members (219 questions × 3 = 657 answers, with notes), 2,000 evidence references, each answer
 * citing two of them. Written into `workspace` before the host starts. Returns the file and the ids
 * of the three members (the first is the demo's lead).
 */
export async function writeLargeFieldworkEngagement(workspace: string, appData: string, workerDir: string): Promise<{ file: string; members: string[] }> {
  const service = await EngagementService.start({ appDataDir: appData, workerDir, rollingBackupIntervalMs: 0 });
  try {
    await service.setInstallationUser('Bench', 'BE');
    const file = path.join(workspace, LARGE_FIELDWORK_FILE);
    const { handle } = await createDemoEngagement(service, file);
    await service.createRow(handle, 'team_member', { name: 'Wei Zhang', initials: 'WZ', role: 'auditor', actor_id: null, email: '', registration_number: '' });
    const team = await service.listRows(handle, 'team_member');
    const auditors = team.filter((member) => member.role === 'lead' || member.role === 'auditor').map((member) => String(member.id)).slice(0, 3);
    const pack = JSON.parse(fs.readFileSync(SHIPPED, 'utf8')) as ShippedPack;
    const questions = pack.clauses.flatMap((clause) => (clause.questions ?? []).map((question) => question.id));
    const evidence: string[] = [];
    for (let i = 0; i < EVIDENCE; i++) {
      const row = await service.createRow(handle, 'evidence_item', {
        kind: EVIDENCE_KINDS[i % EVIDENCE_KINDS.length]!,
        title: `${['Change record', 'SMS procedure', 'Service report', 'Interview notes', 'Screenshot of the CMDB', 'Photo of the server room'][i % 6]} ${1000 + i}`,
        version: `v${1 + (i % 4)}.${i % 10}`,
        location: i % 3 ? 'ServiceNow' : 'SharePoint / SMS',
        shown_by: ['Priya Shah', 'Sam Okafor', 'Tom Rigby', 'Lena Fischer'][i % 4]!,
      });
      evidence.push(String(row.id));
    }
    let n = 0;
    for (const member of auditors) {
      for (const question of questions) {
        const result = ANSWER_RESULTS[n % 7 === 0 ? 2 : n % 11 === 0 ? 1 : n % 13 === 0 ? 4 : 0]!;
        const answer = await service.change(handle, 'answerQuestion', question, member, { result, notes: `Seen on site: record ${n}, interview with the process owner; evidence ${n % EVIDENCE}.` });
        for (const k of [n % EVIDENCE, (n * 7 + 3) % EVIDENCE]) await service.createRow(handle, 'answer_evidence', { answer_id: answer.id, evidence_id: evidence[k]! });
        n += 1;
      }
    }
    await service.close(handle);
    return { file, members: auditors };
  } finally {
    await service.shutdown();
  }
}
