import { describe, expect, it } from 'vitest';
import { ncFormsInput } from '../../tests/fixtures/nc-documents.ts';
import { NC_FORM_PLACEHOLDERS } from './nc-form-placeholders.ts';
import { SAMPLE_NC_FORMS_INPUT } from './nc-form-sample.ts';
import { ncFormTemplateData } from './nc-form-template-data.ts';

describe('the NC forms as a CB template sees them', () => {
  it('gives exactly the catalogue’s names, top level and inside {#ncs}, of the kind it says', () => {
    const data = ncFormTemplateData(SAMPLE_NC_FORMS_INPUT);
    expect(Object.keys(data).sort()).toEqual(NC_FORM_PLACEHOLDERS.map((placeholder) => placeholder.name).sort());
    const ncs = NC_FORM_PLACEHOLDERS.find((placeholder) => placeholder.name === 'ncs')!;
    const first = (data.ncs as readonly Record<string, unknown>[])[0]!;
    expect(Object.keys(first).sort()).toEqual(ncs.fields!.map((field) => field.name).sort());
    for (const placeholder of NC_FORM_PLACEHOLDERS) {
      const value = data[placeholder.name];
      expect(typeof value === 'boolean' ? 'flag' : Array.isArray(value) ? 'list' : 'text', placeholder.name).toBe(placeholder.kind);
    }
    expect(Object.getPrototypeOf(data)).toBeNull();
  });

  it('writes dates in the template’s language and labels in the input’s', () => {
    const zh = ncFormTemplateData(ncFormsInput('zh-Hans'), 'zh-Hans');
    expect(zh['nc.number']).toBe('MAJ-01');
    expect(zh['nc.grade']).toBe('严重不符合');
    expect(zh['nc.responseDue']).toBe('2027年4月16日');
    expect(zh['nc.effectiveness']).toBe('有效');
    const ncs = zh.ncs as readonly Record<string, unknown>[];
    expect(ncs.map((nc) => nc.number)).toEqual(['MAJ-01', 'MIN-01', 'MIN-02']);
    expect(ncs[2]).toMatchObject({ isDeclined: true, isSigned: false, declinedReason: expect.stringContaining('休假') });
  });

  it('fills the nc.* names with empty values when there is no nonconformity', () => {
    const data = ncFormTemplateData({ ...SAMPLE_NC_FORMS_INPUT, forms: [] });
    expect(data['nc.number']).toBe('');
    expect(data['nc.isMajor']).toBe(false);
    expect(data.ncs).toEqual([]);
  });
});
