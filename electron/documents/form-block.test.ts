import { afterAll, describe, expect, it } from 'vitest';
import { documentTexts, field, type DocumentModel, type FormBlock } from '../../shared/documents/model.ts';
import { ncFormsDocument } from '../../shared/documents/nc-form-document.ts';
import { ncFormsInput, signatureDataUrl } from '../../tests/fixtures/nc-documents.ts';
import { docxParagraphs, openDocx } from '../../tests/helpers/docx-text.ts';
import { WORKER_DIR } from '../../tests/helpers/temp.ts';
import { DocumentError, DocumentRenderer, renderDocx } from './index.ts';

const renderer = new DocumentRenderer({ workerDir: WORKER_DIR });
afterAll(() => renderer.close());

const withForm = (form: FormBlock): DocumentModel => ({ ...ncFormsDocument(ncFormsInput('en')), blocks: [form] });

describe('the form block', () => {
  it('renders to .docx with every text, its spans, rows at least as tall as asked, and the drawn signatures as pictures', async () => {
    const model = ncFormsDocument(ncFormsInput('zh-Hans'));
    const bytes = await renderDocx(model);
    const { body, headers, footers } = await docxParagraphs(bytes);
    const all = [...headers, ...body, ...footers].join('\n');
    expect(documentTexts(model).filter((text) => !all.includes(text))).toEqual([]);
    const docx = await openDocx(bytes);
    const xml = await docx.xml('word/document.xml');
    expect(xml).toContain('<w:gridSpan w:val="4"/>');
    expect(xml).toMatch(/<w:trHeight w:val="\d+" w:hRule="atLeast"\/>/);
    // The signatures in the body (the logo is in the header): 3 forms × (auditor, lead) + the 2 auditees who signed.
    expect((xml.match(/<pic:pic\b/g) ?? []).length).toBe(8);
    expect(xml).toContain('王建国 的签字');
  });

  it('renders to PDF in the worker, each nonconformity’s form from a page of its own', async () => {
    const pagesOf = async (document: DocumentModel) => (Buffer.from(await renderer.pdf(document)).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    const input = ncFormsInput('en');
    const together = await pagesOf(ncFormsDocument(input));
    let alone = 0;
    for (const form of input.forms) alone += await pagesOf(ncFormsDocument({ ...input, forms: [form] }));
    expect(together).toBe(alone);
    expect(together).toBeGreaterThanOrEqual(input.forms.length);
  });

  it('refuses a signature that is not a PNG or JPEG data URL, in both renderers, naming what it is', async () => {
    const form: FormBlock = { kind: 'form', columns: [{ fraction: 1 }], rows: [{ kind: 'fields', fields: [field('Signature', [], { image: { dataUrl: 'https://example.com/sig.png', heightMm: 10, maxWidthMm: 40, description: 'Signature of Priya Raman' } })] }] };
    await expect(renderDocx(withForm(form))).rejects.toMatchObject({ code: 'DOCUMENT_IMAGE_REFUSED', params: { problem: 'remote', what: 'Signature of Priya Raman' } });
    const error = await renderer.pdf(withForm(form)).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(DocumentError);
    expect(error).toMatchObject({ code: 'DOCUMENT_IMAGE_REFUSED', params: { problem: 'remote' } });
  });

  it('closes a row whose boxes do not reach the last column', async () => {
    const form: FormBlock = { kind: 'form', columns: [{ fraction: 1 }, { fraction: 1 }, { fraction: 1 }], rows: [{ kind: 'fields', fields: [field('Only one', 'box', { image: { dataUrl: signatureDataUrl(1), heightMm: 10, maxWidthMm: 40, description: 'x' } })] }] };
    const xml = await (await openDocx(await renderDocx(withForm(form)))).xml('word/document.xml');
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    expect((await renderer.pdf(withForm(form))).byteLength).toBeGreaterThan(1000);
  });
});
