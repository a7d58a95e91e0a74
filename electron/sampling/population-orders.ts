import { parseRecordDate } from '../../shared/sampling/record-dates.ts';
import { STRATIFIABLE_ROLES, type ColumnRole } from '../../shared/sampling/sampling-kinds.ts';
import { compareUtf8, PopulationHasher } from '../../shared/sampling/seeded-permutation.ts';
import type { PopulationOrder } from '../store/population-store.ts';

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

/** The stratum a cell puts its record in: the month (YYYY-MM) of an opened date, else the trimmed text. */
export function stratumOf(column: StratumColumn, cell: string, dayFirst: boolean | null): string {
  const text = cell.trim();
  if (column.role === 'opened') {
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
  private readonly perRow: number[][];
  private readonly dropped: boolean[];

  constructor(
    private readonly columns: readonly StratumColumn[],
    private readonly dayFirst: boolean | null,
  ) {
    this.names = columns.map(() => []);
    this.codes = columns.map(() => new Map());
    this.perRow = columns.map(() => []);
    this.dropped = columns.map(() => false);
  }

  add(rowNo: number, cells: readonly string[]): void {
    this.columns.forEach((column, i) => {
      if (this.dropped[i]) return;
      const name = stratumOf(column, cells[column.cell] ?? '', this.dayFirst);
      let code = this.codes[i]!.get(name);
      if (code === undefined) {
        if (this.names[i]!.length >= MAX_STRATA) {
          this.dropped[i] = true;
          this.perRow[i] = [];
          return;
        }
        code = this.names[i]!.length;
        this.names[i]!.push(name);
        this.codes[i]!.set(name, code);
      }
      this.perRow[i]![rowNo] = code;
    });
  }

  /** Per kept stratifiable column: its strata names and each row's stratum code. */
  result(): { column: string; names: string[]; perRow: number[] }[] {
    return this.columns.flatMap((column, i) => (this.dropped[i] ? [] : [{ column: column.name, names: this.names[i]!, perRow: this.perRow[i]! }]));
  }
}

/**
 * Row numbers in the UTF-8 byte order of their ids. JavaScript compares strings by UTF-16 code units,
 * which is the same order unless an id holds a character from U+D800 up (a surrogate pair sorts
 * before U+E000–U+FFFF in UTF-16, after in UTF-8): only then the slower exact comparison is used.
 */
export function canonicalRowOrder(ids: readonly string[]): Uint32Array {
  const order = new Uint32Array(ids.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const exact = ids.some((id) => /[\uD800-\uFFFF]/.test(id));
  if (exact) order.sort((a, b) => compareUtf8(ids[a]!, ids[b]!));
  else order.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  return order;
}

const hashOf = (ids: readonly string[], rowNos: Uint32Array): string => {
  const hasher = new PopulationHasher(rowNos.length);
  for (const rowNo of rowNos) hasher.add(ids[rowNo]!);
  return hasher.digest();
};

/** The whole population's order and every stratum's, each with aw-perm-1's population hash of its ids. */
export function buildOrders(ids: readonly string[], strata: ReturnType<StrataCollector['result']>): PopulationOrder[] {
  const whole = canonicalRowOrder(ids);
  const orders: PopulationOrder[] = [{ column: '', stratum: '', rowCount: whole.length, idsHash: hashOf(ids, whole), rowNos: whole }];
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
    column.names.forEach((name, code) => orders.push({ column: column.column, stratum: name, rowCount: counts[code]!, idsHash: hashOf(ids, lists[code]!), rowNos: lists[code]! }));
  }
  return orders;
}
