/**
 * What is wrong with a pack file, precisely enough to fix it: a line (JSON, CSV) or a row and column
 * (spreadsheets), the JSON path, and a sentence. An import that finds any issue changes nothing.
 */
export interface PackIssue {
  /** 1-based line in the file (JSON and CSV), when known. */
  readonly line?: number;
  /** 1-based row in the sheet or CSV data, when the source is a table. */
  readonly row?: number;
  /** Column header (tables). */
  readonly column?: string;
  /** JSON path such as /clauses/3/questions/0/text (JSON sources). */
  readonly path?: string;
  readonly message: string;
}

/** An import refused: the issues, at most MAX_ISSUES of them, plus how many more there were. */
export class PackImportError extends Error {
  constructor(
    readonly issues: readonly PackIssue[],
    readonly more = 0,
  ) {
    super(issues.map(describeIssue).join('\n'));
    this.name = 'PackImportError';
  }
}

export const MAX_ISSUES = 50;

/** "line 12, /clauses/3/title: …" — how an issue reads in logs and tests (the UI lays out the parts). */
export function describeIssue(issue: PackIssue): string {
  const where = [
    issue.line !== undefined ? `line ${issue.line}` : null,
    issue.row !== undefined ? `row ${issue.row}` : null,
    issue.column !== undefined ? `column "${issue.column}"` : null,
    issue.path ? issue.path : null,
  ].filter(Boolean);
  return where.length ? `${where.join(', ')}: ${issue.message}` : issue.message;
}

export function refuse(issues: readonly PackIssue[]): never {
  throw new PackImportError(issues.slice(0, MAX_ISSUES), Math.max(0, issues.length - MAX_ISSUES));
}
