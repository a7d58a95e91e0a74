import { DOMAIN_TABLES } from '../../shared/tables/index.ts';
import type { TableDecl } from '../../shared/tables/table.ts';

export { MERGE_COLUMNS } from '../../shared/tables/table.ts';
export { fieldProblem, hasDefault } from '../../shared/tables/field-rules.ts';
export type { FieldSpec, FieldType } from '../../shared/tables/field-types.ts';
export type { ParentLink } from '../../shared/tables/table.ts';

/**
 * Every table of the engagement file. The domain tables are declared once in shared/tables/ (the
 * capabilities' lists); the log tables are the store's own bookkeeping that travels verbatim. The
 * merge engine, the change log and the field validation read this; registry.test.ts checks it
 * against the schema the migrations produce, column by column, so it cannot drift.
 *
 * - log: replicas, the change log itself, file identity, conflicts (a projection), import records.
 * - content: stored bytes by SHA-256 (blob, blob_chunk). Outside the change log: rows of domain
 *   tables name a blob by its hash (field kind 'blob'), packages carry the bytes in their own section.
 * - bulk: a sampling population's records (population_data, population_row, population_order).
 *   Outside the change log: the immutable `population` row (one entry) names them by id and content
 *   hash, packages carry them as bulk sections, and this copy builds their canonical order itself.
 */
export type TableClass = TableDecl['class'] | 'log' | 'content' | 'bulk';

export interface TableSpec extends Omit<TableDecl, 'class'> {
  readonly class: TableClass;
}

const log = (name: string, naturalKey: readonly string[] | null, parent: string | null = null): TableSpec => ({
  name,
  class: 'log',
  fields: [],
  parents: parent ? [{ field: 'replica_id', table: parent }] : [],
  naturalKey,
});

export const TABLES: readonly TableSpec[] = [
  ...DOMAIN_TABLES,
  log('file_meta', ['key']),
  log('schema_migration', ['version']),
  log('replica', null),
  log('change_log', ['replica_id', 'seq'], 'replica'),
  log('change_value', ['replica_id', 'seq'], 'replica'),
  log('replica_knowledge', ['replica_id', 'from_seq'], 'replica'),
  // A projection of the log, rebuilt by the merge engine; never merged itself.
  log('conflict', ['entity', 'row_id', 'field']),
  log('import_record', null),
  log('member_copy', null),
  { name: 'blob', class: 'content', fields: [], parents: [], naturalKey: ['id'] },
  { name: 'blob_chunk', class: 'content', fields: [], parents: [{ field: 'blob_id', table: 'blob' }], naturalKey: ['blob_id', 'seq'] },
  { name: 'population_data', class: 'bulk', fields: [], parents: [], naturalKey: ['seq'] },
  { name: 'population_row', class: 'bulk', fields: [], parents: [], naturalKey: ['population_seq', 'row_no'] },
  { name: 'population_order', class: 'bulk', fields: [], parents: [], naturalKey: ['population_seq', 'column_name', 'stratum'] },
];

const byName = new Map(TABLES.map((table) => [table.name, table]));

export function tableSpec(name: string): TableSpec {
  const spec = byName.get(name);
  if (!spec) throw new Error(`Table ${name} is not in the registry`);
  return spec;
}

export function immutableTables(): TableSpec[] {
  return TABLES.filter((t) => t.class === 'immutable');
}

export function mergeableTables(): TableSpec[] {
  return TABLES.filter((t) => t.class === 'mergeable');
}
