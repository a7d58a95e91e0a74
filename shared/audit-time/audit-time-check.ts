import type { AuditTimeRow } from '../cb-profile/profile.ts';
import { TEAM_ROLES } from '../engagement.ts';

/**
 * The ISO/IEC 20000-6 (9.1.4, Table 1) audit-time check shown beside the auditor-days the
 * certification body (CB) allocated. It does not replace the CB's decision; it says whether the
 * allocation is consistent with the CB's own table and the standard's limits:
 *
 * - the table value is the CB's (from its profile) for the effective personnel; an empty table means
 *   "import your certification body's table", never a value of ours;
 * - adjustments each have a reason and a signed amount, either in percent of the table value or in
 *   days (a CB's justification sheet uses both: "−10 % mature SMS", "+0.5 day second language");
 * - total REDUCTIONS are at most 30 % of the table value. The limit applies to the sum of the
 *   reductions, not to the net after increases: the reference says "total reductions at most 30% of
 *   the table value", and letting an increase make room for a larger reduction would be the very
 *   cut-back the EA FAQ 48.4 rejects. Above 30 % is NOT ACCEPTABLE and the figure is never capped;
 * - only the lead's and auditors' time counts; observers, trainees, technical experts, guides and
 *   interpreters are reported apart.
 *
 * Arithmetic is exact: days are taken in hundredths, percents in hundredths of a percent (basis
 * points), and a percent of a table value is then a whole number of millionths of a day
 * (1/100 day × 1/10,000 = 1/1,000,000 day). So 30 % is accepted and 30.01 % is not, with no
 * floating-point rounding in between. Every amount in the result is in micro-days (MicroDays).
 * The result is data — codes and numbers — for the renderer to put into words.
 */

/** Millionths of a day: every day amount in the result. */
export type MicroDays = number;
export const MICRO_DAYS_PER_DAY = 1_000_000;
const MICRO_PER_HUNDREDTH = 10_000;

/** The limit on total reductions, in hundredths of a percent of the table value. */
export const MAX_REDUCTION_BASIS_POINTS = 3000;

/** The roles whose time counts as auditor time. Everyone else accompanies the team. */
export const COUNTED_ROLES = ['lead', 'auditor'] as const;

/** Which column of the CB's table applies. Special audits (scope extension, short notice) have none. */
export type AuditTimeBasis = 'initial' | 'surveillance' | 'recertification';

export function auditTimeBasisOf(auditType: string): AuditTimeBasis | null {
  if (auditType === 'stage1' || auditType === 'stage2') return 'initial';
  if (auditType === 'surveillance1' || auditType === 'surveillance2') return 'surveillance';
  if (auditType === 'recertification') return 'recertification';
  return null;
}

export interface AuditTimeAdjustment {
  readonly reason: string;
  /** 'percent': of the table value; 'days': auditor-days. */
  readonly unit: 'percent' | 'days';
  /** Signed: positive increases, negative reduces. At most two decimals. */
  readonly amount: number;
}

export interface AuditTimeAllocation {
  readonly onSiteDays: number;
  readonly remoteDays: number;
}

/** One team member's planned time. `role` is a string: a role a later version added stays readable. */
export interface PlannedMemberTime {
  readonly role: string;
  readonly onSiteDays: number;
  readonly remoteDays: number;
}

export interface AuditTimeInput {
  /** The CB profile's table (auditTime.rows); empty when the CB's table is not imported. */
  readonly table: readonly AuditTimeRow[];
  readonly basis: AuditTimeBasis | null;
  readonly effectivePersonnel: number | null;
  readonly adjustments: readonly AuditTimeAdjustment[];
  /** The CB's allocation, or null when not recorded yet. Initial certification: stage 1 + stage 2. */
  readonly allocation: AuditTimeAllocation | null;
  /** The plan's time per member, or null before there is a plan. */
  readonly planned: readonly PlannedMemberTime[] | null;
}

export type VerdictLevel = 'invalid' | 'not_acceptable' | 'warning' | 'info';

export const AUDIT_TIME_VERDICTS = {
  /** An input is not a valid value (params.path names it: effectivePersonnel, adjustments/2/amount …). */
  INVALID_INPUT: 'invalid',
  /** The profile's table is empty: import the CB's table. */
  NO_TABLE: 'warning',
  /** A special audit: the table has no column for it; the CB decides the time. */
  NO_TABLE_BASIS: 'info',
  NO_PERSONNEL: 'warning',
  PERSONNEL_OUTSIDE_TABLE: 'warning',
  /** The row found has no value for this kind of audit (e.g. no surveillance column). */
  NO_TABLE_VALUE_FOR_BASIS: 'warning',
  ADJUSTMENT_WITHOUT_REASON: 'warning',
  REDUCTION_OVER_30: 'not_acceptable',
  ALLOCATION_MISSING: 'info',
  /** The allocation is under 70 % of the table value: more than 30 % reduced, whatever the adjustments say. */
  ALLOCATION_BELOW_MINIMUM: 'not_acceptable',
  ALLOCATION_BELOW_CHECK: 'warning',
  ALLOCATION_ABOVE_CHECK: 'info',
  PLANNED_BELOW_ALLOCATION: 'warning',
  PLANNED_ABOVE_ALLOCATION: 'warning',
  /** Same total, other on-site / remote split. */
  PLANNED_SPLIT_DIFFERS: 'info',
  /** Time of accompanying persons in the plan, not counted. */
  EXCLUDED_TIME: 'info',
  /** A role this version does not know: not counted. */
  UNKNOWN_ROLE: 'warning',
} as const satisfies Record<string, VerdictLevel>;
export type AuditTimeVerdictCode = keyof typeof AUDIT_TIME_VERDICTS;

export interface AuditTimeVerdict {
  readonly code: AuditTimeVerdictCode;
  readonly level: VerdictLevel;
  readonly params: Readonly<Record<string, string | number | null | readonly string[]>>;
}

export interface AuditTimeCheck {
  /** The table row used, or null. */
  readonly row: { readonly index: number; readonly minPersonnel: number; readonly maxPersonnel: number | null } | null;
  readonly tableValue: MicroDays | null;
  /** Sum of the increases and of the reductions (a positive amount), null when the table value is unknown. */
  readonly increases: MicroDays | null;
  readonly reductions: MicroDays | null;
  /** Reductions in hundredths of a percent of the table value, rounded UP, so the figure shown and the verdict agree. */
  readonly reductionBasisPoints: number | null;
  /** 70 % of the table value: the least the time can be with reductions inside the limit and no increase. */
  readonly minimum: MicroDays | null;
  /** Table value + increases − reductions, never capped. */
  readonly result: MicroDays | null;
  readonly allocation: { readonly onSite: MicroDays; readonly remote: MicroDays; readonly total: MicroDays } | null;
  readonly planned: {
    readonly onSite: MicroDays;
    readonly remote: MicroDays;
    readonly total: MicroDays;
    /** Accompanying persons' time (and unknown roles'), not counted. */
    readonly excluded: MicroDays;
    readonly excludedByRole: Readonly<Record<string, MicroDays>>;
  } | null;
  readonly verdicts: readonly AuditTimeVerdict[];
}

const MAX_DAYS = 1000;
const MAX_PERCENT = 1000;
const MAX_PERSONNEL = 10_000_000;

/** A day or percent value in hundredths, or null when it is not a finite number in range with at most two decimals. */
export function toHundredths(value: unknown, min: number, max: number): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) return null;
  const scaled = value * 100;
  const whole = Math.round(scaled);
  if (Math.abs(scaled - whole) > 1e-6) return null;
  return whole === 0 ? 0 : whole;
}

/** ⌈a / b⌉ for non-negative safe integers, without trusting a floating-point quotient near a whole number. */
function ceilDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q * b > a) q--;
  while ((q + 1) * b <= a) q++;
  return q * b === a ? q : q + 1;
}

export function checkAuditTime(input: AuditTimeInput): AuditTimeCheck {
  const verdicts: AuditTimeVerdict[] = [];
  const say = (code: AuditTimeVerdictCode, params: AuditTimeVerdict['params'] = {}): void => {
    verdicts.push({ code, level: AUDIT_TIME_VERDICTS[code], params });
  };
  const invalid = (path: string): void => say('INVALID_INPUT', { path });

  // Inputs, each checked on its own so one bad value does not hide the rest. The types say what a
  // caller should pass; the checks hold for anything (a value read back from a file, a form's text).
  const given = (typeof input === 'object' && input !== null ? input : {}) as Partial<Record<keyof AuditTimeInput, unknown>>;
  const table: readonly AuditTimeRow[] = Array.isArray(given.table) ? given.table : [];
  if (given.table !== undefined && !Array.isArray(given.table)) invalid('table');
  const rawBasis = given.basis ?? null;
  const basis: AuditTimeBasis | null = rawBasis === 'initial' || rawBasis === 'surveillance' || rawBasis === 'recertification' ? rawBasis : null;
  if (rawBasis !== null && basis === null) invalid('basis');

  let personnel: number | null = null;
  const rawPersonnel = given.effectivePersonnel ?? null;
  if (rawPersonnel !== null) {
    if (typeof rawPersonnel === 'number' && Number.isInteger(rawPersonnel) && rawPersonnel >= 1 && rawPersonnel <= MAX_PERSONNEL) personnel = rawPersonnel;
    else invalid('effectivePersonnel');
  }

  // Adjustments: [unit, signed amount in hundredths (days) or basis points (percent)].
  const adjustments: { unit: 'percent' | 'days'; amount: number }[] = [];
  let adjustmentsValid = true;
  const rawAdjustments: readonly unknown[] = Array.isArray(given.adjustments) ? given.adjustments : [];
  if (given.adjustments !== undefined && !Array.isArray(given.adjustments)) {
    invalid('adjustments');
    adjustmentsValid = false;
  }
  rawAdjustments.forEach((raw, index) => {
    const adjustment = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof AuditTimeAdjustment, unknown>>;
    const unit = adjustment.unit;
    if (unit !== 'percent' && unit !== 'days') {
      invalid(`adjustments/${index}/unit`);
      adjustmentsValid = false;
      return;
    }
    const limit = unit === 'percent' ? MAX_PERCENT : MAX_DAYS;
    const amount = toHundredths(adjustment.amount, unit === 'percent' ? -100 : -limit, limit);
    if (amount === null) {
      invalid(`adjustments/${index}/amount`);
      adjustmentsValid = false;
      return;
    }
    if (typeof adjustment.reason !== 'string' || adjustment.reason.trim() === '') say('ADJUSTMENT_WITHOUT_REASON', { index });
    adjustments.push({ unit, amount });
  });

  let allocation: AuditTimeCheck['allocation'] = null;
  const rawAllocation = given.allocation ?? null;
  if (rawAllocation !== null) {
    const fields = (typeof rawAllocation === 'object' ? rawAllocation : {}) as Partial<Record<keyof AuditTimeAllocation, unknown>>;
    const onSite = toHundredths(fields.onSiteDays, 0, MAX_DAYS);
    const remote = toHundredths(fields.remoteDays, 0, MAX_DAYS);
    if (onSite === null) invalid('allocation/onSiteDays');
    if (remote === null) invalid('allocation/remoteDays');
    if (onSite !== null && remote !== null) {
      allocation = { onSite: onSite * MICRO_PER_HUNDREDTH, remote: remote * MICRO_PER_HUNDREDTH, total: (onSite + remote) * MICRO_PER_HUNDREDTH };
    }
  }

  // The table value.
  let row: AuditTimeCheck['row'] = null;
  let tableValue: MicroDays | null = null;
  if (table.length === 0) say('NO_TABLE');
  if (rawPersonnel === null) say('NO_PERSONNEL');
  if (rawBasis === null) say('NO_TABLE_BASIS');
  if (table.length > 0 && personnel !== null && basis !== null) {
    const p = personnel;
    const index = table.findIndex(
      (r) => typeof r?.minPersonnel === 'number' && r.minPersonnel <= p && (r.maxPersonnel === null || (typeof r.maxPersonnel === 'number' && p <= r.maxPersonnel)),
    );
    const found = index >= 0 ? table[index] : undefined;
    if (!found) {
      const mins = table.map((r) => r?.minPersonnel).filter((v): v is number => typeof v === 'number');
      const last = table[table.length - 1];
      say('PERSONNEL_OUTSIDE_TABLE', {
        personnel: p,
        tableMin: mins.length ? Math.min(...mins) : null,
        tableMax: last && typeof last.maxPersonnel === 'number' ? last.maxPersonnel : null,
      });
    } else {
      row = { index, minPersonnel: found.minPersonnel, maxPersonnel: found.maxPersonnel };
      const days = found.auditorDays?.[basis];
      if (days === undefined) say('NO_TABLE_VALUE_FOR_BASIS', { basis, rowIndex: index });
      else {
        const hundredths = toHundredths(days, 0.01, MAX_DAYS);
        if (hundredths === null) invalid(`table/${index}/auditorDays/${basis}`);
        else tableValue = hundredths * MICRO_PER_HUNDREDTH;
      }
    }
  }

  // Adjustments against the table value: exact in micro-days.
  let increases: MicroDays | null = null;
  let reductions: MicroDays | null = null;
  let reductionBasisPoints: number | null = null;
  let minimum: MicroDays | null = null;
  let result: MicroDays | null = null;
  if (tableValue !== null) {
    // 70 % of a whole number of hundredths × 10,000 is a whole number of micro-days.
    minimum = (tableValue / 10) * 7;
  }
  if (tableValue !== null && adjustmentsValid) {
    const tableHundredths = tableValue / MICRO_PER_HUNDREDTH;
    increases = 0;
    reductions = 0;
    for (const { unit, amount } of adjustments) {
      const micro = unit === 'percent' ? tableHundredths * Math.abs(amount) : Math.abs(amount) * MICRO_PER_HUNDREDTH;
      if (amount > 0) increases += micro;
      else reductions += micro;
    }
    reductionBasisPoints = ceilDiv(reductions * 10_000, tableValue);
    result = tableValue + increases - reductions;
    // reductions ≤ 30 % of the table value ⇔ 10 × reductions ≤ 3 × table value (integers).
    if (reductions * 10 > tableValue * 3) say('REDUCTION_OVER_30', { reductionBasisPoints, limitBasisPoints: MAX_REDUCTION_BASIS_POINTS, reductions, tableValue });
  }

  // The CB's allocation against the check.
  if (rawAllocation === null) say('ALLOCATION_MISSING');
  if (allocation !== null && tableValue !== null && minimum !== null && allocation.total < minimum) {
    say('ALLOCATION_BELOW_MINIMUM', { allocated: allocation.total, minimum, tableValue });
  }
  if (allocation !== null && result !== null) {
    if (allocation.total < result) say('ALLOCATION_BELOW_CHECK', { allocated: allocation.total, check: result });
    else if (allocation.total > result) say('ALLOCATION_ABOVE_CHECK', { allocated: allocation.total, check: result });
  }

  // The plan: counted roles against the allocation; accompanying persons apart.
  let planned: AuditTimeCheck['planned'] = null;
  const rawPlanned = given.planned ?? null;
  if (rawPlanned !== null) {
    if (!Array.isArray(rawPlanned)) invalid('planned');
    else {
      let onSite = 0;
      let remote = 0;
      let excluded = 0;
      let plannedValid = true;
      const excludedByRole: Record<string, MicroDays> = {};
      rawPlanned.forEach((raw: unknown, index) => {
        const member = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof PlannedMemberTime, unknown>>;
        const memberOnSite = toHundredths(member.onSiteDays, 0, MAX_DAYS);
        const memberRemote = toHundredths(member.remoteDays, 0, MAX_DAYS);
        if (memberOnSite === null) invalid(`planned/${index}/onSiteDays`);
        if (memberRemote === null) invalid(`planned/${index}/remoteDays`);
        if (typeof member.role !== 'string') invalid(`planned/${index}/role`);
        if (memberOnSite === null || memberRemote === null || typeof member.role !== 'string') {
          plannedValid = false;
          return;
        }
        const role = member.role;
        const time = (memberOnSite + memberRemote) * MICRO_PER_HUNDREDTH;
        if ((COUNTED_ROLES as readonly string[]).includes(role)) {
          onSite += memberOnSite * MICRO_PER_HUNDREDTH;
          remote += memberRemote * MICRO_PER_HUNDREDTH;
          return;
        }
        if (!(TEAM_ROLES as readonly string[]).includes(role)) say('UNKNOWN_ROLE', { index, role });
        excluded += time;
        excludedByRole[role] = (excludedByRole[role] ?? 0) + time;
      });
      if (plannedValid) {
        planned = { onSite, remote, total: onSite + remote, excluded, excludedByRole };
        if (excluded > 0) say('EXCLUDED_TIME', { excluded, roles: Object.keys(excludedByRole).sort() });
        if (allocation !== null) {
          if (planned.total < allocation.total) say('PLANNED_BELOW_ALLOCATION', { planned: planned.total, allocated: allocation.total });
          else if (planned.total > allocation.total) say('PLANNED_ABOVE_ALLOCATION', { planned: planned.total, allocated: allocation.total });
          else if (planned.onSite !== allocation.onSite) {
            say('PLANNED_SPLIT_DIFFERS', { plannedOnSite: planned.onSite, allocatedOnSite: allocation.onSite, plannedRemote: planned.remote, allocatedRemote: allocation.remote });
          }
        }
      }
    }
  }

  return { row, tableValue, increases, reductions, reductionBasisPoints, minimum, result, allocation, planned, verdicts };
}
