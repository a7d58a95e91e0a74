import { PACK_FORMAT, PACK_FORMAT_VERSION, QUESTION_ASPECTS, type ChecklistClause, type ChecklistPack, type ChecklistQuestion, type LocalizedText } from '../../shared/checklist/pack.ts';
import { refuse, type PackIssue } from './pack-issues.ts';
import { checkPack } from './pack-validate.ts';

/** What a CSV or XLSX file cannot say about itself: the pack's identity (asked for in the import form). */
export interface TablePackMeta {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly designation: string;
  readonly edition: string;
  readonly criteria: string;
  readonly language: string;
  readonly publisher?: string;
}

/** One data row of a sheet: its 1-based row number in the file and its cells by header. */
export interface TableRow {
  readonly row: number;
  /** Line in a CSV file where the row starts (a quoted cell may span lines). */
  readonly line?: number;
  readonly cells: ReadonlyMap<string, string>;
}

export interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly TableRow[];
}

/**
 * The columns a CB's spreadsheet may have. clause and question are required; the rest optional.
 * Headers are matched ignoring case, spaces, "_" and "-" ("Clause no." also works as "clause").
 */
export const TABLE_COLUMNS = ['clause', 'clause_title', 'question_id', 'question', 'aspect', 'guidance', 'weaknesses', 'evidence'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

const ALIASES: Record<string, TableColumn> = {
  clause: 'clause',
  clauseno: 'clause',
  clausenumber: 'clause',
  clausetitle: 'clause_title',
  title: 'clause_title',
  questionid: 'question_id',
  id: 'question_id',
  question: 'question',
  auditquestion: 'question',
  aspect: 'aspect',
  guidance: 'guidance',
  weaknesses: 'weaknesses',
  commonweaknesses: 'weaknesses',
  evidence: 'evidence',
  typicalevidence: 'evidence',
};

export function columnOf(header: string): TableColumn | null {
  return ALIASES[header.toLowerCase().replace(/[\s_.-]+/g, '')] ?? null;
}

const CLAUSE_NUMBER = /^[A-Za-z]?\d+(\.\d+)*$/;
const QUESTION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/**
 * A sheet of questions (one row per question; a row with a clause and no question only names the
 * clause) turned into a pack. Clause parents come from the numbering: 8.5.1.2 hangs under 8.5.1 when
 * the sheet has it, else under the nearest ancestor it has, else at the top. Every problem found is
 * reported with its row (and CSV line) before anything is imported.
 */
export function packFromTable(table: Table, meta: TablePackMeta, sourceLabel: string): ChecklistPack {
  const issues: PackIssue[] = [];
  const columns = new Map<TableColumn, string>();
  for (const header of table.headers) {
    const column = columnOf(header);
    if (column && !columns.has(column)) columns.set(column, header);
  }
  const missing = (['clause', 'question'] as const).filter((column) => !columns.has(column));
  if (missing.length) {
    refuse([
      {
        row: 1,
        message: `The header row has no ${missing.map((m) => `"${m}"`).join(' or ')} column. Found: ${table.headers.map((h) => `"${h}"`).join(', ') || 'nothing'}. Expected columns: ${TABLE_COLUMNS.join(', ')}.`,
      },
    ]);
  }
  if (table.rows.length === 0) refuse([{ message: `${sourceLabel} has a header row but no questions` }]);

  const cell = (row: TableRow, column: TableColumn): string => {
    const header = columns.get(column);
    return header ? (row.cells.get(header) ?? '').trim() : '';
  };
  const place = (row: TableRow, column: TableColumn): Pick<PackIssue, 'row' | 'line' | 'column'> => ({
    row: row.row,
    ...(row.line !== undefined ? { line: row.line } : {}),
    column: columns.get(column) ?? column,
  });
  const text = (value: string): LocalizedText => ({ [meta.language]: value });

  interface Draft {
    number: string;
    title: string;
    questions: ChecklistQuestion[];
  }
  const drafts = new Map<string, Draft>();
  const questionRows = new Map<string, number>();
  for (const row of table.rows) {
    const number = cell(row, 'clause');
    const question = cell(row, 'question');
    const anything = [...row.cells.values()].some((value) => value.trim() !== '');
    if (!anything) continue;
    if (!number) {
      issues.push({ ...place(row, 'clause'), message: 'The clause number is empty' });
      continue;
    }
    if (!CLAUSE_NUMBER.test(number)) {
      issues.push({ ...place(row, 'clause'), message: `"${number}" is not a clause number such as 8.5.1` });
      continue;
    }
    const draft = drafts.get(number) ?? { number, title: '', questions: [] };
    drafts.set(number, draft);
    const title = cell(row, 'clause_title');
    if (title && !draft.title) draft.title = title;
    if (!question) continue;
    const aspect = cell(row, 'aspect').toLowerCase();
    if (aspect && !(QUESTION_ASPECTS as readonly string[]).includes(aspect)) {
      issues.push({ ...place(row, 'aspect'), message: `"${cell(row, 'aspect')}" is not an aspect; use one of ${QUESTION_ASPECTS.join(', ')}` });
    }
    const id = cell(row, 'question_id') || `${number}-q${String(draft.questions.length + 1).padStart(2, '0')}`;
    if (!QUESTION_ID.test(id)) {
      issues.push({ ...place(row, 'question_id'), message: `"${id}" is not a usable id (letters, digits, ".", "_" or "-", up to 80)` });
    } else if (questionRows.has(id)) {
      issues.push({ ...place(row, 'question_id'), message: `Question id "${id}" is already used in row ${questionRows.get(id)}` });
    } else {
      questionRows.set(id, row.row);
    }
    for (const column of ['question', 'guidance', 'weaknesses', 'evidence'] as const) {
      if (cell(row, column).length > 5000) issues.push({ ...place(row, column), message: 'is longer than 5,000 characters' });
    }
    const guidance = cell(row, 'guidance');
    const weaknesses = cell(row, 'weaknesses');
    const evidence = cell(row, 'evidence')
      .split(/\r?\n|\s\|\s/)
      .map((item) => item.trim().replace(/^[-•*]\s*/, ''))
      .filter(Boolean);
    draft.questions.push({
      id,
      ...(aspect ? { aspect: aspect as ChecklistQuestion['aspect'] } : {}),
      text: text(question),
      ...(guidance ? { guidance: text(guidance) } : {}),
      ...(weaknesses ? { weaknesses: text(weaknesses) } : {}),
      ...(evidence.length ? { evidence: evidence.map(text) } : {}),
    });
  }
  if (issues.length) refuse(issues);
  if (![...drafts.values()].some((draft) => draft.questions.length)) refuse([{ message: `${sourceLabel} has no questions` }]);

  const numbers = [...drafts.keys()];
  const parentOf = (number: string): string | null => {
    const parts = number.split('.');
    for (let depth = parts.length - 1; depth > 0; depth--) {
      const candidate = parts.slice(0, depth).join('.');
      if (drafts.has(candidate)) return candidate;
    }
    return null;
  };
  // Parents before children, in clause-number order (8.10 after 8.9).
  const ordered = numbers.sort((a, b) => compareClauseNumbers(a, b));
  const clauses: ChecklistClause[] = ordered.map((number) => {
    const draft = drafts.get(number)!;
    return {
      id: number,
      number,
      title: text(draft.title || `Clause ${number}`),
      parent: parentOf(number),
      ...(draft.questions.length ? { questions: draft.questions } : {}),
    };
  });
  const pack = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: meta.id,
    version: meta.version,
    title: text(meta.title),
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
    standard: { designation: meta.designation, edition: meta.edition, criteria: meta.criteria },
    languages: [meta.language],
    defaultLanguage: meta.language,
    processes: [],
    clauses,
  };
  return checkPack(pack);
}

export function compareClauseNumbers(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = Number.parseInt(x.replace(/^[A-Za-z]/, ''), 10);
    const ny = Number.parseInt(y.replace(/^[A-Za-z]/, ''), 10);
    if (x !== y) return nx !== ny ? nx - ny : x < y ? -1 : 1;
  }
  return 0;
}
