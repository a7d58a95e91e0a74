import { LoopPlugin, TagDisposition, TemplateHandler, TextPlugin, type PathPart, type ScopeDataArgs, type TemplateContent, type TemplateData } from 'easy-template-x';
import type { TemplateRecord, TemplateValue } from '../../shared/templates/plan-template-data.ts';

/**
 * Fills a checked .docx with easy-template-x. The library never evaluates template text (no
 * expression resolver is installed: tags are names, looked up), and only two of its plugins are
 * loaded: text and repeat/condition. The image, link, chart and raw-XML plugins are left out, so no
 * value can ever become markup, a picture or a link; the library itself has no code that reads files
 * or the network (its pictures come only from data, and we give none).
 *
 * Names resolve like the library's default resolver (the innermost section's record first, then the
 * enclosing ones'), but through own properties only: a template asking for {constructor} or
 * {__proto__.x} gets nothing, never a value from Object.prototype. A section written as a plain
 * placeholder ({sessions}) comes out empty rather than as "[object Object]".
 */

/** Nesting the library follows into the XML: Word puts tables in tables and text boxes in paragraphs. */
const MAX_XML_DEPTH = 64;

const isRecord = (value: unknown): value is TemplateRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

function valueAt(data: TemplateRecord, path: readonly PathPart[]): TemplateValue | TemplateRecord | undefined {
  let node: TemplateValue | TemplateRecord | undefined = data;
  for (const part of path) {
    if (typeof part === 'number') node = Array.isArray(node) ? (node as readonly TemplateRecord[])[part] : undefined;
    else node = isRecord(node) && Object.hasOwn(node, part.name) ? node[part.name] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

function resolve({ path, data }: ScopeDataArgs): TemplateContent | TemplateData[] {
  const tag = path[path.length - 1];
  if (tag === undefined || typeof tag === 'number') return undefined as unknown as TemplateContent;
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const scope = valueAt(data as TemplateRecord, path.slice(0, depth));
    if (!isRecord(scope) || !Object.hasOwn(scope, tag.name)) continue;
    const value = scope[tag.name]!;
    if (Array.isArray(value) && tag.disposition === TagDisposition.SelfClosed) return '';
    return value as TemplateContent | TemplateData[];
  }
  return undefined as unknown as TemplateContent;
}

/** The filled document's bytes. Throws the library's own errors (their names become FILL_FAILED). */
export async function fillDocx(bytes: Uint8Array, data: TemplateRecord): Promise<Uint8Array> {
  const handler = new TemplateHandler({
    plugins: [new LoopPlugin(), new TextPlugin()],
    scopeDataResolver: resolve,
    maxXmlDepth: MAX_XML_DEPTH,
  });
  const filled = await handler.process(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), data as unknown as TemplateData);
  return new Uint8Array(filled.buffer, filled.byteOffset, filled.byteLength);
}
