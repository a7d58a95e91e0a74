import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { createDemoEngagement } from '../../electron/engagement/demo-engagement.ts';
import type { EngagementService } from '../../electron/engagement/engagement-service.ts';
import { ANSWER_RESULTS } from '../../shared/fieldwork/answer-results.ts';

export const LARGE_REPORT_FILE = 'Large report - 300 findings.iso20k';
const FINDINGS = 300;
const ANSWERS = 1500;
const RECORDS = 40;
const PHOTOS = 100;
const SHIPPED = path.resolve(import.meta.dirname, '../../resources/checklists/iso20000-1-2018-amd1-2024.json');
const CHUNK = 1024 * 1024;

const CLAUSES = ['8.5.1.3', '8.6.1', '8.6.3', '8.3.3', '8.2.4', '7.5.3', '8.7.1', '9.2', '8.5.2', '8.1'];
const PROCESSES = ['change-management', 'incident-management', 'problem-management', 'service-level', 'service-catalogue'];
const GRADES = ['minor', 'minor', 'observation', 'improvement', 'major', 'good-practice'];

interface ShippedPack {
  readonly clauses: readonly { readonly questions?: readonly { readonly id: string }[] }[];
}

/**
 * A photo as a phone takes it in a meeting room or a server room: 3,000 × 2,250 JPEG of smooth shapes
 * with mild noise (a photo compresses like this; pure noise would make every report copy ~1 MB).
 */
async function roomPhoto(seed: number): Promise<Buffer> {
  const width = 3000;
  const height = 2250;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${seed * 37 % 360},30%,70%)"/><stop offset="1" stop-color="hsl(${(seed * 37 + 80) % 360},25%,35%)"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    ${Array.from({ length: 12 }, (_, i) => `<rect x="${(i * 233 + seed * 17) % width}" y="${(i * 157 + seed * 29) % height}" width="${300 + i * 20}" height="${500 + i * 10}" fill="hsl(${(seed + i * 30) % 360},20%,${30 + i * 4}%)"/>`).join('')}
    <text x="200" y="400" font-size="220" fill="white">Rack ${seed}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

async function attachPhoto(service: EngagementService, handle: string, evidenceId: string, name: string, bytes: Buffer, memberId: string | null): Promise<void> {
  const { uploadId } = await service.call(handle, 'beginUpload', name, bytes.length, 'image/jpeg');
  for (let i = 0, offset = 0; offset < bytes.length; i++, offset += CHUNK) {
    await service.call(handle, 'uploadChunk', uploadId, i, bytes.subarray(offset, offset + CHUNK).toString('base64'));
  }
  await service.change(handle, 'commitUpload', { uploadId, evidenceId, newEvidence: null, fileKind: 'photo', photographyPermittedBy: 'Jane Smith', caption: '', memberId });
}

/**
 * Issue 18's speed case: the demo engagement grown to 300 findings (grades, clauses, processes and
 * full statements varied, each citing evidence), 1,500 checklist answers (the shipped pack answered by
 * seven team members), 40 records seen on screen with their attributes, and 100 photos attached
 * through the upload path (so each has its report-sized copy). Written through the service, like a
 * user would; returns the file.
 */
export async function writeLargeReportEngagement(service: EngagementService, folder: string, progress: (line: string) => void): Promise<string> {
  const file = path.join(folder, LARGE_REPORT_FILE);
  const { handle } = await createDemoEngagement(service, file);
  try {
    for (const [name, initials] of [['Wei Zhang', 'WZ'], ['Ana Costa', 'AC'], ['Olu Bakare', 'OB'], ['Mira Patel', 'MP'], ['Jon Berg', 'JB']] as const) {
      await service.createRow(handle, 'team_member', { name, initials, role: 'auditor', actor_id: null, email: '', registration_number: `REG-${initials}-2026` });
    }
    const auditors = (await service.listRows(handle, 'team_member')).filter((member) => member.role === 'lead' || member.role === 'auditor').map((member) => String(member.id));
    const { memberId } = await service.call(handle, 'typingMember');

    progress('large report: evidence references and 100 photos');
    const evidence: string[] = [];
    for (let i = 0; i < 400; i++) {
      const row = await service.createRow(handle, 'evidence_item', {
        kind: i < PHOTOS ? 'photo' : ['document', 'record', 'interview', 'observation'][i % 4]!,
        title: i < PHOTOS ? `Photo ${i + 1}: server room rack ${i + 1}` : `${['Change record', 'SMS procedure', 'Service report', 'Interview notes'][i % 4]} ${1000 + i}`,
        version: `v${1 + (i % 4)}.${i % 10}`,
        location: i % 3 ? 'ServiceNow' : 'SharePoint / SMS',
        shown_by: ['Priya Shah', 'Sam Okafor', 'Tom Rigby', 'Lena Fischer'][i % 4]!,
      });
      evidence.push(String(row.id));
    }
    for (let i = 0; i < PHOTOS; i++) await attachPhoto(service, handle, evidence[i]!, `IMG_${2000 + i}.jpg`, await roomPhoto(i), memberId);

    progress('large report: 1,500 answers');
    const pack = JSON.parse(fs.readFileSync(SHIPPED, 'utf8')) as ShippedPack;
    const questions = pack.clauses.flatMap((clause) => (clause.questions ?? []).map((question) => question.id));
    let n = 0;
    outer: for (const member of auditors) {
      for (const question of questions) {
        if (n >= ANSWERS) break outer;
        const result = ANSWER_RESULTS[n % 7 === 0 ? 2 : n % 11 === 0 ? 1 : n % 13 === 0 ? 4 : 0]!;
        await service.change(handle, 'answerQuestion', question, member, { result, notes: `Seen on site: record ${n}, interview with the process owner.` });
        n += 1;
      }
    }

    progress('large report: 40 records seen and 300 findings');
    const query = await service.createRow(handle, 'record_query', { topic: 'change-management', team_member_id: auditors[0]!, query: 'Changes closed 1 Jun – 30 Nov 2026', population_count: 1245, period_from: '2026-06-01', period_to: '2026-11-30', selection: 'every 30th' });
    for (let i = 0; i < RECORDS; i++) {
      const record = await service.createRow(handle, 'record_seen', { topic: PROCESSES[i % PROCESSES.length]!, record_ref: `CHG-${20000 + i}`, query_id: String(query.id), result: i % 9 === 0 ? 'fail' : 'pass', note: i % 9 === 0 ? 'No post-implementation review.' : '' });
      for (const attribute of ['Approved before implementation', 'Tested', 'Reviewed after deployment']) {
        await service.createRow(handle, 'record_attribute', { record_id: String(record.id), attribute, result: i % 9 === 0 && attribute.startsWith('Reviewed') ? 'fail' : 'pass' });
      }
    }
    const seq = new Map<string, number>();
    for (const row of await service.listRows(handle, 'finding')) seq.set(String(row.raised_by), Math.max(seq.get(String(row.raised_by)) ?? 0, Number(row.provisional_seq)));
    const existing = (await service.listRows(handle, 'finding')).length;
    for (let i = 0; i < FINDINGS - existing; i++) {
      const member = auditors[i % auditors.length]!;
      const next = (seq.get(member) ?? 0) + 1;
      seq.set(member, next);
      const clause = CLAUSES[i % CLAUSES.length]!;
      const row = await service.createRow(handle, 'finding', {
        raised_by: member,
        provisional_seq: next,
        source_kind: 'none',
        grade: GRADES[i % GRADES.length]!,
        grade_rationale: GRADES[i % GRADES.length] === 'major' ? 'The process has no effective control over changes: several changes went live without review.' : '',
        requirement: `ISO/IEC 20000-1:2018, ${clause}: the organization shall review changes after deployment for success and take action where needed.`,
        evidence: `Change record CHG-${10000 + i} of ${1 + (i % 28)} Nov 2026, shown on screen by the change manager in ServiceNow: the record was closed two days after deployment; the post-implementation review field is empty and no review minutes were found in the CAB folder for that week.`,
        not_fulfilled: `Change CHG-${10000 + i} was closed without a review of its success after deployment.`,
        process: PROCESSES[i % PROCESSES.length]!,
        raised_on: '2026-12-08',
      });
      await service.createRow(handle, 'finding_clause', { finding_id: String(row.id), clause });
      await service.createRow(handle, 'finding_evidence', { finding_id: String(row.id), evidence_id: evidence[PHOTOS + (i % (evidence.length - PHOTOS))]! });
    }
  } finally {
    await service.close(handle);
  }
  return file;
}
