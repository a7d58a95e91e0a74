import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDWORK_PACK as pack, planSession } from '../../tests/helpers/fieldwork-pack.ts';
import { propertyRuns } from '../../tests/helpers/property.ts';
import type { Engagement } from '../engagement.ts';
import type { AnswerResult } from '../fieldwork/answer-results.ts';
import { DEFAULT_FINDINGS_PROFILE } from '../findings/default-scale.ts';
import type { FindingBrief } from '../findings/finding-brief.ts';
import { AREA_OF_CONCERN } from '../findings/finding-kinds.ts';
import { reportInput, type ReportBuildOptions } from './report-input-builder.ts';
import type { ReportSource } from './report-source.ts';
import { evidenceReference, groupedNumber, queryText } from './report-wording.ts';

const OPTIONS: ReportBuildOptions = { language: 'en', revision: 2, issuedAt: '2027-03-05T10:00:00.000Z', issuedBy: 'Li Wei', draft: true, photos: false };

const ENGAGEMENT = {
  id: '0190e0aa-0000-7000-8000-000000000001',
  client_name: 'Northwind Managed Services GmbH',
  client_address: 'Hafenstraße 12, 20457 Hamburg',
  audit_type: 'stage2',
  standard_edition: '20000-1:2018+A1:2024',
  certification_body: 'Example Certification Ltd',
  criteria: 'ISO/IEC 20000-1:2018',
  objectives: 'Conformity and effectiveness',
  scope: 'Managed hosting',
  time_zone: 'Europe/Berlin',
  start_date: '2027-03-01',
  end_date: '2027-03-02',
  client_representative: '',
  client_contact: '',
  client_credit_code: '',
  licence_covers_scope: null,
  audit_language: '',
  combination: 'single',
  other_standards: '',
  certificate_number: '',
  certificate_expires_on: null,
  sms_scope: '',
  certificate_wording_second: '',
  allocated_onsite_days: null,
  allocated_remote_days: null,
  allocation_justification: '',
  surveillance_clauses: '',
  stage2_focus: '',
  sms_operating_since: null,
  cb_audit_number: 'EX-27-001',
} as unknown as Engagement;

/** A source with nothing recorded: each test adds the rows it is about. */
function source(overrides: Partial<ReportSource> = {}): ReportSource {
  return {
    engagement: ENGAGEMENT,
    sites: [],
    team: [],
    services: [],
    rows: { sessions: [], topics: [], services: [], members: [], auditees: [] },
    profile: null,
    pack,
    attendance: [],
    outcomes: [],
    findingsProfile: DEFAULT_FINDINGS_PROFILE,
    findings: [],
    acknowledgements: [],
    signatures: [],
    correctiveActions: [],
    meetingPoints: [],
    statements: [],
    conclusions: [],
    answers: [],
    answerEvidence: [],
    evidenceItems: [],
    evidenceFiles: [],
    notebookEntries: [],
    recordQueries: [],
    recordsSeen: [],
    recordAttributes: [],
    trails: [],
    trailSteps: [],
    scopeChecks: [],
    surveillanceChecks: [],
    documentReviews: [],
    readiness: [],
    findingRows: [],
    findingSites: [],
    findingServices: [],
    findingEvidence: [],
    findingRecords: [],
    earlierNcs: [],
    opinions: [],
    remote: { held: 0, remote: 0, tools: [], notes: [], effectiveness: { effective: 0, partly_effective: 0, not_effective: 0, not_assessed: 0 } },
    photoCopies: new Map(),
    ...overrides,
  };
}

const GRADES = ['major', 'minor', 'observation', 'improvement', 'good-practice', 'withdrawn-grade', AREA_OF_CONCERN] as const;
const gradeInfo = (key: string) => DEFAULT_FINDINGS_PROFILE.grades.find((grade) => grade.key === key) ?? null;

function brief(index: number, grade: string, clause: string): FindingBrief {
  const info = gradeInfo(grade);
  return {
    id: `f${index}`,
    label: `F-${index}`,
    finalNumber: '',
    finalSeq: null,
    grade,
    gradeInfo: info,
    isNonconformity: info?.isNonconformity ?? false,
    requirement: 'r',
    evidence: 'e',
    notFulfilled: 'n',
    procedure: '',
    process: '',
    clauses: [clause],
    raisedOn: '2027-03-01',
    raisedBy: 'm1',
    raisedByName: 'Li Wei',
    auditeeRepresentative: '',
  };
}

describe('reportInput (pure)', () => {
  it('groups the findings by grade, most severe first, keeping every finding exactly once and in number order', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ grade: fc.constantFrom(...GRADES), clause: fc.constantFrom('4.1', '8.5.1', '8.6.1.2', '9.2', '10.1') }), { maxLength: 40 }), (specs) => {
        const findings = specs.map((spec, index) => brief(index, spec.grade, spec.clause));
        const input = reportInput(source({ findings }), OPTIONS);
        const flat = input.findingGroups.flatMap((group) => group.findings.map((finding) => finding.id));
        expect([...flat].sort()).toEqual(findings.map((finding) => finding.id).sort());
        for (const group of input.findingGroups) {
          const ids = group.findings.map((finding) => finding.id);
          // Number order = the order the one reader of findings gives them in.
          expect(ids).toEqual(findings.filter((finding) => finding.grade === group.gradeKey).map((finding) => finding.id));
        }
        const orders = input.findingGroups.map((group) => gradeInfo(group.gradeKey)?.order ?? Number.MAX_SAFE_INTEGER);
        expect(orders).toEqual([...orders].sort((a, b) => a - b));
        expect(new Set(input.findingGroups.map((group) => group.gradeKey)).size).toBe(input.findingGroups.length);
        expect(input.findingCounts.reduce((sum, count) => sum + count.count, 0)).toBe(findings.length);
        expect(input.findingGroups.filter((group) => group.major).map((group) => group.gradeKey)).toEqual(findings.some((finding) => finding.grade === 'major') ? ['major'] : []);
        // Each result lists the findings on its topic in number order, each once.
        for (const result of input.results) {
          const order = result.findingNumbers.map((number) => findings.findIndex((finding) => finding.label === number));
          expect(order).toEqual([...new Set(order)].sort((a, b) => a - b));
        }
      }),
      propertyRuns('report: findings grouped by grade, each once, in number order', 150),
    );
  });

  it('counts each question once when several members answered it: a nonconformity found by anyone stands', () => {
    const answer = (question: string, member: string, result: AnswerResult) =>
      ({ id: `${question}-${member}`, question_id: question, team_member_id: member, result, notes: '', na_reason: '', session_id: null }) as ReportSource['answers'][number];
    const input = reportInput(
      source({
        answers: [
          answer('8.5.1-q01', 'a', 'conforming'),
          answer('8.5.1-q01', 'b', 'nonconformity'),
          answer('8.5.1-q02', 'a', 'observation'),
          answer('8.5.1-q02', 'b', 'not_audited'),
          answer('8.5.1.1-q01', 'a', 'not_applicable'),
          answer('8.6.1-q01', 'a', 'not_audited'),
        ],
      }),
      OPTIONS,
    );
    expect(input.results.find((result) => result.topic === 'change')!.checklist).toEqual({ questions: 3, conforming: 1, nonconforming: 1, notApplicable: 1, notAnswered: 0 });
    expect(input.results.find((result) => result.topic === 'incident')!.checklist).toEqual({ questions: 2, conforming: 0, nonconforming: 0, notApplicable: 0, notAnswered: 2 });
    // Stage 2 reports every unit of the pack, in clause order.
    expect(input.results.map((result) => [result.topic, result.kind, result.title])).toEqual([
      ['4', 'clauses', 'Clause 4 Context of the organization'],
      ['5', 'clauses', 'Clause 5'],
      ['8', 'clauses', 'Clause 8'],
      ['change', 'process', '8.5.1 Change management'],
      ['incident', 'process', '8.6.1 Incident management'],
      ['9', 'clauses', 'Clause 9'],
      ['10', 'clauses', 'Clause 10'],
    ]);
  });

  it('lists as deviations the sessions moved, cancelled, added, or held elsewhere than planned, with the reason', () => {
    const sessions = [planSession('s1', '2027-03-01', '09:00', '12:00', 'site'), planSession('s2', '2027-03-01', '13:00', '15:00', 'site'), planSession('s3', '2027-03-02', '09:00', '10:00', 'site'), planSession('s4', '2027-03-02', '14:00', '15:00', 'site')];
    const outcome = (session_id: string, values: Partial<ReportSource['outcomes'][number]>) =>
      ({ session_id, status: 'held', actual_day: null, actual_start: null, actual_end: null, mode: 'as_planned', reason: '', remote_effectiveness: 'not_assessed', remote_note: '', ...values }) as ReportSource['outcomes'][number];
    const input = reportInput(
      source({
        rows: { sessions, topics: [], services: [], members: [], auditees: [] },
        sites: [{ id: 'site', name: 'Hamburg', address: '', country: '', kind: 'central', in_scope: 1, sample_basis: 'central', sample_reason: '' } as unknown as ReportSource['sites'][number]],
        outcomes: [
          outcome('s1', { status: 'held', mode: 'remote', reason: 'Snow: the auditee worked from home.' }),
          outcome('s2', { status: 'cancelled', reason: 'The process owner was ill.' }),
          outcome('s3', { status: 'moved', actual_day: '2027-03-02', actual_start: '11:00', actual_end: '12:00', reason: 'Server room not free.' }),
          outcome('s4', { status: 'added', actual_day: '2027-03-02', actual_start: '14:00', actual_end: '15:00' }),
        ],
      }),
      OPTIONS,
    );
    expect(input.deviations).toEqual([
      { session: 's1', planned: '1 Mar 2027 09:00–12:00', change: 'Held remotely', actual: '1 Mar 2027 09:00–12:00', reason: 'Snow: the auditee worked from home.' },
      { session: 's2', planned: '1 Mar 2027 13:00–15:00', change: 'Cancelled', actual: '', reason: 'The process owner was ill.' },
      { session: 's3', planned: '2 Mar 2027 09:00–10:00', change: 'Moved', actual: '2 Mar 2027 11:00–12:00', reason: 'Server room not free.' },
      { session: 's4', planned: '', change: 'Added on the day', actual: '2 Mar 2027 14:00–15:00', reason: '' },
    ]);
    // The days as they ran: the cancelled session left out, the moved one at its new time; the site visited on site and remotely.
    expect(input.days.map((day) => [day.day, day.start, day.end, day.activities.map((activity) => activity.title)])).toEqual([
      ['2027-03-01', '09:00', '12:00', ['s1']],
      ['2027-03-02', '11:00', '15:00', ['s3', 's4']],
    ]);
    expect(input.sites).toEqual([{ name: 'Hamburg', address: '', kind: 'Central function', visited: true, reason: 'Central function: always audited', mode: 'On site and remote' }]);
  });

  it('words evidence references, populations and numbers as a report cites them', () => {
    const item = (title: string, version: string, evidence_date: string | null) => ({ title, version, evidence_date });
    expect(evidenceReference(item('Incident management procedure', '3.2', '2026-03-12'), 'en')).toBe('Incident management procedure v3.2 (12 Mar 2026)');
    expect(evidenceReference(item('Change policy', 'v4', null), 'en')).toBe('Change policy v4');
    expect(evidenceReference(item('SMS manual v4.1', 'v4.1', '2026-06-30'), 'en')).toBe('SMS manual v4.1 (30 Jun 2026)');
    expect(evidenceReference(item('Risk register', 'export of 7 Dec 2026', '2026-12-07'), 'en')).toBe('Risk register, export of 7 Dec 2026');
    expect(evidenceReference(item('事件管理程序', '3.2', '2026-03-12'), 'zh-Hans')).toBe('事件管理程序 v3.2（2026年3月12日）');
    // Typed in English, cited in a Chinese report: joined the Latin way, the date not twice.
    expect(evidenceReference(item('Risk register', 'export of 7 Dec 2026', '2026-12-07'), 'zh-Hans')).toBe('Risk register, export of 7 Dec 2026');
    expect(evidenceReference(item('风险登记册', '2026年12月7日导出', '2026-12-07'), 'zh-Hans')).toBe('风险登记册，2026年12月7日导出');
    const query = { query: "ServiceNow query 'P1 incidents Q1'", population_count: 1245, period_from: '2026-01-01', period_to: '2026-03-31', selection: 'every 100th' };
    expect(queryText(query, 'en')).toBe("ServiceNow query 'P1 incidents Q1' — 1,245 records, 1 Jan – 31 Mar 2026, every 100th");
    expect(queryText({ ...query, selection: 'Three by judgment' }, 'en')).toMatch(/, three by judgment$/);
    expect(queryText({ ...query, selection: 'SLA breaches only' }, 'en')).toMatch(/, SLA breaches only$/);
    expect(queryText(query, 'zh-Hans')).toBe("ServiceNow query 'P1 incidents Q1'——共 1,245 条记录，2026年1月1日至3月31日，every 100th");
    expect(queryText({ query: '', population_count: null, period_from: null, period_to: null, selection: '' }, 'en')).toBe('');
    expect([groupedNumber(7), groupedNumber(1000), groupedNumber(1234567)]).toEqual(['7', '1,000', '1,234,567']);
  });
});
