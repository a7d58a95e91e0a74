import { DELIMITERS, type Delimiter } from './types.ts';

export type Newline = '\n' | '\r\n' | '\r';

/**
 * The delimiter, from the first lines of decoded text, counting only outside quotes: the candidate
 * that appears the same number of times (more than zero) on the most lines wins; ties go to the larger
 * count, then to the order , ; tab |. A one-column file has no delimiter: ',' is as good as any.
 */
export function detectDelimiter(text: string, maxLines = 30): Delimiter {
  const perLine = splitLinesOutsideQuotes(text, maxLines).map((line) => DELIMITERS.map((d) => countOutsideQuotes(line, d)));
  let best: Delimiter = ',';
  let bestScore = [0, 0];
  DELIMITERS.forEach((delimiter, k) => {
    const counts = perLine.map((c) => c[k] as number).filter((c) => c > 0);
    if (counts.length === 0) return;
    const tally = new Map<number, number>();
    for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
    let modeCount = 0;
    let mode = 0;
    for (const [count, lines] of tally) {
      if (lines > modeCount || (lines === modeCount && count > mode)) {
        modeCount = lines;
        mode = count;
      }
    }
    const score = [modeCount, mode];
    if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
      best = delimiter;
      bestScore = score;
    }
  });
  return best;
}

/** The first line break outside quotes decides: CRLF, LF or a lone CR (old Mac exports). */
export function detectNewline(text: string): Newline {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) inQuotes = !inQuotes;
    else if (!inQuotes && ch === 10) return '\n';
    else if (!inQuotes && ch === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : i + 1 < text.length ? '\r' : '\n';
  }
  return '\n';
}

/** Records (not physical lines: a quoted newline stays inside) of the sample, at most `max`, the last possibly cut. */
function splitLinesOutsideQuotes(text: string, max: number): string[] {
  const lines: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length && lines.length < max; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) inQuotes = !inQuotes;
    else if (!inQuotes && (ch === 10 || ch === 13)) {
      if (i > start) lines.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (lines.length === 0 && start < text.length) lines.push(text.slice(start));
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === delimiter) count++;
  }
  return count;
}

/**
 * The line of the header when the caller has not said: some tools write a title or a "generated on"
 * line first. Among the first 20 non-blank records, the first one with the usual number of delimiters
 * (outside quotes; the most frequent count, ties to the larger) is the header — not the most: a ragged
 * row may have more. Physical lines are counted, quoted newlines included.
 */
export function detectHeaderLine(text: string, delimiter: string): number {
  const records: { line: number; count: number }[] = [];
  let inQuotes = false;
  let line = 1;
  let start = 1;
  let count = 0;
  let blank = true;
  for (let i = 0; i < text.length && records.length < 20; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line++;
      if (!inQuotes) {
        if (!blank) records.push({ line: start, count });
        start = line;
        count = 0;
        blank = true;
      }
      continue;
    }
    if (ch === '\r') continue;
    if (!inQuotes && ch === delimiter) count++;
    blank = false;
  }
  const usual = modeOf(records.map((r) => r.count));
  return records.find((r) => r.count === usual)?.line ?? 1;
}

/** The most frequent value; ties go to the larger. 0 for none. */
export function modeOf(values: readonly number[]): number {
  const tally = new Map<number, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [v, n] of tally) if (n > bestCount || (n === bestCount && v > best)) [best, bestCount] = [v, n];
  return best;
}
