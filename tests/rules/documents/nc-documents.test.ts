// The NC forms and the closing meeting record carry what a CB's forms must (issue 17; 17021-1 9.4.7):
// walked in the model, in English and Chinese.
import { describe, expect, it } from 'vitest';
import { closingRecordDocument, shortStatement } from '../../../shared/documents/closing-record-document.ts';
import { FIXED_TEXTS } from '../../../shared/documents/fixed-text.ts';
import { documentTexts, type FormBlock } from '../../../shared/documents/model.ts';
import { ncFormsDocument } from '../../../shared/documents/nc-form-document.ts';
import { DOCUMENT_LANGUAGES } from '../../../shared/documents/plan-input.ts';
import { CLOSING_POINTS } from '../../../shared/findings/finding-kinds.ts';
import { majorGradeKey, printableSignature } from '../../../shared/documents/nc-documents-input.ts';
import { DEFAULT_FINDINGS_PROFILE } from '../../../shared/findings/default-scale.ts';
import { closingRecordInput, ncFormsInput, signatureDataUrl } from '../../fixtures/nc-documents.ts';

describe.each(DOCUMENT_LANGUAGES)('the NC forms in %s', (language) => {
  const input = ncFormsInput(language);
  const document = ncFormsDocument(input);
  const texts = documentTexts(document);
  const all = texts.join('\n');
  const t = FIXED_TEXTS[language];

  it('has one form per nonconformity, each from a new page, with its number, grade and statement', () => {
    const forms = document.blocks.filter((block): block is FormBlock => block.kind === 'form');
    expect(forms).toHaveLength(input.forms.length);
    expect(document.blocks.filter((block) => block.kind === 'pageBreak')).toHaveLength(input.forms.length - 1);
    for (const form of input.forms) {
      for (const expected of [form.number, form.gradeName, form.requirement.split('\n')[0]!, form.notFulfilled, form.raisedBy.name]) expect(all).toContain(expected);
    }
    expect(document.identity.kind).toBe('nc-form');
  });

  it('names the CB, the client, the audit and the deadlines', () => {
    for (const expected of [input.certificationBody.name, input.client.name, input.audit.typeLabel, input.audit.reference, t['ncForm.responseDue'], t['ncForm.verificationDue'], t['ncForm.rule.stage2']]) expect(all).toContain(expected);
  });

  it('leaves room for the client’s correction, cause, corrective action, signature and company seal, and the CB’s verification', () => {
    const form = document.blocks.find((block): block is FormBlock => block.kind === 'form')!;
    const box = (label: string) => form.rows.find((row) => row.kind === 'fields' && row.fields.some((field) => field.label === label));
    for (const key of ['ncForm.rootCause', 'ncForm.correctiveAction', 'ncForm.seal'] as const) {
      const row = box(t[key]);
      expect(row, key).toBeDefined();
    }
    // The second form has no response yet: its boxes are empty and at least 3 cm tall.
    const second = document.blocks.filter((block): block is FormBlock => block.kind === 'form')[1]!;
    const rootCause = second.rows.find((row) => row.kind === 'fields' && row.fields[0]?.label === t['ncForm.rootCause']);
    expect(rootCause).toMatchObject({ minHeightMm: expect.any(Number) });
    expect((rootCause as { minHeightMm: number }).minHeightMm).toBeGreaterThanOrEqual(30);
    expect(all).toContain(t['ncForm.section.verification']);
  });

  it('prints the drawn signatures and says when the auditee declined', () => {
    const images = document.blocks.flatMap((block) => (block.kind === 'form' ? block.rows.flatMap((row) => (row.kind === 'fields' ? row.fields.flatMap((field) => (field.image ? [field.image] : [])) : [])) : []));
    // Per form: the raising auditor and the lead; the auditee on the two signed forms.
    expect(images).toHaveLength(input.forms.length * 2 + 2);
    expect(images.every((image) => image.dataUrl.startsWith('data:image/png;base64,'))).toBe(true);
    const declined = input.forms[2]!.acknowledgement as { reason: string };
    expect(all).toContain(t['ncForm.ackDeclined'].replace('{reason}', declined.reason));
  });

  if (language === 'zh-Hans') {
    it('uses the Chinese terms of a CB’s form, never 不合格', () => {
      for (const term of ['不符合报告', '不符合事实', '纠正', '原因分析', '纠正措施', '受审核方代表签字', '审核组长', '公司盖章']) expect(all).toContain(term);
      expect(all).not.toContain('不合格');
    });
  }
});

describe.each(DOCUMENT_LANGUAGES)('the closing meeting record in %s', (language) => {
  const input = closingRecordInput(language);
  const document = closingRecordDocument(input);
  const all = documentTexts(document).join('\n');
  const t = FIXED_TEXTS[language];

  it('names the meeting, the attendance and every 9.4.7 statement in the document’s language, ticked or not', () => {
    for (const attendee of input.attendees) expect(all).toContain(attendee.name);
    expect(all).toContain(t['closingRecord.remotely']);
    for (const point of CLOSING_POINTS) expect(all).toContain(t[`closingRecord.point.${point}`]);
    expect(all).toContain(t['closingRecord.notStated']);
  });

  it('lists every finding by grade, each nonconformity’s acknowledgement and the recommendation subject to the CB’s decision', () => {
    for (const finding of input.findings) expect(all).toContain(finding.number);
    for (const count of input.counts) expect(all).toContain(count.gradeName);
    expect(all).toContain(input.recommendation!.text);
    expect(all).toContain(t['closingRecord.subjectToDecision']);
    expect(all).toContain(input.lead.name);
  });

  it('says what is missing rather than printing nothing', () => {
    const empty = closingRecordDocument({ ...input, meeting: null, attendees: [], findings: [], counts: [], acknowledgements: [], recommendation: null });
    const text = documentTexts(empty).join('\n');
    for (const key of ['closingRecord.noMeeting', 'closingRecord.noAttendance', 'closingRecord.noFindings', 'closingRecord.noNonconformities', 'closingRecord.noRecommendation'] as const) expect(text).toContain(t[key]);
  });
});

describe('a finding’s statement in the record', () => {
  it('is shortened to 300 characters with an ellipsis, on one line', () => {
    expect(shortStatement('a\nb')).toBe('a b');
    const long = shortStatement('字'.repeat(1000));
    expect([...long]).toHaveLength(300);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('what the documents take from the engagement', () => {
  it('prints a stored signature only when it reads as a PNG or JPEG; a damaged one is left out, not fatal', () => {
    expect(printableSignature(signatureDataUrl(1))).toBe(signatureDataUrl(1));
    for (const bad of ['', '   ', null, undefined, 'data:image/png;base64,AAAA', 'data:image/svg+xml;base64,PHN2Zz4=', 'https://example.com/sig.png']) expect(printableSignature(bad)).toBeNull();
  });

  it('calls only the most severe of several nonconformity grades major', () => {
    expect(majorGradeKey(DEFAULT_FINDINGS_PROFILE)).toBe('major');
    const single = { ...DEFAULT_FINDINGS_PROFILE, grades: DEFAULT_FINDINGS_PROFILE.grades.filter((grade) => grade.key !== 'major') };
    expect(majorGradeKey(single)).toBeNull();
  });
});
