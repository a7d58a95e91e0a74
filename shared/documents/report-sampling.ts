/**
 * The report's record sampling section (issue 20): its own numbered section after the results, only
 * when a sample was drawn from a client's export (records seen on screen stay in the results; an
 * empty section would say nothing the results do not). Per process, one compact table per sample —
 * its header row names it — with the population, the sizing, the selection and what lets anyone
 * recompute it, what testing found, and the findings raised from it. It never concludes that a
 * sample supports reliance on a process: the section's note says every deviation is a candidate
 * nonconformity.
 */
import { formatDate, joinList } from './format.ts';
import { cell, heading, line, paragraph, run, type Block, type Inline, type TableBlock, type TableRow } from './model.ts';
import { samplingOf, type ReportSample, type ReportSamplingTopic } from './report-input.ts';
import { typed, type ReportContext, type ReportSection } from './report-frame.ts';
import { samplingText, type SamplingText } from './report-sampling-text.ts';

/** A whole number with thousands grouped ("1,245"), as the report's other counts. */
const grouped = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function sampleTable(ctx: ReportContext, s: SamplingText, sample: ReportSample, number: number): TableBlock {
  const { language } = ctx;
  const row = (key: string, value: readonly Inline[], tone: TableRow['tone'] = 'normal'): TableRow => ({ tone, cells: [cell(key), cell(value.length ? value : [line('—')])] });
  const size = sample.extended ? s('sizeExtended', { size: grouped(sample.size), first: grouped(sample.firstDraw), extended: grouped(sample.extended) }) : sample.size === 1 ? s('sizeOne') : s('sizeValue', { size: grouped(sample.size) });
  const drawn = sample.drawnOn ? (sample.drawnBy.trim() ? s('drawn', { date: formatDate(sample.drawnOn, language), name: sample.drawnBy }) : s('drawnOn', { date: formatDate(sample.drawnOn, language) })) : '';
  const selectionRecord: Inline[] = [
    ...(sample.seed ? [line(s('seed', { seed: sample.seed }))] : []),
    ...(sample.populationHash ? [line(s('populationHash', { hash: sample.populationHash }))] : []),
    [run(sample.recompute, { italic: true })],
    ...(drawn ? [line(drawn)] : []),
  ];
  const results: Inline[] = [
    [run(sample.results, { bold: sample.deviations > 0 })],
    ...(sample.upperLimit ? [line(sample.upperLimit.text)] : []),
    ...(sample.deviatingRecords.length ? [line(s('deviating', { list: joinList(sample.deviatingRecords, language) }))] : []),
  ];
  const rows: TableRow[] = [
    row(s('population'), [line(s('populationValue', { count: grouped(sample.populationSize) }))]),
    ...(sample.source.trim() ? [row(s('source'), [line(sample.source)])] : []),
    ...(sample.period ? [row(s('period'), [line(sample.period)])] : []),
    ...(sample.site ? [row(s('site'), [line(sample.site)])] : []),
    row(s('sizing'), [line(size), line(sample.sizing)]),
    ...(sample.justification.trim() ? [row(s('justification'), typed(sample.justification))] : []),
    row(s('method'), [line(sample.method)]),
    row(s('record'), selectionRecord),
    ...(sample.attributes.length ? [row(s('attributes'), [line(joinList(sample.attributes, language))])] : []),
    row(s('results'), results, sample.deviations > 0 ? 'emphasis' : 'normal'),
    row(s('findings'), sample.findingNumbers.length ? [[run(joinList(sample.findingNumbers, language), { bold: true })]] : [[run(s('noFindings'), { italic: true })]]),
  ];
  return {
    kind: 'table',
    columns: [
      { header: s('sample', { number }), width: { fraction: 0.24 } },
      { header: sample.population, width: { fraction: 0.76 } },
    ],
    rows,
  };
}

function topicBlocks(ctx: ReportContext, s: SamplingText, topic: ReportSamplingTopic): Block[] {
  return [heading(2, topic.title), ...topic.samples.map((sample, index) => sampleTable(ctx, s, sample, index + 1))];
}

/** The section, or null when no sample was drawn (the report then has no such section). */
export function samplingSection(ctx: ReportContext): ReportSection | null {
  const topics = samplingOf(ctx.input);
  if (!topics.some((topic) => topic.samples.length)) return null;
  const s = samplingText(ctx.language);
  return [s('title'), [paragraph(s('intro'), { tone: 'note' }), ...topics.filter((topic) => topic.samples.length).flatMap((topic) => topicBlocks(ctx, s, topic))]];
}
