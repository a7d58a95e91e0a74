import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { PopulationStore, type PopulationRecord } from '../store/population-store.ts';
import { StrataCollector, stratumColumns } from '../sampling/index.ts';
import type { BulkSource } from './package-v2/index.ts';

/** The bulk section kind of a sampling population's records (issue 20). */
export const POPULATION_SECTION = 'population';

/** Records read per page (~0.5 MB of JSON lines for a 12-column export): one short statement each. */
export const RECORDS_PER_PAGE = 2_000;

/**
 * What a population section says about itself beside its bytes. The records are checked against the
 * population's change-log entry (its content hash), not against this; `dayFirst` is how the sender's
 * import read numeric dates of its 'opened' column (the population row does not record it), so the
 * receiver builds the same month strata — null when no reading reproduces the sender's strata.
 */
export interface PopulationSectionMeta {
  readonly contentHash: string;
  readonly rowCount: number;
  readonly dayFirst: boolean | null;
}

/** One record as a line of the section: `[row_no, line, record_id, cells_json_text]\n`. */
export const recordLine = (record: PopulationRecord): string => `${JSON.stringify([record.rowNo, record.line, record.recordId, record.cells])}\n`;

/** Each page of a population's records in row order, as the bytes of its lines. */
function* linePages(populations: PopulationStore, seq: number): Generator<{ records: PopulationRecord[]; bytes: Buffer }> {
  for (let from = 0; ; ) {
    const records = populations.recordsFrom(seq, from, RECORDS_PER_PAGE);
    if (records.length === 0) return;
    yield { records, bytes: Buffer.from(records.map(recordLine).join(''), 'utf8') };
    from = records[records.length - 1]!.rowNo + 1;
  }
}

interface PopulationToSend {
  readonly id: string;
  readonly seq: number;
  readonly contentHash: string;
  readonly columns: { name: string; role: string }[];
}

/**
 * The populations whose immutable entry the package carries (written beyond the base, as the entries
 * themselves are chosen) and whose records this copy holds: a population received without them has
 * nothing to send.
 */
function populationsToSend(db: Database.Database, base: Record<string, number>): PopulationToSend[] {
  const populations = new PopulationStore(db);
  const carried = new Set(
    (db.prepare("SELECT row_id, replica_id, seq FROM change_log WHERE entity = 'population' AND field = '*'").all() as { row_id: string; replica_id: string; seq: number }[])
      .filter((entry) => entry.seq > (base[entry.replica_id] ?? 0))
      .map((entry) => entry.row_id),
  );
  const rows = db.prepare('SELECT id, content_hash, columns FROM population ORDER BY id').all() as { id: string; content_hash: string; columns: string }[];
  return rows.flatMap((row) => {
    const seq = carried.has(row.id) ? populations.seqOf(row.id) : null;
    return seq === null ? [] : [{ id: row.id, seq, contentHash: row.content_hash, columns: parseColumns(row.columns) }];
  });
}

export const parseColumns = (json: string): { name: string; role: string }[] => {
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? (parsed as { name: string; role: string }[]) : [];
  } catch {
    return [];
  }
};

const DAY_FIRST_READINGS = [null, true, false] as const;

/**
 * Which reading of numeric dates reproduces the month strata this copy stored at import: a candidate
 * collector per reading runs over the records during the sizing pass, and the first whose strata (names
 * and counts) equal the stored ones wins. Nothing to decide without an 'opened' column.
 */
export class DayFirstFinder {
  private readonly collectors: StrataCollector[];
  private readonly opened: ReturnType<typeof stratumColumns>;

  constructor(columns: readonly { name: string; role: string }[]) {
    this.opened = stratumColumns(columns as Parameters<typeof stratumColumns>[0]).filter((column) => column.role === 'opened');
    this.collectors = this.opened.length ? DAY_FIRST_READINGS.map((reading) => new StrataCollector(this.opened, reading)) : [];
  }

  /** Whether there is anything to find (no 'opened' column: no pass over the records is needed). */
  get needed(): boolean {
    return this.collectors.length > 0;
  }

  add(record: PopulationRecord): void {
    if (!this.collectors.length) return;
    const cells = JSON.parse(record.cells) as string[];
    for (const collector of this.collectors) collector.add(record.rowNo, cells);
  }

  result(populations: PopulationStore, seq: number): boolean | null {
    if (!this.collectors.length) return null;
    const names = new Set(this.opened.map((column) => column.name));
    const key = (entries: { column: string; stratum: string; rowCount: number }[]): string =>
      JSON.stringify(
        entries
          .filter((entry) => names.has(entry.column))
          .map(({ column, stratum, rowCount }) => [column, stratum, rowCount])
          .sort((a, b) => (`${a[0]}\0${a[1]}` < `${b[0]}\0${b[1]}` ? -1 : 1)),
      );
    const stored = key(populations.strata(seq));
    const index = this.collectors.findIndex((collector) => {
      const strata = collector.result().flatMap((column) => {
        const counts = new Array<number>(column.names.length).fill(0);
        for (const code of column.perRow) if (code !== undefined) counts[code]!++;
        return column.names.map((stratum, code) => ({ column: column.column, stratum, rowCount: counts[code]! }));
      });
      return key(strata) === stored;
    });
    return index < 0 ? null : DAY_FIRST_READINGS[index]!;
  }
}

/**
 * The bulk sections of a return package for the populations it carries: each population's records as
 * JSON lines in row order, streamed from the store page by page when the writer reaches them. The
 * header states each section's size and SHA-256, so a first pass over the rows computes them (and the
 * date reading); `pause` lets the worker serve other calls between pages.
 */
export async function populationSections(db: Database.Database, base: Record<string, number>, pause: () => Promise<void>): Promise<BulkSource[]> {
  const populations = new PopulationStore(db);
  const sections: BulkSource[] = [];
  for (const population of populationsToSend(db, base)) {
    const hash = createHash('sha256');
    const dates = new DayFirstFinder(population.columns);
    let size = 0;
    let rowCount = 0;
    for (const page of linePages(populations, population.seq)) {
      hash.update(page.bytes);
      size += page.bytes.length;
      rowCount += page.records.length;
      for (const record of page.records) dates.add(record);
      await pause();
    }
    const meta: PopulationSectionMeta = { contentHash: population.contentHash, rowCount, dayFirst: dates.result(populations, population.seq) };
    sections.push({
      kind: POPULATION_SECTION,
      id: population.id,
      size,
      sha256: hash.digest('hex'),
      meta,
      read: function* () {
        for (const page of linePages(populations, population.seq)) yield page.bytes;
      },
    });
  }
  return sections;
}
