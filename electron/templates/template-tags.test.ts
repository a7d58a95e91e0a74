import { describe, expect, it } from 'vitest';
import { p, picture, pRuns } from '../../tests/fixtures/docx-builder.ts';
import { findTags } from './template-tags.ts';

const body = (...content: string[]) => `<w:document><w:body>${content.join('')}</w:body></w:document>`;
const names = (xml: string) => findTags('word/document.xml', xml).tags.map((tag) => `${tag.kind === 'open' ? '#' : tag.kind === 'close' ? '/' : ''}${tag.name}`);

describe('finding the tags of a part', () => {
  it('joins a tag Word split over runs, in its paragraph', () => {
    expect(names(body(pRuns('Client: {cli', 'ent.na', 'me}, since {audit.', 'startDate}')))).toEqual(['client.name', 'audit.startDate']);
  });

  it('reads sections, conditions, options and spaces as the library does', () => {
    expect(names(body(p('{#sessions [loopOver: "row"]}{ start }{/}{#audit.isRemote}x{/ audit.isRemote}{}')))).toEqual(['#sessions', 'start', '/', '#audit.isRemote', '/audit.isRemote']);
  });

  it('decodes XML entities and keeps Chinese text', () => {
    expect(names(body(p('客户：{client.name} &amp; {审核组长}')))).toEqual(['client.name', '审核组长']);
  });

  it('gives the paragraph and an excerpt for each tag', () => {
    const found = findTags('word/header1.xml', body(p('first'), p('The client {client.name} is audited')));
    expect(found.tags[0]!.where).toEqual({ part: 'word/header1.xml', paragraph: 2, excerpt: 'The client {client.name} is audited' });
  });

  it('reports every unclosed tag and stray brace, each in its own paragraph', () => {
    const found = findTags('word/document.xml', body(p('Client: {client.name'), p('scope} here'), p('{audit.scope}')));
    expect(found.issues.map((issue) => [issue.code, issue.where?.paragraph])).toEqual([
      ['UNCLOSED_TAG', 1],
      ['STRAY_CLOSING_BRACE', 2],
    ]);
    expect(found.issues[0]!.params).toEqual({ text: '{client.name' });
    expect(found.tags.map((tag) => tag.name)).toEqual(['audit.scope']);
  });

  it('a tag does not span paragraphs', () => {
    expect(findTags('word/document.xml', body(p('{client.'), p('name}'))).issues.map((issue) => issue.code)).toEqual(['UNCLOSED_TAG', 'STRAY_CLOSING_BRACE']);
  });

  it('finds tags in a picture\'s alt text (the library fills them there too)', () => {
    expect(names(body(picture('rId1', 'embed', 'Logo of {cb.name}')))).toEqual(['cb.name']);
  });

  it('keeps document order when a text box paragraph sits inside a paragraph', () => {
    const textBox = '<w:r><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>{b}</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></w:r>';
    expect(names(body(`<w:p><w:r><w:t>{a}</w:t></w:r>${textBox}<w:r><w:t>{c}</w:t></w:r></w:p>`))).toEqual(['a', 'b', 'c']);
  });

  it('ignores text outside w:t (field codes, deleted text) and attributes with ">" in quotes', () => {
    expect(names(body('<w:p><w:r><w:instrText>{not.a.tag}</w:instrText></w:r><w:r w:rsidR="a>b"><w:t>{client.name}</w:t></w:r></w:p>'))).toEqual(['client.name']);
  });
});
