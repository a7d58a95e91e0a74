import { describe, expect, it } from 'vitest';
import { cbNcFormTemplate, ncFormsInput } from '../../tests/fixtures/nc-documents.ts';
import { cbPlanTemplate } from '../../tests/fixtures/template-files.ts';
import { docxParagraphs } from '../../tests/helpers/docx-text.ts';
import { checkTemplate, fillNcFormTemplate } from './template-check.ts';

const text = async (bytes: Uint8Array) => {
  const parts = await docxParagraphs(bytes);
  return [...parts.body, ...parts.headers, ...parts.footers].join('\n');
};

describe('a CB’s NC-form template', () => {
  it('checks both shapes as fillable and lists only what the chosen shape leaves out', async () => {
    const all = await checkTemplate(cbNcFormTemplate('en', 'all'), 'nc-form');
    expect(all).toMatchObject({ fillable: true, issues: [] });
    expect(all.used).toEqual(expect.arrayContaining(['ncs', 'ncs/number', 'ncs/evidence', 'client.name', 'lead.name']));
    expect(all.unused.some((name) => name.startsWith('nc.'))).toBe(false);
    const each = await checkTemplate(cbNcFormTemplate('zh-Hans', 'each'), 'nc-form');
    expect(each).toMatchObject({ fillable: true, issues: [] });
    expect(each.used).toEqual(expect.arrayContaining(['nc.number', 'nc.isDeclined']));
    expect(each.unused).not.toContain('ncs');
    expect(each.unused).toContain('nc.verifiedOn');
  });

  it('warns of the plan’s placeholders in an NC form (an audit plan template chosen by mistake)', async () => {
    const check = await checkTemplate(cbPlanTemplate('en'), 'nc-form');
    expect(check.issues.some((issue) => issue.code === 'UNKNOWN_PLACEHOLDER' && issue.params.name === 'audit.scope')).toBe(true);
  });

  it('fills every nonconformity in {#ncs}, and the first one into the nc.* names', async () => {
    const input = ncFormsInput('zh-Hans');
    const all = await fillNcFormTemplate(new Uint8Array(cbNcFormTemplate('zh-Hans', 'all')), input, 'zh-Hans');
    if (!all.ok) throw new Error(JSON.stringify(all.check.issues));
    const filled = await text(all.bytes);
    for (const form of input.forms) expect(filled).toContain(form.number);
    expect(filled).toContain('拒绝签字：服务负责人休假');
    expect(filled).toContain('2027年3月15日');
    const one = await fillNcFormTemplate(new Uint8Array(cbNcFormTemplate('zh-Hans', 'each')), { ...input, forms: [input.forms[1]!] }, 'zh-Hans');
    if (!one.ok) throw new Error(JSON.stringify(one.check.issues));
    const single = await text(one.bytes);
    expect(single).toContain('MIN-01');
    expect(single).not.toContain('MAJ-01');
  });
});
