import type { LocalizedText } from '../../../../shared/cb-profile/profile.ts';
import { textIn } from '../../../../shared/checklist/pack.ts';
import type { NcFollowUpView } from '../../../../shared/contract/follow-up-views.ts';

/** A profile text (a grade's name) in the interface language, or the fallback (the grade's key) when there is none. */
export function localized(text: LocalizedText | null, language: string, fallback: string): string {
  return (text && textIn(text, language, 'en')) || fallback;
}

/** The longest text each field of a corrective action or an earlier nonconformity takes (the tables' limits). */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  correction: 10_000,
  root_cause: 10_000,
  action: 10_000,
  owner: 300,
  verification_evidence: 10_000,
  verification_note: 10_000,
  statement: 20_000,
  number: 60,
  grade_name: 300,
  clause: 100,
  audit_label: 300,
};

/** Whether a value is over its field's limit (then it is kept on screen and not saved). */
export function overLimit(field: string, value: string): boolean {
  const limit = TEXT_LIMITS[field];
  return limit !== undefined && value.length > limit;
}

/** The key of what comes next for a nonconformity (followUp.step.*). */
export function stepKey(item: NcFollowUpView) {
  if (item.state === 'verified') return item.action?.effectiveness === 'not_effective' ? ('verifiedNotEffective' as const) : ('verifiedEffective' as const);
  return item.state;
}

export const isOverdue = (item: NcFollowUpView): boolean => item.overdue.response || item.overdue.action || item.overdue.verification;

export type FollowUpFilter = 'all' | 'open' | 'overdue' | 'closed';

export function filterItems(items: readonly NcFollowUpView[], filter: FollowUpFilter): NcFollowUpView[] {
  if (filter === 'open') return items.filter((item) => item.state !== 'closed');
  if (filter === 'closed') return items.filter((item) => item.state === 'closed');
  if (filter === 'overdue') return items.filter(isOverdue);
  return [...items];
}
