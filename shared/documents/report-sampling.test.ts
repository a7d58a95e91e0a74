// The report's record sampling section (issue 20): a numbered section after the results only when a
// sample was drawn, a table per sample whose header names it, the selection record and the results
// in both languages, never "reliance"; its fixed texts in both languages, the Chinese in Chinese.
import { describe, expect, it } from 'vitest';
import { formatViolation, loadTerminology, wrongTerms } from '../../scripts/terminology.ts';
import { fullReportInput } from '../../tests/fixtures/report-inputs.ts';
import { FIXED_TEXTS, placeholdersOf } from './fixed-text.ts';
import { contentsOf, documentTexts, type Block, type DocumentModel, type HeadingBlock, type TableBlock } from './model.ts';
import type { DocumentLanguage } from './plan-input.ts';
import { auditReportDocument, reportDocument } from './report-document.ts';
import type { ReportInput } from './report-input.ts';
import { SAMPLING_TEXTS } from './report-sampling-text.ts';
import { reportSampling } from '../report/report-sampling.ts';
import type { ReportSource } from '../report/report-source.ts';
import { FIELDWORK_PACK } from '../../tests/helpers/fieldwork-pack.ts';

/** Two samples of incidents (one statistical, one judgmental with a deviation and a finding), worded by the report's own builder. */
function sampledInput(language: DocumentLanguage): ReportInput {
  const item = (sample: string, n: number, selection: string, reason = '') => ({ id: `${sample}-${n}`, sample_id: sample, row_no: n, record_ref: `INC-${n}`, draw_seq: n, selection, stratum: '', reason, record_id: `r${n}` });
  const source = {
    engagement: { time_zone: 'Europe/Berlin' },
    pack: FIELDWORK_PACK,
    sites: [],
    team: [{ id: 'm1', name: 'Li Wei' }],
    populations: [{ id: 'p1', topic: 'incident', name: 'Incidents Q1 2027', period_from: '2027-01-01', period_to: '2027-03-31', site_id: null, source_name: 'incidents.csv', source_sheet: '', row_count: 12_480 }],
    samples: [
      {
        id: 's1',
        population_id: 'p1',
        drawn_by: 'm1',
        sizing: 'statistical',
        justification: '',
        confidence: 0.95,
        tolerable_rate: 0.1,
        expected_rate: 0,
        statistical_model: '',
        method: 'random',
        stratify_by: '',
        allocation: 'proportional',
        minimum_per_stratum: null,
        algorithm: 'aw-perm-1',
        seed: '3f9a0c1d',
        population_hash: 'c'.repeat(64),
        selection: '{}',
        drawn_at: '2027-03-01T09:00:00.000Z',
      },
      {
        id: 's2',
        population_id: 'p1',
        drawn_by: 'm1',
        sizing: 'judgment',
        justification: 'The major incidents of the quarter.',
        confidence: null,
        tolerable_rate: null,
        expected_rate: null,
        statistical_model: '',
        method: 'judgmental',
        stratify_by: '',
        allocation: 'proportional',
        minimum_per_stratum: null,
        algorithm: '',
        seed: '',
        population_hash: 'c'.repeat(64),
        selection: '{}',
        drawn_at: '2027-03-01T10:00:00.000Z',
      },
    ],
    sampleItems: [item('s1', 1, 'random'), item('s1', 2, 'random'), item('s2', 3, 'judgmental', 'Major incident')],
    sampleAttributes: [],
    recordsSeen: [
      { id: 'r1', result: 'pass', note: '' },
      { id: 'r2', result: 'pass', note: '' },
      { id: 'r3', result: 'fail', note: 'No review after closure.' },
    ],
    recordAttributes: [],
    findings: [{ id: 'f1', label: 'MIN-01' }],
    findingRecords: [{ finding_id: 'f1', record_id: 'r3' }],
  } as unknown as ReportSource;
  return { ...fullReportInput(language), sampling: reportSampling(source, language, { units: [] }) };
}

const level1 = (document: DocumentModel): string[] => document.blocks.filter((block): block is HeadingBlock => block.kind === 'heading' && block.level === 1).map((block) => block.text);

function sectionBlocks(document: DocumentModel, title: string): Block[] {
  const start = document.blocks.findIndex((block) => block.kind === 'heading' && block.level === 1 && block.text.endsWith(title));
  if (start < 0) return [];
  const next = document.blocks.findIndex((block, index) => index > start && block.kind === 'heading' && block.level === 1);
  return document.blocks.slice(start + 1, next < 0 ? undefined : next);
}

const textOf = (document: DocumentModel, blocks: readonly Block[]): string =>
  documentTexts({ ...document, blocks, branding: { bodyName: '', logoDataUrl: null }, running: { headerRight: '', footerLeft: '', pageNumber: [] }, watermark: undefined }).join('\n');

describe('the report’s record sampling section', () => {
  it('is not there when no sample was drawn: no heading, the sections numbered as before', () => {
    for (const language of ['en', 'zh-Hans'] as const) {
      const document = reportDocument(fullReportInput(language));
      expect(level1(document).some((text) => text.endsWith(SAMPLING_TEXTS[language].title))).toBe(false);
      expect(reportDocument({ ...fullReportInput(language), sampling: [] }).blocks).toEqual(document.blocks);
    }
  });

  it.each(['en', 'zh-Hans'] as const)('%s: follows the results as a numbered section, listed in the contents, a table per sample', (language) => {
    const input = sampledInput(language);
    const document = reportDocument(input);
    const titles = level1(document);
    const at = titles.findIndex((text) => text.endsWith(SAMPLING_TEXTS[language].title));
    expect(at).toBeGreaterThan(0);
    expect(titles[at]).toMatch(new RegExp(`^${at + 1}  `));
    expect(titles[at - 1]!.endsWith(FIXED_TEXTS[language]['report.section.results'])).toBe(true);
    const contents = document.blocks.find((block) => block.kind === 'contents');
    expect(contents && 'entries' in contents ? contents.entries.map((entry) => entry.text) : []).toContain(titles[at]);
    expect(contentsOf(document.blocks, '', 1).entries.map((entry) => entry.text)).toContain(titles[at]);

    const blocks = sectionBlocks(document, SAMPLING_TEXTS[language].title);
    expect(blocks.filter((block): block is HeadingBlock => block.kind === 'heading').map((block) => [block.level, block.text])).toEqual([[2, input.sampling![0]!.title]]);
    expect(input.sampling![0]!.title).toMatch(/^8\.6\.1 /);
    const tables = blocks.filter((block): block is TableBlock => block.kind === 'table');
    expect(tables.map((table) => table.columns.map((column) => column.header))).toEqual([
      [SAMPLING_TEXTS[language].sample.replace('{number}', '1'), 'Incidents Q1 2027'],
      [SAMPLING_TEXTS[language].sample.replace('{number}', '2'), 'Incidents Q1 2027'],
    ]);
    const text = textOf(document, blocks);
    expect(text).toContain('3f9a0c1d');
    expect(text).toContain('c'.repeat(64));
    expect(text).toContain('docs/SAMPLING-RANDOM.md');
    expect(text).toContain('MIN-01');
    expect(text).toContain('INC-3');
    expect(text).toContain('12,480');
    expect(text).not.toMatch(/relian|supports|依赖|信赖/i);
    if (language === 'en') {
      expect(text).toContain('Statistical attribute sampling: 95% confidence, tolerable deviation rate 10%');
      expect(text).toMatch(/Upper deviation limit at 95% confidence: [\d.]+%, (above|not above) the tolerable deviation rate of 10%\./);
      expect(text).toContain('No random selection: the auditor picked each record and recorded why.');
      expect(text).toContain('Every deviation found is a candidate nonconformity');
    } else {
      expect(text).toContain('置信度 95%');
      expect(text).toContain('偏差上限');
      expect(text).toContain('随机种子：3f9a0c1d');
      expect(text).toContain('总体哈希值');
    }
    // Only the statistical sample states an upper limit.
    expect(text.match(language === 'en' ? /Upper deviation limit/g : /偏差上限为/g)).toHaveLength(1);
  });

  it('is not in the stage 1 report', () => {
    const input = { ...sampledInput('en'), audit: { ...sampledInput('en').audit, type: 'stage1' as const }, stage1: { documentReview: [], readiness: [], overall: '', stage2: { proposedStart: null, proposedEnd: null, auditorDays: null, focus: '' } } };
    expect(level1(auditReportDocument(input)).some((text) => text.endsWith('Record sampling'))).toBe(false);
  });

  it('has its fixed texts in both languages, the same placeholders, the Chinese in Chinese and in the project’s terms', () => {
    const en = SAMPLING_TEXTS.en;
    const zh = SAMPLING_TEXTS['zh-Hans'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholdersOf(zh[key]).sort(), key).toEqual(placeholdersOf(en[key]).sort());
      const bare = zh[key].replace(/\{\w+\}/g, '').replace(/CNAS|CNCA|CCAA|IAF|MD/g, '');
      expect(bare, key).not.toMatch(/[A-Za-z]{3,}/);
      expect(bare, key).toMatch(/\p{Script=Han}/u);
    }
    expect(wrongTerms(new Map(Object.entries(en)), new Map(Object.entries(zh)), loadTerminology().terms).map(formatViolation)).toEqual([]);
  });
});
