import type { ReportField } from '../cb-profile/profile.ts';
import type { AuditType } from '../engagement.ts';
import type { AuditStatementItem } from './finding-kinds.ts';

/**
 * The audit conclusions the report needs and no other screen asks (17021-1 9.4.8; IAF MD 4; CNCA
 * practice): which items an audit type has, the verdicts each offers, and which verdicts need a
 * text. Pure; the screen and the closing view share it.
 */

/** The items written as statements (the recommendation has its own card). */
export type StatementItem = Exclude<AuditStatementItem, 'recommendation'>;

/** The verdicts an item offers, the favourable one first. */
export const STATEMENT_VERDICTS: Record<StatementItem, readonly string[]> = {
  significant_issues: ['none', 'identified'],
  significant_changes: ['none', 'changes'],
  unresolved_issues: ['none', 'identified'],
  marks_control: ['yes', 'no', 'not_applicable'],
  conformity_effectiveness: ['effective', 'effective_with_ncs', 'not_effective'],
  internal_audit: ['effective', 'effective_with_ncs', 'not_effective'],
  management_review: ['effective', 'effective_with_ncs', 'not_effective'],
  scope_appropriate: ['yes', 'change_needed'],
  objectives_met: ['yes', 'partly', 'no'],
  remote_auditing: ['none', 'effective', 'limited'],
  no_penalties: ['confirmed', 'reported'],
};

/** Verdicts that say something happened or fell short: the text must say what. */
const NEEDS_TEXT = new Set(['identified', 'changes', 'no', 'effective_with_ncs', 'not_effective', 'change_needed', 'partly', 'limited', 'reported']);

export const verdictNeedsText = (verdict: string): boolean => NEEDS_TEXT.has(verdict);

/**
 * The items of an audit type. Stage 1 is documented conclusions, not a full report: no changes
 * "since the last audit" (there was none), no marks (the client is not certified), and the SMS's
 * conformity, internal audit and management review are the readiness areas of the Stage 1 tab. At
 * stage 2 the significant changes are those since stage 1. The no-penalties statement only when the
 * CB's profile requires it (Chinese CBs).
 */
export function statementItems(auditType: AuditType, requiredReportFields: readonly ReportField[]): StatementItem[] {
  const stage1 = auditType === 'stage1';
  const items: StatementItem[] = ['significant_issues'];
  if (!stage1) items.push('significant_changes');
  items.push('unresolved_issues');
  if (!stage1) items.push('marks_control', 'conformity_effectiveness', 'internal_audit', 'management_review');
  items.push('scope_appropriate', 'objectives_met', 'remote_auditing');
  if (requiredReportFields.includes('no-penalties-statement')) items.push('no_penalties');
  return items;
}

/** Initial certification: the client holds no certificate yet, so marks control is "not applicable". */
export const isInitialCertification = (auditType: AuditType): boolean => auditType === 'stage1' || auditType === 'stage2';

export interface StatementState {
  readonly item: string;
  readonly verdict: string;
  readonly text: string;
}

export type StatementGap = 'no_verdict' | 'text_needed';

/** What each item still lacks: a verdict, or the text its verdict needs. Items in the order given. */
export function statementGaps(items: readonly StatementItem[], rows: readonly StatementState[]): { item: StatementItem; gap: StatementGap }[] {
  const gaps: { item: StatementItem; gap: StatementGap }[] = [];
  for (const item of items) {
    const row = rows.find((candidate) => candidate.item === item);
    const verdict = row?.verdict ?? '';
    if (!STATEMENT_VERDICTS[item].includes(verdict)) gaps.push({ item, gap: 'no_verdict' });
    else if (verdictNeedsText(verdict) && !(row?.text ?? '').trim()) gaps.push({ item, gap: 'text_needed' });
  }
  return gaps;
}
