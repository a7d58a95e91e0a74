import { findNodeAtLocation, parseTree, type Node, type ParseError } from 'jsonc-parser';

/**
 * A profile's text decoded by JSON.parse, with lines for issues found later. The syntax tree
 * (jsonc-parser, offsets) is built only when something must be located: a valid profile is parsed
 * once. Locating never throws: a line is a convenience, and a pathological text (nesting deep enough
 * to exhaust the parser's recursion) simply gets no lines.
 */
export type DecodedJson =
  | { readonly ok: true; readonly value: unknown; lineOfPath(pointer: string): number | undefined }
  | { readonly ok: false; readonly reason: 'empty' | 'syntax'; readonly line?: number; readonly column?: number };

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** ["grades", 0, "key"] from "/grades/0/key" (RFC 6901). */
function segmentsOf(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part));
}

function tree(body: string): { root: Node | undefined; errors: ParseError[]; starts: number[] } | null {
  try {
    const errors: ParseError[] = [];
    const root = parseTree(body, errors, { allowTrailingComma: false, disallowComments: true });
    return { root, errors, starts: lineStarts(body) };
  } catch {
    return null;
  }
}

export function decodeJson(text: string): DecodedJson {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, reason: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const parsed = tree(body);
    const error = parsed?.errors[0];
    if (!parsed || !error) return { ok: false, reason: 'syntax' };
    const line = lineAt(parsed.starts, error.offset);
    return { ok: false, reason: 'syntax', line, column: error.offset - (parsed.starts[line - 1] ?? 0) + 1 };
  }
  let located: ReturnType<typeof tree> | undefined;
  return {
    ok: true,
    value,
    lineOfPath(pointer) {
      if (located === undefined) located = tree(body);
      const root = located?.root;
      if (!located || !root) return undefined;
      const segments = segmentsOf(pointer);
      // The deepest node that exists: a missing property is reported on the object that lacks it.
      for (let depth = segments.length; depth >= 0; depth--) {
        let node: Node | undefined;
        try {
          node = findNodeAtLocation(root, segments.slice(0, depth));
        } catch {
          return undefined;
        }
        if (node) return lineAt(located.starts, node.parent?.type === 'property' ? node.parent.offset : node.offset);
      }
      return undefined;
    },
  };
}
