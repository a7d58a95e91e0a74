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
import { percentText } from './report-sampling.ts';
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
    populations: [],
    samples: [],
    sampleItems: [],
    sampleAttributes: [],
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

  describe('record sampling', () => {
    const population = {
      id: 'pop1',
      topic: 'incident',
      name: 'Incidents Q1 2027',
      period_from: '2027-01-01',
      period_to: '2027-03-31',
      site_id: 'site',
      source_name: 'incidents-q1.csv',
      source_sheet: '',
      row_count: 1200,
      ids_hash: 'ab'.repeat(32),
    } as unknown as ReportSource['populations'][number];
    const sample = (values: Partial<ReportSource['samples'][number]>) =>
      ({
        id: 'smp1',
        population_id: 'pop1',
        drawn_by: 'm1',
        query_id: 'q1',
        sampling_plan: '',
        sizing: 'judgment',
        justification: 'Five P1 and P2 incidents of the quarter.',
        confidence: null,
        tolerable_rate: null,
        expected_rate: null,
        statistical_model: '',
        planned_size: 4,
        method: 'systematic',
        stratify_by: '',
        allocation: 'proportional',
        minimum_per_stratum: null,
        algorithm: 'aw-perm-1',
        seed: 'c0ffee',
        population_hash: 'ab'.repeat(32),
        selection: JSON.stringify({ method: 'systematic', interval: 300, start: 17, indexes: [17, 317, 617, 917] }),
        drawn_at: '2027-03-01T09:00:00.000Z',
        ...values,
      }) as unknown as ReportSource['samples'][number];
    const item = (n: number, selection = 'systematic') =>
      ({ id: `i${n}`, sample_id: 'smp1', row_no: n, record_ref: `INC-${n}`, draw_seq: n, selection, stratum: '', reason: '', record_id: `r${n}` }) as unknown as ReportSource['sampleItems'][number];
    const record = (n: number, result: string) => ({ id: `r${n}`, topic: 'incident', record_ref: `INC-${n}`, query_id: 'q1', result, note: '', evidence_id: null }) as unknown as ReportSource['recordsSeen'][number];
    const attribute = (n: number, name: string, result: string) => ({ id: `a${n}${name}`, record_id: `r${n}`, attribute: name, result, note: '' }) as unknown as ReportSource['recordAttributes'][number];
    const rows = (values: Partial<ReportSource['samples'][number]> = {}): Partial<ReportSource> => ({
      sites: [{ id: 'site', name: 'Hamburg' } as unknown as ReportSource['sites'][number]],
      team: [{ id: 'm1', name: 'Li Wei' } as unknown as ReportSource['team'][number]],
      populations: [population],
      samples: [sample(values)],
      sampleItems: [item(1), item(2), item(3), item(4, 'extension')],
      sampleAttributes: [
        { id: 'sa1', sample_id: 'smp1', attribute: 'custom-1', label: 'Priority set', position: 1 },
        { id: 'sa2', sample_id: 'smp1', attribute: 'custom-2', label: 'Closed with the user', position: 2 },
      ] as unknown as ReportSource['sampleAttributes'],
      // INC-1 passes, INC-2 fails an attribute, INC-3 is half tested, INC-4 not yet.
      recordsSeen: [record(1, 'pass'), record(2, 'fail'), record(3, 'not_tested'), record(4, 'not_tested')],
      recordAttributes: [attribute(1, 'custom-1', 'pass'), attribute(1, 'custom-2', 'not_applicable'), attribute(2, 'custom-1', 'fail'), attribute(2, 'custom-2', 'pass'), attribute(3, 'custom-1', 'pass')],
      findings: [brief(7, 'minor', '8.6.1')],
      findingRecords: [{ id: 'fr', finding_id: 'f7', record_id: 'r2' }] as unknown as ReportSource['findingRecords'],
    });

    it('has none when nothing was sampled', () => {
      expect(reportInput(source(), OPTIONS).sampling).toEqual([]);
    });

    it('states a judgment sample: population, method, selection record, results and the findings raised from it', () => {
      const input = reportInput(source(rows()), OPTIONS);
      expect(input.sampling!.map((topic) => [topic.topic, topic.title])).toEqual([['incident', '8.6.1 Incident management']]);
      const drawn = input.sampling![0]!.samples[0]!;
      expect(drawn).toMatchObject({
        population: 'Incidents Q1 2027',
        source: 'incidents-q1.csv',
        populationSize: 1200,
        period: '1 Jan – 31 Mar 2027',
        site: 'Hamburg',
        sizingKey: 'judgment',
        sizing: 'By judgment',
        justification: 'Five P1 and P2 incidents of the quarter.',
        method: 'Systematic selection: a random start, then one record in every 300',
        size: 4,
        firstDraw: 3,
        extended: 1,
        algorithm: 'aw-perm-1',
        seed: 'c0ffee',
        drawnBy: 'Li Wei',
        drawnOn: '2027-03-01',
        attributes: ['Priority set', 'Closed with the user'],
        tested: 2,
        deviations: 1,
        evaluated: 2,
        deviationRate: '50%',
        upperLimit: null,
        results: '2 of 4 records tested; 1 deviation (deviation rate 50%)',
        deviatingRecords: ['INC-2'],
        findingNumbers: ['F-7'],
      });
      expect(drawn.recompute).toContain('docs/SAMPLING-RANDOM.md');
      expect(drawn.items.map((entry) => [entry.position, entry.record, entry.selection, entry.result, entry.failedAttributes])).toEqual([
        [1, 'INC-1', 'Systematic', 'No deviation', []],
        [2, 'INC-2', 'Systematic', 'Deviation', ['Priority set']],
        [3, 'INC-3', 'Systematic', 'Not tested', []],
        [4, 'INC-4', 'Added by extension', 'Not tested', []],
      ]);
    });

    it('gives the upper deviation limit against the tolerable rate only in statistical mode, never “reliance”', () => {
      const statistical = reportInput(source(rows({ sizing: 'statistical', confidence: 0.95, tolerable_rate: 0.05, expected_rate: 0, method: 'random', selection: '{}' })), OPTIONS).sampling![0]!.samples[0]!;
      expect(statistical.sizing).toBe('Statistical attribute sampling: 95% confidence, tolerable deviation rate 5%, expected deviation rate 0% (hypergeometric model)');
      expect(statistical.method).toBe('Simple random selection');
      expect(statistical.upperLimit).toMatchObject({ tolerable: '5%', aboveTolerable: true });
      expect(statistical.upperLimit!.text).toMatch(/^Upper deviation limit at 95% confidence: \d+(\.\d)?%, above the tolerable deviation rate of 5%\.$/);
      const judgment = reportInput(source(rows()), OPTIONS).sampling![0]!.samples[0]!;
      expect(judgment.upperLimit).toBeNull();
      for (const language of ['en', 'zh-Hans'] as const) {
        const text = JSON.stringify(reportInput(source(rows({ sizing: 'statistical', confidence: 0.95, tolerable_rate: 0.05, expected_rate: 0 })), { ...OPTIONS, language }).sampling);
        expect(text).not.toMatch(/relian|support|依赖|信赖/i);
      }
    });

    it('words a sample in Chinese in the project’s terms, technical names as values', () => {
      const zh = reportInput(source(rows({ sizing: 'statistical', confidence: 0.9, tolerable_rate: 0.08, expected_rate: 0, statistical_model: 'binomial' })), { ...OPTIONS, language: 'zh-Hans' }).sampling![0]!.samples[0]!;
      expect(zh.sizing).toBe('统计属性抽样：置信度 90%，可容忍偏差率 8%，预期偏差率 0%（二项分布模型）');
      expect(zh.method).toBe('系统抽样：随机起点，此后每 300 条记录抽取一条');
      expect(zh.results).toBe('样本 4 条记录中已检查 2 条；发现 1 项偏差（偏差率 50%）');
      expect(zh.upperLimit!.text).toMatch(/^置信度 90% 下的偏差上限为 [\d.]+%，高于可容忍偏差率 8%。$/);
      expect(zh.recompute).toContain('随机种子');
      expect(zh.items[3]!.selection).toBe('扩大样本时增加');
    });

    it('words a stratified and a judgmental sample; a judgmental one has no seed to recompute', () => {
      const stratified = reportInput(source(rows({ method: 'stratified', stratify_by: 'Priority', allocation: 'minimum', minimum_per_stratum: 2, selection: JSON.stringify({ strata: [{}, {}, {}] }) })), OPTIONS).sampling![0]!.samples[0]!;
      expect(stratified.method).toBe('Stratified by “Priority” (3 strata), at least 2 from each stratum, the rest in proportion');
      const judgmental = reportInput(source(rows({ method: 'judgmental', algorithm: '', seed: '' })), OPTIONS).sampling![0]!.samples[0]!;
      expect(judgmental).toMatchObject({ method: 'Selected by judgment: records picked by the auditor, each with a reason', algorithm: '', seed: '', recompute: 'No random selection: the auditor picked each record and recorded why.' });
    });

    it('rounds an upper limit up and a rate to the nearest tenth of a percent', () => {
      expect([percentText(0.0333), percentText(0.05), percentText(0.04871, 'up'), percentText(0.05, 'up'), percentText(1 / 3, 'up')]).toEqual(['3.3%', '5%', '4.9%', '5%', '33.4%']);
    });
  });
});
