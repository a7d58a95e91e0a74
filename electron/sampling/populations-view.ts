import type Database from 'better-sqlite3';
import type { PopulationStrataView, PopulationView } from '../../shared/contract/sampling-views.ts';
import { COLUMN_ROLES, SOURCE_FORMATS, type ColumnRole, type SourceFormat } from '../../shared/sampling/sampling-kinds.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { POPULATION_TABLE } from '../../shared/tables/sampling-tables.ts';
import { PopulationStore } from '../store/population-store.ts';
import type { Row } from '../store/engagement-store.ts';
import { typedRow } from '../store/typed-rows.ts';

type PopulationRow = ReturnType<typeof typedRow<typeof POPULATION_TABLE>>;

/** The kept columns as stored (JSON [{name, role}]); anything unexpected reads as a free attribute. */
export function populationColumns(json: string): { name: string; role: ColumnRole }[] {
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.map((column: { name?: unknown; role?: unknown }, i) => ({
      name: typeof column.name === 'string' ? column.name : `Column ${i + 1}`,
      role: (COLUMN_ROLES as readonly unknown[]).includes(column.role) ? (column.role as ColumnRole) : 'attribute',
    }));
  } catch {
    return [];
  }
}

function strataOf(populations: PopulationStore, seq: number | null): PopulationStrataView[] {
  if (seq === null) return [];
  const byColumn = new Map<string, { name: string; count: number }[]>();
  for (const entry of populations.strata(seq)) {
    const list = byColumn.get(entry.column) ?? [];
    list.push({ name: entry.stratum, count: entry.rowCount });
    byColumn.set(entry.column, list);
  }
  return [...byColumn].map(([column, strata]) => ({ column, strata }));
}

function viewOf(db: Database.Database, populations: PopulationStore, row: PopulationRow): PopulationView {
  const seq = populations.seqOf(row.id);
  const importedBy = db.prepare('SELECT name FROM team_member WHERE actor_id = ? AND deleted = 0 ORDER BY id LIMIT 1').pluck().get(row.imported_by) as string | undefined;
  return {
    id: row.id,
    topic: row.topic,
    name: row.name,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    siteId: row.site_id,
    sourceName: row.source_name,
    sourceFormat: (SOURCE_FORMATS as readonly string[]).includes(row.source_format) ? (row.source_format as SourceFormat) : 'csv',
    encoding: row.source_encoding,
    delimiter: row.source_delimiter,
    sheet: row.source_sheet,
    columns: populationColumns(row.columns),
    rowCount: row.row_count,
    skippedRows: row.skipped_rows,
    contentHash: row.content_hash,
    idsHash: row.ids_hash,
    importedAt: row.imported_at,
    importedBy: importedBy ?? '',
    rowsHere: seq !== null,
    strata: strataOf(populations, seq),
  };
}

/** Every population of the engagement, by process then name. */
export function populationViews(db: Database.Database): PopulationView[] {
  const populations = new PopulationStore(db);
  return (db.prepare('SELECT * FROM population ORDER BY topic, name, imported_at').all() as Row[]).map((row) =>
    viewOf(db, populations, typedRow(POPULATION_TABLE, row)),
  );
}

export function populationView(db: Database.Database, populationId: string): PopulationView {
  const row = db.prepare('SELECT * FROM population WHERE id = ?').get(populationId) as Row | undefined;
  if (!row) throw new StoreError('ROW_NOT_FOUND', 'This population is not in the engagement', { table: 'population', id: populationId });
  return viewOf(db, new PopulationStore(db), typedRow(POPULATION_TABLE, row));
}

/** The population's row and the entry holding its records here (SAMPLING_ROWS_NOT_HERE when this copy has none). */
export function populationWithRecords(db: Database.Database, populationId: string): { population: PopulationRow; seq: number } {
  const row = db.prepare('SELECT * FROM population WHERE id = ?').get(populationId) as Row | undefined;
  if (!row) throw new StoreError('ROW_NOT_FOUND', 'This population is not in the engagement', { table: 'population', id: populationId });
  const population = typedRow(POPULATION_TABLE, row);
  const seq = new PopulationStore(db).seqOf(populationId);
  if (seq === null) throw new StoreError('SAMPLING_ROWS_NOT_HERE', "This copy does not hold the population's records", { name: population.name });
  return { population, seq };
}
