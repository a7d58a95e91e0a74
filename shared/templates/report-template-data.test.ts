import { describe, expect, it } from 'vitest';
import { sampleReportInput } from '../../tests/fixtures/report-template-files.ts';
import type { Placeholder } from './plan-placeholders.ts';
import { REPORT_PLACEHOLDERS, REPORT_STATEMENT_ITEMS, statementName } from './report-placeholders.ts';
import { SAMPLE_REPORT_INPUT } from './report-sample.ts';
import { reportTemplateData } from './report-template-data.ts';

type Data = Readonly<Record<string, unknown>>;
const kindOf = (value: unknown): string => (typeof value === 'boolean' ? 'flag' : Array.isArray(value) ? 'list' : 'text');

/** Every record of a list holds exactly its catalogue fields, of their kinds, down the nested lists. */
function expectShape(record: Data, fields: readonly Placeholder[], where: string): void {
  expect(Object.keys(record).sort(), where).toEqual(fields.map((field) => field.name).sort());
  for (const field of fields) {
    expect(kindOf(record[field.name]), `${where}/${field.name}`).toBe(field.kind);
    if (field.kind !== 'list') continue;
    const items = record[field.name] as readonly Data[];
    expect(items.length, `${where}/${field.name} has a record to check`).toBeGreaterThan(0);
    for (const item of items) expectShape(item, field.fields ?? [], `${where}/${field.name}`);
  }
}

describe('the audit report as a CB template sees it', () => {
  it('gives exactly the catalogue’s names, of the kind it says, in every list and nested list', () => {
    const data = reportTemplateData(SAMPLE_REPORT_INPUT);
    expectShape(data, REPORT_PLACEHOLDERS, '');
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(Object.getPrototypeOf((data.findings as readonly Data[])[0])).toBeNull();
  });

  it('names a statement for every audit statement item but the recommendation', () => {
    const names = REPORT_PLACEHOLDERS.map((placeholder) => placeholder.name);
    for (const item of REPORT_STATEMENT_ITEMS) expect(names).toContain(`${statementName(item)}.verdict`);
    expect(statementName('conformity_effectiveness')).toBe('statement.conformityEffectiveness');
    expect(REPORT_STATEMENT_ITEMS).not.toContain('recommendation');
  });

  it('lists every finding, most severe first, with the acknowledgement in words for nonconformities only', () => {
    const data = reportTemplateData(SAMPLE_REPORT_INPUT);
    const findings = data.findings as readonly Data[];
    expect(findings.map((finding) => finding.number)).toEqual(['MAJ-01', 'MIN-01', 'OFI-01']);
    expect(findings[0]).toMatchObject({ grade: 'Major nonconformity', isMajor: true, isSigned: true, acknowledgement: 'Signed by Sam Client, Service manager', responseDue: '16 April 2027' });
    expect(findings[1]).toMatchObject({ isDeclined: true, acknowledgement: 'Declined to sign by Sam Client: Disagrees with the grade', repeatOf: 'NC-2026-03' });
    expect(findings[2]).toMatchObject({ isNonconformity: false, acknowledgement: '' });
    expect(data['summary.nonconformities']).toBe('2');
    expect(data['summary.majors']).toBe('1');
    expect(data['summary.counts']).toBe('Major nonconformity: 1, Minor nonconformity: 1, Opportunity for improvement: 1');
    expect(data['recommendation.text']).toBe('Recommended for certification once MAJ-01 is verified closed');
    expect(data['auditorDays.actualTotal']).toBe('3.5');
  });

  it('leaves a statement the report does not state empty, and states the sampling disclaimer', () => {
    const data = reportTemplateData(SAMPLE_REPORT_INPUT);
    expect(data['statement.conformityEffectiveness.verdict']).toBe('Effective with exceptions');
    expect(data['statement.marksControl.verdict']).toBe('');
    expect(data.disclaimer).toContain('sample');
  });

  it('writes dates and lists in the template’s language, labels in the input’s', () => {
    const zh = reportTemplateData(sampleReportInput('zh-Hans'), 'zh-Hans');
    expect(zh['audit.dates']).toBe('2027年3月15日至16日');
    expect(zh['client.licenceCheck']).toBe('营业执照经营范围覆盖认证范围。');
    const findings = zh.findings as readonly Data[];
    expect(findings[0]).toMatchObject({ grade: '严重不符合', acknowledgement: 'Sam Client（Service manager）已签字', raisedOn: '2027年3月16日' });
    expect(findings[1]!.acknowledgement).toBe('Sam Client 拒绝签字：Disagrees with the grade');
    expect(zh['summary.counts']).toContain('严重不符合：1');
    expect(zh['stage1.stage2Dates']).toBe('2027年4月12日至14日');
    expect(zh.disclaimer).toBe('所收集的审核证据基于对信息的抽样，因此存在一定的不确定性。');
  });
});
