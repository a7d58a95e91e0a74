import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { READINESS_AREAS, READINESS_STATUSES, type ReadinessArea, type ReadinessStatus } from './fieldwork-kinds.ts';
import { addMonths, checkReadinessRules, operatingSince, readinessVerdict, stage2OpenPoints, wholeMonths, type ReadinessRow } from './readiness-rules.ts';

const RULES = { minimumMonthsOperating: 3, requireInternalAudit: true, requireManagementReview: true };
const all = (status: ReadinessStatus, notes: Partial<Record<ReadinessArea, string>> = {}): ReadinessRow[] => READINESS_AREAS.map((area) => ({ area, status, note: notes[area] ?? '' }));
const set = (rows: ReadinessRow[], area: ReadinessArea, status: ReadinessStatus): ReadinessRow[] => rows.map((row) => (row.area === area ? { ...row, status } : row));

describe('operatingSince', () => {
  it('reads the first date an auditor writes, in the usual forms', () => {
    expect(operatingSince('SMS operating since 2026-03-01, records from then on')).toBe('2026-03-01');
    expect(operatingSince('since 2026/3/9')).toBe('2026-03-09');
    expect(operatingSince('since 2026.03.15')).toBe('2026-03-15');
    expect(operatingSince('体系自2026年3月1日起运行')).toBe('2026-03-01');
    expect(operatingSince('2026 年 4 月起运行')).toBe('2026-04-01');
    expect(operatingSince('live since 2026-05; first review 2026-08-20')).toBe('2026-05-01');
  });

  it('finds none where there is no valid date', () => {
    expect(operatingSince('')).toBeNull();
    expect(operatingSince('ask the client')).toBeNull();
    expect(operatingSince('since 2026-02-30')).toBeNull();
    expect(operatingSince('version 12026-03-01')).toBeNull();
    expect(operatingSince('2026-13')).toBeNull();
  });
});

describe('months', () => {
  it('adds calendar months, the 31st becoming the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('counts whole months', () => {
    expect(wholeMonths('2026-03-01', '2026-06-01')).toBe(3);
    expect(wholeMonths('2026-03-01', '2026-05-31')).toBe(2);
    expect(wholeMonths('2026-06-01', '2026-03-01')).toBe(0);
  });
});

describe('checkReadinessRules', () => {
  it('checks nothing when the profile has no stage 1 rules', () => {
    expect(checkReadinessRules(undefined, all('ready'), '2026-09-01')).toEqual([]);
  });

  it('needs the operating date confirmed while the note has none', () => {
    const [months] = checkReadinessRules(RULES, all('ready'), '2026-09-01');
    expect(months).toEqual({ rule: 'minimum_months', area: 'operating_period', state: 'unconfirmed', months: { required: 3, since: null, operated: null, earliest: null } });
  });

  it('holds when the SMS has operated long enough by the end of stage 1, and gives the earliest stage 2 day otherwise', () => {
    const early = checkReadinessRules(RULES, all('ready', { operating_period: 'Operating since 2026-07-15' }), '2026-09-01')[0]!;
    expect(early.state).toBe('holds_from');
    expect(early.months).toEqual({ required: 3, since: '2026-07-15', operated: 1, earliest: '2026-10-15' });
    const enough = checkReadinessRules(RULES, all('ready', { operating_period: 'since 2026-05-01' }), '2026-09-01')[0]!;
    expect(enough.state).toBe('holds');
  });

  it('takes the engagement’s recorded operating date before any date in the note', () => {
    const recorded = checkReadinessRules(RULES, all('ready', { operating_period: 'since 2026-05-01' }), '2026-09-01', '2026-07-15')[0]!;
    expect(recorded).toMatchObject({ state: 'holds_from', months: { since: '2026-07-15', earliest: '2026-10-15' } });
  });

  it('reads the internal audit and management review from their areas', () => {
    const rows = set(set(all('ready'), 'internal_audit', 'not_ready'), 'management_review', 'not_assessed');
    const checks = checkReadinessRules({ ...RULES, minimumMonthsOperating: 0 }, rows, '2026-09-01');
    expect(checks.map((c) => [c.rule, c.state])).toEqual([
      ['internal_audit', 'fails'],
      ['management_review', 'unconfirmed'],
    ]);
    expect(checkReadinessRules({ minimumMonthsOperating: 0, requireInternalAudit: false, requireManagementReview: false }, rows, '2026-09-01')).toEqual([]);
  });
});

describe('readinessVerdict', () => {
  const verdictOf = (rows: ReadinessRow[], asOf = '2026-09-01') => readinessVerdict(rows, checkReadinessRules(RULES, rows, asOf));

  it('is ready when every area is ready or ready with concerns and every rule holds', () => {
    const rows = set(all('ready', { operating_period: 'since 2026-01-10' }), 'service_records', 'ready_with_concerns');
    expect(verdictOf(rows)).toMatchObject({ verdict: 'ready', from: null, concerns: ['service_records'], failing: [], unconfirmed: [] });
  });

  it('is open while an area is not assessed or the operating date is not written', () => {
    expect(verdictOf(all('ready')).verdict).toBe('open');
    expect(verdictOf(all('ready')).unconfirmed).toEqual(['minimum_months']);
    expect(verdictOf([]).verdict).toBe('open');
    expect(verdictOf([]).notAssessed).toEqual(READINESS_AREAS);
  });

  it('is not ready when an area is not ready, whatever else is open', () => {
    const rows = set(all('not_assessed'), 'sms_documentation', 'not_ready');
    expect(verdictOf(rows)).toMatchObject({ verdict: 'not_ready', notReady: ['sms_documentation'] });
  });

  it('is ready only from the day the SMS will have operated long enough', () => {
    expect(verdictOf(all('ready', { operating_period: 'since 2026-07-15' }))).toMatchObject({ verdict: 'ready_from', from: '2026-10-15' });
  });

  it('never says ready unless every area is ready and every rule holds (property)', () => {
    const rows = fc.array(
      fc.record({ area: fc.constantFrom(...READINESS_AREAS), status: fc.constantFrom(...READINESS_STATUSES), note: fc.constantFrom('', 'since 2026-01-01', 'since 2026-08-01', '2026年2月起') }),
      { maxLength: 10 },
    );
    const rules = fc.record({ minimumMonthsOperating: fc.integer({ min: 0, max: 12 }), requireInternalAudit: fc.boolean(), requireManagementReview: fc.boolean() });
    fc.assert(
      fc.property(rows, rules, (list, profileRules) => {
        // One row per area, as the natural key keeps it.
        const unique = [...new Map(list.map((row) => [row.area, row])).values()];
        const checks = checkReadinessRules(profileRules, unique, '2026-09-01');
        const result = readinessVerdict(unique, checks);
        const everyAreaReady = READINESS_AREAS.every((area) => ['ready', 'ready_with_concerns'].includes(unique.find((row) => row.area === area)?.status ?? 'not_assessed'));
        const everyRuleHolds = checks.every((check) => check.state === 'holds');
        expect(result.verdict === 'ready').toBe(everyAreaReady && everyRuleHolds);
        if (unique.some((row) => row.status === 'not_ready')) expect(result.verdict).toBe('not_ready');
      }),
      propertyRuns('readiness verdict'),
    );
  });
});

describe('stage2OpenPoints', () => {
  it('lists the inadequate documents, then the areas not ready or with concerns, with what was written', () => {
    const rows = set(set(all('ready'), 'service_records', 'ready_with_concerns'), 'internal_audit', 'not_ready').map((row) => (row.area === 'internal_audit' ? { ...row, note: ' Planned for October ' } : row));
    expect(
      stage2OpenPoints(
        [
          { document: 'SMS plan', adequacy: 'adequate', comment: '' },
          { document: ' Change policy ', adequacy: 'inadequate', comment: 'No emergency changes' },
          { document: 'Capacity plan', adequacy: 'not_reviewed', comment: '' },
        ],
        rows,
      ),
    ).toEqual([
      { kind: 'document', document: 'Change policy', comment: 'No emergency changes' },
      { kind: 'area', area: 'internal_audit', status: 'not_ready', note: 'Planned for October' },
      { kind: 'area', area: 'service_records', status: 'ready_with_concerns', note: '' },
    ]);
  });
});
