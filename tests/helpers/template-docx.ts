import { inflateEntry, zipEntries } from '../../electron/templates/zip-reader.ts';

/** A part of a .docx as text (the XML), read with the app's own zip reader. */
export function docxPart(bytes: Uint8Array, name: string): string {
  const entry = zipEntries(bytes).find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`no ${name} in the document`);
  return Buffer.from(inflateEntry(bytes, entry)).toString('utf8');
}

const decode = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The paragraphs of a part, each its w:t text joined (what a reader sees, line by line). */
export function docxParagraphs(bytes: Uint8Array, name = 'word/document.xml'): string[] {
  return [...docxPart(bytes, name).matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => [...m[1]!.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(''));
}

/** The rows of every table of a part: each row its cells' text. */
export function docxTableRows(bytes: Uint8Array, name = 'word/document.xml'): string[][] {
  return [...docxPart(bytes, name).matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<w:tc\b[^>]*>([\s\S]*?)<\/w:tc>/g)].map((cell) => [...cell[1]!.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join('')),
  );
}
