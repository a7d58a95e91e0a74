import { PROFILE_LIMITS } from '../../shared/cb-profile/profile.ts';
import type { TemplateIssue } from '../../shared/templates/template-issues.ts';
import { inflateEntry, ZipError, zipEntries, zipEntryCount, type ZipEntry } from './zip-reader.ts';

/**
 * Whether a file is a Word document (.docx) the app will fill, before any template library sees it.
 * Refused: anything that is not a .docx (a renamed PDF, a Word 97 .doc, an .odt, a .dotx), macros
 * (.docm, .dotm, a vbaProject inside a .docx), ActiveX controls and imported chunks, content fetched
 * from elsewhere when the document opens (a linked remote image, an attached template on a server,
 * INCLUDEPICTURE fields — the app is offline, and such links tell a server when and where a document
 * was opened), encryption, damage, and sizes past the limits below.
 *
 * 'light' reads the directory and the small relationship parts only (a few milliseconds: fit for the
 * main thread when a profile is imported); 'full' also inflates and verifies every part and returns
 * the XML of the parts the filler fills (run in the template worker).
 */
export const TEMPLATE_FILE_LIMITS = {
  /** The .docx file: the profile's own limit (PROFILE_LIMITS.templateBytes, 10 MiB). */
  fileBytes: PROFILE_LIMITS.templateBytes,
  /** Parts in the zip. A Word document has 10–50, a few hundred with many images. */
  maxParts: 1000,
  /**
   * All parts unpacked: 40 MiB. Images barely compress, so 10 MiB of file is about 10–12 MiB
   * unpacked; text compresses 5–10 times, so a text-heavy template of 4 MiB unpacks to 20–40 MiB.
   * Beyond that the file is a zip bomb: the filler holds every part in memory at once.
   */
  contentBytes: 40 * 1024 * 1024,
  /**
   * One XML part unpacked: 8 MiB. The filler parses a part into a DOM about ten times its size; a
   * 100-page document's body is 1–3 MiB.
   */
  xmlPartBytes: 8 * 1024 * 1024,
} as const;

const CONTENT_TYPES = '[Content_Types].xml';
const WORD_DOCUMENT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const MACRO_TYPES = ['application/vnd.ms-word.document.macroEnabled.main+xml', 'application/vnd.ms-word.template.macroEnabledTemplate.main+xml'];
const WORD_TEMPLATE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
/** Fields that pull content from a file or a server when the document is opened or updated. */
const FETCHING_FIELDS = /\b(INCLUDEPICTURE|INCLUDETEXT|LINK|DDE|DDEAUTO|IMPORT)\b/i;

export interface ContentPart {
  readonly name: string;
  readonly xml: string;
}

export type DocxInspection = { readonly ok: false; readonly issues: readonly TemplateIssue[] } | { readonly ok: true; readonly contentParts: readonly ContentPart[] };

const refuse = (...issues: TemplateIssue[]): DocxInspection => ({ ok: false, issues });
const issue = (code: TemplateIssue['code'], params: TemplateIssue['params'] = {}): TemplateIssue => ({ code, params });

/** What a file that is not a zip is, from its first bytes. */
function sniff(bytes: Uint8Array): 'zip' | 'pdf' | 'ole' | 'rtf' | 'xml' | 'unknown' {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) || head.subarray(0, 4).equals(Buffer.from('PK\x05\x06', 'latin1'))) return 'zip';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'ole';
  if (head.subarray(0, 5).toString('latin1') === '{\\rtf') return 'rtf';
  if (/^(\xef\xbb\xbf)?\s*</.test(head.toString('latin1'))) return 'xml';
  return 'unknown';
}

/** XML attributes of every element named `element` (relationships, content types): enough for these small, machine-written parts. */
function elements(xml: string, element: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const match of xml.matchAll(new RegExp(`<(?:\\w+:)?${element}\\b([^>]*)>`, 'g'))) {
    const attributes: Record<string, string> = {};
    for (const attribute of match[1]!.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes[attribute[1]!] = decodeXmlText(attribute[2] ?? attribute[3] ?? '');
    found.push(attributes);
  }
  return found;
}

export function decodeXmlText(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (whole, entity: string) => {
    if (entity === 'lt') return '<';
    if (entity === 'gt') return '>';
    if (entity === 'amp') return '&';
    if (entity === 'quot') return '"';
    if (entity === 'apos') return "'";
    const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The zip path a relationship target names, from the folder of its source part. */
function resolveTarget(sourcePart: string, target: string): string {
  const segments = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/** The relationships part of a part: word/document.xml → word/_rels/document.xml.rels. */
const relsOf = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

const isXmlPart = (name: string): boolean => /\.(xml|rels)$/i.test(name);

export function inspectDocx(bytes: Uint8Array, depth: 'light' | 'full'): DocxInspection {
  if (bytes.length === 0) return refuse(issue('NOT_DOCX', { found: 'empty' }));
  if (bytes.length > TEMPLATE_FILE_LIMITS.fileBytes) return refuse(issue('TEMPLATE_TOO_LARGE', { bytes: bytes.length, maxBytes: TEMPLATE_FILE_LIMITS.fileBytes }));
  const kind = sniff(bytes);
  if (kind === 'ole') {
    // Word encrypts a .docx into an OLE compound file whose stream is named EncryptedPackage; any other OLE file is a Word 97–2003 document (or worse).
    return Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le')) ? refuse(issue('ENCRYPTED')) : refuse(issue('NOT_DOCX', { found: 'doc' }));
  }
  if (kind !== 'zip') return refuse(issue('NOT_DOCX', { found: kind }));

  let entries: ZipEntry[];
  try {
    const count = zipEntryCount(bytes);
    if (count > TEMPLATE_FILE_LIMITS.maxParts) return refuse(issue('TOO_MANY_PARTS', { count, max: TEMPLATE_FILE_LIMITS.maxParts }));
    entries = zipEntries(bytes);
  } catch (error) {
    return refuse(corrupt(error));
  }
  if (entries.some((entry) => entry.encrypted)) return refuse(issue('ENCRYPTED'));
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > TEMPLATE_FILE_LIMITS.contentBytes) return refuse(issue('CONTENT_TOO_LARGE', { bytes: declared, maxBytes: TEMPLATE_FILE_LIMITS.contentBytes }));
  const oversized = entries.find((entry) => isXmlPart(entry.name) && entry.size > TEMPLATE_FILE_LIMITS.xmlPartBytes);
  if (oversized) return refuse(issue('PART_TOO_LARGE', { part: oversized.name, bytes: oversized.size, maxBytes: TEMPLATE_FILE_LIMITS.xmlPartBytes }));

  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const texts = new Map<string, string>();
  const text = (name: string): string | null => {
    const entry = byName.get(name);
    if (!entry) return null;
    if (!texts.has(name)) texts.set(name, new TextDecoder('utf-8').decode(inflateEntry(bytes, entry)).replace(/^\uFEFF/, ''));
    return texts.get(name)!;
  };

  try {
    const contentTypes = text(CONTENT_TYPES);
    if (contentTypes === null) {
      const mimetype = byName.has('mimetype') ? Buffer.from(inflateEntry(bytes, byName.get('mimetype')!)).toString('latin1') : '';
      return refuse(issue('NOT_DOCX', { found: mimetype.startsWith('application/vnd.oasis.opendocument') ? 'odt' : 'zip' }));
    }
    const main = elements(text('_rels/.rels') ?? '', 'Relationship').find((rel) => rel.Type === `${REL_TYPE}officeDocument`);
    if (!main?.Target) return refuse(issue('CORRUPT', { reason: 'no-main-document' }));
    const mainPart = resolveTarget('', main.Target);
    const mainType = elements(contentTypes, 'Override').find((override) => resolveTarget('', override.PartName ?? '') === mainPart)?.ContentType ?? '';
    if (MACRO_TYPES.includes(mainType)) return refuse(issue('MACRO_ENABLED', { part: mainPart }));
    if (mainType !== WORD_DOCUMENT) return refuse(issue('NOT_DOCX', { found: notDocxKind(mainType) }));
    if (!byName.has(mainPart)) return refuse(issue('CORRUPT', { reason: 'no-main-document', part: mainPart }));

    const refusals = [...packageRefusals(entries, contentTypes), ...entries.filter((entry) => /\.rels$/i.test(entry.name)).flatMap((entry) => relationshipRefusals(entry.name, text(entry.name) ?? ''))];
    if (depth === 'full') {
      for (const entry of entries) {
        if (!isXmlPart(entry.name)) {
          inflateEntry(bytes, entry); // verified (size, CRC) and dropped: media are copied as they are
          continue;
        }
        const content = text(entry.name)!;
        // Office never writes a DTD; one in a template can only be an entity-expansion attack on the XML parser.
        if (/<!(DOCTYPE|ENTITY)/.test(content)) refusals.push(issue('CORRUPT', { reason: 'doctype', part: entry.name }));
        if (/^word\/[^/]+\.xml$/i.test(entry.name)) refusals.push(...fieldRefusals(entry.name, content));
      }
    }
    if (refusals.length) return refuse(...refusals);
    if (depth === 'light') return { ok: true, contentParts: [] };

    // The parts the filler fills, as easy-template-x finds them: the main document, then its headers and footers.
    const related = elements(text(relsOf(mainPart)) ?? '', 'Relationship').filter((rel) => rel.Type === `${REL_TYPE}header` || rel.Type === `${REL_TYPE}footer`);
    const names = [mainPart, ...related.map((rel) => resolveTarget(mainPart, rel.Target ?? ''))].filter((name, i, all) => byName.has(name) && all.indexOf(name) === i);
    return { ok: true, contentParts: names.map((name) => ({ name, xml: text(name)! })) };
  } catch (error) {
    return refuse(corrupt(error));
  }
}

function corrupt(error: unknown): TemplateIssue {
  if (error instanceof ZipError) return issue('CORRUPT', error.part ? { reason: error.reason, part: error.part } : { reason: error.reason });
  return issue('CORRUPT', { reason: 'bad-data' });
}

function notDocxKind(contentType: string): string {
  if (contentType === WORD_TEMPLATE) return 'dotx';
  if (/spreadsheetml|ms-excel/.test(contentType)) return 'xlsx';
  if (/presentationml|ms-powerpoint/.test(contentType)) return 'pptx';
  return 'zip';
}

/** Macros and controls, by the parts present: a .docx renamed from a .docm keeps its vbaProject. */
function packageRefusals(entries: readonly ZipEntry[], contentTypes: string): TemplateIssue[] {
  const found: TemplateIssue[] = [];
  for (const entry of entries) {
    if (/(^|\/)vba(Project\.bin|Data\.xml)$/i.test(entry.name) || /^word\/embeddings\/.+\.(docm|dotm|xlsm|xltm|xlsb|pptm|potm)$/i.test(entry.name)) {
      found.push(issue('MACRO_ENABLED', { part: entry.name }));
    } else if (/^word\/activeX\//i.test(entry.name)) {
      found.push(issue('ACTIVE_CONTENT', { part: entry.name, kind: 'activeX' }));
    }
  }
  if (!found.some((f) => f.code === 'MACRO_ENABLED') && /vnd\.ms-office\.vbaProject/i.test(contentTypes)) found.push(issue('MACRO_ENABLED', { part: CONTENT_TYPES }));
  // One issue per kind of problem is enough to act on (an ActiveX form has dozens of parts).
  return found.filter((f, i) => found.findIndex((g) => g.code === f.code && g.params.kind === f.params.kind) === i);
}

/** External targets other than hyperlinks (which only open when clicked), and imported chunks. */
function relationshipRefusals(part: string, xml: string): TemplateIssue[] {
  return elements(xml, 'Relationship').flatMap((rel) => {
    const kind = (rel.Type ?? '').split('/').pop() ?? '';
    if (kind === 'aFChunk') return [issue('ACTIVE_CONTENT', { part, kind: 'altChunk' })];
    if ((rel.TargetMode ?? '').toLowerCase() !== 'external' || kind === 'hyperlink') return [];
    return [issue('EXTERNAL_CONTENT', { part, kind, target: (rel.Target ?? '').slice(0, 200) })];
  });
}

/** Field codes that fetch: the instructions of complex fields (split over runs) and simple fields. */
function fieldRefusals(part: string, xml: string): TemplateIssue[] {
  const complex = [...xml.matchAll(/<w:instrText\b[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => decodeXmlText(m[1]!)).join('');
  const instructions = [complex, ...elements(xml, 'fldSimple').map((field) => field['w:instr'] ?? '')].join(' ');
  const field = FETCHING_FIELDS.exec(instructions);
  return field ? [issue('EXTERNAL_CONTENT', { part, kind: field[1]!.toUpperCase(), target: '' })] : [];
}
