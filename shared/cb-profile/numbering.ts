/**
 * Finding numbers as a CB prints them, from the profile's pattern. Tokens:
 *   {year}   the year of the audit's first day, four digits (2026)
 *   {yy}     the same, two digits (26)
 *   {grade}  the grade's short code (MAJ, NCmin, …)
 *   {audit}  the CB's audit (project) number recorded on the engagement ('' until recorded)
 *   {seq}    the finding's sequence number (1, 2, … 10)
 *   {seq:N}  the same, zero-padded to N digits, N from 1 to 6 ({seq:3} → 001)
 * Exactly one {seq} or {seq:N}. Anything else is literal text, except braces and the characters a
 * file name cannot hold (/ \ : * ? " < > |), because numbers name exported NC forms.
 */

export type NumberingToken =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'year' | 'yy' | 'grade' | 'audit' }
  | { readonly kind: 'seq'; readonly width: number };

export type NumberingProblem =
  | { readonly reason: 'no-seq' }
  | { readonly reason: 'several-seq' }
  | { readonly reason: 'unknown-token'; readonly token: string }
  | { readonly reason: 'unclosed-brace'; readonly at: number }
  | { readonly reason: 'stray-brace'; readonly at: number }
  | { readonly reason: 'bad-character'; readonly character: string };

const FORBIDDEN = /[/\\:*?"<>|\p{Cc}]/u;
const NAMED = new Set(['year', 'yy', 'grade', 'audit']);

export function parseNumberingPattern(pattern: string): { ok: true; tokens: NumberingToken[] } | { ok: false; problem: NumberingProblem } {
  const tokens: NumberingToken[] = [];
  let literal = '';
  let at = 0;
  while (at < pattern.length) {
    const ch = pattern.charAt(at);
    if (ch === '}') return { ok: false, problem: { reason: 'stray-brace', at } };
    if (ch !== '{') {
      const forbidden = FORBIDDEN.exec(ch);
      if (forbidden) return { ok: false, problem: { reason: 'bad-character', character: forbidden[0] } };
      literal += ch;
      at++;
      continue;
    }
    const close = pattern.indexOf('}', at);
    const nextOpen = pattern.indexOf('{', at + 1);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) return { ok: false, problem: { reason: 'unclosed-brace', at } };
    const name = pattern.slice(at + 1, close);
    if (literal) tokens.push({ kind: 'literal', text: literal });
    literal = '';
    const seq = /^seq(?::([1-6]))?$/.exec(name);
    if (seq) tokens.push({ kind: 'seq', width: seq[1] ? Number(seq[1]) : 0 });
    else if (NAMED.has(name)) tokens.push({ kind: name as 'year' | 'yy' | 'grade' | 'audit' });
    else return { ok: false, problem: { reason: 'unknown-token', token: `{${name}}` } };
    at = close + 1;
  }
  if (literal) tokens.push({ kind: 'literal', text: literal });
  const seqCount = tokens.filter((token) => token.kind === 'seq').length;
  if (seqCount === 0) return { ok: false, problem: { reason: 'no-seq' } };
  if (seqCount > 1) return { ok: false, problem: { reason: 'several-seq' } };
  return { ok: true, tokens };
}

export interface NumberingValues {
  /** The year of the audit's first day. */
  readonly year: number;
  readonly gradeCode: string;
  readonly auditNumber: string;
  readonly seq: number;
}

/** The finding number for a valid pattern (the profile was checked on load), or null for an invalid one. */
export function formatFindingNumber(pattern: string, values: NumberingValues): string | null {
  const parsed = parseNumberingPattern(pattern);
  if (!parsed.ok) return null;
  return parsed.tokens
    .map((token) => {
      switch (token.kind) {
        case 'literal':
          return token.text;
        case 'year':
          return String(values.year).padStart(4, '0');
        case 'yy':
          return String(values.year % 100).padStart(2, '0');
        case 'grade':
          return values.gradeCode;
        case 'audit':
          return values.auditNumber;
        case 'seq':
          return String(values.seq).padStart(token.width, '0');
      }
    })
    .join('');
}
