import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { refuse, type PackIssue } from './pack-issues.ts';

/** A JSON file's text with its syntax tree, so any later issue can name the line it is on. */
export interface JsonSource {
  readonly value: unknown;
  lineOfPath(pointer: string): number | undefined;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** Splits "/clauses/3/title" into ["clauses", 3, "title"] (JSON Pointer, RFC 6901). */
export function pointerSegments(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Parses strict JSON (no comments, no trailing commas). A syntax error is refused with its line and
 * column. Only the first is reported: the parser's later errors are mostly echoes of it (a trailing
 * comma gives "property name expected" and "value expected" on the closing brace), and a hand-edited
 * file is fixed one spot at a time anyway.
 */
export function parseJsonSource(text: string): JsonSource {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') refuse([{ message: 'The file is empty' }]);
  // The syntax tree (offsets for line numbers) is built only when something must be located: a
  // valid pack is parsed once, by JSON.parse.
  let located: { tree: Node; starts: number[] } | null = null;
  const locate = (): { tree: Node; starts: number[] } => {
    if (located) return located;
    const errors: ParseError[] = [];
    const tree = parseTree(body, errors, { allowTrailingComma: false, disallowComments: true });
    const starts = lineStarts(body);
    if (errors.length || !tree) refuse([syntaxIssue(body, starts, errors[0])]);
    located = { tree, starts };
    return located;
  };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    locate();
    refuse([{ line: 1, message: 'Not valid JSON' }]);
  }
  return {
    value,
    lineOfPath(pointer) {
      const { tree, starts } = locate();
      const segments = pointerSegments(pointer);
      // The deepest node that exists: a missing property is reported on the object that lacks it.
      for (let depth = segments.length; depth >= 0; depth--) {
        const node: Node | undefined = findNodeAtLocation(tree, segments.slice(0, depth));
        if (node) return lineAt(starts, node.parent?.type === 'property' ? node.parent.offset : node.offset);
      }
      return undefined;
    },
  };
}

function syntaxIssue(body: string, starts: number[], error: ParseError | undefined): PackIssue {
  if (!error) return { line: 1, message: 'Not valid JSON' };
  const at = (offset: number, what: string): PackIssue => {
    const line = lineAt(starts, offset);
    return { line, message: `Not valid JSON at column ${offset - (starts[line - 1] ?? 0) + 1}: ${what}` };
  };
  // A trailing comma is reported by the parser on the closing bracket, often lines later: name the comma.
  let before = error.offset - 1;
  while (before >= 0 && /\s/.test(body.charAt(before))) before--;
  if (body.charAt(before) === ',' && (body.charAt(error.offset) === '}' || body.charAt(error.offset) === ']')) {
    return at(before, `a comma before the closing ${body.charAt(error.offset)} (remove this comma after the last item)`);
  }
  const code = printParseErrorCode(error.error);
  // Past the last character: a copy cut off, not a missing property name or brace somewhere.
  const end = body.trimEnd().length;
  if (error.offset >= end && code !== 'UnexpectedEndOfString') {
    return at(end, 'the file ends before the pack is complete (it may have been cut off while copying)');
  }
  const what = readableParseError(code);
  return at(error.offset, code === 'InvalidSymbol' && error.offset < body.length ? `${what}: ${body.charAt(error.offset)}` : what);
}

function readableParseError(code: string): string {
  const names: Record<string, string> = {
    InvalidSymbol: 'an unexpected character',
    InvalidNumberFormat: 'a malformed number',
    PropertyNameExpected: 'a property name in double quotes was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: 'a colon was expected',
    CommaExpected: 'a comma was expected',
    CloseBraceExpected: 'a closing } was expected',
    CloseBracketExpected: 'a closing ] was expected',
    EndOfFileExpected: 'the file should end here',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'a comment is not closed',
    UnexpectedEndOfString: 'a text in quotes is not closed',
    UnexpectedEndOfNumber: 'a number is cut off',
    InvalidUnicode: 'an invalid \\u escape',
    InvalidEscapeCharacter: 'an invalid escape after \\',
    InvalidCharacter: 'a control character inside a text',
  };
  return names[code] ?? code;
}
