/**
 * The fixed texts of the report's record sampling section (issue 20), in English and Simplified
 * Chinese. Kept beside the section rather than in fixed-text.ts: the section is the only reader. The
 * Chinese in the project's terms (docs/terminology.json: 总体, 样本, 抽样, 偏差, 偏差率, 置信度,
 * 可容忍偏差率, 偏差上限, 随机种子); technical names (the algorithm) come in as values.
 * report-sampling.test.ts holds both languages to the same keys and placeholders.
 */
import { fillText, type TextParams } from './fixed-text.ts';
import type { DocumentLanguage } from './plan-input.ts';

const EN = {
  title: 'Record sampling',
  intro:
    'Records sampled from the client’s exports, process by process: the population, how the sample was sized and selected, and what testing found. Every deviation found is a candidate nonconformity, whatever the deviation rate; a sample is evidence gathered, not a conclusion on the whole population.',
  sample: 'Sample {number}',
  population: 'Population',
  populationValue: '{count} records',
  source: 'Source',
  period: 'Period',
  site: 'Site',
  sizing: 'Sample size',
  sizeValue: '{size} records',
  sizeOne: '1 record',
  sizeExtended: '{size} records ({first} drawn, {extended} added by extension)',
  justification: 'Justification',
  method: 'Selection',
  record: 'Selection record',
  seed: 'Seed: {seed}',
  populationHash: 'Population hash: {hash}',
  drawn: 'Drawn {date} by {name}',
  drawnOn: 'Drawn {date}',
  attributes: 'Attributes tested',
  results: 'Results',
  deviating: 'Deviations: {list}',
  findings: 'Findings raised',
  noFindings: 'None raised from this sample.',
} as const;

export type SamplingTextKey = keyof typeof EN;

const ZH_HANS: Record<SamplingTextKey, string> = {
  title: '记录抽样',
  intro: '按过程列出从受审核方导出数据中抽取的记录：总体、样本量的确定和抽样方法，以及检查结果。无论偏差率多少，发现的每项偏差都是可能的不符合；样本是收集到的证据，而非对整个总体的结论。',
  sample: '样本 {number}',
  population: '总体',
  populationValue: '共 {count} 条记录',
  source: '来源',
  period: '期间',
  site: '场所',
  sizing: '样本量',
  sizeValue: '{size} 条记录',
  sizeOne: '1 条记录',
  sizeExtended: '{size} 条记录（首次抽取 {first} 条，扩大样本增加 {extended} 条）',
  justification: '理由',
  method: '抽样方法',
  record: '抽样记录',
  seed: '随机种子：{seed}',
  populationHash: '总体哈希值：{hash}',
  drawn: '{name}于{date}抽取',
  drawnOn: '于{date}抽取',
  attributes: '检查的属性',
  results: '结果',
  deviating: '偏差：{list}',
  findings: '开具的审核发现',
  noFindings: '本样本未开具审核发现。',
};

export const SAMPLING_TEXTS: Readonly<Record<DocumentLanguage, Readonly<Record<SamplingTextKey, string>>>> = { en: EN, 'zh-Hans': ZH_HANS };

export type SamplingText = (key: SamplingTextKey, params?: TextParams) => string;

export const samplingText =
  (language: DocumentLanguage): SamplingText =>
  (key, params) =>
    fillText(SAMPLING_TEXTS[language][key], params);
