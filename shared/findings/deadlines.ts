import type { AuditType } from '../engagement.ts';
import { addDays, addMonths } from '../time.ts';

/**
 * A nonconformity's deadlines (issue 17), as calendar dates in the engagement's time zone (so a
 * daylight-saving change never moves one; 31 January + 1 month is the last day of February):
 * - the client's response (correction, root cause, corrective action plan): the CB profile's days
 *   for the grade after the last day of the audit;
 * - verification: the profile's days for the grade, and — normative, ISO/IEC 17021-1 — for a major
 *   at stage 2 no later than 6 months after the last day of stage 2 (later, stage 2 is repeated before
 *   certification is recommended), and at recertification before the certificate expires.
 */
export interface DeadlineInput {
  /** The last day of the audit (YYYY-MM-DD). */
  readonly lastAuditDay: string;
  readonly auditType: AuditType;
  /** The grade as the CB profile defines it. */
  readonly grade: { readonly isNonconformity: boolean; readonly responseDays?: number; readonly verificationDays?: number };
  /** A major nonconformity (the most severe grade): the normative limits apply. */
  readonly major: boolean;
  /** The current certificate's expiry (recertification). */
  readonly certificateExpiresOn?: string | null;
}

export type VerificationLimit = 'profile' | 'stage2-six-months' | 'before-expiry';

export interface FindingDeadlines {
  readonly response: string | null;
  readonly verification: string | null;
  /** Which rule set the verification date (the earliest applies). */
  readonly verificationBy: VerificationLimit | null;
}

const STAGE2_MONTHS = 6;

export function findingDeadlines(input: DeadlineInput): FindingDeadlines {
  if (!input.grade.isNonconformity) return { response: null, verification: null, verificationBy: null };
  const { lastAuditDay: last } = input;
  const response = input.grade.responseDays === undefined ? null : addDays(last, input.grade.responseDays);
  const limits: [string, VerificationLimit][] = [];
  if (input.grade.verificationDays !== undefined) limits.push([addDays(last, input.grade.verificationDays), 'profile']);
  if (input.major && input.auditType === 'stage2') limits.push([addMonths(last, STAGE2_MONTHS), 'stage2-six-months']);
  if (input.major && input.auditType === 'recertification' && input.certificateExpiresOn) limits.push([addDays(input.certificateExpiresOn, -1), 'before-expiry']);
  limits.sort((a, b) => a[0].localeCompare(b[0]));
  const [earliest] = limits;
  return { response, verification: earliest?.[0] ?? null, verificationBy: earliest?.[1] ?? null };
}

/** Whether a deadline has passed on `today` (both calendar dates in the engagement's time zone; due today is not late). */
export function isOverdue(deadline: string | null, today: string): boolean {
  return deadline !== null && today > deadline;
}
