import { inflateEntry, zipEntries } from '../../electron/templates/zip-reader.ts';

/**
 * A .docx read back for tests: its part names and XML, and the text of its paragraphs by place.
 * (Rewritten after being overwritten by mistake; same API: openDocx, docxParagraphs.)
 */
export interface OpenedDocx {
  readonly files: readonly string[];
  xml(name: string): Promise<string>;
}

export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  const entries = zipEntries(bytes);
  return {
    files: entries.map((entry) => entry.name),
    xml: async (name) => {
      const entry = entries.find((candidate) => candidate.name === name);
      if (!entry) throw new Error(`no ${name} in the document`);
      return Buffer.from(inflateEntry(bytes, entry)).toString('utf8');
    },
  };
}

const decode = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Each paragraph's text (its w:t elements joined), in document order. */
function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => [...m[1]!.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(''));
}

/** The paragraphs of the body, of every header and of every footer. */
export async function docxParagraphs(bytes: Uint8Array): Promise<{ body: string[]; headers: string[]; footers: string[] }> {
  const docx = await openDocx(bytes);
  const of = async (pattern: RegExp) => (await Promise.all(docx.files.filter((name) => pattern.test(name)).sort().map((name) => docx.xml(name)))).flatMap(paragraphsOf);
  return { body: await of(/^word\/document\.xml$/), headers: await of(/^word\/header\d*\.xml$/), footers: await of(/^word\/footer\d*\.xml$/) };
}
