import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocumentInput } from '../../shared/documents/plan-input.ts';
import { PLAN_PLACEHOLDERS, type Placeholder } from '../../shared/templates/plan-placeholders.ts';
import { SAMPLE_PLAN_INPUT } from '../../shared/templates/plan-sample.ts';
import { docx, imageRelationship, p, picture, table } from '../../tests/fixtures/docx-builder.ts';
import { BAD_TEMPLATES, cbPlanTemplate, chinesePlan, WARNED_TEMPLATES } from '../../tests/fixtures/template-files.ts';
import { docxParagraphs, docxTableRows } from '../../tests/helpers/template-docx.ts';
import { checkTemplate, fillPlanTemplate } from './template-check.ts';

const filled = async (template: Uint8Array, input: PlanDocumentInput, language: string): Promise<Uint8Array> => {
  const result = await fillPlanTemplate(template, input, language);
  if (!result.ok) throw new Error(`not filled: ${JSON.stringify(result.check.issues)}`);
  return result.bytes;
};

describe('checking a CB plan template', () => {
  it('a realistic template is fillable, with nothing to warn about, and says which fields it leaves out', async () => {
    const check = await checkTemplate(cbPlanTemplate(), 'audit-plan');
    expect(check).toMatchObject({ fillable: true, issues: [] });
    expect(check.used).toEqual(expect.arrayContaining(['client.name', 'sessions', 'sessions/auditors', 'team', 'team/role', 'cb.name', 'audit.hasRemoteSessions']));
    expect(check.unused).toEqual(expect.arrayContaining(['client.creditCode', 'days', 'services', 'sessions/notes', 'team/registrationNumber']));
    expect(check.unused).not.toContain('client.name');
  });

  it.each(BAD_TEMPLATES.map((bad) => [bad.name, bad] as const))('refuses %s, and a fill refuses it too', async (_name, bad) => {
    const bytes = bad.bytes();
    const check = await checkTemplate(bytes, 'audit-plan');
    expect(check.fillable).toBe(false);
    expect(check.issues).toContainEqual(expect.objectContaining({ code: bad.code, ...(bad.params ? { params: expect.objectContaining(bad.params) } : {}) }));
    const fill = await fillPlanTemplate(bytes, SAMPLE_PLAN_INPUT, 'en');
    expect(fill.ok).toBe(false);
  });

  it.each(WARNED_TEMPLATES.map((bad) => [bad.name, bad] as const))('warns of %s and still fills', async (_name, warned) => {
    const check = await checkTemplate(warned.bytes(), 'audit-plan');
    expect(check.fillable).toBe(true);
    expect(check.issues).toContainEqual(expect.objectContaining({ code: warned.code, params: expect.objectContaining(warned.params ?? {}) }));
    const text = docxParagraphs(await filled(warned.bytes(), SAMPLE_PLAN_INPUT, 'en')).join('\n');
    expect(text).not.toContain('{');
    expect(text).not.toContain('[object');
  });

  it('says where an unknown placeholder is: the part, the paragraph, the text around it', async () => {
    const template = docx({ body: [p('Plan'), p('Client VAT: {client.vatNumber}')], header: [p('{cb.nme}')] });
    const check = await checkTemplate(template, 'audit-plan');
    expect(check.issues).toEqual([
      { code: 'UNKNOWN_PLACEHOLDER', params: { name: 'client.vatNumber', count: 1 }, where: { part: 'word/document.xml', paragraph: 2, excerpt: 'Client VAT: {client.vatNumber}' } },
      { code: 'UNKNOWN_PLACEHOLDER', params: { name: 'cb.nme', count: 1 }, where: { part: 'word/header1.xml', paragraph: 1, excerpt: '{cb.nme}' } },
    ]);
  });

  it('finds on a trial fill what only the library knows: a repeat inside a content control, bad [options]', async () => {
    const inControl = docx({ body: ['<w:sdt><w:sdtContent><w:p><w:r><w:t>{#sessions}{title}{/sessions}</w:t></w:r></w:p></w:sdtContent></w:sdt>'] });
    expect(await checkTemplate(inControl, 'audit-plan')).toMatchObject({ fillable: false, issues: [{ code: 'FILL_FAILED', params: { error: 'TemplateSyntaxError' } }] });
    const badOptions = docx({ body: [p('{#sessions [loopOver: ]}{title}{/sessions}')] });
    expect(await checkTemplate(badOptions, 'audit-plan')).toMatchObject({ fillable: false, issues: [{ code: 'FILL_FAILED', params: { error: 'TagOptionsParseError' } }] });
  });

  it('fills the audit plan, the NC form and the report: the closing meeting record is refused as not supported', async () => {
    expect(await checkTemplate(cbPlanTemplate(), 'closing-meeting')).toEqual({ fillable: false, issues: [{ code: 'KIND_NOT_SUPPORTED', params: { kind: 'closing-meeting' } }], used: [], unused: [] });
  });

  it('a template asking for what an object has by inheritance ({constructor}, {__proto__}) gets nothing', async () => {
    const template = docx({ body: [p('[{constructor}][{__proto__}][{toString}][{#hasOwnProperty}x{/hasOwnProperty}]')] });
    const check = await checkTemplate(template, 'audit-plan');
    expect(check.issues.map((issue) => issue.params.name)).toEqual(['constructor', '__proto__', 'toString', 'hasOwnProperty']);
    expect(docxParagraphs(await filled(template, SAMPLE_PLAN_INPUT, 'en'))).toEqual(['[][][][]']);
  });
});

describe('filling the plan into a CB template', () => {
  it('English: the client, the dates, one table row per session with its auditors, conditions honoured, header and footer filled', async () => {
    const bytes = await filled(cbPlanTemplate('en'), SAMPLE_PLAN_INPUT, 'en');
    const paragraphs = docxParagraphs(bytes);
    const rows = docxTableRows(bytes);
    expect(rows).toContainEqual(['Client', 'Northwind IT Services Ltd']);
    expect(rows.find((row) => row[0] === 'Dates')?.[1]).toMatch(/^15\s?–\s?16 March 2027$/);
    const sessionRows = rows.filter((row) => row.length === 6).slice(1);
    expect(sessionRows).toHaveLength(SAMPLE_PLAN_INPUT.sessions.length);
    expect(sessionRows[0]).toEqual(['15 March 2027 (Monday)', '09:00–09:30', 'Opening meeting ', 'Exampleport head office', 'Dana Example, Lee Example, Kim Example', 'Sam Client (Service manager)']);
    expect(sessionRows[3]).toEqual(['16 March 2027 (Tuesday)', '09:00–11:00', 'Incident management (remote) ', 'Video call', 'Lee Example', 'Sam Client (Service manager)']);
    expect(rows.filter((row) => row.length === 2 && ['Lead auditor', 'Auditor', 'Trainee'].includes(row[1]!)).map((row) => row[0])).toEqual(['Dana Example', 'Lee Example', 'Kim Example']);
    // Conditions: remote sessions exist (shown), it is not a stage 1 (hidden), only the visited site says why.
    expect(paragraphs).toContain('Remote sessions follow IAF MD 4.');
    expect(paragraphs.join('\n')).not.toContain('Stage 1 reviews');
    expect(paragraphs).toContain('Exampleport head office: 2 Harbour Street, Exampleport — Central function');
    expect(paragraphs).toContain('Data centre North: 9 Ridge Way, Exampleport');
    expect(paragraphs).toContain('Auditor-days: 3.5 planned, 3.5 allocated.');
    expect(paragraphs).toContain('Issued 15 February 2027 by Dana Example');
    expect(docxParagraphs(bytes, 'word/header1.xml')).toContain('Example Certification Ltd · Audit plan NWS-S2-2027 · Revision 1');
    // No CNAS number in the sample: the footer's condition leaves it out.
    expect(docxParagraphs(bytes, 'word/footer1.xml')).toEqual(['1 Example Road, Exampletown ']);
  });

  it('Chinese: Chinese text, dates and lists written in Chinese, the CNAS condition shown', async () => {
    const bytes = await filled(cbPlanTemplate('zh-Hans'), chinesePlan(), 'zh-Hans');
    const rows = docxTableRows(bytes);
    expect(rows).toContainEqual(['受审核组织', '北风信息技术服务有限公司']);
    expect(rows).toContainEqual(['审核日期', '2027年3月15日至16日']);
    expect(rows).toContainEqual(['2027年3月15日 (星期一)', '09:00–09:30', 'Opening meeting（中文） ', 'Exampleport head office', '王丽、李强、张敏', 'Sam Client（Service manager）']);
    expect(docxParagraphs(bytes)).toContain('远程审核活动按 IAF MD 4 实施。');
    expect(docxParagraphs(bytes, 'word/footer1.xml')).toEqual(['1 Example Road, Exampletown CNAS CNAS C999-M']);
  });

  it('repeats per day with the day\'s sessions nested, and leaves the template itself unchanged', async () => {
    const template = docx({ body: [p('{#days}Day {dayNumber}: {day}'), table([['{#sessions}{time}', '{title}{/sessions}']]), p('{/days}')] });
    const copy = Buffer.from(template);
    const bytes = await filled(template, SAMPLE_PLAN_INPUT, 'en');
    expect(docxParagraphs(bytes).filter((text) => text.startsWith('Day'))).toEqual(['Day 1: 15 March 2027', 'Day 2: 16 March 2027']);
    expect(docxTableRows(bytes).map((row) => row[1])).toEqual(['Opening meeting', 'Service level management', 'Lunch', 'Incident management (remote)', 'Closing meeting']);
    expect(Buffer.from(template).equals(copy)).toBe(true);
  });

  it('every placeholder of the catalogue fills, and none is left unfilled', async () => {
    const tags = (fields: readonly Placeholder[]): string[] =>
      fields.flatMap((field) => (field.kind === 'list' ? [`{#${field.name}}`, ...tags(field.fields ?? []), `{/${field.name}}`] : [`[${field.name}={${field.name}}]`]));
    const template = docx({ body: tags(PLAN_PLACEHOLDERS).map((tag) => p(tag)) });
    const check = await checkTemplate(template, 'audit-plan');
    expect(check).toMatchObject({ fillable: true, issues: [], unused: [] });
    const text = docxParagraphs(await filled(template, SAMPLE_PLAN_INPUT, 'en')).join('\n');
    expect(text).not.toMatch(/\{|\}/);
    expect(text).toContain('[client.name=Northwind IT Services Ltd]');
    expect(text).toContain('[audit.isRemote=false]');
    expect(text).toContain('[remoteTool=Video call]');
  });
});

describe('a template linking a remote image', () => {
  let server: http.Server;
  let requests = 0;
  let url = '';
  beforeAll(async () => {
    server = http.createServer((_request, response) => {
      requests++;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pixel.png`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is refused with the address named, and nothing is ever fetched (check, fill)', async () => {
    const template = docx({ body: [p('{client.name}'), picture('rIdRemote', 'link')], relationships: [imageRelationship('rIdRemote', url, true)] });
    const check = await checkTemplate(template, 'audit-plan');
    expect(check).toMatchObject({ fillable: false, issues: [{ code: 'EXTERNAL_CONTENT', params: { part: 'word/_rels/document.xml.rels', kind: 'image', target: url } }] });
    expect((await fillPlanTemplate(template, SAMPLE_PLAN_INPUT, 'en')).ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requests).toBe(0);
  });
});
