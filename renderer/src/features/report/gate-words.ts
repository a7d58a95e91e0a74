import type { TFunction } from 'i18next';
import type { ReportGateItemView } from '../../../../shared/contract/report-views.ts';
import type { AuditType } from '../../../../shared/engagement.ts';
import { READINESS_AREAS, SURVEILLANCE_ITEMS } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { STATEMENT_VERDICTS, type StatementItem } from '../../../../shared/findings/audit-statements.ts';

/**
 * The completeness check's items as the lead reads them: grouped (the 9.4.8 contents by number, the
 * stage 1 conclusions, the open decisions, the warnings) and worded from their code and params
 * (shared/report/completeness.ts). Params that are the app's own codes (a conclusion item, a
 * finding's part, a readiness area, a surveillance item) are named as the
 * screens that fix them name them; the rest (a finding's number, a session's title, a member's
 * name, a topic) is the engagement's own text and printed as it is.
 */

export type GateGroup = 'items' | 'stage1' | 'decisions' | 'warnings';
export const GATE_GROUPS: readonly GateGroup[] = ['items', 'stage1', 'decisions', 'warnings'];

export function groupOf(item: ReportGateItemView): GateGroup {
  if (!item.blocking) return 'warnings';
  if (item.item !== null) return 'items';
  return item.code === 'readiness' || item.code === 'document-review' ? 'stage1' : 'decisions';
}

/** The groups that have items, each in the gate's order but the 9.4.8 contents by their number. */
export function groupItems(items: readonly ReportGateItemView[]): { group: GateGroup; items: ReportGateItemView[] }[] {
  return GATE_GROUPS.map((group) => {
    const inGroup = items.filter((item) => groupOf(item) === group);
    // Array.prototype.sort is stable: within one number the gate's order stays.
    if (group === 'items') inGroup.sort((a, b) => (a.item ?? 0) - (b.item ?? 0));
    return { group, items: inGroup };
  }).filter((entry) => entry.items.length > 0);
}

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const STATEMENT_ITEMS = Object.keys(STATEMENT_VERDICTS) as StatementItem[];

/** An audit conclusion as the Audit conclusions tab names it (at stage 2 the changes are those since stage 1). */
function statementName(t: TFunction, item: unknown, auditType: AuditType): string {
  if (!oneOf(STATEMENT_ITEMS, item)) return text(item);
  return item === 'significant_changes' && auditType === 'stage2' ? t('auditConclusions.items.significant_changes_stage2') : t(`auditConclusions.items.${item}`);
}

/** A finding's part as the finding editor labels it. */
function partName(t: TFunction, part: unknown): string {
  if (part === 'requirement') return t('findings.parts.requirement');
  if (part === 'evidence') return t('findings.parts.evidence');
  if (part === 'not_fulfilled') return t('findings.parts.notFulfilled');
  return text(part);
}

/** One item of the completeness check, in the interface language. */
export function gateItemText(t: TFunction, item: ReportGateItemView, auditType: AuditType): string {
  const p = item.params;
  switch (item.code) {
    case 'client-details':
      return p.field === 'name' || p.field === 'address' || p.field === 'representative'
        ? t(`report.gate.codes.client-details.${p.field}`)
        : t('report.gate.codes.client-details.other', { field: text(p.field) });
    case 'credit-code':
      return t(p.problem === 'missing' ? 'report.gate.codes.credit-code.missing' : 'report.gate.codes.credit-code.invalid');
    case 'scope':
      return p.field === 'statement' || p.field === 'services' || p.field === 'sites' || p.field === 'other-language'
        ? t(`report.gate.codes.scope.${p.field}`)
        : t('report.gate.codes.scope.other', { field: text(p.field) });
    case 'statement':
      return t(p.gap === 'text_needed' ? 'report.gate.codes.statement.text_needed' : 'report.gate.codes.statement.no_verdict', { item: statementName(t, p.item, auditType) });
    case 'finding-statement':
      return t('report.gate.codes.finding-statement', { finding: text(p.finding), part: partName(t, p.part) });
    case 'readiness':
      return t('report.gate.codes.readiness', { area: oneOf(READINESS_AREAS, p.area) ? t(`conclusions.stage1.readiness.areas.${p.area}`) : text(p.area) });
    case 'surveillance-item':
      return t('report.gate.codes.surveillance-item', { item: oneOf(SURVEILLANCE_ITEMS, p.item) ? t(`conclusions.surveillance.items.${p.item}`) : text(p.item) });
    case 'findings-unnumbered':
    case 'merge-conflicts':
      return t(`report.gate.codes.${item.code}`, { count: Number(p.count ?? 1) });
    case 'service-category':
      return t('report.gate.codes.service-category', { service: text(p.service) });
    case 'deviation-reason':
    case 'actual-times':
      return t(`report.gate.codes.${item.code}`, { session: text(p.session) });
    case 'registration-number':
      return t('report.gate.codes.registration-number', { member: text(p.member) });
    case 'conclusion':
      return t('report.gate.codes.conclusion', { topic: text(p.topic) });
    case 'earlier-nc':
      return t('report.gate.codes.earlier-nc', { number: text(p.number) });
    case 'nc-unacknowledged':
    case 'unresolved-opinion':
      return t(`report.gate.codes.${item.code}`, { finding: text(p.finding) });
    default:
      return t(`report.gate.codes.${item.code}`);
  }
}
