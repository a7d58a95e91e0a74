import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { REPORT_FIELDS } from '../cb-profile/profile.ts';
import type { ReportGateCode } from '../contract/report-views.ts';
import type { ReportFinding, ReportInput } from '../documents/report-input.ts';
import type { AuditType } from '../engagement.ts';
import { STATEMENT_VERDICTS, statementItems } from '../findings/audit-statements.ts';
import { READINESS_AREAS, SURVEILLANCE_ITEMS } from '../fieldwork/fieldwork-kinds.ts';
import { gatePasses, reportGate, type GateFacts } from './completeness.ts';

type DeepMutable<T> = T extends readonly (infer U)[] ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;
type Input = DeepMutable<ReportInput>;
type Facts = DeepMutable<GateFacts>;

const TYPES: readonly AuditType[] = ['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification', 'scope_extension', 'short_notice', 'special'];

const finding = (number: string, overrides: Partial<ReportFinding> = {}): ReportFinding => ({
  id: `id-${number}`,
  number,
  numbered: true,
  clauses: ['8.5.1.3'],
  process: 'Change management',
  procedure: 'CHG-PR-01',
  sites: ['London'],
  services: ['Managed hosting'],
  requirement: 'ISO/IEC 20000-1:2018 8.5.1.3 requires emergency changes to be approved.',
  evidence: 'Three of five emergency changes sampled (CHG-1042, CHG-1077, CHG-1101) had no approval.',
  notFulfilled: 'Emergency changes are not approved after implementation.',
  rationale: '',
  evidenceRefs: ['Change procedure v3.2 (12 Mar 2026)'],
  records: ['CHG-1042'],
  raisedBy: 'Helen Marsh',
  raisedOn: '2026-12-09',
  acknowledgement: { status: 'signed', name: 'Priya Raman', role: 'Service Delivery Manager', signature: null, date: '2026-12-10' },
  responseDue: '2027-01-09',
  verificationDue: '2027-03-10',
  repeatOf: '',
  ...overrides,
});

/** A report with every 9.4.8 item present for the audit type, the Chinese CB's fields asked and given. */
function complete(type: AuditType): { input: Input; facts: Facts } {
  const stage1 = type === 'stage1';
  // Each item with its favourable verdict (the first the item offers), which needs no text.
  const statements = statementItems(type, REPORT_FIELDS).map((item) => ({ item, title: item, verdict: 'Recorded', verdictKey: STATEMENT_VERDICTS[item][0]!, text: '' }));
  const input: ReportInput = {
    document: { language: 'en', reference: 'KDS-2026', revision: 1, issuedAt: '2026-12-11T10:00:00.000Z', issuedBy: 'Helen Marsh' },
    draft: false,
    certificationBody: { name: 'Northbridge Certification Ltd', address: '1 Bridge St', accreditations: ['UKAS 1234'], cncaApprovalNumber: 'CNCA-R-2020-001', cnasAccreditationNumber: 'CNAS C123-M', logoDataUrl: null },
    client: {
      name: 'Kestrel Data Services Ltd',
      address: '22 Harbour Road, Bristol',
      representative: 'Priya Raman',
      contact: 'priya@example.com',
      creditCode: '91350100M000100Y43',
      businessLicenceCheck: 'The business licence covers the certified scope.',
    },
    audit: {
      type,
      typeLabel: type,
      standard: 'ISO/IEC 20000-1:2018',
      criteria: 'ISO/IEC 20000-1:2018 and the client’s SMS documentation',
      objectives: 'Determine conformity of the SMS with ISO/IEC 20000-1.',
      scope: 'The SMS supporting managed hosting services delivered from Bristol.',
      startDate: '2026-12-08',
      endDate: '2026-12-10',
      timeZone: 'Europe/London',
      language: 'English',
      combination: '',
      reference: 'KDS-2026',
      scopeOtherLanguage: '支持托管服务的服务管理体系。',
      period: '1 Jan 2026 – 30 Nov 2026',
    },
    requiredFields: REPORT_FIELDS,
    services: [{ name: 'Managed hosting', description: '', category: 'Operation and maintenance', verification: 'Confirmed', verificationNote: '' }],
    sites: [{ name: 'Bristol', address: '22 Harbour Road', kind: 'Central function', visited: true, reason: 'Central function', mode: 'On site' }],
    team: [
      { id: 'm1', name: 'Helen Marsh', role: 'lead', roleLabel: 'Lead auditor', registrationNumber: 'CCAA-2020-001', accompanying: false },
      { id: 'm2', name: 'Ann Observer', role: 'observer', roleLabel: 'Observer', registrationNumber: '', accompanying: true },
    ],
    days: [{ day: '2026-12-08', start: '09:00', end: '17:00', activities: [{ start: '09:00', end: '09:30', title: 'Opening meeting', place: 'Bristol', remote: false, team: ['HM'] }] }],
    auditorDays: { allocatedOnSite: 3, allocatedRemote: 0, plannedOnSite: 3, plannedRemote: 0, justification: '', actualOnSite: 3, actualRemote: 0 },
    deviations: [{ session: 'Capacity management', planned: '8 Dec 2026 14:00–15:00', change: 'Moved', actual: '9 Dec 2026 10:00–11:00', reason: 'The capacity manager was ill on the first day.' }],
    statements,
    recommendation: { key: stage1 ? 'stage1-ready' : 'grant', text: 'Recommended', overrideReason: '' },
    findingCounts: [],
    findingGroups: stage1
      ? [{ gradeKey: 'area_of_concern', gradeName: 'Area of concern', isNonconformity: false, major: false, findings: [finding('AOC-01', { acknowledgement: null, responseDue: null, verificationDue: null })] }]
      : [
          { gradeKey: 'minor', gradeName: 'Minor nonconformity', isNonconformity: true, major: false, findings: [finding('MIN-01')] },
          { gradeKey: 'observation', gradeName: 'Observation', isNonconformity: false, major: false, findings: [finding('OBS-01', { acknowledgement: null })] },
        ],
    results: [
      {
        topic: '8.5.1',
        kind: 'process',
        title: '8.5.1 Change management',
        status: 'Not conforming',
        statusKey: 'not_conforming',
        conclusion: 'Changes are assessed and approved, except emergency changes.',
        evidence: [],
        grid: null,
        records: [],
        queries: [],
        checklist: { questions: 10, conforming: 9, nonconforming: 1, notApplicable: 0, notAnswered: 0 },
        findingNumbers: ['MIN-01'],
      },
    ],
    trails: [],
    earlierNcs: stage1
      ? []
      : [
          {
            number: 'NC-2025-03',
            gradeName: 'Minor nonconformity',
            clause: '9.2',
            statement: 'Internal audit programme incomplete.',
            audit: 'Stage 2, 2025',
            clientAction: 'Programme revised.',
            method: 'On site',
            note: '',
            effectiveness: 'Effective',
            effectivenessKey: 'effective',
            verifiedOn: '2026-12-09',
            verifier: 'Helen Marsh',
            closedOn: '2026-12-09',
          },
        ],
    unresolvedOpinions: [],
    remote: { held: 3, remote: 0, tools: [], notes: [] },
    surveillance: [],
    photos: [],
    signatories: [],
    stage1: stage1
      ? {
          documentReview: [{ document: 'SMS manual', version: '3.0', date: '2026-10-01', clause: '4.4', adequacy: 'Adequate', adequacyKey: 'adequate', comment: '' }],
          readiness: READINESS_AREAS.map((area) => ({ area, areaKey: area, status: 'Ready', statusKey: 'ready' as const, note: '' })),
          overall: 'Ready for stage 2',
          stage2: { proposedStart: '2027-02-01', proposedEnd: '2027-02-03', auditorDays: 3, focus: '' },
        }
      : null,
  };
  const facts: GateFacts = { openConflicts: 0, surveillanceCovered: [...SURVEILLANCE_ITEMS], sessionsNotRecorded: [] };
  return { input: structuredClone(input) as Input, facts: structuredClone(facts) as Facts };
}

const codes = (input: Input, facts: Facts): ReportGateCode[] => reportGate(input as ReportInput, facts as GateFacts).map((item) => item.code);
const nc = (input: Input) => input.findingGroups[0]!.findings[0]!;

/** One item taken out of a complete report: the code the gate must then list, alone. */
interface Removal {
  readonly name: string;
  readonly code: ReportGateCode;
  readonly applies: (type: AuditType) => boolean;
  readonly remove: (input: Input, facts: Facts) => void;
}
const always = () => true;
const notStage1 = (type: AuditType) => type !== 'stage1';
const surveillance = (type: AuditType) => type === 'surveillance1' || type === 'surveillance2';

const REMOVALS: readonly Removal[] = [
  { name: 'the CB’s name', code: 'cb-identity', applies: always, remove: (input) => void (input.certificationBody.name = ' ') },
  { name: 'the client’s address', code: 'client-details', applies: always, remove: (input) => void (input.client.address = '') },
  { name: 'the client’s representative', code: 'client-details', applies: always, remove: (input) => void (input.client.representative = '') },
  { name: 'the credit code', code: 'credit-code', applies: always, remove: (input) => void (input.client.creditCode = null) },
  { name: 'a valid credit code', code: 'credit-code', applies: always, remove: (input) => void (input.client.creditCode = '91350100M000100Y44') },
  { name: 'the licence check', code: 'licence-check', applies: always, remove: (input) => void (input.client.businessLicenceCheck = '') },
  { name: 'the criteria', code: 'criteria', applies: always, remove: (input) => void (input.audit.criteria = '') },
  { name: 'the objectives', code: 'objectives', applies: always, remove: (input) => void (input.audit.objectives = '\n') },
  { name: 'the scope statement', code: 'scope', applies: always, remove: (input) => void (input.audit.scope = '') },
  { name: 'the services', code: 'scope', applies: always, remove: (input) => void (input.services = []) },
  { name: 'every visited site', code: 'scope', applies: always, remove: (input) => void (input.sites[0]!.visited = false) },
  { name: 'the scope in Chinese', code: 'scope', applies: always, remove: (input) => void (input.audit.scopeOtherLanguage = '') },
  { name: 'a service’s category', code: 'service-category', applies: always, remove: (input) => void (input.services[0]!.category = '') },
  { name: 'a deviation’s reason', code: 'deviation-reason', applies: always, remove: (input) => void (input.deviations[0]!.reason = '') },
  { name: 'a statement', code: 'statement', applies: always, remove: (input) => void input.statements.splice(0, 1) },
  { name: 'a statement’s text', code: 'statement', applies: always, remove: (input) => void Object.assign(input.statements[0]!, { verdictKey: 'identified' }) },
  { name: 'the lead', code: 'lead', applies: always, remove: (input) => void (input.team[0]!.role = 'auditor') },
  { name: 'a registration number', code: 'registration-number', applies: always, remove: (input) => void (input.team[0]!.registrationNumber = '') },
  { name: 'the days', code: 'dates', applies: always, remove: (input) => void (input.days[0]!.activities = []) },
  { name: 'a session’s actual times', code: 'actual-times', applies: always, remove: (_, facts) => void facts.sessionsNotRecorded.push('Capacity management') },
  { name: 'a conclusion', code: 'conclusion', applies: notStage1, remove: (input) => void (input.results[0]!.statusKey = 'not_concluded') },
  { name: 'a conclusion’s narrative', code: 'conclusion', applies: notStage1, remove: (input) => void (input.results[0]!.conclusion = '') },
  { name: 'a finding’s evidence', code: 'finding-statement', applies: always, remove: (input) => void (nc(input).evidence = '') },
  { name: 'a finding’s number', code: 'findings-unnumbered', applies: always, remove: (input) => void (nc(input).numbered = false) },
  { name: 'an earlier NC’s verification', code: 'earlier-nc', applies: notStage1, remove: (input) => void (input.earlierNcs[0]!.effectivenessKey = 'not_assessed') },
  { name: 'the recommendation', code: 'recommendation', applies: always, remove: (input) => void (input.recommendation = null) },
  { name: 'a readiness area', code: 'readiness', applies: (type) => type === 'stage1', remove: (input) => void (input.stage1!.readiness[2]!.statusKey = 'not_assessed') },
  { name: 'the document review', code: 'document-review', applies: (type) => type === 'stage1', remove: (input) => void (input.stage1!.documentReview[0]!.adequacyKey = 'not_reviewed') },
  { name: 'an acknowledgement', code: 'nc-unacknowledged', applies: notStage1, remove: (input) => void (nc(input).acknowledgement = null) },
  { name: 'the merge', code: 'merge-conflicts', applies: always, remove: (_, facts) => void (facts.openConflicts = 2) },
  { name: 'a surveillance item', code: 'surveillance-item', applies: surveillance, remove: (_, facts) => void facts.surveillanceCovered.splice(3, 1) },
];

describe('the report’s completeness gate', () => {
  it('passes a complete report of every audit type', () => {
    for (const type of TYPES) {
      const { input, facts } = complete(type);
      expect(codes(input, facts), type).toEqual([]);
      expect(gatePasses(reportGate(input as ReportInput, facts as GateFacts))).toBe(true);
    }
  });

  it('fires each rule where it applies and clears it when the item is back', () => {
    for (const type of TYPES) {
      for (const removal of REMOVALS.filter((candidate) => candidate.applies(type))) {
        const { input, facts } = complete(type);
        removal.remove(input, facts);
        expect(codes(input, facts), `${type}: ${removal.name}`).toEqual([removal.code]);
        const fixed = complete(type);
        expect(codes(fixed.input, fixed.facts), `${type}: ${removal.name} restored`).toEqual([]);
      }
    }
  });

  it('leaves out what an audit type does not report', () => {
    // Stage 1: no conclusions per process, no acknowledgements, no earlier NCs; only a surveillance covers the surveillance items.
    const stage1 = complete('stage1');
    stage1.input.results[0]!.statusKey = 'not_concluded';
    stage1.input.findingGroups.push({ gradeKey: 'minor', gradeName: 'Minor', isNonconformity: true, major: false, findings: [finding('X', { acknowledgement: null })] });
    stage1.input.earlierNcs.push({ ...complete('stage2').input.earlierNcs[0]!, effectivenessKey: 'not_assessed' });
    stage1.facts.surveillanceCovered = [];
    expect(codes(stage1.input, stage1.facts)).toEqual([]);
    for (const type of ['stage2', 'recertification', 'short_notice'] as const) {
      const { input, facts } = complete(type);
      facts.surveillanceCovered = [];
      input.stage1 = null;
      expect(codes(input, facts), type).toEqual([]);
    }
    // Stage 2 has no readiness to assess.
    const stage2 = complete('stage2');
    expect(codes(stage2.input, stage2.facts)).toEqual([]);
  });

  it('asks the Chinese CB’s fields only when the profile requires them', () => {
    for (const type of TYPES) {
      const { input, facts } = complete(type);
      input.requiredFields = [];
      input.client.creditCode = null;
      input.client.businessLicenceCheck = null;
      input.audit.scopeOtherLanguage = '';
      input.services[0]!.category = '';
      input.team[0]!.registrationNumber = '';
      facts.sessionsNotRecorded = ['Opening meeting'];
      // Without the no-penalties field its statement is not asked either.
      input.statements = input.statements.filter((statement) => statement.item !== 'no_penalties');
      expect(codes(input, facts), type).toEqual([]);
    }
  });

  it('words each item with its params, its 9.4.8 item and where it is fixed', () => {
    const { input, facts } = complete('surveillance1');
    input.client.creditCode = '91350100M000100I43';
    input.statements = input.statements.filter((statement) => statement.item !== 'marks_control');
    input.team.push({ id: 'm3', name: 'Lee Chan', role: 'auditor', roleLabel: 'Auditor', registrationNumber: '', accompanying: false });
    nc(input).acknowledgement = null;
    nc(input).notFulfilled = '';
    input.findingGroups[1]!.findings[0]!.numbered = false;
    facts.surveillanceCovered = ['internal_audit'];
    input.unresolvedOpinions = [{ findingNumber: 'MIN-01', auditeeView: 'Not a nonconformity.', teamResponse: 'Evidence stands.' }];
    const items = reportGate(input as ReportInput, facts as GateFacts);
    expect(items.find((item) => item.code === 'credit-code')).toMatchObject({ item: 2, blocking: true, params: { problem: 'characters' }, fix: { section: 'setup', tab: null } });
    expect(items.find((item) => item.code === 'statement')).toMatchObject({ item: 17, params: { item: 'marks_control', gap: 'no_verdict' }, fix: { section: 'conclusions', tab: 'audit' } });
    expect(items.find((item) => item.code === 'registration-number')).toMatchObject({ item: 9, params: { member: 'Lee Chan' }, fix: { section: 'team', tab: null } });
    expect(items.find((item) => item.code === 'finding-statement')).toMatchObject({ item: 11, params: { finding: 'MIN-01', part: 'not_fulfilled' }, fix: { section: 'findings', tab: 'findings' } });
    expect(items.find((item) => item.code === 'findings-unnumbered')).toMatchObject({ params: { count: 1 } });
    expect(items.find((item) => item.code === 'nc-unacknowledged')).toMatchObject({ item: null, params: { finding: 'MIN-01' }, fix: { section: 'findings', tab: 'closing' } });
    expect(items.filter((item) => item.code === 'surveillance-item').map((item) => item.params['item'])).toEqual(SURVEILLANCE_ITEMS.filter((item) => item !== 'internal_audit'));
    expect(items.filter((item) => item.code === 'surveillance-item')[0]!.fix).toEqual({ section: 'conclusions', tab: 'surveillance' });
    const warning = items.find((item) => item.code === 'unresolved-opinion')!;
    expect(warning).toMatchObject({ blocking: false, params: { finding: 'MIN-01' } });
    // Items come in the order of the codes' list.
    expect(items.at(-1)).toBe(warning);
  });

  it('only warns about an unresolved diverging opinion: the report states it', () => {
    const { input, facts } = complete('stage2');
    input.unresolvedOpinions = [{ findingNumber: 'MIN-01', auditeeView: 'Not a nonconformity.', teamResponse: 'Evidence stands.' }];
    const items = reportGate(input as ReportInput, facts as GateFacts);
    expect(items.map((item) => item.code)).toEqual(['unresolved-opinion']);
    expect(gatePasses(items)).toBe(true);
  });

  it('a complete report with any one item removed lists exactly that item (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), fc.nat(), (type, pick) => {
        const applicable = REMOVALS.filter((removal) => removal.applies(type));
        const removal = applicable[pick % applicable.length]!;
        const { input, facts } = complete(type);
        removal.remove(input, facts);
        const items = reportGate(input as ReportInput, facts as GateFacts);
        expect(items.map((item) => item.code)).toEqual([removal.code]);
        expect(gatePasses(items)).toBe(false);
      }),
      propertyRuns('report gate: one item removed'),
    );
  });
});
