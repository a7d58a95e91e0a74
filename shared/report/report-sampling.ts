/**
 * The report's record sampling (issue 20), process by process: for each sample drawn from a client's
 * export, the population, how its size was set, how its records were selected (with the inputs that
 * let anyone recompute the selection), and what testing found, with the findings raised from its
 * records. Pure; worded in the report's language.
 *
 * The evaluation is the report's own, from the rows, by the rule the Sampling screen shows: an item is
 * tested when every attribute of the sample is set on its record (without attributes: when the
 * record's result is set); it deviates when an attribute or the record failed; the deviation rate is
 * over the items known either way. The upper deviation limit only in statistical mode — and never a
 * conclusion that the sample "supports reliance": every deviation is a candidate nonconformity
 * (../shared/reference/certification-audit-facts.md "Record sampling").
 */
import { fillText } from '../documents/fixed-text.ts';
import type { DocumentLanguage } from '../documents/plan-input.ts';
import type { ReportSample, ReportSampleItem, ReportSamplingTopic } from '../documents/report-input.ts';
import type { RecordResult } from '../fieldwork/fieldwork-kinds.ts';
import { ITEM_SELECTIONS, type ItemSelection } from '../sampling/sampling-kinds.ts';
import { evaluateSample, itemDeviates, itemTested, type EvaluatedItem } from '../sampling/sample-evaluation.ts';
import { auditDayOf, isIanaTimeZone } from '../time.ts';
import { REPORT_LABELS } from './report-labels.ts';
import { attributeNames } from './report-results.ts';
import type { ReportSource } from './report-source.ts';
import { topicTitleOf, type ReportTopics } from './report-topics.ts';
import { groupedNumber, periodText } from './report-wording.ts';

/** Where docs/SAMPLING-RANDOM.md is named in the report: the specification anyone recomputes a selection by. */
export const SELECTION_SPECIFICATION = 'docs/SAMPLING-RANDOM.md';

/** A rate as a percentage to one decimal ("3.3%"); `up` rounds up, so an upper limit is never understated. */
export function percentText(rate: number, round: 'nearest' | 'up' = 'nearest'): string {
  const tenths = round === 'up' ? Math.ceil(rate * 1000 - 1e-9) : Math.round(rate * 1000);
  return `${(tenths / 10).toFixed(tenths % 10 === 0 ? 0 : 1)}%`;
}

/** What the draw recorded that the report words: a systematic sample's interval, a stratified one's strata count. */
function selectionFacts(json: string): { interval: number | null; strata: number | null } {
  try {
    const selection = JSON.parse(json) as { interval?: unknown; strata?: unknown };
    return {
      interval: typeof selection.interval === 'number' ? selection.interval : null,
      strata: Array.isArray(selection.strata) ? selection.strata.length : null,
    };
  } catch {
    return { interval: null, strata: null };
  }
}

type Row<K extends keyof ReportSource> = ReportSource[K] extends readonly (infer R)[] ? R : never;

/** The samples of the engagement by the report's topics (in its topic order; a topic the pack does not know, after, by key). */
export function reportSampling(source: ReportSource, language: DocumentLanguage, topics: Pick<ReportTopics, 'units'>): ReportSamplingTopic[] {
  if (!source.samples.length) return [];
  const populations = new Map(source.populations.map((row) => [row.id, row]));
  const byTopic = new Map<string, ReportSample[]>();
  const samples = [...source.samples].sort((a, b) => (a.drawn_at ?? '').localeCompare(b.drawn_at ?? '') || a.id.localeCompare(b.id));
  const context = sampleContext(source, language);
  for (const sample of samples) {
    const population = populations.get(sample.population_id);
    const topic = population?.topic ?? '';
    const list = byTopic.get(topic) ?? [];
    list.push(reportSample(sample, population, context));
    byTopic.set(topic, list);
  }
  const order = new Map(topics.units.map((unit, index) => [unit.key, index]));
  return [...byTopic.keys()]
    .sort((a, b) => (order.get(a) ?? order.size) - (order.get(b) ?? order.size) || a.localeCompare(b))
    .map((topic) => ({ topic, title: topicTitleOf(topic, source.pack, language), samples: byTopic.get(topic)! }));
}

interface SampleContext {
  readonly language: DocumentLanguage;
  readonly itemsOf: ReadonlyMap<string, Row<'sampleItems'>[]>;
  readonly attributesOf: ReadonlyMap<string, Row<'sampleAttributes'>[]>;
  readonly records: ReadonlyMap<string, Row<'recordsSeen'>>;
  readonly resultOf: (recordId: string, attribute: string) => RecordResult;
  readonly attributeName: (attribute: Row<'sampleAttributes'>) => string;
  readonly findingsOf: (recordIds: readonly string[]) => string[];
  readonly siteName: ReadonlyMap<string, string>;
  readonly memberName: ReadonlyMap<string, string>;
  /** The engagement's time zone: a draw's day is the audit's day there. */
  readonly timeZone: string;
}

function sampleContext(source: ReportSource, language: DocumentLanguage): SampleContext {
  const group = <T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> => {
    const out = new Map<K, T[]>();
    for (const row of rows) {
      const list = out.get(key(row));
      if (list) list.push(row);
      else out.set(key(row), [row]);
    }
    return out;
  };
  const itemsOf = group(source.sampleItems, (item) => item.sample_id);
  for (const list of itemsOf.values()) list.sort((a, b) => a.draw_seq - b.draw_seq || a.row_no - b.row_no);
  const attributesOf = group(source.sampleAttributes, (attribute) => attribute.sample_id);
  for (const list of attributesOf.values()) list.sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || a.attribute.localeCompare(b.attribute));
  const results = new Map(source.recordAttributes.map((row) => [`${row.record_id}\n${row.attribute}`, row.result]));
  const names = attributeNames(source.pack, language);
  // A finding's number once per sample, in the findings' order (grade, then number).
  const findingOrder = new Map(source.findings.map((finding, index) => [finding.id, index]));
  const findingLabel = new Map(source.findings.map((finding) => [finding.id, finding.label]));
  const findingsOfRecord = group(source.findingRecords, (link) => link.record_id);
  return {
    language,
    itemsOf,
    attributesOf,
    records: new Map(source.recordsSeen.map((record) => [record.id, record])),
    resultOf: (recordId, attribute) => results.get(`${recordId}\n${attribute}`) ?? 'not_tested',
    attributeName: (attribute) => attribute.label.trim() || names.get(attribute.attribute) || attribute.attribute,
    findingsOf: (recordIds) => {
      const ids = new Set(recordIds.flatMap((id) => (findingsOfRecord.get(id) ?? []).map((link) => link.finding_id)).filter((id) => findingLabel.has(id)));
      return [...ids].sort((a, b) => findingOrder.get(a)! - findingOrder.get(b)!).map((id) => findingLabel.get(id)!);
    },
    siteName: new Map(source.sites.map((site) => [site.id, site.name])),
    memberName: new Map(source.team.map((member) => [member.id, member.name])),
    timeZone: isIanaTimeZone(source.engagement.time_zone) ? source.engagement.time_zone : 'UTC',
  };
}

function methodText(sample: Row<'samples'>, language: DocumentLanguage): string {
  const labels = REPORT_LABELS[language].sampling;
  const facts = selectionFacts(sample.selection);
  switch (sample.method) {
    case 'random':
      return labels.methodRandom;
    case 'systematic':
      return facts.interval === null ? labels.methodSystematicNoInterval : fillText(labels.methodSystematic, { interval: groupedNumber(facts.interval) });
    case 'stratified': {
      const allocation =
        sample.allocation === 'minimum' ? fillText(labels.allocationMinimum, { minimum: groupedNumber(sample.minimum_per_stratum ?? 1) }) : labels.allocationProportional;
      return fillText(labels.methodStratified, { column: sample.stratify_by, strata: facts.strata ?? '?', allocation });
    }
    case 'judgmental':
      return labels.methodJudgmental;
  }
}

function reportSample(sample: Row<'samples'>, population: Row<'populations'> | undefined, context: SampleContext): ReportSample {
  const { language } = context;
  const labels = REPORT_LABELS[language];
  const words = labels.sampling;
  const attributes = context.attributesOf.get(sample.id) ?? [];
  const rows = context.itemsOf.get(sample.id) ?? [];

  const evaluatedItems: EvaluatedItem[] = rows.map((row) => {
    const record = row.record_id ? context.records.get(row.record_id) : undefined;
    return {
      recordId: record ? record.id : null,
      recordResult: record?.result ?? 'not_tested',
      attributeResults: record ? attributes.map((attribute) => context.resultOf(record.id, attribute.attribute)) : [],
    };
  });
  // The same counting as the screen's evaluation card (shared/sampling/sample-evaluation.ts).
  const evaluation = evaluateSample({
    items: evaluatedItems,
    sizing: sample.sizing,
    confidence: sample.confidence,
    tolerableRate: sample.tolerable_rate,
    statisticalModel: sample.statistical_model,
    populationSize: population?.row_count ?? 0,
  });
  const { tested, deviations, evaluated } = evaluation;
  const items = rows.map((row, index): ReportSampleItem => {
    const item = evaluatedItems[index]!;
    const record = row.record_id ? context.records.get(row.record_id) : undefined;
    const done = itemTested(item);
    const deviates = item.recordId !== null && itemDeviates(item);
    const resultKey = deviates ? 'deviation' : done ? 'no_deviation' : 'not_tested';
    const selectionKey: ItemSelection = ITEM_SELECTIONS.includes(row.selection) ? row.selection : 'random';
    return {
      record: row.record_ref,
      position: index + 1,
      selection: words.itemSelection[selectionKey],
      selectionKey,
      stratum: row.stratum,
      reason: row.reason,
      result: words.itemResult[resultKey],
      resultKey,
      failedAttributes: attributes.filter((_, i) => item.attributeResults[i] === 'fail').map(context.attributeName),
      note: record?.note ?? '',
    };
  });
  const rate = evaluation.deviationRate === null ? '' : percentText(evaluation.deviationRate);
  const extended = items.filter((item) => item.selectionKey === 'extension').length;

  const statistical = sample.sizing === 'statistical' && sample.confidence !== null;
  let upperLimit: ReportSample['upperLimit'] = null;
  let modelKey: 'binomial' | 'hypergeometric' | '' = sample.statistical_model;
  if (statistical) {
    const confidence = percentText(sample.confidence!);
    const tolerable = sample.tolerable_rate === null ? '' : percentText(sample.tolerable_rate);
    const limit = evaluation.upperLimit;
    if (limit?.ok) {
      modelKey = limit.model;
      const above = evaluation.aboveTolerable === true;
      const limitText = percentText(limit.limit, 'up');
      upperLimit = {
        text: fillText(above ? words.upperLimitAbove : words.upperLimitNotAbove, { confidence, limit: limitText, tolerable: tolerable || '—' }),
        limit: limitText,
        tolerable,
        aboveTolerable: above,
      };
    } else {
      upperLimit = { text: words.upperLimitNone, limit: '', tolerable, aboveTolerable: false };
    }
  }
  const sizing = statistical
    ? fillText(words.sizingStatistical, {
        confidence: percentText(sample.confidence!),
        tolerable: sample.tolerable_rate === null ? '—' : percentText(sample.tolerable_rate),
        expected: sample.expected_rate === null ? '—' : percentText(sample.expected_rate),
        model: modelKey ? words.model[modelKey] : words.model.binomial,
      })
    : words.sizingJudgment;

  const resultParts = [
    fillText(words.resultsTested, { tested: groupedNumber(tested), size: groupedNumber(items.length) }),
    evaluated === 0 ? words.resultsNotEvaluated : deviations === 0 ? words.resultsNoDeviation : deviations === 1 ? fillText(words.resultsOneDeviation, { rate }) : fillText(words.resultsDeviations, { deviations: groupedNumber(deviations), rate }),
  ];
  const random = sample.method !== 'judgmental' && sample.algorithm.trim() !== '';
  const sourceName = population ? (population.source_sheet.trim() ? fillText(words.sourceSheet, { file: population.source_name, sheet: population.source_sheet }) : population.source_name) : '';
  return {
    id: sample.id,
    population: population?.name ?? '',
    source: sourceName,
    populationSize: population?.row_count ?? 0,
    period: population ? periodText(population.period_from, population.period_to, language) : '',
    site: population?.site_id ? (context.siteName.get(population.site_id) ?? '') : '',
    sizingKey: statistical ? 'statistical' : 'judgment',
    sizing,
    justification: sample.justification,
    methodKey: sample.method,
    method: methodText(sample, language),
    size: items.length,
    firstDraw: items.length - extended,
    extended,
    algorithm: random ? sample.algorithm : '',
    seed: random ? sample.seed : '',
    populationHash: sample.population_hash,
    recompute: random ? fillText(words.recompute, { algorithm: sample.algorithm, spec: SELECTION_SPECIFICATION }) : words.recomputeJudgmental,
    drawnBy: context.memberName.get(sample.drawn_by) ?? '',
    drawnOn: sample.drawn_at ? auditDayOf(Date.parse(sample.drawn_at), context.timeZone) : '',
    attributes: attributes.map(context.attributeName),
    tested,
    deviations,
    evaluated,
    deviationRate: rate,
    upperLimit,
    results: resultParts.join(words.resultsSeparator),
    deviatingRecords: items.filter((item) => item.resultKey === 'deviation').map((item) => item.record),
    findingNumbers: context.findingsOf(rows.flatMap((row) => (row.record_id ? [row.record_id] : []))),
    items,
  };
}
