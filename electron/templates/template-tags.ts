import type { FoundTag } from '../../shared/templates/placeholder-check.ts';
import type { TemplateIssue, TemplatePlace } from '../../shared/templates/template-issues.ts';
import { decodeXmlText } from './docx-package.ts';

/**
 * The tags of one part of a .docx, found the way easy-template-x finds them, so the check and the
 * fill agree: the text of `w:t` elements, paragraph by paragraph (Word splits a typed `{client.name}`
 * over several runs when spell-checking or formatting touches it; a tag never spans paragraphs);
 * `{` opens, the next `}` closes, a `{` inside a tag is part of its name; `[…]` at the end of a tag
 * holds options. Also the alt text of pictures (`wp:docPr descr`), where the library fills tags too.
 * Unlike the library, which stops at the first problem, every problem is reported, with its place.
 */

/** The library's own tag grammar (easy-template-x tagUtils: name, optional [options]). */
const TAG = /\{(?<name>.*?)(?:\s*\[(?<options>.*?)\])?\s*\}/;
const TOKENS = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;

interface Paragraph {
  readonly index: number;
  text: string;
  /** Where each text piece starts, in the part's text order: tags are reported in document order. */
  readonly offsets: { at: number; order: number }[];
}

export interface PartTags {
  readonly tags: readonly FoundTag[];
  readonly issues: readonly TemplateIssue[];
}

const excerpt = (text: string, from: number, to: number): string => {
  const start = Math.max(0, from - 30);
  const end = Math.min(text.length, to + 30);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
};

function tagOf(raw: string, where: TemplatePlace): FoundTag | null {
  const name = (TAG.exec(raw)?.groups?.name ?? '').trim();
  if (!name) return null; // `{}` and `{ }`: the library ignores empty tags
  if (name.startsWith('#')) return { kind: 'open', name: name.slice(1).trim(), where };
  if (name.startsWith('/')) return { kind: 'close', name: name.slice(1).trim(), where };
  return { kind: 'value', name, where };
}

export function findTags(part: string, xml: string): PartTags {
  const found: { order: number; tag: FoundTag }[] = [];
  const issues: TemplateIssue[] = [];
  const open: Paragraph[] = [];
  let paragraphs = 0;
  let inText = false;
  let order = 0;

  const closeParagraph = (paragraph: Paragraph): void => {
    const { text } = paragraph;
    const orderAt = (i: number): number => {
      let best = paragraph.offsets[0]?.order ?? order;
      for (const offset of paragraph.offsets) if (offset.at <= i) best = offset.order + (i - offset.at);
      return best;
    };
    let start = -1;
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (start < 0 && char === '{') start = i;
      else if (start < 0 && char === '}') {
        issues.push({ code: 'STRAY_CLOSING_BRACE', params: {}, where: { part, paragraph: paragraph.index, excerpt: excerpt(text, i, i + 1) } });
      } else if (start >= 0 && char === '}') {
        const where = { part, paragraph: paragraph.index, excerpt: excerpt(text, start, i + 1) };
        const tag = tagOf(text.slice(start, i + 1), where);
        if (tag) found.push({ order: orderAt(start), tag });
        start = -1;
      }
    }
    if (start >= 0) {
      issues.push({ code: 'UNCLOSED_TAG', params: { text: text.slice(start, start + 40) }, where: { part, paragraph: paragraph.index, excerpt: excerpt(text, start, text.length) } });
    }
  };

  for (const token of xml.matchAll(TOKENS)) {
    const [, closing, element, attributes, selfClosing, content] = token;
    if (content !== undefined) {
      const paragraph = open[open.length - 1];
      if (inText && paragraph) {
        const piece = decodeXmlText(content);
        paragraph.offsets.push({ at: paragraph.text.length, order });
        paragraph.text += piece;
        order += piece.length;
      }
      continue;
    }
    if (element === 'w:p') {
      if (closing) {
        const paragraph = open.pop();
        if (paragraph) closeParagraph(paragraph);
      } else if (!selfClosing) {
        open.push({ index: ++paragraphs, text: '', offsets: [] });
      } else {
        paragraphs++;
      }
    } else if (element === 'w:t') {
      inText = !closing && !selfClosing;
    } else if (element === 'wp:docPr' && !closing) {
      const descr = /\bdescr\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attributes ?? '');
      const text = decodeXmlText(descr?.[1] ?? descr?.[2] ?? '');
      for (const match of text.matchAll(/\{[^{}]*\}/g)) {
        const tag = tagOf(match[0], { part, paragraph: open[open.length - 1]?.index ?? paragraphs, excerpt: excerpt(text, match.index, match.index + match[0].length) });
        if (tag) found.push({ order: order++, tag });
      }
    }
  }
  for (const paragraph of open.reverse()) closeParagraph(paragraph);
  return { tags: found.sort((a, b) => a.order - b.order).map((entry) => entry.tag), issues };
}
