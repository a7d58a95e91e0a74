/**
 * The results of the audit (17021-1 9.4.8 item 11), process by process and for clauses 4–7, 9 and
 * 10: one overview table with each topic's conclusion and the checklist's outcome counted (never
 * every question), then per topic the team's conclusion narrative, the evidence it rests on, the
 * populations shown and records seen, and the five-point grid when the CB uses it; then the audit
 * trails followed across processes.
 */
import { joinList } from './format.ts';
import { cell, heading, line, paragraph, run, type Block, type Inline, type TableBlock, type TableRow } from './model.ts';
import type { ReportResult, ReportTrail } from './report-input.ts';
import { facts, noneSentence, typed, type ReportContext, type ReportSection } from './report-frame.ts';

/** The overview's count columns: the questions, then conforming, not conforming, not applicable, not answered. */
const QUESTIONS_MM = 20;
const COUNT_MM = 14;

/** A conclusion's status, bold unless not concluded. */
const statusRun = (result: ReportResult): Inline => [run(result.status, { bold: result.statusKey !== 'not_concluded', italic: result.statusKey === 'not_concluded' })];

function overview(ctx: ReportContext): TableBlock {
  const { input, t, language } = ctx;
  const count = (value: number): string => (value === 0 ? '–' : String(value));
  const totals = input.results.reduce(
    (sum, result) => ({
      questions: sum.questions + result.checklist.questions,
      conforming: sum.conforming + result.checklist.conforming,
      nonconforming: sum.nonconforming + result.checklist.nonconforming,
      notApplicable: sum.notApplicable + result.checklist.notApplicable,
      notAnswered: sum.notAnswered + result.checklist.notAnswered,
    }),
    { questions: 0, conforming: 0, nonconforming: 0, notApplicable: 0, notAnswered: 0 },
  );
  const numbers = (checklist: ReportResult['checklist'], bold = false) =>
    [checklist.questions, checklist.conforming, checklist.nonconforming, checklist.notApplicable, checklist.notAnswered].map((value) => cell([[run(count(value), { bold })]]));
  const rows: TableRow[] = input.results.map((result) => ({
    tone: result.statusKey === 'not_concluded' ? 'muted' : 'normal',
    cells: [
      cell([line(result.title), ...(result.findingNumbers.length ? [[run(t('report.results.findingsRaised', { list: joinList(result.findingNumbers, language) }), { italic: true })]] : [])]),
      cell([statusRun(result)]),
      ...numbers(result.checklist),
    ],
  }));
  rows.push({ tone: 'emphasis', cells: [cell([[run(t('report.results.total'), { bold: true })]], 2), ...numbers(totals, true)] });
  return {
    kind: 'table',
    columns: [
      { header: t('report.results.topic'), width: { fraction: 0.66 } },
      { header: t('report.results.status'), width: { fraction: 0.34 } },
      { header: t('report.results.questions'), width: { mm: QUESTIONS_MM }, align: 'right' },
      { header: t('report.results.conforming'), width: { mm: COUNT_MM }, align: 'right' },
      { header: t('report.results.nonconforming'), width: { mm: COUNT_MM }, align: 'right' },
      { header: t('report.results.notApplicable'), width: { mm: COUNT_MM }, align: 'right' },
      { header: t('report.results.notAnswered'), width: { mm: COUNT_MM }, align: 'right' },
    ],
    rows,
  };
}

/** Whether any point of a process's grid was rated or noted. */
const gridRecorded = (grid: NonNullable<ReportResult['grid']>): boolean => grid.some((point) => point.ratingKey !== 'not_assessed' || point.note.trim() !== '');

function gridTable(ctx: ReportContext, grid: NonNullable<ReportResult['grid']>): TableBlock {
  const { t } = ctx;
  return {
    kind: 'table',
    columns: [
      { header: t('report.results.grid'), width: { fraction: 0.5 } },
      { header: t('report.results.gridRating'), width: { fraction: 0.18 } },
      { header: t('report.results.gridNote'), width: { fraction: 0.32 } },
    ],
    rows: grid.map((point, index) => ({
      tone: point.ratingKey === 'not_assessed' ? 'muted' : 'normal',
      cells: [cell(`${index + 1}. ${point.point}`), cell([[run(point.rating, { bold: point.ratingKey === 'not_effective' || point.ratingKey === 'partly_effective' })]]), cell(point.note.trim() || t('engine.none'))],
    })),
  };
}

function recordsTable(ctx: ReportContext, records: ReportResult['records']): TableBlock {
  const { t, language } = ctx;
  return {
    kind: 'table',
    columns: [
      { header: t('report.results.records', { count: records.length }), width: { fraction: 0.26 } },
      { header: t('report.results.recordResult'), width: { fraction: 0.16 } },
      { header: t('report.results.recordNote'), width: { fraction: 0.58 } },
    ],
    rows: records.map((record) => ({
      tone: record.resultKey === 'fail' ? 'emphasis' : 'normal',
      cells: [
        cell([[run(record.reference, { bold: true })]]),
        cell([[run(record.result, { bold: record.resultKey === 'fail' })]]),
        cell([
          ...typed(record.note),
          ...(record.failedAttributes.length ? [[run(t('report.results.failedAttributes', { list: joinList(record.failedAttributes.map((name) => t('report.results.attribute', { name })), language) }), { italic: true })]] : []),
          ...(record.note.trim() || record.failedAttributes.length ? [] : [line(t('engine.none'))]),
        ]),
      ],
    })),
  };
}

function topicBlocks(ctx: ReportContext, result: ReportResult): Block[] {
  const { t, language } = ctx;
  const blocks: Block[] = [heading(2, result.title)];
  const findings = result.findingNumbers.length ? [run(t('report.results.findingsAfter', { list: joinList(result.findingNumbers, language) }))] : [];
  // "Conclusion: Conforming. Findings: …" — Chinese puts no space after its full-width colon.
  blocks.push(paragraph([run(`${t('report.results.conclusion')}${language === 'en' ? ' ' : ''}`), ...statusRun(result), ...findings]));
  const narrative = typed(result.conclusion);
  blocks.push(...(narrative.length ? narrative.map((content) => paragraph(content)) : [paragraph([run(t('report.results.noConclusion'), { italic: true })])]));
  if (result.evidence.length || result.queries.length) {
    blocks.push(
      facts(
        ctx,
        [
          [t('report.results.evidence'), result.evidence.length ? result.evidence.map(line) : null],
          [t('report.results.queries'), result.queries.length ? result.queries.map(line) : null],
        ],
        0.22,
      ),
    );
  }
  // Each table's header row names it and stays with its first row (and repeats on the next page).
  // A grid where no point was rated or noted is eight rows of nothing: one sentence says so instead.
  if (result.grid?.length) blocks.push(gridRecorded(result.grid) ? gridTable(ctx, result.grid) : paragraph([run(t('report.results.gridNotRecorded'), { italic: true })]));
  if (result.records.length) blocks.push(recordsTable(ctx, result.records));
  return blocks;
}

function trailBlocks(ctx: ReportContext, trail: ReportTrail): Block[] {
  const { t } = ctx;
  const blocks: Block[] = [heading(3, trail.service.trim() ? t('report.trails.titleWithService', { title: trail.title, service: trail.service }) : trail.title)];
  blocks.push(
    trail.steps.length
      ? {
          kind: 'table',
          columns: [
            { header: t('report.trails.step'), width: { mm: 12 }, align: 'center' },
            { header: t('report.trails.process'), width: { fraction: 0.32 } },
            { header: t('report.trails.record'), width: { fraction: 0.24 } },
            { header: t('report.trails.note'), width: { fraction: 0.44 } },
          ],
          rows: trail.steps.map((step, index) => ({ cells: [cell(String(index + 1)), cell(step.process), cell([[run(step.record, { bold: true })]]), cell(step.note.trim() || t('engine.none'))] })),
        }
      : noneSentence(ctx, 'report.trails.noSteps'),
  );
  if (trail.notes.trim()) blocks.push(...typed(trail.notes).map((content) => paragraph(content)));
  return blocks;
}

export function resultsSection(ctx: ReportContext): ReportSection {
  const { input, t } = ctx;
  const blocks: Block[] = [];
  if (input.results.length) {
    blocks.push(overview(ctx), paragraph(t('report.results.overviewNote'), { tone: 'note' }));
    for (const result of input.results) blocks.push(...topicBlocks(ctx, result));
  } else {
    blocks.push(noneSentence(ctx, 'report.results.none'));
  }
  blocks.push(heading(2, t('report.trails.title')));
  if (input.trails.length) blocks.push(paragraph(t('report.trails.intro')), ...input.trails.flatMap((trail) => trailBlocks(ctx, trail)));
  else blocks.push(noneSentence(ctx, 'report.trails.none'));
  return [t('report.section.results'), blocks];
}
