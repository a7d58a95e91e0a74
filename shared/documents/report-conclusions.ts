/**
 * What the team concludes: the summary at the front (the recommendation as the team's, subject to
 * the certification body's decision; the findings counted by grade; the overall conclusion on the
 * management system) and the audit conclusions item by item (17021-1 9.4.8 items 8, 12, 13, 17, the
 * conclusions on conformity and effectiveness, scope and objectives, remote auditing per IAF MD 4,
 * the surveillance items, and the CNCA no-penalties statement when the CB asks for it).
 */
import { formatDate, joinList } from './format.ts';
import { cell, heading, line, paragraph, run, type Block, type TableBlock } from './model.ts';
import type { ReportStatement } from './report-input.ts';
import { findingCountsBlocks } from './report-findings.ts';
import { asks, bodyName, noneSentence, typed, type ReportContext, type ReportSection } from './report-frame.ts';

/**
 * The order a lead auditor concludes in: the system and its two self-checks first, then scope and
 * objectives, then what affects the programme and the certificate. Items not listed keep their place after.
 */
const CONCLUSION_ORDER = [
  'conformity_effectiveness',
  'internal_audit',
  'management_review',
  'scope_appropriate',
  'objectives_met',
  'significant_changes',
  'significant_issues',
  'unresolved_issues',
  'marks_control',
  'remote_auditing',
  'no_penalties',
];

const statementOf = (ctx: ReportContext, item: string): ReportStatement | undefined => ctx.input.statements.find((statement) => statement.item === item);

/** A statement's verdict in bold, followed by what the team wrote. */
function statementBlocks(ctx: ReportContext, statement: ReportStatement | undefined): Block[] {
  const { t } = ctx;
  if (!statement?.verdict.trim()) return [paragraph([run(t('report.conclusions.notRecorded'), { italic: true })])];
  const text = typed(statement.text);
  return [
    paragraph([run(t('report.conclusions.verdict', { verdict: statement.verdict.trim() }), { bold: true }), ...(text.length ? [run(' '), ...text[0]!] : [])]),
    ...text.slice(1).map((content) => paragraph(content)),
  ];
}

/** The recommendation as the team's, subject to the certification body's decision. */
export function recommendationBlocks(ctx: ReportContext): Block[] {
  const { input, t } = ctx;
  const recommendation = input.recommendation;
  if (!recommendation) return [paragraph([run(t('report.summary.noRecommendation'), { italic: true })])];
  return [
    paragraph([run(recommendation.text.trim(), { bold: true })], { tone: 'lead' }),
    ...(recommendation.overrideReason.trim() ? [paragraph(t('report.summary.overridden', { reason: recommendation.overrideReason.trim() }), { tone: 'note' })] : []),
    paragraph(t('report.summary.subjectToDecision', { body: bodyName(ctx) })),
  ];
}

function nonconformitiesDue(ctx: ReportContext): Block[] {
  const { input, t, language } = ctx;
  const ncs = input.findingGroups.filter((group) => group.isNonconformity).flatMap((group) => group.findings);
  if (!ncs.length) return [];
  const dues = [...new Set(ncs.flatMap((finding) => (finding.responseDue ? [finding.responseDue] : [])))].sort();
  return [paragraph(dues.length === 1 ? t('report.summary.responseDue', { count: ncs.length, date: formatDate(dues[0]!, language) }) : t('report.summary.responseDueEach', { count: ncs.length }))];
}

function earlierNcsSummary(ctx: ReportContext): Block[] {
  const { input, t, language } = ctx;
  if (!input.earlierNcs.length) return [];
  const byResult = new Map<string, number>();
  for (const nc of input.earlierNcs) byResult.set(nc.effectiveness, (byResult.get(nc.effectiveness) ?? 0) + 1);
  const results = joinList([...byResult].map(([label, count]) => t('report.count', { label, count })), language);
  return [paragraph(t('report.summary.earlierNcs', { count: input.earlierNcs.length, results }))];
}

export function summarySection(ctx: ReportContext): ReportSection {
  const { input, t } = ctx;
  const anyFindings = input.findingCounts.some((entry) => entry.count > 0);
  return [
    t('report.section.summary'),
    [
      // The recommendation leads the report, straight under its heading.
      ...recommendationBlocks(ctx),
      heading(2, t('report.summary.findings')),
      ...(anyFindings ? [...findingCountsBlocks(ctx), ...nonconformitiesDue(ctx)] : [noneSentence(ctx, 'report.findings.none')]),
      ...earlierNcsSummary(ctx),
      heading(2, t('report.summary.conclusion')),
      ...statementBlocks(ctx, statementOf(ctx, 'conformity_effectiveness')),
    ],
  ];
}

function opinionsBlocks(ctx: ReportContext): Block[] {
  const { input, t } = ctx;
  if (!input.unresolvedOpinions.length) return [noneSentence(ctx, 'report.conclusions.noOpinions')];
  const table: TableBlock = {
    kind: 'table',
    columns: [
      { header: t('report.conclusions.opinionFinding'), width: { fraction: 0.22 } },
      { header: t('report.conclusions.auditeeView'), width: { fraction: 0.39 } },
      { header: t('report.conclusions.teamResponse'), width: { fraction: 0.39 } },
    ],
    rows: input.unresolvedOpinions.map((opinion) => ({ cells: [cell([[run(opinion.findingNumber, { bold: true })]]), cell(opinion.auditeeView), cell(opinion.teamResponse)] })),
  };
  return [table];
}

function remoteFacts(ctx: ReportContext): Block[] {
  const { input, t, language } = ctx;
  const { held, remote, tools, notes } = input.remote;
  if (!held) return [noneSentence(ctx, 'report.dates.none')];
  if (!remote) return [paragraph(t('report.conclusions.remoteNone', { held }))];
  const facts = tools.length ? t('report.conclusions.remoteFactsTools', { remote, held, tools: joinList(tools, language) }) : t('report.conclusions.remoteFacts', { remote, held });
  return [paragraph(facts), ...(notes.length ? [{ kind: 'list' as const, items: notes.map(line) }] : [])];
}

function surveillanceBlocks(ctx: ReportContext): Block[] {
  const { input, t } = ctx;
  if (!input.surveillance.length) return [noneSentence(ctx, 'report.conclusions.noSurveillance')];
  return [
    {
      kind: 'table',
      columns: [
        { header: t('report.conclusions.surveillanceItem'), width: { fraction: 0.3 } },
        { header: t('report.conclusions.surveillanceStatus'), width: { fraction: 0.18 } },
        { header: t('report.conclusions.surveillanceEntry'), width: { fraction: 0.52 } },
      ],
      rows: input.surveillance.map((entry) => ({
        tone: entry.statusKey === 'not_covered' ? 'muted' : entry.statusKey === 'concern' ? 'emphasis' : 'normal',
        cells: [cell([[run(entry.item, { bold: true })]]), cell(entry.status), cell(entry.entry.trim() || t('engine.none'))],
      })),
    },
  ];
}

const isSurveillance = (ctx: ReportContext): boolean => ctx.input.audit.type === 'surveillance1' || ctx.input.audit.type === 'surveillance2';

/** The audit conclusions, one heading per item, with the facts that belong to some of them. */
function conclusionsBlocks(ctx: ReportContext): Block[] {
  const { input, t } = ctx;
  const rank = (item: string): number => (CONCLUSION_ORDER.includes(item) ? CONCLUSION_ORDER.indexOf(item) : CONCLUSION_ORDER.length);
  const statements = [...input.statements].sort((a, b) => rank(a.item) - rank(b.item));
  // Facts that print with an item; under a heading of their own when the item is not in the list.
  const extras: Record<string, { title: string; blocks: (ctx: ReportContext) => Block[]; subheading: boolean }> = {
    unresolved_issues: { title: t('report.conclusions.opinions'), blocks: opinionsBlocks, subheading: true },
    remote_auditing: { title: t('report.conclusions.remote'), blocks: remoteFacts, subheading: false },
  };
  const blocks: Block[] = [];
  for (const statement of statements) {
    const extra = extras[statement.item];
    blocks.push(heading(2, statement.title), ...statementBlocks(ctx, statement));
    if (extra) blocks.push(...(extra.subheading ? [heading(3, extra.title)] : []), ...extra.blocks(ctx));
  }
  for (const [item, extra] of Object.entries(extras)) if (!statementOf(ctx, item)) blocks.push(heading(2, extra.title), ...extra.blocks(ctx));
  if (asks(ctx, 'no-penalties-statement') && !statementOf(ctx, 'no_penalties')) blocks.push(heading(2, t('report.conclusions.noPenalties')), ...statementBlocks(ctx, undefined));
  if (isSurveillance(ctx) || input.surveillance.length) blocks.push(heading(2, t('report.conclusions.surveillance')), ...surveillanceBlocks(ctx));
  return blocks;
}

export function conclusionsSection(ctx: ReportContext): ReportSection {
  return [ctx.t('report.section.conclusions'), [paragraph(ctx.t('report.conclusions.intro')), ...conclusionsBlocks(ctx)]];
}
