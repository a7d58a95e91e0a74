import type Database from 'better-sqlite3';
import { StoreError } from '../../shared/store-errors.ts';
import { IMMUTABLE_FIELD } from '../store/engagement-store.ts';
import { PopulationStore, type PopulationRecord } from '../store/population-store.ts';
import { buildOrders, PopulationContentHash, RecordIds, StrataCollector, stratumColumns } from '../sampling/index.ts';
import { POPULATION_SECTION, RECORDS_PER_PAGE } from './package-populations.ts';
import type { BulkStart } from './package-v2/index.ts';

/** The population row as its immutable entry carries it (the fields this check needs). */
interface PopulationRow {
  readonly columns: string;
  readonly row_count: number;
  readonly content_hash: string;
  readonly ids_hash: string;
}

/** One population being received: hashed, ordered and (unless previewing) staged as it arrives. */
interface Receiving {
  readonly populationId: string;
  readonly row: PopulationRow;
  readonly seq: number | null;
  readonly content: PopulationContentHash;
  readonly strata: StrataCollector;
  readonly idCell: number;
  readonly ids: RecordIds;
  pending: PopulationRecord[];
  /** Bytes of a line cut by a chunk boundary. */
  carry: Buffer;
}

const damaged = (populationId: string, detail: string): StoreError =>
  new StoreError('MERGE_DAMAGED', 'A population’s records do not match the population they belong to', { reason: 'population-records', id: populationId, detail });

const NEWLINE = 0x0a;

/**
 * Sampling populations arriving with an import (a package's bulk sections, a member copy's records):
 * each one's records stream into an incomplete `population_data` entry in committed slices, are
 * hashed again against the content hash of the population's entry (columns and cells, as at import),
 * and get their canonical orders built here; none is visible until the import's one final transaction
 * (`finishWith`) marks them complete beside the merge that adds the population row. A preview hashes
 * and stores nothing; a failure discards every staged entry.
 *
 * Which sections are taken: kind 'population' only (an unknown kind comes from a newer app:
 * MERGE_NEWER_VERSION); skipped — read and verified by the container, not kept — when this copy
 * already holds the population's records, or when neither the package's entries nor this copy have
 * the population's row (nothing to check the records against, and nothing would name them).
 */
export class IncomingPopulations {
  private readonly populations: PopulationStore;
  private readonly rows = new Map<string, PopulationRow>();
  private current: Receiving | null = null;
  private readonly staged: { seq: number; populationId: string; contentHash: string }[] = [];
  private readonly started: number[] = [];
  /** Populations whose records this import brings (stored or, in a preview, that would be). */
  received = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly store: boolean,
    private readonly pause: () => Promise<void>,
  ) {
    this.populations = new PopulationStore(db);
  }

  /** The population rows the import's entries carry (their immutable entries' values). */
  useEntries(entries: readonly { entity: string; row_id: string; field: string; new_value: string | null }[]): void {
    for (const entry of entries) {
      if (entry.entity !== 'population' || entry.field !== IMMUTABLE_FIELD || entry.new_value === null || this.rows.has(entry.row_id)) continue;
      try {
        this.rows.set(entry.row_id, JSON.parse(entry.new_value) as PopulationRow);
      } catch {
        // An unreadable value is the merge's to refuse (its value hash does not verify).
      }
    }
  }

  /** A package's bulk section begins: 'store' to receive its bytes (a preview receives them to hash). */
  sectionStart(section: BulkStart, requiredVersion: string): 'store' | 'skip' {
    if (section.kind !== POPULATION_SECTION) {
      throw new StoreError('MERGE_NEWER_VERSION', 'This package carries data a newer version of Audit Workbench reads', { requiredVersion });
    }
    const meta = section.meta as { dayFirst?: unknown } | null;
    const dayFirst = typeof meta?.dayFirst === 'boolean' ? meta.dayFirst : null;
    return this.start(section.id, dayFirst) ? 'store' : 'skip';
  }

  private rowOf(populationId: string): PopulationRow | undefined {
    return this.rows.get(populationId) ?? (this.db.prepare('SELECT columns, row_count, content_hash, ids_hash FROM population WHERE id = ?').get(populationId) as PopulationRow | undefined);
  }

  /** Whether this population's records would be received: not when they are here already or nothing names them. */
  wants(populationId: string): boolean {
    return this.rowOf(populationId) !== undefined && this.populations.seqOf(populationId) === null && !this.staged.some((staged) => staged.populationId === populationId);
  }

  /** Starts receiving a population's records (false: not wanted, see `wants`); `dayFirst` reads its 'opened' dates as the sender did. */
  start(populationId: string, dayFirst: boolean | null): boolean {
    const row = this.rowOf(populationId);
    if (!row || !this.wants(populationId)) return false;
    let columns: { name: string; role: string }[];
    try {
      columns = JSON.parse(row.columns) as { name: string; role: string }[];
      if (!Array.isArray(columns)) throw new Error('not a list');
    } catch {
      throw damaged(populationId, 'columns');
    }
    const idCell = columns.findIndex((column) => column.role === 'id');
    const typed = columns as Parameters<typeof stratumColumns>[0];
    this.received += 1;
    const seq = this.store ? this.populations.begin() : null;
    if (seq !== null) this.started.push(seq);
    this.current = {
      populationId,
      row,
      seq,
      content: new PopulationContentHash(typed),
      strata: new StrataCollector(stratumColumns(typed), dayFirst),
      idCell,
      ids: new RecordIds(),
      pending: [],
      carry: Buffer.alloc(0),
    };
    return true;
  }

  /** Bytes of the current section: whole lines are parsed, a cut line waits for the next chunk. */
  async data(chunk: Buffer): Promise<void> {
    const current = this.current;
    if (!current) return;
    const bytes = current.carry.length ? Buffer.concat([current.carry, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end >= 0; end = bytes.indexOf(NEWLINE, start)) {
      this.add(current, parseLine(current.populationId, bytes.toString('utf8', start, end)));
      start = end + 1;
    }
    current.carry = Buffer.from(bytes.subarray(start));
    await this.flush(current, RECORDS_PER_PAGE);
  }

  /** One record (a member copy's records arrive this way, not as bytes). */
  async record(record: PopulationRecord): Promise<void> {
    const current = this.current;
    if (!current) return;
    this.add(current, record);
    await this.flush(current, RECORDS_PER_PAGE);
  }

  /** The section is complete: its records must be the population's (content hash, count, ids' hash); the orders are built. */
  async end(): Promise<void> {
    const current = this.current;
    if (!current) return;
    this.current = null;
    const { populationId, row } = current;
    if (current.carry.length) throw damaged(populationId, 'cut-line');
    await this.flush(current, 1);
    if (current.ids.count !== row.row_count) throw damaged(populationId, 'row-count');
    if (current.content.digest() !== row.content_hash) throw damaged(populationId, 'content-hash');
    const orders = buildOrders(current.ids, current.strata.result());
    if (orders[0]!.idsHash !== row.ids_hash) throw damaged(populationId, 'ids-hash');
    if (current.seq === null) return;
    this.populations.writeOrders(current.seq, orders);
    this.staged.push({ seq: current.seq, populationId, contentHash: row.content_hash });
  }

  /**
   * Marks every received population's records complete in the same transaction as `merge` (which
   * adds the population rows). Records this copy came to hold meanwhile are not kept twice.
   */
  finishWith<T>(merge: () => T): T {
    const duplicates: number[] = [];
    const result = this.db.transaction(() => {
      for (const staged of this.staged) {
        if (!this.populations.finish(staged.seq, staged.populationId, staged.contentHash, () => undefined)) duplicates.push(staged.seq);
      }
      return merge();
    })();
    const finished = new Set(this.staged.map((staged) => staged.seq).filter((seq) => !duplicates.includes(seq)));
    this.started.splice(0, this.started.length, ...this.started.filter((seq) => !finished.has(seq)));
    this.staged.length = 0;
    return result;
  }

  /** Discards every entry staged and not finished (the import failed, was cancelled or previewed, or brought records twice). */
  async discard(): Promise<void> {
    this.current = null;
    // Not `pause`: a cancelled job must still get its staged rows deleted (what is left is swept at open).
    for (const seq of this.started.splice(0)) await this.populations.discard(seq, () => new Promise((resolve) => setImmediate(resolve))).catch(() => undefined);
  }

  private add(current: Receiving, record: PopulationRecord): void {
    const { populationId } = current;
    if (record.rowNo !== current.ids.count) throw damaged(populationId, 'row-order');
    let cells: unknown;
    try {
      cells = JSON.parse(record.cells);
    } catch {
      throw damaged(populationId, 'cells');
    }
    if (!Array.isArray(cells) || cells.some((cell) => typeof cell !== 'string')) throw damaged(populationId, 'cells');
    // The record id is not in the content hash on its own: it must be the id column's cell, which is
    // (so ids are as unique as at import once the hash matches: no set of them is kept here).
    if (record.recordId === '' || cells[current.idCell] !== record.recordId) throw damaged(populationId, 'record-id');
    current.ids.append(record.recordId);
    current.strata.add(record.rowNo, cells as string[]);
    current.content.add(record.cells);
    if (current.seq !== null) current.pending.push(record);
  }

  /** Appends what is pending once there is a page of it (or anything, at the end), then lets the worker breathe. */
  private async flush(current: Receiving, atLeast: number): Promise<void> {
    if (current.pending.length < atLeast || current.pending.length === 0) return;
    if (current.seq !== null) this.populations.append(current.seq, current.pending);
    current.pending = [];
    await this.pause();
  }
}

function parseLine(populationId: string, text: string): PopulationRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw damaged(populationId, 'line');
  }
  if (
    !Array.isArray(value) ||
    value.length !== 4 ||
    !Number.isSafeInteger(value[0]) ||
    (value[0] as number) < 0 ||
    !Number.isSafeInteger(value[1]) ||
    typeof value[2] !== 'string' ||
    typeof value[3] !== 'string'
  ) {
    throw damaged(populationId, 'line');
  }
  return { rowNo: value[0] as number, line: value[1] as number, recordId: value[2] as string, cells: value[3] as string };
}
