import { addMonths } from '../time.ts';
import type { Stage1Readiness } from '../cb-profile/profile.ts';
import { READINESS_AREAS, type ReadinessArea, type ReadinessStatus } from './fieldwork-kinds.ts';

/**
 * Stage 1's readiness for stage 2 (issue 15): the CB profile's readiness rules checked against what
 * the auditor recorded per area, and the overall verdict. Pure.
 *
 * The engagement has no field for when the SMS began operating, so the auditor writes the date in
 * the operating-period area's note ("operating since 2026-03-01", "2026年3月起运行"): it is read from
 * there, and until it is there the months rule needs confirmation.
 */

export interface ReadinessRow {
  readonly area: string;
  readonly status: ReadinessStatus;
  readonly note: string;
}

export type ReadinessRule = 'minimum_months' | 'internal_audit' | 'management_review';

/**
 * A rule's state: it holds; it fails; it holds only from a later day (the SMS will have operated
 * long enough by then: stage 2 cannot be earlier); or nothing recorded confirms it yet.
 */
export type RuleState = 'holds' | 'fails' | 'holds_from' | 'unconfirmed';

export interface RuleCheck {
  readonly rule: ReadinessRule;
  /** The area the rule is shown beside. */
  readonly area: ReadinessArea;
  readonly state: RuleState;
  /** Minimum months: the profile's minimum, the date read from the note, the months by `asOf`, the earliest day stage 2 may start. */
  readonly months?: { readonly required: number; readonly since: string | null; readonly operated: number | null; readonly earliest: string | null };
}

export type Verdict = 'ready' | 'ready_from' | 'not_ready' | 'open';

export interface ReadinessVerdict {
  readonly verdict: Verdict;
  /** When the verdict is "ready_from": the first day stage 2 may start. */
  readonly from: string | null;
  readonly notAssessed: readonly ReadinessArea[];
  readonly notReady: readonly ReadinessArea[];
  readonly concerns: readonly ReadinessArea[];
  /** Rules that fail or still need confirmation. */
  readonly failing: readonly ReadinessRule[];
  readonly unconfirmed: readonly ReadinessRule[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const validDay = (year: number, month: number, day: number): boolean => {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
};

const DATE_PATTERNS = [
  // 2026-03-01, 2026/3/1, 2026.03.01
  /(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/gu,
  // 2026年3月1日, 2026 年 3 月
  /(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/gu,
  // 2026-03, 2026/3 (a month alone, not the start of a full date)
  /(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})(?![\d]|[-/.]\d)/gu,
];

/**
 * The first date written in a note: 2026-03-01, 2026/3/1, 2026.03.01, 2026年3月1日, or a month alone
 * (2026-03, 2026年3月: its first day). Null when the note has none.
 */
export function operatingSince(note: string): string | null {
  const found: { index: number; day: string }[] = [];
  for (const pattern of DATE_PATTERNS) {
    for (const match of note.matchAll(pattern)) {
      const year = Number(match[1]);
      const month = Number(match[2]);
      const day = match[3] === undefined ? 1 : Number(match[3]);
      if (validDay(year, month, day)) found.push({ index: match.index, day: `${year}-${pad(month)}-${pad(day)}` });
    }
  }
  found.sort((a, b) => a.index - b.index);
  return found[0]?.day ?? null;
}

/** Whole calendar months from `from` to `to` (0 when `to` is earlier). */
export { addMonths };

export function wholeMonths(from: string, to: string): number {
  if (to < from) return 0;
  let months = 0;
  while (addMonths(from, months + 1) <= to) months++;
  return months;
}

const statusOf = (rows: readonly ReadinessRow[], area: ReadinessArea): ReadinessStatus => rows.find((row) => row.area === area)?.status ?? 'not_assessed';
const isReady = (status: ReadinessStatus) => status === 'ready' || status === 'ready_with_concerns';

/** An area's word on a rule: ready confirms it, not ready fails it, not assessed leaves it open. */
function byArea(rule: ReadinessRule, area: ReadinessArea, rows: readonly ReadinessRow[]): RuleCheck {
  const status = statusOf(rows, area);
  return { rule, area, state: isReady(status) ? 'holds' : status === 'not_ready' ? 'fails' : 'unconfirmed' };
}

/**
 * The profile's rules as they stand: the months the SMS has operated by `asOf` (the last day of
 * this stage 1) against the minimum; an internal audit and a management review done, as the
 * auditor rated those areas. No rules (a profile without stage1Readiness): none to check.
 */
export function checkReadinessRules(rules: Stage1Readiness | undefined, rows: readonly ReadinessRow[], asOf: string, recordedSince: string | null = null): RuleCheck[] {
  if (!rules) return [];
  const checks: RuleCheck[] = [];
  if (rules.minimumMonthsOperating > 0) {
    const required = rules.minimumMonthsOperating;
    // The engagement's recorded date first; a date written in the area's note still counts.
    const since = recordedSince ?? operatingSince(rows.find((row) => row.area === 'operating_period')?.note ?? '');
    if (since === null) {
      checks.push({ rule: 'minimum_months', area: 'operating_period', state: 'unconfirmed', months: { required, since: null, operated: null, earliest: null } });
    } else {
      const operated = wholeMonths(since, asOf);
      const earliest = addMonths(since, required);
      const state: RuleState = operated >= required ? 'holds' : 'holds_from';
      checks.push({ rule: 'minimum_months', area: 'operating_period', state, months: { required, since, operated, earliest } });
    }
  }
  if (rules.requireInternalAudit) checks.push(byArea('internal_audit', 'internal_audit', rows));
  if (rules.requireManagementReview) checks.push(byArea('management_review', 'management_review', rows));
  return checks;
}

/**
 * The overall verdict: ready only when every area is ready (or ready with concerns) and every rule
 * holds. An area not ready or a rule that fails makes it not ready; otherwise an area not assessed or
 * a rule not yet confirmed leaves it open; otherwise, when the SMS will have operated long enough
 * only later, ready from that day.
 */
export function readinessVerdict(rows: readonly ReadinessRow[], checks: readonly RuleCheck[]): ReadinessVerdict {
  const notAssessed = READINESS_AREAS.filter((area) => statusOf(rows, area) === 'not_assessed');
  const notReady = READINESS_AREAS.filter((area) => statusOf(rows, area) === 'not_ready');
  const concerns = READINESS_AREAS.filter((area) => statusOf(rows, area) === 'ready_with_concerns');
  const failing = checks.filter((check) => check.state === 'fails').map((check) => check.rule);
  const unconfirmed = checks.filter((check) => check.state === 'unconfirmed').map((check) => check.rule);
  const later = checks.filter((check) => check.state === 'holds_from').map((check) => check.months?.earliest ?? '');
  const from = later.length ? later.reduce((a, b) => (a > b ? a : b)) : null;
  const verdict: Verdict = notReady.length || failing.length ? 'not_ready' : notAssessed.length || unconfirmed.length ? 'open' : from ? 'ready_from' : 'ready';
  return { verdict, from: verdict === 'ready_from' ? from : null, notAssessed, notReady, concerns, failing, unconfirmed };
}

/** Something stage 2 must look at, from the stage 1 review. */
export type OpenPoint =
  | { readonly kind: 'document'; readonly document: string; readonly comment: string }
  | { readonly kind: 'area'; readonly area: ReadinessArea; readonly status: 'not_ready' | 'ready_with_concerns'; readonly note: string };

/**
 * The open points of stage 1, for the stage 2 plan: each inadequate document (in the log's order)
 * and each area not ready or ready with concerns (in the areas' order), with what the auditor wrote.
 */
export function stage2OpenPoints(
  reviews: readonly { readonly document: string; readonly adequacy: string; readonly comment: string }[],
  rows: readonly ReadinessRow[],
): OpenPoint[] {
  const points: OpenPoint[] = [];
  for (const review of reviews) if (review.adequacy === 'inadequate') points.push({ kind: 'document', document: review.document.trim(), comment: review.comment.trim() });
  for (const area of READINESS_AREAS) {
    const row = rows.find((candidate) => candidate.area === area);
    if (row && (row.status === 'not_ready' || row.status === 'ready_with_concerns')) points.push({ kind: 'area', area, status: row.status, note: row.note.trim() });
  }
  return points;
}
