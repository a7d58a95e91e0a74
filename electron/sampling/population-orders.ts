import { parseRecordDate } from '../../shared/sampling/record-dates.ts';
import { STRATIFIABLE_ROLES, type ColumnRole } from '../../shared/sampling/sampling-kinds.ts';
import type { PopulationOrder } from '../store/population-store.ts';
import type { RecordIds } from './record-ids.ts';

/** A column with more distinct values than this is no useful stratum (an id-like column): not offered. */
export const MAX_STRATA = 500;
/** The stratum of a record whose cell is empty, or whose date cannot be read (month strata). */
export const BLANK_STRATUM = '(blank)';

/** A kept column the population can be stratified by, and how its cells name their stratum. */
export interface StratumColumn {
  readonly name: string;
  readonly role: ColumnRole;
  /** Its position among the kept cells. */
  readonly cell: number;
}

export const stratumColumns = (columns: readonly { name: string; role: ColumnRole }[]): StratumColumn[] =>
  columns.flatMap((column, cell) => ((STRATIFIABLE_ROLES as readonly ColumnRole[]).includes(column.role) ? [{ name: column.name, role: column.role, cell }] : []));

/** ISO `YYYY-MM-DD` with an optional `hh:mm:ss` (what most ITSM tools export): read without the general parser. */
const PLAIN_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The month of a plain ISO date-time exactly as parseRecordDate would give it, or null to ask the
 * general parser (measured: NFKC, five patterns and the time rules cost ~4 µs a cell, 4 s for 10⁶ rows).
 * Only values the parser certainly reads as this month are answered here; anything else goes to it.
 */
function plainIsoMonth(text: string): string | null {
  const m = PLAIN_ISO.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!)) return null;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59)) return null;
  return text.slice(0, 7);
}

/** The stratum a cell puts its record in: the month (YYYY-MM) of an opened date, else the trimmed text. */
export function stratumOf(column: StratumColumn, cell: string, dayFirst: boolean | null): string {
  const text = cell.trim();
  if (column.role === 'opened') {
    const plain = plainIsoMonth(text);
    if (plain !== null) return plain;
    const date = text ? parseRecordDate(text, { dayFirst }) : null;
    return date ? date.iso.slice(0, 7) : BLANK_STRATUM;
  }
  return text || BLANK_STRATUM;
}

/**
 * Collects, while rows stream in, each stratifiable column's stratum per row (as a small code), so
 * the orders can be built once every id is known. A column past MAX_STRATA values stops collecting.
 */
export class StrataCollector {
  private readonly names: string[][];
  private readonly codes: Map<string, number>[];
  /** Per column, each row's stratum code (MAX_STRATA fits 16 bits), grown by doubling. */
  private readonly perRow: Uint16Array[];
  private readonly dropped: boolean[];
  private rows = 0;

  constructor(
    private readonly columns: readonly StratumColumn[],
    private readonly dayFirst: boolean | null,
  ) {
    this.names = columns.map(() => []);
    this.codes = columns.map(() => new Map());
    this.perRow = columns.map(() => new Uint16Array(1024));
    this.dropped = columns.map(() => false);
  }

  add(rowNo: number, cells: readonly string[]): void {
    if (rowNo >= this.rows) this.rows = rowNo + 1;
    for (let i = 0; i < this.columns.length; i++) {
      if (this.dropped[i]) continue;
      const column = this.columns[i]!;
      const name = stratumOf(column, cells[column.cell] ?? '', this.dayFirst);
      let code = this.codes[i]!.get(name);
      if (code === undefined) {
        if (this.names[i]!.length >= MAX_STRATA) {
          this.dropped[i] = true;
          this.perRow[i] = new Uint16Array(0);
          continue;
        }
        code = this.names[i]!.length;
        this.names[i]!.push(name);
        this.codes[i]!.set(name, code);
      }
      let codes = this.perRow[i]!;
      if (rowNo >= codes.length) {
        const grown = new Uint16Array(Math.max(codes.length * 2, rowNo + 1));
        grown.set(codes);
        this.perRow[i] = codes = grown;
      }
      codes[rowNo] = code;
    }
  }

  /** Per kept stratifiable column: its strata names and each row's stratum code. */
  result(): { column: string; names: string[]; perRow: Uint16Array }[] {
    return this.columns.flatMap((column, i) => (this.dropped[i] ? [] : [{ column: column.name, names: this.names[i]!, perRow: this.perRow[i]!.subarray(0, this.rows) }]));
  }
}

/** Row numbers in the UTF-8 byte order of their ids (the ids compared as bytes: no case of UTF-16 order to mend). */
export function canonicalRowOrder(ids: RecordIds): Uint32Array {
  const order = new Uint32Array(ids.count);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => ids.compare(a, b));
}

/** The whole population's order and every stratum's, each with aw-perm-1's population hash of its ids. */
export function buildOrders(ids: RecordIds, strata: ReturnType<StrataCollector['result']>): PopulationOrder[] {
  const whole = canonicalRowOrder(ids);
  const hashOf = (rowNos: Uint32Array): string => ids.hash(rowNos);
  const orders: PopulationOrder[] = [{ column: '', stratum: '', rowCount: whole.length, idsHash: hashOf(whole), rowNos: whole }];
  for (const column of strata) {
    const counts = new Array<number>(column.names.length).fill(0);
    for (const rowNo of whole) counts[column.perRow[rowNo]!]!++;
    const lists = counts.map((count) => new Uint32Array(count));
    const filled = new Array<number>(column.names.length).fill(0);
    // Walking the whole order keeps each stratum in canonical order without sorting again.
    for (const rowNo of whole) {
      const code = column.perRow[rowNo]!;
      lists[code]![filled[code]!++] = rowNo;
    }
    column.names.forEach((name, code) => orders.push({ column: column.column, stratum: name, rowCount: counts[code]!, idsHash: hashOf(lists[code]!), rowNos: lists[code]! }));
  }
  return orders;
}
