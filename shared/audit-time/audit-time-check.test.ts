import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/helpers/property.ts';
import type { AuditTimeRow } from '../cb-profile/profile.ts';
import { TEAM_ROLES } from '../engagement.ts';
import {
  AUDIT_TIME_VERDICTS,
  COUNTED_ROLES,
  MICRO_DAYS_PER_DAY,
  auditTimeBasisOf,
  checkAuditTime,
  toHundredths,
  type AuditTimeAdjustment,
  type AuditTimeCheck,
  type AuditTimeInput,
  type AuditTimeVerdictCode,
} from './audit-time-check.ts';

// A fictional table (test data only: real values are the certification body's, never shipped).
const TABLE: AuditTimeRow[] = [
  { minPersonnel: 1, maxPersonnel: 10, auditorDays: { initial: 1.5 } },
  { minPersonnel: 11, maxPersonnel: 50, auditorDays: { initial: 10, surveillance: 3.5, recertification: 6.5 } },
  { minPersonnel: 51, maxPersonnel: 200, auditorDays: { initial: 3 } },
  { minPersonnel: 201, maxPersonnel: null, auditorDays: { initial: 20, surveillance: 7 } },
];

const D = MICRO_DAYS_PER_DAY;

function check(overrides: Partial<AuditTimeInput> = {}): AuditTimeCheck {
  return checkAuditTime({
    table: TABLE,
    basis: 'initial',
    effectivePersonnel: 30, // row 1: 10 auditor-days
    adjustments: [],
    allocation: null,
    planned: null,
    ...overrides,
  });
}

const reduce = (amount: number, unit: AuditTimeAdjustment['unit'] = 'percent', reason = 'mature SMS, low complexity'): AuditTimeAdjustment => ({
  reason,
  unit,
  amount: -amount,
});
const increase = (amount: number, unit: AuditTimeAdjustment['unit'] = 'percent'): AuditTimeAdjustment => ({ reason: 'second language', unit, amount });

const codes = (result: AuditTimeCheck): AuditTimeVerdictCode[] => result.verdicts.map((v) => v.code);
const verdict = (result: AuditTimeCheck, code: AuditTimeVerdictCode) => result.verdicts.find((v) => v.code === code);

describe('the table value', () => {
  it('takes the row whose range holds the effective personnel, both ends included', () => {
    expect(check({ effectivePersonnel: 11 }).row).toEqual({ index: 1, minPersonnel: 11, maxPersonnel: 50 });
    expect(check({ effectivePersonnel: 50 }).tableValue).toBe(10 * D);
    expect(check({ effectivePersonnel: 10 }).tableValue).toBe(1.5 * D);
    expect(check({ effectivePersonnel: 51 }).tableValue).toBe(3 * D);
    // The open-ended last row.
    expect(check({ effectivePersonnel: 9_000_000 }).row?.index).toBe(3);
  });

  it('uses the column of the kind of audit', () => {
    expect(check({ basis: 'surveillance' }).tableValue).toBe(3.5 * D);
    expect(check({ basis: 'recertification' }).tableValue).toBe(6.5 * D);
    const missing = check({ basis: 'recertification', effectivePersonnel: 300 });
    expect(missing.tableValue).toBeNull();
    expect(verdict(missing, 'NO_TABLE_VALUE_FOR_BASIS')?.params).toEqual({ basis: 'recertification', rowIndex: 3 });
  });

  it('maps audit types to a column; special audits have none', () => {
    expect(['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification', 'scope_extension', 'short_notice', 'special', 'transfer'].map(auditTimeBasisOf)).toEqual([
      'initial',
      'initial',
      'surveillance',
      'surveillance',
      'recertification',
      null,
      null,
      null,
      null,
    ]);
    const special = check({ basis: null, adjustments: [reduce(50)] });
    expect(codes(special)).toContain('NO_TABLE_BASIS');
    expect(special.tableValue).toBeNull();
    expect(codes(special)).not.toContain('REDUCTION_OVER_30');
  });

  it('an empty table says NO_TABLE and computes nothing from it (values are never invented)', () => {
    const result = check({ table: [], adjustments: [reduce(45)], allocation: { onSiteDays: 1, remoteDays: 0 } });
    expect(codes(result)).toEqual(['NO_TABLE']);
    expect(result).toMatchObject({ row: null, tableValue: null, increases: null, reductions: null, reductionBasisPoints: null, minimum: null, result: null });
    expect(result.allocation).toEqual({ onSite: 1 * D, remote: 0, total: 1 * D });
  });

  it('personnel outside the table is flagged with the table bounds', () => {
    const gappy: AuditTimeRow[] = [
      { minPersonnel: 5, maxPersonnel: 10, auditorDays: { initial: 2 } },
      { minPersonnel: 20, maxPersonnel: 40, auditorDays: { initial: 4 } },
    ];
    for (const personnel of [1, 4, 15, 41, 1000]) {
      const result = check({ table: gappy, effectivePersonnel: personnel });
      expect(result.tableValue).toBeNull();
      expect(verdict(result, 'PERSONNEL_OUTSIDE_TABLE')?.params).toEqual({ personnel, tableMin: 5, tableMax: 40 });
    }
    expect(codes(check({ table: gappy, effectivePersonnel: 5 }))).not.toContain('PERSONNEL_OUTSIDE_TABLE');
  });

  it('no personnel yet is said, not guessed', () => {
    const result = check({ effectivePersonnel: null });
    expect(codes(result)).toContain('NO_PERSONNEL');
    expect(result.tableValue).toBeNull();
  });
});

describe('the 30 % limit on total reductions (table value 10 days)', () => {
  it.each([
    [29, false, 2900],
    [29.99, false, 2999],
    [30, false, 3000],
    [30.01, true, 3001],
    [31, true, 3100],
    [45, true, 4500],
  ])('a reduction of %s %% → over the limit: %s', (percent, over, basisPoints) => {
    const result = check({ adjustments: [reduce(percent)] });
    expect(result.reductionBasisPoints).toBe(basisPoints);
    expect(codes(result).includes('REDUCTION_OVER_30')).toBe(over);
    // Never capped: the result is the table value less the whole reduction.
    expect(result.result).toBe(10 * D - (percent / 100) * 10 * D);
    if (over) expect(verdict(result, 'REDUCTION_OVER_30')).toMatchObject({ level: 'not_acceptable', params: { reductionBasisPoints: basisPoints, limitBasisPoints: 3000 } });
  });

  it('holds exactly for reductions in days and for a table value that is not a round number', () => {
    expect(codes(check({ adjustments: [reduce(3, 'days')] }))).not.toContain('REDUCTION_OVER_30');
    expect(codes(check({ adjustments: [reduce(3.01, 'days')] }))).toContain('REDUCTION_OVER_30');
    // 1.5 days: 0.45 day is exactly 30 %, 0.46 day is 30.67 %.
    expect(codes(check({ effectivePersonnel: 5, adjustments: [reduce(0.45, 'days')] }))).not.toContain('REDUCTION_OVER_30');
    const over = check({ effectivePersonnel: 5, adjustments: [reduce(0.46, 'days')] });
    expect(codes(over)).toContain('REDUCTION_OVER_30');
    expect(over.reductionBasisPoints).toBe(3067); // 30.666…% shown rounded up, as the verdict says "over"
  });

  it('adds up several reductions, in percent and in days together', () => {
    expect(codes(check({ adjustments: [reduce(15), reduce(15)] }))).not.toContain('REDUCTION_OVER_30');
    expect(codes(check({ adjustments: [reduce(15), reduce(16)] }))).toContain('REDUCTION_OVER_30');
    expect(codes(check({ adjustments: [reduce(20), reduce(1, 'days')] }))).not.toContain('REDUCTION_OVER_30'); // 2 + 1 of 10 days
    expect(codes(check({ adjustments: [reduce(20), reduce(1.01, 'days')] }))).toContain('REDUCTION_OVER_30');
  });

  it('applies to the total of the reductions, not to the net after increases', () => {
    const result = check({ adjustments: [increase(20), reduce(40)] });
    expect(result).toMatchObject({ increases: 2 * D, reductions: 4 * D, reductionBasisPoints: 4000, result: 8 * D });
    expect(codes(result)).toContain('REDUCTION_OVER_30');
    // Increases alone never trip it.
    expect(codes(check({ adjustments: [increase(80), increase(2, 'days')] }))).not.toContain('REDUCTION_OVER_30');
  });

  it('a percent of a table value is exact in micro-days (1.5 days − 7 % = 1.395 days)', () => {
    const result = check({ effectivePersonnel: 5, adjustments: [reduce(7)] });
    expect(result.reductions).toBe(105_000);
    expect(result.result).toBe(1_395_000);
    expect(result.minimum).toBe(1_050_000);
  });

  it('asks for a reason for every adjustment', () => {
    const result = check({ adjustments: [reduce(10, 'percent', '  '), increase(5)] });
    expect(result.verdicts.filter((v) => v.code === 'ADJUSTMENT_WITHOUT_REASON').map((v) => v.params)).toEqual([{ index: 0 }]);
  });

  it('the figure shown and the verdict agree, and the result is table + increases − reductions (property)', () => {
    const adjustment = fc.record({
      reason: fc.constant('r'),
      unit: fc.constantFrom('percent' as const, 'days' as const),
      amount: fc.integer({ min: -4000, max: 4000 }).map((h) => h / 100),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.array(adjustment, { maxLength: 6 }), (tableHundredths, adjustments) => {
        const usable = adjustments.filter((a) => a.unit === 'days' || a.amount >= -100);
        const result = checkAuditTime({
          table: [{ minPersonnel: 1, maxPersonnel: null, auditorDays: { initial: tableHundredths / 100 } }],
          basis: 'initial',
          effectivePersonnel: 1,
          adjustments: usable,
          allocation: null,
          planned: null,
        });
        expect(result.tableValue).toBe(tableHundredths * 10_000);
        expect(result.result).toBe(result.tableValue! + result.increases! - result.reductions!);
        expect(codes(result).includes('REDUCTION_OVER_30')).toBe(result.reductionBasisPoints! > 3000);
        // Against the rule written the other way round: 100 × reductions / table value > 30, in integers
        // (reductions scaled to hundredths of a day × 10,000 so a percent of the table is whole).
        const scaledReductions = usable
          .filter((a) => a.amount < 0)
          .reduce((sum, a) => sum + (a.unit === 'days' ? Math.round(-a.amount * 100) * 10_000 : tableHundredths * Math.round(-a.amount * 100)), 0);
        expect(codes(result).includes('REDUCTION_OVER_30')).toBe(100 * scaledReductions > 30 * tableHundredths * 10_000);
      }),
      propertyRuns('audit-time 30% rule'),
    );
  });
});

describe('the allocation and the plan', () => {
  it('compares the CB allocation with the check and with 70 % of the table value', () => {
    const adjustments = [reduce(20)]; // check: 8 days, minimum 7 days
    expect(codes(check({ adjustments, allocation: { onSiteDays: 6, remoteDays: 2 } }))).not.toContain('ALLOCATION_BELOW_CHECK');
    const below = check({ adjustments, allocation: { onSiteDays: 6, remoteDays: 1.5 } });
    expect(verdict(below, 'ALLOCATION_BELOW_CHECK')?.params).toEqual({ allocated: 7.5 * D, check: 8 * D });
    expect(codes(below)).not.toContain('ALLOCATION_BELOW_MINIMUM');
    const underMinimum = check({ adjustments, allocation: { onSiteDays: 6.99, remoteDays: 0 } });
    expect(verdict(underMinimum, 'ALLOCATION_BELOW_MINIMUM')).toMatchObject({ level: 'not_acceptable', params: { allocated: 6.99 * D, minimum: 7 * D } });
    expect(codes(check({ adjustments, allocation: { onSiteDays: 9, remoteDays: 0 } }))).toContain('ALLOCATION_ABOVE_CHECK');
    expect(codes(check({ allocation: null }))).toContain('ALLOCATION_MISSING');
  });

  it('counts only the lead and auditors; accompanying persons are reported apart', () => {
    expect([...COUNTED_ROLES]).toEqual(['lead', 'auditor']);
    const planned = TEAM_ROLES.map((role) => ({ role, onSiteDays: 2, remoteDays: 0.5 }));
    const result = check({ allocation: { onSiteDays: 4, remoteDays: 1 }, planned });
    expect(result.planned).toEqual({
      onSite: 4 * D,
      remote: 1 * D,
      total: 5 * D,
      excluded: 5 * 2.5 * D,
      excludedByRole: { technical_expert: 2.5 * D, observer: 2.5 * D, trainee: 2.5 * D, interpreter: 2.5 * D, guide: 2.5 * D },
    });
    expect(codes(result)).not.toContain('PLANNED_BELOW_ALLOCATION');
    expect(codes(result)).not.toContain('PLANNED_ABOVE_ALLOCATION');
    expect(verdict(result, 'EXCLUDED_TIME')?.params).toEqual({ excluded: 12.5 * D, roles: ['guide', 'interpreter', 'observer', 'technical_expert', 'trainee'] });
  });

  it.each(['technical_expert', 'observer', 'trainee', 'interpreter', 'guide'])('time of a %s does not make up for missing auditor time', (role) => {
    const result = check({
      allocation: { onSiteDays: 4, remoteDays: 0 },
      planned: [
        { role: 'lead', onSiteDays: 2, remoteDays: 0 },
        { role, onSiteDays: 2, remoteDays: 0 },
      ],
    });
    expect(verdict(result, 'PLANNED_BELOW_ALLOCATION')?.params).toEqual({ planned: 2 * D, allocated: 4 * D });
  });

  it('flags a plan above the allocation, another split, and roles this version does not know', () => {
    const allocation = { onSiteDays: 3, remoteDays: 1 };
    expect(codes(check({ allocation, planned: [{ role: 'lead', onSiteDays: 4, remoteDays: 0.5 }] }))).toContain('PLANNED_ABOVE_ALLOCATION');
    const split = check({ allocation, planned: [{ role: 'lead', onSiteDays: 2, remoteDays: 2 }] });
    expect(verdict(split, 'PLANNED_SPLIT_DIFFERS')?.params).toEqual({ plannedOnSite: 2 * D, allocatedOnSite: 3 * D, plannedRemote: 2 * D, allocatedRemote: 1 * D });
    const unknown = check({ allocation, planned: [{ role: 'auditor', onSiteDays: 3, remoteDays: 1 }, { role: 'shadow', onSiteDays: 1, remoteDays: 0 }] });
    expect(verdict(unknown, 'UNKNOWN_ROLE')?.params).toEqual({ index: 1, role: 'shadow' });
    expect(unknown.planned?.total).toBe(4 * D);
    expect(codes(unknown)).not.toContain('PLANNED_ABOVE_ALLOCATION');
  });
});

describe('bad input', () => {
  it.each([
    [{ effectivePersonnel: -1 }, 'effectivePersonnel'],
    [{ effectivePersonnel: 0 }, 'effectivePersonnel'],
    [{ effectivePersonnel: 12.5 }, 'effectivePersonnel'],
    [{ effectivePersonnel: 'twelve' as unknown as number }, 'effectivePersonnel'],
    [{ adjustments: [{ reason: 'x', unit: 'percent', amount: -12.345 }] }, 'adjustments/0/amount'],
    [{ adjustments: [{ reason: 'x', unit: 'percent', amount: -101 }] }, 'adjustments/0/amount'],
    [{ adjustments: [{ reason: 'x', unit: 'hours', amount: 1 } as unknown as AuditTimeAdjustment] }, 'adjustments/0/unit'],
    [{ adjustments: [{ reason: 'x', unit: 'days', amount: Number.NaN }] }, 'adjustments/0/amount'],
    [{ allocation: { onSiteDays: -1, remoteDays: 0 } }, 'allocation/onSiteDays'],
    [{ allocation: { onSiteDays: 1, remoteDays: '2' as unknown as number } }, 'allocation/remoteDays'],
    [{ planned: [{ role: 'lead', onSiteDays: 1.001, remoteDays: 0 }] }, 'planned/0/onSiteDays'],
    [{ table: [{ minPersonnel: 1, maxPersonnel: null, auditorDays: { initial: -2 } }] }, 'table/0/auditorDays/initial'],
    [{ basis: 'stage2' as unknown as 'initial' }, 'basis'],
  ] as [Partial<AuditTimeInput>, string][])('%j → INVALID_INPUT at %s', (overrides, path) => {
    const result = check(overrides);
    expect(result.verdicts.filter((v) => v.code === 'INVALID_INPUT').map((v) => v.params.path)).toEqual([path]);
    expect(verdict(result, 'INVALID_INPUT')?.level).toBe('invalid');
  });

  it('a bad adjustment leaves the sums unknown rather than wrong', () => {
    const result = check({ adjustments: [reduce(45), { reason: 'x', unit: 'days', amount: Infinity }] });
    expect(result.tableValue).toBe(10 * D);
    expect(result).toMatchObject({ reductions: null, result: null, reductionBasisPoints: null });
  });

  it('converts day and percent values to hundredths exactly, refusing a third decimal', () => {
    expect([0.07, 2.35, 29.99, 30.01, -0.01, 0, -0].map((v) => toHundredths(v, -100, 100))).toEqual([7, 235, 2999, 3001, -1, 0, 0]);
    expect([0.001, 1.005, 101, Number.POSITIVE_INFINITY, '1', null].map((v) => toHundredths(v, -100, 100))).toEqual([null, null, null, null, null, null]);
  });

  it('answers anything with a result, never an exception (property)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.record({ table: fc.anything(), basis: fc.anything(), effectivePersonnel: fc.anything(), adjustments: fc.anything(), allocation: fc.anything(), planned: fc.anything() }, { requiredKeys: [] }), (whole, parts) => {
        for (const input of [whole, parts]) {
          const result = checkAuditTime(input as AuditTimeInput);
          expect(Array.isArray(result.verdicts)).toBe(true);
          for (const v of result.verdicts) expect(v.level).toBe(AUDIT_TIME_VERDICTS[v.code]);
        }
      }),
      propertyRuns('audit-time check never throws'),
    );
  });
});
