/**
 * Text as pdfmake runs, in the shipped CJK font (Noto Sans SC), which serves English documents too:
 * Latin stretches take the font's proportional forms of quotes and dashes, Chinese keeps its
 * full-width punctuation.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { Inline } from '../../shared/documents/model.ts';
import { CJK } from './theme.ts';

/** Punctuation Noto Sans SC draws full width unless asked for proportional forms ('pwid'). */
const AMBIGUOUS = /[\u2018\u2019\u201c\u201d\u00b7\u2026\u2014\u2013]/u;

/**
 * The characters outside CJK whose glyph the font's 'pwid' feature changes (quotes, the ellipsis, en
 * and em spaces, …: read from the font, and checked against it by pdf-text.test.ts). Only these get
 * the feature: pdfkit measures and encodes text with features by shaping it afresh every time (no
 * cache), which cost seconds for a large report when every Latin word carried it.
 */
export const PROPORTIONAL_FORMS = /[\u2002\u2003\u2015\u2018\u2019\u201c\u201d\u2026\u2035\u2215\u22ef]+/gu;

/**
 * Text cut where it changes between Chinese and Latin. Latin stretches get the font's proportional
 * forms, so "client’s" and “quotes” in English look English, while Chinese keeps its full-width
 * punctuation; quotes and dashes go with the side whose letters they touch.
 */
export function scriptSegments(text: string): { text: string; latin: boolean }[] {
  if (!CJK.test(text)) return text ? [{ text, latin: true }] : [];
  const chars = [...text];
  const kind = (index: number): boolean | null => {
    const char = chars[index]!;
    if (CJK.test(char)) return false;
    if (AMBIGUOUS.test(char) || /\s/.test(char)) return null;
    return true;
  };
  const kinds = chars.map((_, index) => kind(index));
  const near = (index: number, step: number): boolean | null => {
    for (let i = index + step; i >= 0 && i < chars.length; i += step) if (kinds[i] !== null) return kinds[i]!;
    return null;
  };
  const segments: { text: string; latin: boolean }[] = [];
  chars.forEach((char, index) => {
    const latin = kinds[index] ?? !(near(index, -1) === false || near(index, 1) === false);
    const last = segments[segments.length - 1];
    if (last && last.latin === latin) last.text += char;
    else segments.push({ text: char, latin });
  });
  return segments;
}

/**
 * One line as pdfmake text: a run per stretch of the same emphasis, the proportional forms of a Latin
 * stretch's quotes and dashes (`scriptSegments`) as runs of their own with the 'pwid' feature.
 */
export function runs(content: Inline): Content {
  const text: { text: string; bold: boolean; italics: boolean; fontFeatures?: string[] }[] = [];
  const add = (piece: string, bold: boolean, italics: boolean, proportional: boolean): void => {
    if (!piece) return;
    const last = text[text.length - 1];
    if (!proportional && last && !last.fontFeatures && last.bold === bold && last.italics === italics) last.text += piece;
    else text.push({ text: piece, bold, italics, ...(proportional ? { fontFeatures: ['pwid'] } : {}) });
  };
  for (const part of content) {
    const bold = part.bold ?? false;
    const italics = part.italic ?? false;
    for (const segment of scriptSegments(part.text)) {
      if (!segment.latin) {
        add(segment.text, bold, italics, false);
        continue;
      }
      let from = 0;
      for (const match of segment.text.matchAll(PROPORTIONAL_FORMS)) {
        add(segment.text.slice(from, match.index), bold, italics, false);
        add(match[0], bold, italics, true);
        from = match.index + match[0].length;
      }
      add(segment.text.slice(from), bold, italics, false);
    }
  }
  return { text } as Content;
}

/** One text in one weight, its Latin stretches set like `runs` (a title, a heading, a key, a column header): "client’s", not "client’ s". */
export const textOf = (text: string, bold = false): object => runs([{ text, bold }]) as object;
