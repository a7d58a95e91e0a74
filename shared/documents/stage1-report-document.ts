/**
 * The stage 1 report (ISO/IEC 17021-1 9.3.1.2): documented conclusions rather than a full report —
 * the readiness for stage 2 in summary with the team's recommendation, the audit's parties, scope,
 * team and dates, the document review, the readiness per area, the areas of concern that could be
 * graded as nonconformities at stage 2, the stage 2 plan as it stands, the conclusions stage 1 has,
 * the sampling disclaimer and the signatures. A pure function of `ReportInput`.
 */
import { formatDate, formatDateRange, formatNumber } from './format.ts';
import { cell, heading, paragraph, run, type Block, type DocumentModel } from './model.ts';
import type { ReportInput, Stage1ReportPart } from './report-input.ts';
import { conclusionsSection, recommendationBlocks } from './report-conclusions.ts';
import { findingGroupsBlocks } from './report-findings.ts';
import { assembleReport, disclaimerSection, facts, noneSentence, reportContext, signatureSection, type ReportContext, type ReportSection } from './report-frame.ts';
import { auditFactsSections } from './report-parts.ts';
import { resultsSection } from './report-results.ts';

const EMPTY_STAGE1: Stage1ReportPart = { documentReview: [], readiness: [], overall: '', stage2: { proposedStart: null, proposedEnd: null, auditorDays: null, focus: '' } };

const concernCount = (input: ReportInput): number => input.findingGroups.reduce((sum, group) => sum + group.findings.length, 0);

function summary(ctx: ReportContext, stage1: Stage1ReportPart): ReportSection {
  const { input, t } = ctx;
  const concerns = concernCount(input);
  return [
    t('report.section.summary'),
    [
      // The readiness once: the recommendation says it when recorded ("The organization is ready for the stage 2 audit").
      ...(input.recommendation ? [] : [stage1.overall.trim() ? paragraph([run(stage1.overall.trim(), { bold: true })], { tone: 'lead' }) : paragraph([run(t('report.stage1.noOverall'), { italic: true })])]),
      paragraph(concerns ? t('report.stage1.concernsCount', { count: concerns }) : t('report.stage1.noConcerns')),
      heading(2, t('report.summary.recommendation')),
      ...recommendationBlocks(ctx),
    ],
  ];
}

function documentReview(ctx: ReportContext, stage1: Stage1ReportPart): ReportSection {
  const { t, language } = ctx;
  if (!stage1.documentReview.length) return [t('report.section.documentReview'), [noneSentence(ctx, 'report.stage1.noDocuments')]];
  return [
    t('report.section.documentReview'),
    [
      paragraph(t('report.stage1.documentIntro')),
      {
        kind: 'table',
        columns: [
          { header: t('report.stage1.document'), width: { fraction: 0.3 } },
          { header: t('report.stage1.version'), width: { fraction: 0.16 } },
          { header: t('report.stage1.clause'), width: { fraction: 0.1 } },
          { header: t('report.stage1.adequacy'), width: { fraction: 0.14 } },
          { header: t('report.stage1.comment'), width: { fraction: 0.3 } },
        ],
        rows: stage1.documentReview.map((entry) => ({
          tone: entry.adequacyKey === 'inadequate' ? 'emphasis' : entry.adequacyKey === 'not_reviewed' ? 'muted' : 'normal',
          cells: [
            cell([[run(entry.document, { bold: true })]]),
            cell([...(entry.version.trim() ? [[run(entry.version.trim())]] : []), ...(entry.date ? [[run(formatDate(entry.date, language))]] : []), ...(entry.version.trim() || entry.date ? [] : [[run(t('engine.none'))]])]),
            cell(entry.clause.trim() || t('engine.none')),
            cell([[run(entry.adequacy, { bold: entry.adequacyKey === 'inadequate' })]]),
            cell(entry.comment.trim() || t('engine.none')),
          ],
        })),
      },
    ],
  ];
}

function readiness(ctx: ReportContext, stage1: Stage1ReportPart): ReportSection {
  const { t } = ctx;
  const blocks: Block[] = stage1.readiness.length
    ? [
        {
          kind: 'table',
          columns: [
            { header: t('report.stage1.area'), width: { fraction: 0.32 } },
            { header: t('report.stage1.status'), width: { fraction: 0.2 } },
            { header: t('report.stage1.note'), width: { fraction: 0.48 } },
          ],
          rows: stage1.readiness.map((entry) => ({
            tone: entry.statusKey === 'not_assessed' ? 'muted' : entry.statusKey === 'not_ready' ? 'emphasis' : 'normal',
            cells: [cell([[run(entry.area, { bold: true })]]), cell([[run(entry.status, { bold: entry.statusKey !== 'not_assessed' })]]), cell(entry.note.trim() || t('engine.none'))],
          })),
        },
      ]
    : [noneSentence(ctx, 'report.stage1.noReadiness')];
  blocks.push(paragraph([run(`${t('report.stage1.overall')} `), stage1.overall.trim() ? run(stage1.overall.trim(), { bold: true }) : run(t('report.stage1.noOverall'), { italic: true })]));
  return [t('report.section.readiness'), blocks];
}

function concerns(ctx: ReportContext): ReportSection {
  const { t } = ctx;
  const any = concernCount(ctx.input) > 0;
  return [t('report.section.concerns'), [...(any ? [paragraph(t('report.stage1.concernsIntro'))] : []), ...findingGroupsBlocks(ctx, 'report.stage1.noConcerns')]];
}

function stage2Plan(ctx: ReportContext, stage1: Stage1ReportPart): ReportSection {
  const { t, language } = ctx;
  const plan = stage1.stage2;
  const dates = plan.proposedStart ? formatDateRange(plan.proposedStart, plan.proposedEnd ?? plan.proposedStart, language) : plan.proposedEnd ? formatDate(plan.proposedEnd, language) : '';
  const days = plan.auditorDays === null ? '' : plan.auditorDays === 1 ? t('report.days.one') : t('report.days.value', { days: formatNumber(plan.auditorDays) });
  const blocks: Block[] =
    dates || days || plan.focus.trim()
      ? [
          facts(ctx, [
            [t('report.stage1.stage2Dates'), dates],
            [t('report.stage1.stage2Days'), days],
            [t('report.stage1.stage2Focus'), plan.focus],
          ]),
        ]
      : [noneSentence(ctx, 'report.stage1.noStage2Plan')];
  return [t('report.section.stage2Plan'), blocks];
}

export function stage1ReportDocument(input: ReportInput): DocumentModel {
  const ctx = reportContext(input);
  const stage1 = input.stage1 ?? EMPTY_STAGE1;
  // Stage 1 may conclude on processes too (a readiness look at them): shown when the team recorded any.
  const results: ReportSection[] = input.results.length || input.trails.length ? [resultsSection(ctx)] : [];
  return assembleReport(ctx, ctx.t('report.stage1Title'), [
    summary(ctx, stage1),
    ...auditFactsSections(ctx),
    documentReview(ctx, stage1),
    readiness(ctx, stage1),
    ...results,
    concerns(ctx),
    stage2Plan(ctx, stage1),
    conclusionsSection(ctx),
    disclaimerSection(ctx),
    signatureSection(ctx),
  ]);
}
