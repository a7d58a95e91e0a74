// The .docx renderer: the plan read back from the file (text, fields, widths, fonts, logo), the
// refusal of an image that is not embedded, photos with their captions, and a draft's watermark.
import { describe, expect, it } from 'vitest';
import { contentWidthMm, documentTexts, resolveWidthsMm } from '../../shared/documents/model.ts';
import { planDocument, teamShortNames } from '../../shared/documents/plan-document.ts';
import { DOCUMENT_LANGUAGES } from '../../shared/documents/plan-input.ts';
import { docxParagraphs, openDocx } from '../../tests/helpers/docx-text.ts';
import { everyBlockDocument, samplePlanInput } from '../../tests/fixtures/plan-documents.ts';
import { photoBlock, photoDataUrl, planWith } from '../../tests/fixtures/document-photos.ts';
import { inflateEntry, zipEntries } from '../templates/zip-reader.ts';
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

describe('table text in the .docx', () => {
  it('takes its size, spacing and padding from one paragraph style and the table, not from every cell', async () => {
    const docx = await openDocx(await renderDocx(planDocument(samplePlanInput('en'))));
    const styles = await docx.xml('word/styles.xml');
    const style = /<w:style [^>]*w:styleId="AwTableText"[^>]*>[\s\S]*?<\/w:style>/.exec(styles)?.[0];
    expect(style).toMatch(/<w:spacing [^>]*w:after="0"/);
    expect(style).toMatch(/<w:spacing [^>]*w:line="300"/);
    expect(style).toContain('<w:sz w:val="17"/>');
    const xml = await docx.xml('word/document.xml');
    const cells = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((match) => match[0]);
    expect(cells.length).toBeGreaterThan(50);
    for (const cell of cells.filter((text) => text.includes('AwTableText'))) {
      expect(cell).not.toContain('<w:tcMar>');
      expect(cell).not.toMatch(/<w:sz w:val="17"\/>/);
    }
    expect(xml.match(/<w:tblCellMar>/g)?.length).toBe(xml.match(/<w:tbl>/g)?.length);
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

const EMU_PER_MM = 36000;

describe('the image block in the .docx', () => {
  const photos = Promise.all([photoDataUrl(1200, 1600), photoDataUrl(640, 360, 'png')]);

  it('stores each picture once, as its own bytes, sized to its box keeping its aspect, with its description as alternative text', async () => {
    const [tall, wide] = await photos;
    const model = planWith([
      photoBlock(tall.dataUrl, { widthPx: 1200, heightPx: 1600 }),
      photoBlock(wide.dataUrl, { widthPx: 640, heightPx: 360 }, { maxWidthMm: 80, caption: '', description: 'Backup console' }),
      photoBlock(tall.dataUrl, { widthPx: 1200, heightPx: 1600 }, { caption: 'The same photo again', maxHeightMm: 40 }),
    ]);
    const bytes = await renderDocx(model);
    const media = zipEntries(bytes).filter((entry) => entry.name.startsWith('word/media/'));
    // The tall JPEG once (used twice), the wide PNG, the logo.
    expect(media.map((entry) => entry.name.replace(/\d+/, '#')).sort()).toEqual(['word/media/image#.jpg', 'word/media/image#.png', 'word/media/image#.png']);
    const jpeg = media.find((entry) => entry.name.endsWith('.jpg'))!;
    expect(jpeg.method).toBe(0);
    // The other parts as docx deflated them, readable as they were.
    const parts = zipEntries(bytes).filter((entry) => !entry.name.startsWith('word/media/'));
    expect(parts.length).toBeGreaterThan(8);
    for (const part of parts) expect(part.method, part.name).toBe(8);
    expect(new TextDecoder().decode(inflateEntry(bytes, parts.find((entry) => entry.name === 'word/document.xml')!))).toContain('Server room, rack 4');
    expect(Buffer.from(inflateEntry(bytes, jpeg)).equals(tall.bytes)).toBe(true);
    expect(media.some((entry) => Buffer.from(inflateEntry(bytes, entry)).equals(wide.bytes))).toBe(true);

    const xml = await (await openDocx(bytes)).xml('word/document.xml');
    const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((match) => ({ widthMm: Number(match[1]) / EMU_PER_MM, heightMm: Number(match[2]) / EMU_PER_MM }));
    expect(extents).toHaveLength(3);
    // 1200 × 1600 into 150 × 100 mm: as tall as the box; 640 × 360 into 80 mm wide; the third 40 mm tall.
    expect(extents[0]!.heightMm).toBeCloseTo(100, 0);
    expect(extents[0]!.widthMm / extents[0]!.heightMm).toBeCloseTo(0.75, 2);
    expect(extents[1]!.widthMm).toBeCloseTo(80, 0);
    expect(extents[1]!.widthMm / extents[1]!.heightMm).toBeCloseTo(640 / 360, 2);
    expect(extents[2]!.heightMm).toBeCloseTo(40, 0);
    expect(xml).toContain('descr="Server room, rack 4"');
    expect(xml).toContain('descr="Backup console"');
  });

  it('prints the caption under the picture, kept with it, the picture on a single-spaced line', async () => {
    const [tall] = await photos;
    const bytes = await renderDocx(planWith([photoBlock(tall.dataUrl, { widthPx: 1200, heightPx: 1600 })]));
    const xml = await (await openDocx(bytes)).xml('word/document.xml');
    const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((match) => match[0]);
    const at = paragraphs.findIndex((paragraph) => paragraph.includes('descr="Server room, rack 4"'));
    const picture = paragraphs[at]!;
    expect(picture).toContain('<w:keepNext/>');
    expect(picture).toMatch(/<w:spacing [^>]*w:line="240" w:lineRule="auto"\/>/);
    const text = (paragraph: string) => [...paragraph.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
    expect(text(paragraphs[at + 1]!)).toBe('Photo 1 — Server room, rack 4');
    expect(paragraphs[at + 1]).toContain('<w:keepNext/>');
    expect(text(paragraphs[at + 2]!)).toBe('Taken on 14 Mar 2026');
  });

  it.each([
    ['data:image/gif;base64,R0lGODlhAQABAAAAACw=', 'unsupported-type'],
    ['https://cb.example/rack.jpg', 'remote'],
    ['C:\\photos\\rack.jpg', 'not-data-url'],
    ['data:image/jpeg;base64,AAAA', 'unreadable'],
  ])('refuses a photo at %s (%s), naming it', async (dataUrl, problem) => {
    const error = await renderDocx(planWith([photoBlock(dataUrl, { widthPx: 10, heightPx: 10 })])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentError);
    expect(error).toMatchObject({ code: 'DOCUMENT_IMAGE_REFUSED', params: { problem, what: 'Server room, rack 4' } });
  });
});

describe.each([
  ['en', 'DRAFT'],
  ['zh-Hans', '草稿'],
] as const)('a draft .docx (%s)', (language, word) => {
  it(`carries Word's own watermark "${word}" in the header, and the word in the header's text`, async () => {
    const model = { ...planDocument(samplePlanInput(language)), watermark: word };
    const bytes = await renderDocx(model);
    const docx = await openDocx(bytes);
    const headers = docx.files.filter((name) => /^word\/header\d*\.xml$/.test(name));
    expect(headers).toHaveLength(1);
    const header = await docx.xml(headers[0]!);
    // A WordArt shape behind the text, centred on the page, diagonal, light: what Design › Watermark writes.
    const shape = /<v:shape id="PowerPlusWaterMarkObject[^"]*"[^>]*>[\s\S]*?<\/v:shape>/.exec(header)?.[0];
    expect(shape).toBeDefined();
    expect(shape).toContain(`string="${word}"`);
    expect(shape).toMatch(/style="position:absolute;[^"]*rotation:305;z-index:-\d+;mso-position-horizontal:center/);
    expect(shape).toContain('fillcolor="#9AA5B1"');
    expect(shape).toContain(language === 'en' ? 'font-family:&quot;Arial&quot;' : 'font-family:&quot;Microsoft YaHei&quot;');
    expect((await docxParagraphs(bytes)).headers).toContain(word);
    // Every page uses the one default header: the section has no other.
    const body = await docx.xml('word/document.xml');
    expect(body.match(/<w:headerReference /g)).toHaveLength(1);
    expect(body).toContain('<w:headerReference w:type="default"');
  });

  it('has no watermark when the document is issued', async () => {
    const bytes = await renderDocx(planDocument(samplePlanInput(language)));
    const docx = await openDocx(bytes);
    const header = await docx.xml(docx.files.find((name) => /^word\/header\d*\.xml$/.test(name))!);
    expect(header).not.toContain('<v:shape');
    expect((await docxParagraphs(bytes)).headers).not.toContain(word);
  });
});
