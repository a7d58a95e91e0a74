// The .docx renderer: the plan read back from the file (text, fields, widths, fonts, logo) and the
// refusal of an image that is not embedded.
import { describe, expect, it } from 'vitest';
import { contentWidthMm, documentTexts, resolveWidthsMm } from '../../shared/documents/model.ts';
import { planDocument, teamShortNames } from '../../shared/documents/plan-document.ts';
import { DOCUMENT_LANGUAGES } from '../../shared/documents/plan-input.ts';
import { docxParagraphs, openDocx } from '../../tests/helpers/docx-text.ts';
import { everyBlockDocument, samplePlanInput } from '../../tests/fixtures/plan-documents.ts';
import { DocumentError } from './document-error.ts';
import { renderDocx } from './docx-render.ts';
import { DOCX_FONTS } from './theme.ts';

describe.each(DOCUMENT_LANGUAGES)('the audit plan as .docx (%s)', (language) => {
  const input = samplePlanInput(language);
  const model = planDocument(input);
  const rendering = renderDocx(model);

  it('holds every text of the model: client, sessions, auditors', async () => {
    const { body, headers, footers } = await docxParagraphs(await rendering);
    const all = [...headers, ...body, ...footers].join('\n');
    const missing = documentTexts(model).filter((text) => !all.includes(text));
    expect(missing).toEqual([]);
    expect(body.join('\n')).toContain(input.client.name);
    const names = teamShortNames(input.team);
    for (const session of input.sessions) {
      expect(body).toContain(session.title);
      for (const id of session.teamMemberIds) expect(body.join('\n')).toContain(names.get(id));
    }
    for (const member of input.team) expect(body).toContain(member.name);
  });

  it('numbers pages with PAGE and NUMPAGES fields in the footer, and brands the header with the logo', async () => {
    const docx = await openDocx(await rendering);
    const footer = (await Promise.all(docx.files.filter((name) => /^word\/footer\d*\.xml$/.test(name)).map((name) => docx.xml(name)))).join('');
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(docx.files.some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true);
    const { headers } = await docxParagraphs(await rendering);
    expect(headers).toContain(input.certificationBody.name);
  });

  it('sets the East Asian font and language on the default run', async () => {
    const styles = await (await openDocx(await rendering)).xml('word/styles.xml');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toContain(`w:eastAsia="${DOCX_FONTS.eastAsia}"`);
    expect(defaults).toContain(`w:ascii="${DOCX_FONTS.latin}"`);
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
  });

  it('gives every table a fixed layout and widths that add up to the text width', async () => {
    const xml = await (await openDocx(await rendering)).xml('word/document.xml');
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((match) => match[0]);
    expect(tables.length).toBeGreaterThan(6);
    const expected = Math.round(contentWidthMm(model.page) * (1440 / 25.4));
    for (const table of tables) {
      expect(table).toMatch(/<w:tblLayout w:type="fixed"\/>/);
      const width = Number(/<w:tblW w:type="dxa" w:w="(\d+)"\/>|<w:tblW w:w="(\d+)" w:type="dxa"\/>/.exec(table)!.slice(1).find(Boolean));
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce((sum, col) => sum + Number(col[1]), 0);
      expect(Math.abs(width - expected)).toBeLessThanOrEqual(4);
      expect(Math.abs(grid - expected)).toBeLessThanOrEqual(4);
    }
    expect(resolveWidthsMm([{ mm: 22 }, { fraction: 1 }], contentWidthMm(model.page))[1]).toBeCloseTo(contentWidthMm(model.page) - 22);
  });
});

describe('the .docx renderer refuses what it must not fetch or read', () => {
  it.each([
    ['https://cb.example/logo.png', 'remote'],
    ['file:///etc/hostname', 'remote'],
    ['/etc/hostname', 'not-data-url'],
    ['data:image/svg+xml;base64,PHN2Zy8+', 'unsupported-type'],
  ])('a logo at %s (%s)', async (logoDataUrl, problem) => {
    const input = samplePlanInput('en');
    const document = planDocument({ ...input, certificationBody: { ...input.certificationBody, logoDataUrl } });
    const error = await renderDocx(document).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentError);
    expect(error).toMatchObject({ code: 'DOCUMENT_IMAGE_REFUSED', params: { problem } });
    expect((error as Error).message).toContain('logo of the certification body');
  });

  it('renders a document without a logo', async () => {
    const input = samplePlanInput('en');
    const bytes = await renderDocx(planDocument({ ...input, certificationBody: { ...input.certificationBody, logoDataUrl: null } }));
    expect((await openDocx(bytes)).files.some((name) => name.startsWith('word/media/'))).toBe(false);
  });
});

describe('every kind of block', () => {
  it('renders to .docx with every text and a page break', async () => {
    const model = everyBlockDocument();
    const bytes = await renderDocx(model);
    const { body, headers, footers } = await docxParagraphs(bytes);
    const all = [...headers, ...body, ...footers].join('\n');
    expect(documentTexts(model).filter((text) => !all.includes(text))).toEqual([]);
    const xml = await (await openDocx(bytes)).xml('word/document.xml');
    expect(xml).toContain('<w:br w:type="page"/>');
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    expect(xml).toMatch(/<w:numPr>/);
  });
});
