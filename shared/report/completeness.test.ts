import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { complete, finding, TYPES, type DeepMutable, type Facts, type Input } from '../../tests/fixtures/complete-report-input.ts';
import type { ReportGateCode } from '../contract/report-views.ts';
import type { ReportFinding, ReportInput } from '../documents/report-input.ts';
import type { AuditType } from '../engagement.ts';
import { SURVEILLANCE_ITEMS } from '../fieldwork/fieldwork-kinds.ts';
import { gatePasses, reportGate, type GateFacts } from './completeness.ts';

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
  { name: 'a session’s actual times', code: 'actual-times', applies: always, remove: (_, facts) => void facts.sessionsNotRecorded.push({ title: 'Capacity management', day: '2026-12-08', start: '11:00' }) },
  { name: 'a conclusion', code: 'conclusion', applies: notStage1, remove: (input) => void (input.results[0]!.statusKey = 'not_concluded') },
  { name: 'a conclusion’s narrative', code: 'conclusion', applies: notStage1, remove: (input) => void (input.results[0]!.conclusion = '') },
  { name: 'a finding’s evidence', code: 'finding-statement', applies: always, remove: (input) => void (nc(input).evidence = '') },
  { name: 'a finding’s number', code: 'findings-unnumbered', applies: always, remove: (input) => void (nc(input).numbered = false) },
  { name: 'an earlier NC’s verification', code: 'earlier-nc', applies: notStage1, remove: (input) => void (input.earlierNcs[0]!.effectivenessKey = 'not_assessed') },
  { name: 'the recommendation', code: 'recommendation', applies: always, remove: (input) => void (input.recommendation = null) },
  { name: 'a recommendation for this audit type', code: 'recommendation', applies: always, remove: (_, facts) => void (facts.recommendationKeys = ['maintain', 'suspend']) },
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
    stage1.input.findingGroups.push({ gradeKey: 'minor', gradeName: 'Minor', isNonconformity: true, major: false, findings: [finding('X', { acknowledgement: null }) as DeepMutable<ReportFinding>] });
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
      facts.sessionsNotRecorded = [{ title: 'Opening meeting', day: '2026-12-08', start: '09:00' }];
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
    facts.recommendationKeys = ['maintain'];
    expect(reportGate(input as ReportInput, facts as GateFacts).find((item) => item.code === 'recommendation')).toMatchObject({ item: 16, params: { problem: 'other-audit-type', key: 'grant' }, fix: { section: 'conclusions', tab: 'audit' } });
    input.recommendation = null;
    expect(reportGate(input as ReportInput, facts as GateFacts).find((item) => item.code === 'recommendation')!.params).toEqual({ problem: 'missing' });
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
