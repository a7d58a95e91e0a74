import type Database from 'better-sqlite3';
import { utcInstant } from '../../shared/time.ts';

/** One record of a population as stored: its row number, the line it began on in the export, its id, its kept cells as a JSON array. */
export interface PopulationRecord {
  readonly rowNo: number;
  readonly line: number;
  readonly recordId: string;
  readonly cells: string;
}

/** A canonical order built at import: the whole population (column '') or one stratum of a column. */
export interface PopulationOrder {
  readonly column: string;
  readonly stratum: string;
  readonly rowCount: number;
  /** aw-perm-1's population hash of the ids in this order. */
  readonly idsHash: string;
  /** Row numbers in the UTF-8 byte order of the record ids. */
  readonly rowNos: Uint32Array;
}

/** Rows per multi-row INSERT: 5 values each stays far below SQLite's 32,766 parameters, and one statement per 200 rows halves the per-row cost. */
const ROWS_PER_STATEMENT = 200;
/** A slice of bulk deletion: committed, then the worker serves other calls (DESIGN.md: ≤ 100 ms). */
const DELETE_SLICE_ROWS = 20_000;

const toBlob = (rowNos: Uint32Array): Buffer => Buffer.from(rowNos.buffer, rowNos.byteOffset, rowNos.byteLength);
const fromBlob = (bytes: Buffer): Uint32Array => {
  // Copied: SQLite's buffer need not be aligned for a Uint32Array view.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
};

/**
 * A sampling population's records in this copy (DESIGN.md "Immutable bulk data"): outside the change
 * log, keyed (population, row number) through a local sequence number. An import (or a received
 * package) writes committed slices into a `population_data` entry marked incomplete; `finish` makes
 * it complete in ONE short transaction together with what the caller writes there (the immutable
 * `population` row and its one change-log entry). Incomplete entries are swept at open; the rows of
 * a cancelled import are deleted in slices behind the job, so a cancel is answered at once.
 */
export class PopulationStore {
  private insertOne: Database.Statement | null = null;
  private insertMany: Database.Statement | null = null;

  constructor(private readonly db: Database.Database) {}

  /** A new incomplete entry; its rows are invisible until `finish`. */
  begin(now: number = Date.now()): number {
    const info = this.db.prepare("INSERT INTO population_data (population_id, started_at) VALUES ('', ?)").run(utcInstant(now));
    return Number(info.lastInsertRowid);
  }

  /** Appends records to an incomplete entry in one transaction (the caller sizes it to a slice). */
  append(seq: number, records: readonly PopulationRecord[]): void {
    const one = (this.insertOne ??= this.db.prepare('INSERT INTO population_row (population_seq, row_no, line, record_id, cells) VALUES (?, ?, ?, ?, ?)'));
    const many = (this.insertMany ??= this.db.prepare(
      `INSERT INTO population_row (population_seq, row_no, line, record_id, cells) VALUES ${Array.from({ length: ROWS_PER_STATEMENT }, () => '(?, ?, ?, ?, ?)').join(', ')}`,
    ));
    this.db.transaction(() => {
      let i = 0;
      const values: (string | number)[] = new Array(ROWS_PER_STATEMENT * 5);
      for (; i + ROWS_PER_STATEMENT <= records.length; i += ROWS_PER_STATEMENT) {
        for (let j = 0; j < ROWS_PER_STATEMENT; j++) {
          const record = records[i + j]!;
          const at = j * 5;
          values[at] = seq;
          values[at + 1] = record.rowNo;
          values[at + 2] = record.line;
          values[at + 3] = record.recordId;
          values[at + 4] = record.cells;
        }
        many.run(values);
      }
      for (; i < records.length; i++) {
        const record = records[i]!;
        one.run(seq, record.rowNo, record.line, record.recordId, record.cells);
      }
    })();
  }

  /** Stores the canonical orders (whole population and strata) of an incomplete entry. */
  writeOrders(seq: number, orders: readonly PopulationOrder[]): void {
    const insert = this.db.prepare('INSERT INTO population_order (population_seq, column_name, stratum, row_count, ids_hash, row_nos) VALUES (?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const order of orders) insert.run(seq, order.column, order.stratum, order.rowCount, order.idsHash, toBlob(order.rowNos));
    })();
  }

  /**
   * Makes the entry the population's records, in one transaction with `inside` (the population row and
   * its change-log entry). Returns false — and discards the entry — when this copy already holds them.
   */
  finish(seq: number, populationId: string, contentHash: string, inside: () => void): boolean {
    return this.db.transaction(() => {
      if (this.seqOf(populationId) !== null) return false;
      this.db.prepare('UPDATE population_data SET population_id = ?, content_hash = ?, complete = 1 WHERE seq = ?').run(populationId, contentHash, seq);
      inside();
      return true;
    })();
  }

  /** The complete entry holding a population's records here, or null (a package that came without them). */
  seqOf(populationId: string): number | null {
    const seq = this.db.prepare('SELECT seq FROM population_data WHERE population_id = ? AND complete = 1').pluck().get(populationId) as number | undefined;
    return seq ?? null;
  }

  /** Deletes an incomplete entry's rows in committed slices, yielding between them; `yieldNow` lets the worker serve calls. */
  async discard(seq: number, yieldNow: () => Promise<void>): Promise<void> {
    const step = this.db.prepare('DELETE FROM population_row WHERE population_seq = ? AND row_no IN (SELECT row_no FROM population_row WHERE population_seq = ? LIMIT ?)');
    for (;;) {
      const { changes } = step.run(seq, seq, DELETE_SLICE_ROWS);
      if (changes < DELETE_SLICE_ROWS) break;
      await yieldNow();
    }
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM population_order WHERE population_seq = ?').run(seq);
      this.db.prepare('DELETE FROM population_data WHERE seq = ? AND complete = 0').run(seq);
    })();
  }

  /** At open: what an interrupted import or package left (its rows were never visible). Returns the entries dropped. */
  sweepAtOpen(): number {
    const seqs = this.db.prepare('SELECT seq FROM population_data WHERE complete = 0').pluck().all() as number[];
    if (seqs.length === 0) return 0;
    this.db.transaction(() => {
      for (const seq of seqs) {
        this.db.prepare('DELETE FROM population_row WHERE population_seq = ?').run(seq);
        this.db.prepare('DELETE FROM population_order WHERE population_seq = ?').run(seq);
        this.db.prepare('DELETE FROM population_data WHERE seq = ?').run(seq);
      }
    })();
    return seqs.length;
  }

  /** A canonical order: the whole population (column '') or one stratum. */
  order(seq: number, column: string, stratum: string): PopulationOrder | null {
    const row = this.db.prepare('SELECT row_count, ids_hash, row_nos FROM population_order WHERE population_seq = ? AND column_name = ? AND stratum = ?').get(seq, column, stratum) as
      | { row_count: number; ids_hash: string; row_nos: Buffer }
      | undefined;
    return row ? { column, stratum, rowCount: row.row_count, idsHash: row.ids_hash, rowNos: fromBlob(row.row_nos) } : null;
  }

  /** The strata of every stratifiable column (names and counts), without their orders. */
  strata(seq: number): { column: string; stratum: string; rowCount: number; idsHash: string }[] {
    return (
      this.db
        .prepare("SELECT column_name, stratum, row_count, ids_hash FROM population_order WHERE population_seq = ? AND column_name <> '' ORDER BY column_name, stratum")
        .all(seq) as { column_name: string; stratum: string; row_count: number; ids_hash: string }[]
    ).map((row) => ({ column: row.column_name, stratum: row.stratum, rowCount: row.row_count, idsHash: row.ids_hash }));
  }

  /** The record id of (population seq, row number), prepared once for a caller's many lookups. */
  recordIdStatement(): Database.Statement {
    return this.db.prepare('SELECT record_id FROM population_row WHERE population_seq = ? AND row_no = ?').pluck();
  }

  /** Records by row number (missing numbers are left out). */
  records(seq: number, rowNos: readonly number[]): PopulationRecord[] {
    const get = this.db.prepare('SELECT row_no AS rowNo, line, record_id AS recordId, cells FROM population_row WHERE population_seq = ? AND row_no = ?');
    const out: PopulationRecord[] = [];
    for (const rowNo of rowNos) {
      const found = get.get(seq, rowNo) as PopulationRecord | undefined;
      if (found) out.push(found);
    }
    return out;
  }

  /** A page of records in row order, those whose id contains `search` (case-insensitive) when given, and how many match. */
  page(seq: number, offset: number, limit: number, search: string): { total: number; records: PopulationRecord[] } {
    const where = search ? " AND instr(lower(record_id), lower(?)) > 0" : '';
    const args = search ? [seq, search] : [seq];
    const total = this.db.prepare(`SELECT COUNT(*) FROM population_row WHERE population_seq = ?${where}`).pluck().get(...args) as number;
    const records = this.db
      .prepare(`SELECT row_no AS rowNo, line, record_id AS recordId, cells FROM population_row WHERE population_seq = ?${where} ORDER BY row_no LIMIT ? OFFSET ?`)
      .all(...args, limit, offset) as PopulationRecord[];
    return { total, records };
  }

  /** Every record id by row number (verification hashes them again in the stored order). */
  recordIds(seq: number, rowCount: number): string[] {
    const ids = new Array<string>(rowCount);
    for (const row of this.db.prepare('SELECT row_no, record_id FROM population_row WHERE population_seq = ?').raw().iterate(seq) as Iterable<[number, string]>) {
      ids[row[0]] = row[1];
    }
    return ids;
  }

  /** Every record (a package's bulk section streams them), in row order. */
  iterate(seq: number): IterableIterator<PopulationRecord> {
    return this.db
      .prepare('SELECT row_no AS rowNo, line, record_id AS recordId, cells FROM population_row WHERE population_seq = ? ORDER BY row_no')
      .iterate(seq) as IterableIterator<PopulationRecord>;
  }

  /**
   * A page of records in row order from `fromRowNo` (a return package streams them): no statement
   * stays open between pages, so a caller awaiting between them leaves the connection free.
   */
  recordsFrom(seq: number, fromRowNo: number, limit: number): PopulationRecord[] {
    return this.db
      .prepare('SELECT row_no AS rowNo, line, record_id AS recordId, cells FROM population_row WHERE population_seq = ? AND row_no >= ? ORDER BY row_no LIMIT ?')
      .all(seq, fromRowNo, limit) as PopulationRecord[];
  }
}
