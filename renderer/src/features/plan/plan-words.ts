import type { TFunction } from 'i18next';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import type { PlanIssue } from '../../../../shared/plan/plan-checks.ts';
import { MINUTES_PER_AUDITOR_DAY } from '../../../../shared/plan/plan-checks.ts';
import { formatDay, formatNumber } from '../../components/format.ts';

export { topicLabel } from '../../../../shared/plan/topic-label.ts';
import { topicLabel } from '../../../../shared/plan/topic-label.ts';

/** Auditor-days from minutes of auditor time, as the plan shows them (hundredths). */
export const auditorDays = (minutes: number): string => formatNumber(Math.round((minutes / MINUTES_PER_AUDITOR_DAY) * 100) / 100);

/** A check's sentence in the interface language. */
export function wordIssue(issue: PlanIssue, t: TFunction, pack: ChecklistPack | null, language: string): string {
  const p = issue.params;
  const params: Record<string, unknown> = { ...p };
  if (typeof p.day === 'string') params.day = formatDay(p.day);
  if (Array.isArray(p.names)) params.names = (p.names as string[]).join(t('common.listSeparator'));
  if (issue.code === 'NOT_COVERED') {
    const units = p.units as string[];
    params.units = units.map((key) => topicLabel(/^\d/.test(key) ? 'clause' : 'process', key, pack, language)).join(t('common.groupSeparator'));
    params.count = units.length;
  }
  if (typeof p.part === 'string') params.part = t(`plan.checks.part.${p.part as 'onSite' | 'remote'}`);
  if (typeof p.plannedMinutes === 'number') params.planned = auditorDays(p.plannedMinutes);
  if (typeof p.allocatedMinutes === 'number') params.allocated = auditorDays(p.allocatedMinutes);
  return t(`plan.checks.${issue.code}`, params);
}

/** Minutes as hours and minutes, the way time sheets write them ("3:30"); "—" for none. */
export const hoursMinutes = (minutes: number): string => (minutes <= 0 ? '—' : `${Math.floor(minutes / 60)}:${String(Math.round(minutes % 60)).padStart(2, '0')}`);

/** A signed difference in hours and minutes ("+0:30", "−1:15"); "±0:00" when equal. */
export const signedHoursMinutes = (minutes: number): string => {
  const sign = minutes > 0 ? '+' : minutes < 0 ? '−' : '±';
  const size = Math.abs(minutes);
  return `${sign}${Math.floor(size / 60)}:${String(Math.round(size % 60)).padStart(2, '0')}`;
};

/** A session's title short enough for a toast (its undo button must stay in view). */
export const shortTitle = (title: string, max = 36): string => ([...title].length > max ? `${[...title].slice(0, max - 1).join('').trimEnd()}…` : title);
