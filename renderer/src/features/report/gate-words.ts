import type { TFunction } from 'i18next';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import type { ReportGateCode, ReportGateItemView } from '../../../../shared/contract/report-views.ts';
import type { AuditType } from '../../../../shared/engagement.ts';
import { READINESS_AREAS, SURVEILLANCE_ITEMS } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { STATEMENT_VERDICTS, type StatementItem } from '../../../../shared/findings/audit-statements.ts';
import { topicLabel } from '../../../../shared/plan/topic-label.ts';
import { intlLocale } from '../../i18n/locale.ts';

/**
 * The completeness check as the lead reads it: grouped (the 9.4.8 contents by number, the stage 1
 * conclusions, the open decisions, the warnings), items of one kind on one line ("No conclusion is
 * written for 27 processes and clause groups: …"), each worded from its code and params
 * (shared/report/completeness.ts). Params that are the app's own codes (a process key, a clause
 * group, a conclusion item, a finding's part, a readiness area, a surveillance item) are named as
 * the screens that fix them name them; the rest (a finding's number, a session's title, a member's
 * name) is the engagement's own text and printed as it is.
 */

export type GateGroup = 'items' | 'stage1' | 'decisions' | 'warnings';
export const GATE_GROUPS: readonly GateGroup[] = ['items', 'stage1', 'decisions', 'warnings'];

/** What the words need besides the item: the audit type, the checklist pack (process names), the interface language. */
export interface GateWording {
  readonly auditType: AuditType;
  readonly pack: ChecklistPack | null;
  readonly language: string;
}

export function groupOf(item: ReportGateItemView): GateGroup {
  if (!item.blocking) return 'warnings';
  if (item.item !== null) return 'items';
  return item.code === 'readiness' || item.code === 'document-review' ? 'stage1' : 'decisions';
}

/** One line of the check: one item, or several of one kind (same code, 9.4.8 number and gap) named together. */
export interface GateLine {
  readonly code: ReportGateCode;
  readonly item: number | null;
  readonly items: readonly ReportGateItemView[];
}

/** The codes whose items each name one thing (a topic, a session, a finding …): several make one line. */
const NAMED_CODES = [
  'conclusion',
  'actual-times',
  'deviation-reason',
  'statement',
  'nc-unacknowledged',
  'unresolved-opinion',
  'registration-number',
  'service-category',
  'surveillance-item',
  'readiness',
  'earlier-nc',
  'finding-statement',
] as const satisfies readonly ReportGateCode[];
type NamedCode = (typeof NAMED_CODES)[number];
const isNamed = (code: ReportGateCode): code is NamedCode => (NAMED_CODES as readonly string[]).includes(code);

function linesOf(items: readonly ReportGateItemView[]): GateLine[] {
  const lines: { code: ReportGateCode; item: number | null; items: ReportGateItemView[] }[] = [];
  const byKey = new Map<string, (typeof lines)[number]>();
  for (const item of items) {
    const key = isNamed(item.code) ? `${item.code}|${item.item}|${String(item.params.gap ?? '')}` : null;
    const line = key ? byKey.get(key) : undefined;
    if (line) line.items.push(item);
    else {
      const made = { code: item.code, item: item.item, items: [item] };
      lines.push(made);
      if (key) byKey.set(key, made);
    }
  }
  return lines;
}

/** The groups that have items, their lines in the gate's order but the 9.4.8 contents by their number. */
export function groupItems(items: readonly ReportGateItemView[]): { group: GateGroup; count: number; lines: GateLine[] }[] {
  return GATE_GROUPS.map((group) => {
    const inGroup = items.filter((item) => groupOf(item) === group);
    // Array.prototype.sort is stable: within one number the gate's order stays.
    if (group === 'items') inGroup.sort((a, b) => (a.item ?? 0) - (b.item ?? 0));
    return { group, count: inGroup.length, lines: linesOf(inGroup) };
  }).filter((entry) => entry.count > 0);
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

/** A process (the pack's key) or a clause group (its number) as the Conclusions tab names it: "8.5.1 Change management". */
function topicName(topic: unknown, wording: GateWording): string {
  const key = text(topic);
  const kind = wording.pack?.processes.some((process) => process.key === key) ? 'process' : 'clause';
  return topicLabel(kind, key, wording.pack, wording.language);
}

const sessionName = (t: TFunction, session: unknown): string => text(session) || t('plan.untitled');

/** The one thing an item names, in the words of the screen that fixes it. */
function nameOf(t: TFunction, item: ReportGateItemView, wording: GateWording): string {
  const p = item.params;
  switch (item.code) {
    case 'conclusion':
      return topicName(p.topic, wording);
    case 'actual-times':
    case 'deviation-reason':
      return sessionName(t, p.session);
    case 'statement':
      return statementName(t, p.item, wording.auditType);
    case 'registration-number':
      return text(p.member);
    case 'service-category':
      return text(p.service);
    case 'surveillance-item':
      return oneOf(SURVEILLANCE_ITEMS, p.item) ? t(`conclusions.surveillance.items.${p.item}`) : text(p.item);
    case 'readiness':
      return oneOf(READINESS_AREAS, p.area) ? t(`conclusions.stage1.readiness.areas.${p.area}`) : text(p.area);
    case 'earlier-nc':
      return text(p.number);
    case 'finding-statement':
      return t('report.gate.findingPart', { finding: text(p.finding), part: partName(t, p.part) });
    default:
      return text(p.finding);
  }
}

/** One item of the completeness check, in the interface language. */
export function gateItemText(t: TFunction, item: ReportGateItemView, wording: GateWording): string {
  const p = item.params;
  const name = isNamed(item.code) ? nameOf(t, item, wording) : '';
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
      return t(p.gap === 'text_needed' ? 'report.gate.codes.statement.text_needed' : 'report.gate.codes.statement.no_verdict', { item: name });
    case 'finding-statement':
      return t('report.gate.codes.finding-statement', { finding: text(p.finding), part: partName(t, p.part) });
    case 'findings-unnumbered':
    case 'merge-conflicts':
      return t(`report.gate.codes.${item.code}`, { count: Number(p.count ?? 1) });
    case 'service-category':
      return t('report.gate.codes.service-category', { service: name });
    case 'deviation-reason':
    case 'actual-times':
      return t(`report.gate.codes.${item.code}`, { session: name });
    case 'registration-number':
      return t('report.gate.codes.registration-number', { member: name });
    case 'conclusion':
      return t('report.gate.codes.conclusion', { topic: name });
    case 'earlier-nc':
      return t('report.gate.codes.earlier-nc', { number: name });
    case 'readiness':
      return t('report.gate.codes.readiness', { area: name });
    case 'surveillance-item':
      return t('report.gate.codes.surveillance-item', { item: name });
    case 'nc-unacknowledged':
    case 'unresolved-opinion':
      return t(`report.gate.codes.${item.code}`, { finding: name });
    default:
      return t(`report.gate.codes.${item.code}`);
  }
}

/** At most this many names on a line; the rest are counted ("and 19 more"). */
const NAMES_SHOWN = 8;

/** A line of the check: its one item's words, or the kind of item with how many and which. */
export function gateLineText(t: TFunction, line: GateLine, wording: GateWording): string {
  const first = line.items[0]!;
  const code = line.code;
  if (line.items.length === 1 || !isNamed(code)) return gateItemText(t, first, wording);
  const names = line.items.map((item) => nameOf(t, item, wording));
  const shown = names.length > NAMES_SHOWN ? [...names.slice(0, NAMES_SHOWN - 1), t('report.gate.more', { count: names.length - NAMES_SHOWN + 1 })] : names;
  const values = { count: names.length, names: new Intl.ListFormat(intlLocale(), { style: 'long', type: 'conjunction' }).format(shown) };
  if (code === 'statement') return t(first.params.gap === 'text_needed' ? 'report.gate.many.statement.text_needed' : 'report.gate.many.statement.no_verdict', values);
  return t(`report.gate.many.${code}`, values);
}
